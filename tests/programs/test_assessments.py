"""Monitoring visits: who records, reads and edits them, and what they do to the stage."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from perpus import trash
from programs.models import Assessment, AssessmentEvidence, LibraryProgress, Verdict
from tests.languages import use_language

from .factories import AssessmentFactory, day_last_month

pytestmark = pytest.mark.django_db


def jpeg_bytes(size=(40, 30), exif=None):
    out = io.BytesIO()
    image = Image.new("RGB", size, "red")
    if exif is not None:
        image.save(out, format="JPEG", exif=exif)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


def form_data(ladder, **changes):
    accredited = ladder["accredited"].pk
    data = {
        "visited_on": date.today().isoformat(),
        "findings": "Perpustakaan terakreditasi B.",
        "recommendations": "Lanjutkan.",
        f"verdict_{accredited}": Verdict.MET,
        f"note_{accredited}": "SK akreditasi dilihat.",
    }
    data.update(changes)
    return data


@pytest.fixture
def staged_library(ladder, measure_data, library):
    """The library meets A and B, so an "Accredited" verdict lifts it to C."""
    measure_data.points[library.pk] = 10
    measure_data.events.extend([(library.pk, day_last_month()), (library.pk, day_last_month())])
    return library


def test_consultant_records_assessment_and_stage_changes(login, consultant, staged_library, ladder):
    url = reverse("programs:assessment_create", args=[staged_library.pk])
    client = login(consultant)
    page = client.get(url)
    assert page.status_code == 200
    assert f'name="verdict_{ladder["accredited"].pk}"' in page.content.decode()
    response = client.post(url, form_data(ladder))
    assert response.status_code == 302
    assert response.url == reverse("programs:library_progress", args=[staged_library.pk])
    assessment = Assessment.objects.get(library=staged_library)
    assert assessment.author == consultant
    item = assessment.items.get()
    assert (item.verdict, item.note) == (Verdict.MET, "SK akreditasi dilihat.")
    assert LibraryProgress.objects.get(library=staged_library).stage == ladder["C"]
    page = client.get(response.url).content.decode()
    assert '<span class="badge fs-6 text-bg-success" data-testid="current-stage">C</span>' in page


def test_future_date_and_missing_findings_are_refused(login, consultant, staged_library, ladder):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    response = login(consultant).post(
        reverse("programs:assessment_create", args=[staged_library.pk]),
        form_data(ladder, visited_on=tomorrow, findings=""),
    )
    assert response.status_code == 200
    assert {"visited_on", "findings"} <= set(response.context["form"].errors)
    assert not Assessment.objects.exists()


def test_create_scope(login, outside_consultant, regency_staff, library_manager, program_admin, library, ladder, client):
    url = reverse("programs:assessment_create", args=[library.pk])
    assert login(outside_consultant).get(url).status_code == 404
    assert login(regency_staff).get(url).status_code == 403
    assert login(regency_staff).post(url, form_data(ladder)).status_code == 403
    assert login(library_manager).get(url).status_code == 403
    assert login(program_admin).get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302
    assert not Assessment.objects.exists()


def test_read_scope(login, consultant, regency_staff, other_regency_staff, library_manager, outside_consultant, library, client):
    assessment = AssessmentFactory(library=library, author=consultant)
    url = reverse("programs:assessment_detail", args=[assessment.pk])
    assert login(regency_staff).get(url).status_code == 200
    assert login(library_manager).get(url).status_code == 200
    assert login(other_regency_staff).get(url).status_code == 404
    assert login(outside_consultant).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    listing = login(regency_staff).get(reverse("programs:assessment_list"))
    assert list(listing.context["assessments"]) == [assessment]
    assert list(login(other_regency_staff).get(reverse("programs:assessment_list")).context["assessments"]) == []


def test_only_the_author_edits(login, consultant, second_consultant, regency_staff, library, ladder):
    assessment = AssessmentFactory(library=library, author=consultant, findings="Old")
    url = reverse("programs:assessment_update", args=[assessment.pk])
    assert login(second_consultant).get(url).status_code == 403
    assert login(second_consultant).post(url, form_data(ladder, findings="Hijacked")).status_code == 403
    assert login(regency_staff).get(url).status_code == 403
    response = login(consultant).post(url, form_data(ladder, findings="Corrected"))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.findings == "Corrected"
    assert assessment.items.get().verdict == Verdict.MET


def test_photo_evidence_is_reencoded_without_metadata_and_served_in_scope(
    login, consultant, regency_staff, other_regency_staff, library, ladder, client
):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "S", 2: (2.0, 20.0, 0.0)}  # GPS
    photo = SimpleUploadedFile("bukti.jpg", jpeg_bytes((3000, 2000), exif=exif.tobytes()), "image/jpeg")
    data = form_data(ladder, **{f"evidence_{ladder['accredited'].pk}": photo})
    assert login(consultant).post(reverse("programs:assessment_create", args=[library.pk]), data).status_code == 302
    evidence = AssessmentEvidence.objects.get()
    assert evidence.name == "bukti.jpg" and "bukti" not in evidence.file.name
    with evidence.file.open("rb") as stored, Image.open(stored) as image:
        assert max(image.size) == 1600
        assert not image.getexif()
    url = reverse("programs:evidence_file", args=[evidence.pk])
    response = login(regency_staff).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline")
    assert "private" in response["Cache-Control"] and response["X-Content-Type-Options"] == "nosniff"
    assert login(other_regency_staff).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def _post_evidence(login, consultant, library, ladder, upload):
    data = form_data(ladder, **{f"evidence_{ladder['accredited'].pk}": upload})
    return login(consultant).post(reverse("programs:assessment_create", args=[library.pk]), data)


def _truncated_jpeg():
    data = jpeg_bytes((400, 300))
    return data[: len(data) // 2]


def _bomb_png():
    out = io.BytesIO()
    Image.new("1", (12000, 12000)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("notes.txt", b"hello", "not accepted here"),
        ("fake.jpg", b"this is not an image at all", "not a photo we can read"),
        ("broken.jpg", None, "damaged or incomplete"),
        ("fake.pdf", b"<html>", "not a real PDF"),
        ("bomb.png", "bomb", "too many pixels"),
    ],
)
def test_bad_evidence_is_refused_with_a_message(login, consultant, library, ladder, name, content, message):
    if content is None:
        content = _truncated_jpeg()
    elif content == "bomb":
        content = _bomb_png()
    use_language(login(consultant), "en")
    response = _post_evidence(login, consultant, library, ladder, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    errors = response.context["form"].errors[f"evidence_{ladder['accredited'].pk}"]
    assert message in " ".join(errors)
    assert not Assessment.objects.exists()


def test_bad_evidence_message_in_english(login, consultant, library, ladder):
    client = login(consultant)
    use_language(client, "en")
    response = _post_evidence(login, consultant, library, ladder, SimpleUploadedFile("fake.jpg", b"nope"))
    errors = response.context["form"].errors[f"evidence_{ladder['accredited'].pk}"]
    assert "not a photo we can read" in errors[0]


def test_too_large_evidence_is_refused(login, consultant, library, ladder, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    client = login(consultant)
    use_language(client, "en")
    response = _post_evidence(login, consultant, library, ladder, SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000))
    errors = response.context["form"].errors[f"evidence_{ladder['accredited'].pk}"]
    assert "too large" in errors[0]
    assert not Assessment.objects.exists()


def test_pdf_evidence_is_kept(login, consultant, library, ladder):
    response = _post_evidence(login, consultant, library, ladder, SimpleUploadedFile("sk.pdf", b"%PDF-1.4 test"))
    assert response.status_code == 302
    evidence = AssessmentEvidence.objects.get()
    assert evidence.file.read() == b"%PDF-1.4 test"
    assert evidence.file.name.endswith(".pdf") and "sk.pdf" not in evidence.file.name
    response = login(consultant).get(evidence.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")


def test_new_assessment_form_prefills_today_and_names_each_criterion_once(login, consultant, library, ladder):
    client = login(consultant)
    use_language(client, "en")
    page = client.get(reverse("programs:assessment_create", args=[library.pk])).content.decode()
    assert f'name="visited_on" value="{date.today().isoformat()}"' in page
    assert page.count(ladder["accredited"].label) == 1
    assert "Verdict" in page


@pytest.fixture
def evidence(login, consultant, library, ladder):
    response = _post_evidence(login, consultant, library, ladder, SimpleUploadedFile("sk.pdf", b"%PDF-1.4 test"))
    assert response.status_code == 302
    return AssessmentEvidence.objects.get()


def test_evidence_view_answers_post_with_405(login, consultant, evidence):
    assert login(consultant).post(evidence.get_absolute_url()).status_code == 405


def test_evidence_is_soft_deleted_and_restored_from_the_trash(
    login, consultant, second_consultant, outside_consultant, regency_staff, evidence, client
):
    url = reverse("programs:evidence_delete", args=[evidence.pk])
    assessment = evidence.item.assessment
    assert login(consultant).get(url).status_code == 405
    assert login(outside_consultant).post(url).status_code == 404
    assert login(second_consultant).post(url).status_code == 403
    assert login(regency_staff).post(url).status_code == 403
    client.logout()
    assert client.post(url).status_code == 302 and "login" in client.post(url).url
    evidence.refresh_from_db()
    assert evidence.deleted_at is None

    response = login(consultant).post(url)
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()
    evidence.refresh_from_db()
    assert evidence.deleted_at is not None and evidence.deleted_by == consultant
    assert evidence.file.storage.exists(evidence.file.name)  # the file stays: restorable
    assert login(consultant).get(evidence.get_absolute_url()).status_code == 404
    page = login(consultant).get(assessment.get_absolute_url()).content.decode()
    assert 'data-testid="evidence"' not in page

    kind = trash.kind("evidence")
    assert kind is not None and kind.model is AssessmentEvidence
    assert list(kind.deleted_for(second_consultant)) == []
    listed = list(kind.deleted_for(consultant))
    assert listed == [evidence]
    assert "sk.pdf" in kind.title(listed[0]) and kind.parent_url(listed[0]) == assessment.get_absolute_url()
    with pytest.raises(PermissionDenied):
        kind.restore(evidence, second_consultant)
    kind.restore(evidence, consultant)
    evidence.refresh_from_db()
    assert evidence.deleted_at is None
    assert login(regency_staff).get(evidence.get_absolute_url()).status_code == 200


def test_editing_adds_evidence_beside_the_earlier_file(login, consultant, evidence, ladder):
    assessment = evidence.item.assessment
    upload = SimpleUploadedFile("sk2.pdf", b"%PDF-1.4 second")
    data = form_data(ladder, **{f"evidence_{ladder['accredited'].pk}": upload})
    assert login(consultant).post(reverse("programs:assessment_update", args=[assessment.pk]), data).status_code == 302
    assert sorted(e.name for e in AssessmentEvidence.objects.alive()) == ["sk.pdf", "sk2.pdf"]
