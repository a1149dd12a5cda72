"""Public pages and files: consent rules, private names and documents, the library include."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from activities.models import ImpactStory, ReviewStatus

from .records_factories import PartnershipFactory, ProductFactory, StoryFactory, SupportFactory

pytestmark = pytest.mark.django_db
VERIFIED = ReviewStatus.VERIFIED


def jpeg_bytes(color="red", size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def stories(library):
    """A consented verified story, a verified one without consent and a consented draft."""
    return {
        "public": StoryFactory(
            library=library, status=VERIFIED, consent_given=True, consent_date="2022-09-15",
            title="Cerita terbuka", person_name="Rahasia Satu",
        ),
        "named": StoryFactory(
            library=library, status=VERIFIED, consent_given=True, consent_date="2022-09-15",
            name_public=True, title="Cerita bernama", person_name="Nama Boleh Tampil",
        ),
        "no_consent": StoryFactory(library=library, status=VERIFIED, title="Cerita tanpa izin", person_name="Rahasia Dua"),
        "draft": StoryFactory(
            library=library, consent_given=True, consent_date="2022-09-15", title="Cerita draf", person_name="Rahasia Tiga",
        ),
    }


def test_public_queryset_needs_verification_and_consent(stories):
    assert set(ImpactStory.objects.public()) == {stories["public"], stories["named"]}


def test_public_story_list_shows_only_consented_verified_stories(client, stories):
    html = client.get(reverse("activities:story_public_list")).content.decode()
    assert "Cerita terbuka" in html and "Cerita bernama" in html
    assert "Cerita tanpa izin" not in html and "Cerita draf" not in html
    for secret in ("Rahasia Satu", "Rahasia Dua", "Rahasia Tiga"):
        assert secret not in html


def test_public_story_detail_hides_name_without_its_consent(client, stories):
    html = client.get(reverse("activities:story_public_detail", args=[stories["public"].pk])).content.decode()
    assert "Cerita terbuka" in html and "Rahasia Satu" not in html
    html = client.get(reverse("activities:story_public_detail", args=[stories["named"].pk])).content.decode()
    assert "Nama Boleh Tampil" in html


@pytest.mark.parametrize("which", ["no_consent", "draft"])
def test_unconsented_or_unverified_story_is_404_publicly(client, stories, which):
    assert client.get(reverse("activities:story_public_detail", args=[stories[which].pk])).status_code == 404


def test_public_search_does_not_match_private_names(client, stories):
    response = client.get(reverse("activities:story_public_list"), {"q": "Rahasia"})
    assert list(response.context["page_obj"]) == []


def test_story_photo_public_only_with_consent(client, login, regency_staff, outside_consultant, stories):
    for story in stories.values():
        story.photo.save("x.jpg", ContentFile(jpeg_bytes()), save=True)
    def photo(which):
        return reverse("activities:story_file", args=[stories[which].pk, "photo"])

    response = client.get(photo("public"))
    assert response.status_code == 200 and response["Cache-Control"] == "public, max-age=3600"
    # Visitors are asked to log in, signed-in users outside the scope get nothing.
    assert [client.get(photo(which)).status_code for which in ("no_consent", "draft")] == [302, 302]
    outsider = login(outside_consultant)
    assert [outsider.get(photo(which)).status_code for which in ("no_consent", "draft")] == [404, 404]
    # Staff in scope see the photo of a story without consent, as a private file.
    response = login(regency_staff).get(photo("no_consent"))
    assert response.status_code == 200 and response["Cache-Control"].startswith("private")


def test_public_product_pages_show_verified_products_only(client, library):
    shown = ProductFactory(library=library, status=VERIFIED, name="Batik tulis Kedawung")
    hidden = ProductFactory(library=library, name="Produk draf")
    html = client.get(reverse("activities:product_public_list")).content.decode()
    assert "Batik tulis Kedawung" in html and "Produk draf" not in html
    assert client.get(reverse("activities:product_public_detail", args=[shown.pk])).status_code == 200
    assert client.get(reverse("activities:product_public_detail", args=[hidden.pk])).status_code == 404


def test_product_photo_public_when_verified(client, library):
    verified = ProductFactory(library=library, status=VERIFIED)
    draft = ProductFactory(library=library)
    for product in (verified, draft):
        product.photo.save("x.jpg", ContentFile(jpeg_bytes()), save=True)
    response = client.get(reverse("activities:product_file", args=[verified.pk, "photo"]))
    assert response.status_code == 200 and b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert client.get(reverse("activities:product_file", args=[draft.pk, "photo"])).status_code == 302
    assert client.get(reverse("activities:product_file", args=[verified.pk, "document"])).status_code == 404


@pytest.mark.parametrize("factory,key", [(PartnershipFactory, "partnership"), (SupportFactory, "support")])
def test_documents_only_in_scope(factory, key, client, login, regency_staff, other_regency_staff, outside_consultant, library):
    record = factory(library=library, status=VERIFIED)
    record.document.save("mou.pdf", ContentFile(b"%PDF-1.4 secret"), save=True)
    url = reverse(f"activities:{key}_file", args=[record.pk, "document"])
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert login(other_regency_staff).get(url).status_code == 404
    assert login(outside_consultant).get(url).status_code == 404
    response = login(regency_staff).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 secret"
    assert "private" in response["Cache-Control"]
    # The stored name is random, not the uploaded one.
    assert "mou" not in record.document.name


def test_public_lists_run_fixed_queries(client, library, django_assert_max_num_queries):
    for _ in range(12):
        ProductFactory(library=library, status=VERIFIED)
        StoryFactory(library=library, status=VERIFIED, consent_given=True, consent_date="2022-09-15")
        PartnershipFactory(library=library, status=VERIFIED)
    # Products and partnerships list the provinces of their filter: one query more.
    with django_assert_max_num_queries(5):
        client.get(reverse("activities:product_public_list"))
    with django_assert_max_num_queries(5):
        client.get(reverse("activities:partnership_public_list"), {"state": "in_force", "province": "63"})
    with django_assert_max_num_queries(4):
        client.get(reverse("activities:story_public_list"))
