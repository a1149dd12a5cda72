"""A stored stage is never older than its data: data changes and ladder changes recompute it."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from perpus.followups.services import due

from programs.measures import months_before
from programs.models import Criterion, LibraryProgress, Stage
from programs.selectors import progress_panel
from programs.services import recompute_progress
from tests.factories import LibraryFactory
from tests.villages.factories import LibraryStatisticFactory

from .factories import CriterionFactory

pytestmark = pytest.mark.django_db


def stored_met(library, criterion) -> bool:
    return LibraryProgress.objects.get(library=library).criteria[str(criterion.pk)]["met"]


def panel_row(library, criterion):
    panel = progress_panel(library, AnonymousUser())
    return next(row for stage in panel["stages"] for row in stage.criteria if row.criterion.pk == criterion.pk)


def test_saved_statistics_show_the_criterion_met_at_once(library):
    """Default ladder: "Monthly statistics recorded (last 3 months)" reads the statistics."""
    criterion = Criterion.objects.get(measure="months_with_statistics", window_months=3)
    recompute_progress(library_ids=[library.pk])
    assert not stored_met(library, criterion)
    assert panel_row(library, criterion).met is False
    this_month = timezone.localdate().replace(day=1)
    # The three months before this one: the month in progress does not count.
    for back in (1, 2, 3):
        LibraryStatisticFactory(library=library, month=months_before(this_month, back))
    # What the villages statistics service records, inside its transaction.
    due("library.statistics", library_ids=[library.pk])
    assert stored_met(library, criterion)
    row = panel_row(library, criterion)
    assert row.met is True and row.value == 3
    panel = progress_panel(library, AnonymousUser())
    assert panel["is_live"] is False  # read from the stored stage, which is up to date
    assert criterion.pk not in [r.criterion.pk for r in panel["next_stage"].unmet]


def _libraries(count):
    return [LibraryFactory() for _ in range(count)]


def test_portal_ladder_change_recomputes_every_library(login, program_admin, ladder, measure_data):
    libraries = _libraries(3)
    for library in libraries:
        measure_data.points[library.pk] = 10
    recompute_progress()
    assert {p.stage for p in LibraryProgress.objects.all()} == {ladder["A"]}
    client = login(program_admin)
    # Raise A's threshold: nobody meets it any more.
    data = {
        "stage": ladder["A"].pk, "order": 1, "name": "Ten points", "description": "",
        "kind": "computed", "measure": "points", "threshold": "20", "window_months": "",
    }
    assert client.post(reverse("programs:criterion_update", args=[ladder["points"].pk]), data).status_code == 302
    assert {p.stage for p in LibraryProgress.objects.filter(library__in=libraries)} == {None}
    # Delete the criterion: stage A has none left, so every library reaches it again.
    assert client.post(reverse("programs:criterion_delete", args=[ladder["points"].pk])).status_code == 302
    assert {p.stage for p in LibraryProgress.objects.filter(library__in=libraries)} == {ladder["A"]}
    # A new first stage with an unmet criterion: nobody has a stage.
    assert client.post(reverse("programs:stage_create"), {"order": 0, "name": "Nol", "description": ""}).status_code == 302
    zero = Stage.objects.get(name="Nol")
    CriterionFactory(stage=zero, measure="points", threshold=Decimal("99"))
    client.post(reverse("programs:stage_update", args=[zero.pk]), {"order": 0, "name": "Nol", "description": ""})
    assert {p.stage for p in LibraryProgress.objects.filter(library__in=libraries)} == {None}
    assert client.post(reverse("programs:stage_delete", args=[zero.pk])).status_code == 302
    assert {p.stage for p in LibraryProgress.objects.filter(library__in=libraries)} == {ladder["A"]}


def test_admin_ladder_change_recomputes_every_library(admin_client, ladder, measure_data):
    library = LibraryFactory()
    measure_data.points[library.pk] = 10
    recompute_progress()
    assert LibraryProgress.objects.get(library=library).stage == ladder["A"]
    url = reverse("admin:programs_criterion_change", args=[ladder["points"].pk])
    data = {
        "stage": ladder["A"].pk, "order": 1, "name": "Ten points", "name_en": "", "description": "",
        "description_en": "", "kind": "computed", "measure": "points", "threshold": "11", "window_months": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert LibraryProgress.objects.get(library=library).stage is None
    admin_client.post(reverse("admin:programs_criterion_delete", args=[ladder["points"].pk]), {"post": "yes"})
    assert LibraryProgress.objects.get(library=library).stage == ladder["A"]


def test_ladder_change_recomputes_in_bulk(ladder, measure_data, django_assert_max_num_queries):
    """The query count of a ladder change does not grow with the number of libraries."""
    libraries = _libraries(40)
    for library in libraries:
        measure_data.points[library.pk] = 10
    # All libraries (1) + ladder (2) + measures (2) + verdicts (1) + previous (1) + upserts (2) + savepoints.
    with django_assert_max_num_queries(12):
        summary = recompute_progress()
    assert summary.libraries >= 40
    assert LibraryProgress.objects.filter(stage=ladder["A"]).count() == 40
