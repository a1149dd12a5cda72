"""The programs services check scope and the forms' rules themselves, whatever the channel:
a refused write changes nothing and records no follow-up."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from programs import services
from programs.models import Assessment, AssessmentEvidence, Participation, Program
from tests.factories import national_admin

from .factories import AssessmentFactory, AssessmentItemFactory, ProgramFactory
from .visit_helpers import VisitFactory


def test_programs_are_changed_by_the_program_admin_only(recorded_follow_ups, consultant):
    with pytest.raises(PermissionDenied):
        services.program_save(program=Program(code="csr", name="CSR"), user=consultant)
    assert not Program.objects.filter(code="csr").exists() and recorded_follow_ups() == []
    services.program_save(program=Program(code="csr", name="CSR"), user=national_admin())
    assert {(c, f, t) for c, f, t in recorded_follow_ups()} == {("program", "dashboards", "*")}


def test_a_program_code_used_twice_or_with_cohorts_is_refused(program_admin, library):
    program = ProgramFactory(code="replikasi")
    with pytest.raises(ValidationError):
        services.program_save(program=Program(code="replikasi", name="Lagi"), user=program_admin)
    services.participation_save(participation=Participation(library=library, program=program, year=2023), user=program_admin)
    with pytest.raises(ValidationError):
        services.program_delete(program=program, user=program_admin)
    assert Program.objects.filter(pk=program.pk).exists()


def test_cohort_entries_are_changed_by_the_program_admin_only(library, regency_staff, program_admin):
    program = ProgramFactory()
    entry = Participation(library=library, program=program, year=2023)
    with pytest.raises(PermissionDenied):
        services.participation_save(participation=entry, user=regency_staff)
    services.participation_save(participation=entry, user=program_admin)
    with pytest.raises(ValidationError):  # the same library twice in one cohort
        services.participation_save(participation=Participation(library=library, program=program, year=2023), user=program_admin)
    with pytest.raises(PermissionDenied):
        services.participation_delete(participation=entry, user=regency_staff)
    assert Participation.objects.count() == 1


def test_an_assessment_outside_the_scope_is_refused(recorded_follow_ups, outside_consultant, library):
    with pytest.raises(PermissionDenied):
        services.assessment_create(author=outside_consultant, library=library, visited_on=date(2024, 1, 10), findings="x")
    assert not Assessment.objects.exists() and recorded_follow_ups() == []


def test_an_assessment_outside_its_visit_is_refused(consultant, library, outside_library):
    visit = VisitFactory(regency=library.regency, author=consultant, starts_on=date(2025, 3, 10), ends_on=date(2025, 3, 11))
    with pytest.raises(ValidationError) as refused:
        services.assessment_create(author=consultant, library=library, visited_on=date(2025, 3, 20), findings="x", visit=visit)
    assert "visited_on" in refused.value.error_dict
    elsewhere = VisitFactory(regency=outside_library.regency, author=consultant)
    with pytest.raises(ValidationError) as refused:
        services.assessment_create(author=consultant, library=library, visited_on=elsewhere.starts_on, findings="x", visit=elsewhere)
    assert "visit" in refused.value.error_dict
    assert not Assessment.objects.exists()


def test_only_its_author_or_the_program_admin_changes_an_assessment(consultant, second_consultant, library):
    assessment = AssessmentFactory(library=library, author=consultant)
    values = {"visited_on": assessment.visited_on, "findings": "Diubah"}
    with pytest.raises(PermissionDenied):
        services.assessment_update(assessment=assessment, user=second_consultant, **values)
    services.assessment_update(assessment=assessment, user=national_admin(), **values)
    assert Assessment.objects.get(pk=assessment.pk).findings == "Diubah"


def test_an_assessment_with_evidence_is_kept(consultant, second_consultant, library):
    item = AssessmentItemFactory(assessment__library=library, assessment__author=consultant)
    evidence = AssessmentEvidence.objects.create(item=item, file="bukti.pdf", uploaded_by=consultant)
    with pytest.raises(PermissionDenied):
        services.evidence_delete(evidence=evidence, user=second_consultant)
    services.evidence_delete(evidence=evidence, user=consultant)
    with pytest.raises(ValidationError):
        services.assessment_delete(assessment=item.assessment, user=consultant)
    assert Assessment.objects.filter(pk=item.assessment_id).exists()

