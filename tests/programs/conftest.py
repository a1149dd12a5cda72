"""Fixtures of the programs tests: tiny test measures and a small ladder built on them."""

from datetime import date
from decimal import Decimal

import pytest

from perpus.scopes import Role
from programs.measures import MEASURES, Measure
from programs.models import CriterionKind, Stage
from tests.factories import UserFactory

from .factories import CriterionFactory, StageFactory


class TestData:
    """What the test measures read: points per library, and dated events per library."""

    def __init__(self):
        self.points: dict[int, Decimal] = {}
        self.events: list[tuple[int, date]] = []


@pytest.fixture
def measure_data(monkeypatch):
    """Register `points` (a current figure) and `events` (counted in a window) for one test.

    Each runs one query, as a real measure does, so query counts are realistic.
    """
    data = TestData()

    def points(library_ids, start, end):
        from villages.models import Library

        ids = list(Library.objects.filter(pk__in=library_ids).values_list("pk", flat=True))
        return {pk: data.points[pk] for pk in ids if pk in data.points}

    def events(library_ids, start, end):
        from villages.models import Library

        ids = set(Library.objects.filter(pk__in=library_ids).values_list("pk", flat=True))
        counts: dict[int, int] = {}
        for library_id, day in data.events:
            if library_id in ids and start <= day <= end:
                counts[library_id] = counts.get(library_id, 0) + 1
        return counts

    monkeypatch.setitem(MEASURES, "points", Measure("points", "Points", points, windowed=False, unit="pts"))
    monkeypatch.setitem(MEASURES, "events", Measure("events", "Events", events, windowed=True, unit="events"))
    return data


@pytest.fixture
def ladder(db, measure_data):
    """Replace the default ladder with three stages:

    A: points >= 10; B: events >= 2 in the last 3 months; C: attested "Accredited".
    """
    Stage.objects.all().delete()
    a = StageFactory(order=1, name="A")
    b = StageFactory(order=2, name="B")
    c = StageFactory(order=3, name="C")
    return {
        "A": a,
        "B": b,
        "C": c,
        "points": CriterionFactory(stage=a, name="Ten points", measure="points", threshold=Decimal("10")),
        "events": CriterionFactory(
            stage=b, name="Two events", measure="events", threshold=Decimal("2"), window_months=3
        ),
        "accredited": CriterionFactory(
            stage=c, name="Accredited", kind=CriterionKind.ATTESTED, measure="", threshold=None
        ),
    }


@pytest.fixture
def second_consultant(kalsel):
    return UserFactory(username="konsultan2", role=Role.CONSULTANT, assigned_provinces=[kalsel])


@pytest.fixture
def visit(balangan, library, consultant):
    """A consultant's visit to Balangan and its library."""
    from .visit_helpers import VisitFactory

    return VisitFactory(regency=balangan, libraries=[library], author=consultant)


@pytest.fixture
def outside_visit(badung, outside_library):
    """A visit in Bali, outside the consultant's provinces."""
    from datetime import date

    from .visit_helpers import VisitFactory

    return VisitFactory(regency=badung, libraries=[outside_library], starts_on=date(2025, 5, 1), ends_on=date(2025, 5, 1))
