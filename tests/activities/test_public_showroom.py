"""The public partnerships list, the products showroom and the activity page's story and
share preview: only public rows, filters by province, kind and validity."""

import datetime

import pytest
from django.urls import reverse

from activities.models import ProductCategory, ReviewStatus
from activities.services import activity_photo_add

from .factories import ActivityFactory
from .records_factories import PartnershipFactory, ProductFactory
from .test_files import jpeg_with_gps

pytestmark = pytest.mark.django_db
VERIFIED = ReviewStatus.VERIFIED
PARTNERSHIPS = reverse("activities:partnership_public_list")
PRODUCTS = reverse("activities:product_public_list")


@pytest.fixture
def partnerships(library, outside_library):
    today = datetime.date.today()
    return {
        "in_force": PartnershipFactory(library=library, partner_name="SDN Juai", status=VERIFIED),
        "expired": PartnershipFactory(
            library=library, partner_name="BUMDes Lama", status=VERIFIED,
            signed_on=datetime.date(2019, 1, 1), valid_until=datetime.date(2020, 1, 1),
        ),
        "bali": PartnershipFactory(library=outside_library, partner_name="PKK Badung", status=VERIFIED, valid_until=today + datetime.timedelta(days=30)),
        "draft": PartnershipFactory(library=library, partner_name="Mitra Draf"),
    }


def names(response):
    return {row.partner_name if hasattr(row, "partner_name") else row.name for row in response.context["page_obj"]}


def test_partnerships_list_shows_who_partners_with_which_library(client, partnerships, library):
    response = client.get(PARTNERSHIPS)
    assert names(response) == {"SDN Juai", "BUMDes Lama", "PKK Badung"}
    body = response.content.decode()
    assert library.name in body and "Mitra Draf" not in body
    assert "Expired" in body or "Sudah berakhir" in body


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"state": "in_force"}, {"SDN Juai", "PKK Badung"}),
        ({"state": "expired"}, {"BUMDes Lama"}),
        ({"province": "51"}, {"PKK Badung"}),
        ({"region": "63.11"}, {"SDN Juai", "BUMDes Lama"}),
        ({"q": "badung"}, {"PKK Badung"}),
        ({"state": "nonsense", "province": "99"}, {"SDN Juai", "BUMDes Lama", "PKK Badung"}),
    ],
)
def test_partnerships_filters(client, partnerships, params, expected):
    assert names(client.get(PARTNERSHIPS, params)) == expected


def test_partnership_page_is_public_but_not_its_document(client, partnerships):
    record = partnerships["in_force"]
    response = client.get(reverse("activities:partnership_public_detail", args=[record.pk]))
    assert response.status_code == 200
    assert "/files/document/" not in response.content.decode()
    assert response.context["social"]["type"] == "article"
    draft = partnerships["draft"]
    assert client.get(reverse("activities:partnership_public_detail", args=[draft.pk])).status_code == 404


def test_products_showroom_by_region_and_kind_with_where_sold(client, library, outside_library):
    ProductFactory(library=library, name="Keripik", category=ProductCategory.FOOD, sales_url="https://toko.example.com/k", status=VERIFIED)
    ProductFactory(library=library, name="Anyaman purun", category=ProductCategory.CRAFT, status=VERIFIED)
    ProductFactory(library=outside_library, name="Kopi Bali", category=ProductCategory.FOOD, status=VERIFIED)
    ProductFactory(library=library, name="Produk draf", category=ProductCategory.FOOD)
    assert names(client.get(PRODUCTS)) == {"Keripik", "Anyaman purun", "Kopi Bali"}
    assert names(client.get(PRODUCTS, {"category": "food"})) == {"Keripik", "Kopi Bali"}
    assert names(client.get(PRODUCTS, {"category": "food", "province": "63"})) == {"Keripik"}
    body = client.get(PRODUCTS, {"province": "63"}).content.decode()
    assert "https://toko.example.com/k" in body and library.name in body


def test_activity_page_tells_what_happened_with_a_share_preview(client, library, library_manager):
    activity = ActivityFactory(
        library=library, created_by=library_manager, title="Kelas menjahit", venue="Balai Desa Juai",
        summary="Dua puluh warga belajar menjahit.",
    )
    photo = activity_photo_add(
        activity=activity, user=library_manager, upload=jpeg_with_gps((800, 600)),
        alt_text="Ruang baca", is_person_photo=False, consent_recorded=False,
    )
    activity.status = VERIFIED
    activity.save()
    response = client.get(activity.get_absolute_url())
    body = response.content.decode()
    assert "Balai Desa Juai" in body and "Juai, Kabupaten Balangan, Kalimantan Selatan" in body
    assert f'width="{photo.thumbnail_width}" height="{photo.thumbnail_height}"' in body
    assert (photo.thumbnail_width, photo.thumbnail_height) == (480, 360)
    assert 'loading="lazy"' in body
    social = response.context["social"]
    assert social["title"] == "Kelas menjahit" and social["type"] == "article"
    assert social["description"] == "Dua puluh warga belajar menjahit."
    assert social["image"] == f"http://testserver/activities/photos/{photo.pk}/large.jpg"
    assert 'property="og:image" content="http://testserver/activities/photos/' in body
