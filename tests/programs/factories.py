"""Factories for the programs app."""

from datetime import date, timedelta
from decimal import Decimal

import factory

from programs.models import (
    Assessment,
    AssessmentItem,
    Criterion,
    CriterionKind,
    Participation,
    Program,
    Stage,
    Verdict,
)
from tests.factories import LibraryFactory, UserFactory


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ("code",)

    code = "tpbis"
    name = "TPBIS"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    library = factory.SubFactory(LibraryFactory)
    program = factory.SubFactory(ProgramFactory)
    year = 2022

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the one write path, so the library's figures follow as in the portal.
        from programs.services import participation_save

        from ..factories import national_admin

        return participation_save(participation=model_class(*args, **kwargs), user=national_admin())


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Stage {n}")


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    stage = factory.SubFactory(StageFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    kind = CriterionKind.COMPUTED
    measure = "points"
    threshold = Decimal("10")


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    library = factory.SubFactory(LibraryFactory)
    author = factory.SubFactory(UserFactory)
    visited_on = date(2024, 1, 10)
    findings = "Findings"


class AssessmentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentItem

    assessment = factory.SubFactory(AssessmentFactory)
    criterion = factory.SubFactory(CriterionFactory, kind=CriterionKind.ATTESTED, measure="", threshold=None)
    verdict = Verdict.MET


def day_last_month(day: int = 1) -> date:
    """Day `day` of the month before the current one: windowed criteria count only completed months."""
    from django.utils import timezone

    return (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=day)
