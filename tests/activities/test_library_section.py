"""The activities section of a library's page: selector (queries) and template (formatting)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse

from activities.selectors import library_section
from villages.sections import library_sections

from .factories import ActivityFactory
from .records_factories import PartnershipFactory, ProductFactory, StoryFactory, SupportFactory

pytestmark = pytest.mark.django_db
VERIFIED = "verified"


def render(section):
    return render_to_string("activities/_library_section.html", {"section": section})


def test_section_shows_public_records_only(library, django_assert_num_queries):
    ActivityFactory(library=library, status=VERIFIED, title="Bimtek menganyam", participants_male=4, participants_female=6)
    ActivityFactory(library=library, status=VERIFIED, title="Kegiatan tanpa peserta", participants_male=0, participants_female=0)
    ActivityFactory(library=library, title="Kegiatan draf")
    PartnershipFactory(library=library, status=VERIFIED, partner_name="LKSA Al-Tamar")
    PartnershipFactory(library=library, partner_name="Mitra draf")
    PartnershipFactory(library=library, status=VERIFIED, partner_name="Mitra kedaluwarsa", valid_until="2023-01-01")
    SupportFactory(library=library, status=VERIFIED, title="Dana Desa 2022")
    ProductFactory(library=library, status=VERIFIED, name="Keripik terverifikasi", sales_url="https://toko.example/keripik")
    ProductFactory(library=library, name="Keripik draf")
    StoryFactory(library=library, status=VERIFIED, consent_given=True, consent_date="2022-09-15", title="Cerita terbuka")
    StoryFactory(library=library, status=VERIFIED, title="Cerita tanpa izin", person_name="Rahasia Dua")
    with django_assert_num_queries(5):
        section = library_section(library, AnonymousUser())
    with django_assert_num_queries(0):
        html = render(section)
    assert {a.title for a in section["activities"]} == {"Kegiatan tanpa peserta", "Bimtek menganyam"}
    assert "Bimtek menganyam" in html and "10 peserta" in html and "Kegiatan draf" not in html
    assert "· 0 peserta" not in html and "peserta tidak dicatat" in html
    assert section["activities_url"] == f"{reverse('activities:activity_public_list')}?library={library.pk}"
    assert section["activities_url"].replace("&", "&amp;") in html
    assert "LKSA Al-Tamar" in html and "Mitra draf" not in html and "Mitra kedaluwarsa" not in html
    assert "Dana Desa 2022" in html and "Rp 25.000.000" in html
    assert "Keripik terverifikasi" in html and "Keripik draf" not in html
    # Where to buy it, on the library's page.
    assert 'href="https://toko.example/keripik"' in html and "Tempat membelinya" in html
    assert "Cerita terbuka" in html and "Cerita tanpa izin" not in html and "Rahasia Dua" not in html


def test_at_most_five_recent_activities_including_those_involving_the_library(library, other_regency_library):
    for day in range(1, 8):
        ActivityFactory(library=library, status=VERIFIED, start_date=datetime.date(2024, 1, day), title=f"K{day}")
    ActivityFactory(
        library=other_regency_library, status=VERIFIED, start_date=datetime.date(2024, 2, 1), title="Bersama",
        libraries=[library],
    )
    titles = [a.title for a in library_section(library, AnonymousUser())["activities"]]
    assert titles == ["Bersama", "K7", "K6", "K5", "K4"]


def test_nothing_public_means_no_section(library):
    ActivityFactory(library=library, title="Kegiatan draf")
    assert library_section(library, AnonymousUser()) is None


def test_unpublished_library_shows_visitors_nothing_and_its_staff_the_verified(library, login, regency_staff):
    library.is_published = False
    library.save()
    ActivityFactory(library=library, status=VERIFIED, title="Kegiatan terverifikasi")
    assert library_section(library, AnonymousUser()) is None
    section = library_section(library, regency_staff)
    assert [a.title for a in section["activities"]] == ["Kegiatan terverifikasi"]


def test_section_is_registered_for_the_library_page(library):
    ActivityFactory(library=library, status=VERIFIED, title="Terdaftar")
    sections = {s.key: s for s in library_sections(library, AnonymousUser())}
    assert sections["activities"].template == "activities/_library_section.html"
    assert "Terdaftar" in render(sections["activities"].data)


def test_staff_of_an_unpublished_library_see_no_private_activity_of_another_scope(
    library, outside_library, regency_staff
):
    """An activity organised elsewhere that involves this library shows only if public."""
    library.is_published = False
    library.save()
    outside_library.is_published = False
    outside_library.save()
    hidden = ActivityFactory(library=outside_library, status=VERIFIED, title="Di luar cakupan")
    hidden.libraries.add(library)
    ActivityFactory(library=library, status=VERIFIED, title="Milik sendiri")
    section = library_section(library, regency_staff)
    assert [a.title for a in section["activities"]] == ["Milik sendiri"]
