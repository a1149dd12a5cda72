"""Nothing is lost by a click on the ladder: a stage or criterion with consultants' verdicts
is retired (kept with them, no longer counted), never deleted, in the portal and the admin.

Deleting a stage whose criterion had evidence once answered 500 (ProtectedError), and
deleting a criterion cascaded its verdicts away.
"""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from programs.models import AssessmentEvidence, AssessmentItem, Criterion, LibraryProgress, Stage, Verdict
from programs.services import compute_progress, recompute_progress
from tests.languages import use_language

from .factories import AssessmentFactory, AssessmentItemFactory, CriterionFactory, day_last_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(ladder, measure_data, library, consultant):
    """The library meets A and B; "Accredited" (stage C) was assessed in two assessments,
    the first with a PDF as evidence. Returns the counts to compare after a click."""
    measure_data.points[library.pk] = 10
    measure_data.events.extend([(library.pk, day_last_month()), (library.pk, day_last_month(2))])
    first = AssessmentItemFactory(
        assessment=AssessmentFactory(library=library, author=consultant, visited_on=date(2024, 1, 5)),
        criterion=ladder["accredited"], verdict=Verdict.MET,
    )
    AssessmentEvidence.objects.create(item=first, file=ContentFile(b"%PDF-1.4 sk", name="sk.pdf"), name="sk.pdf")
    AssessmentItemFactory(
        assessment=AssessmentFactory(library=library, author=consultant, visited_on=date(2024, 6, 5)),
        criterion=ladder["accredited"], verdict=Verdict.NOT_MET, note="Belum ada sertifikat",
    )
    recompute_progress(library_ids=[library.pk])
    return counts()


def counts():
    return {
        "stages": Stage.objects.count(),
        "criteria": Criterion.objects.count(),
        "items": AssessmentItem.objects.count(),
        "evidence": AssessmentEvidence.objects.count(),
    }


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_deleting_a_stage_with_assessed_criteria_retires_it(login, program_admin, ladder, assessed):
    client = login(program_admin)
    url = reverse("programs:stage_delete", args=[ladder["C"].pk])
    page = client.get(url).content.decode()
    assert "Kriteria tahap ini sudah dinilai dalam 2 asesmen" in page
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert any("dipensiunkan, bukan dihapus" in m for m in messages_of(response)), messages_of(response)
    assert counts() == assessed
    stage = Stage.objects.get(pk=ladder["C"].pk)
    assert stage.retired is True
    assert Criterion.objects.get(pk=ladder["accredited"].pk).retired is False


def test_deleting_an_assessed_criterion_retires_it_and_keeps_its_verdicts(
    login, program_admin, ladder, assessed, library
):
    client = login(program_admin)
    url = reverse("programs:criterion_delete", args=[ladder["accredited"].pk])
    page = use_language(client, "en").get(url).content.decode()
    assert "This criterion was assessed in 2 assessments" in page
    response = client.post(url, follow=True)
    assert any("retired rather than deleted" in m for m in messages_of(response)), messages_of(response)
    assert counts() == assessed
    assert Criterion.objects.get(pk=ladder["accredited"].pk).retired is True
    # No longer counted: stage C has no criterion left, so the library reaches it.
    assert LibraryProgress.objects.get(library=library).stage == ladder["C"]
    assert ladder["accredited"].pk not in compute_progress(library_ids=[library.pk])[library.pk].criteria


def test_a_criterion_without_verdicts_is_still_deleted(login, program_admin, ladder, assessed, library, consultant):
    # A criterion shown as "not assessed" in an assessment carries nothing to keep.
    fresh = CriterionFactory(stage=ladder["C"], kind="attested", measure="", threshold=None, name="Replikasi")
    AssessmentItemFactory(
        assessment=library.assessments.first(), criterion=fresh, verdict=Verdict.NOT_ASSESSED
    )
    response = login(program_admin).post(reverse("programs:criterion_delete", args=[fresh.pk]))
    assert response.status_code == 302
    assert not Criterion.objects.filter(pk=fresh.pk).exists()
    assert counts() == assessed


def test_a_retired_criterion_is_reinstated_by_editing_it(login, program_admin, ladder, assessed, library):
    client = login(program_admin)
    accredited = ladder["accredited"]
    client.post(reverse("programs:criterion_delete", args=[accredited.pk]))
    ladder_page = client.get(reverse("programs:ladder")).content.decode()
    assert 'data-testid="retired-criterion"' in ladder_page
    data = {
        "stage": accredited.stage_id, "order": 1, "name": accredited.name, "description": "",
        "kind": "attested", "measure": "", "threshold": "", "window_months": "", "retired": "",
    }
    assert client.post(reverse("programs:criterion_update", args=[accredited.pk]), data).status_code == 302
    assert Criterion.objects.get(pk=accredited.pk).retired is False
    # Counted again: the latest verdict ("not met") keeps the library below C.
    assert LibraryProgress.objects.get(library=library).stage == ladder["B"]


def test_retired_parts_are_hidden_from_other_roles_and_new_assessments(
    login, consultant, program_admin, ladder, assessed, library
):
    login(program_admin).post(reverse("programs:stage_delete", args=[ladder["C"].pk]))
    client = login(consultant)
    ladder_page = client.get(reverse("programs:ladder"))
    assert [stage.pk for stage in ladder_page.context["stages"]] == [ladder["A"].pk, ladder["B"].pk]
    assert "Accredited" not in ladder_page.content.decode()
    form = client.get(reverse("programs:assessment_create", args=[library.pk])).content.decode()
    assert f'name="verdict_{ladder["accredited"].pk}"' not in form
    # The assessments that judged it still show their verdicts.
    detail = client.get(library.assessments.first().get_absolute_url()).content.decode()
    assert "Accredited" in detail


def test_admin_refuses_to_delete_an_assessed_criterion(admin_client, ladder, assessed):
    url = reverse("admin:programs_criterion_delete", args=[ladder["accredited"].pk])
    page = admin_client.get(url).content.decode()
    assert "sudah dinilai dalam 2 asesmen" in page
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert counts() == assessed
    assert Criterion.objects.get(pk=ladder["accredited"].pk).retired is False


def test_admin_refuses_to_delete_a_stage_with_assessed_criteria(admin_client, ladder, assessed):
    url = reverse("admin:programs_stage_delete", args=[ladder["C"].pk])
    assert "sudah dinilai dalam 2 asesmen" in admin_client.get(url).content.decode()
    admin_client.post(url, {"post": "yes"})
    changelist = reverse("admin:programs_stage_changelist")
    admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [ladder["C"].pk], "post": "yes"}
    )
    assert counts() == assessed


def test_admin_bulk_delete_of_criteria_keeps_assessed_ones(admin_client, ladder, assessed):
    changelist = reverse("admin:programs_criterion_changelist")
    response = admin_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [ladder["accredited"].pk, ladder["points"].pk], "post": "yes"},
    )
    assert "sudah dinilai dalam 2 asesmen" in response.content.decode()
    assert counts() == assessed


def test_admin_retires_by_ticking_retired(admin_client, ladder, assessed, library):
    accredited = ladder["accredited"]
    url = reverse("admin:programs_criterion_change", args=[accredited.pk])
    data = {
        "stage": accredited.stage_id, "order": 1, "name": accredited.name, "name_en": "", "description": "",
        "description_en": "", "kind": "attested", "measure": "", "threshold": "", "window_months": "",
        "retired": "on",
    }
    assert admin_client.post(url, data).status_code == 302
    assert counts() == assessed
    assert LibraryProgress.objects.get(library=library).stage == ladder["C"]


def test_admin_keeps_verdicts_without_evidence(admin_client, ladder, assessed, library):
    """Django's own protection stopped only verdicts with evidence; the others cascaded away."""
    visited = CriterionFactory(stage=ladder["C"], kind="attested", measure="", threshold=None, name="Replikasi")
    AssessmentItemFactory(assessment=library.assessments.first(), criterion=visited, verdict=Verdict.MET)
    before = counts()
    response = admin_client.post(reverse("admin:programs_criterion_delete", args=[visited.pk]), {"post": "yes"})
    assert "sudah dinilai dalam 1 asesmen" in response.content.decode()
    assert counts() == before
