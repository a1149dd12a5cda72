"""Every programs page renders for the program admin in both languages (no undefined variables)."""

import pytest
from django.urls import reverse

from programs.models import Criterion, Program, Stage
from tests.languages import use_language

from .factories import AssessmentFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["id", "en"])
def test_admin_pages_render(login, program_admin, library, language):
    tpbis = Program.objects.get(code="tpbis")
    entry = ParticipationFactory(library=library, program=tpbis, books_received=3, computers_received=1)
    assessment = AssessmentFactory(library=library, author=program_admin)
    client = login(program_admin)
    use_language(client, language)
    urls = [
        reverse("programs:program_list"),
        reverse("programs:program_update", args=[tpbis.pk]),
        reverse("programs:participation_list"),
        reverse("programs:participation_update", args=[entry.pk]),
        reverse("programs:ladder"),
        reverse("programs:stage_update", args=[Stage.objects.first().pk]),
        reverse("programs:criterion_update", args=[Criterion.objects.first().pk]),
        reverse("programs:criterion_create") + f"?stage={Stage.objects.first().pk}",
        reverse("programs:assessment_list"),
        reverse("programs:assessment_detail", args=[assessment.pk]),
        reverse("programs:assessment_update", args=[assessment.pk]),
        reverse("programs:library_progress", args=[library.pk]),
        reverse("programs:dashboard"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(reverse("programs:ladder")).content.decode()
    expected = "Hitung ulang semua tahap" if language == "id" else "Recompute all stages"
    assert expected in page


def test_read_only_pages_answer_post_with_405(login, program_admin, library, settings):
    """Every programs page that only shows something refuses POST (nothing changes)."""
    assessment = AssessmentFactory(library=library, author=program_admin)
    client = login(program_admin)
    urls = [
        reverse("programs:program_list"),
        reverse("programs:participation_list"),
        reverse("programs:ladder"),
        reverse("programs:assessment_list"),
        reverse("programs:assessment_detail", args=[assessment.pk]),
        reverse("programs:library_progress", args=[library.pk]),
        reverse("programs:dashboard"),
        reverse("programs:evidence_file", args=[1]),
    ]
    for url in urls:
        assert client.post(url).status_code == 405, url
