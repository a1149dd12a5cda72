"""Issue #3 journey: regency staff register a village library, a consultant assesses it
and sees its stage change."""


import pytest
from playwright.sync_api import expect

from programs.models import Criterion
from tests.factories import VillageFactory
from villages.models import Library

pytestmark = pytest.mark.browser


@pytest.fixture
def ladder_without_training(default_ladder):
    """The default ladder, minus the Rintisan criteria that read training records.

    Trainings (SPP-TIK, RTL) come from the activities journey; here the stage must
    move on the consultant's attestation alone.
    """
    Criterion.objects.filter(measure__in=["spptik_trained", "work_plans"]).delete()


def test_regency_staff_register_library_and_consultant_assessment_moves_its_stage(
    site, page, log_in, regency_staff, consultant, ladder_without_training
):
    VillageFactory(code="63.11.05.2005", name="Lampihong Kanan")

    # Regency staff register the library from a phone.
    log_in("staf_balangan")
    page.goto(f"{site}/libraries/new/")
    page.locator("#id_level").select_option("village")
    page.locator("#id_village").fill("Lampihong")
    page.locator("#id_village-suggestions [role=option]").first.click()
    page.locator("#id_name").fill("Perpustakaan Desa Lampihong Kanan")
    page.locator("#id_manager_name").fill("Siti Rahmah")
    page.locator("#id_manager_phone").fill("0812-5555-0101")
    page.locator("#id_floor_area_m2").fill("60")
    for day in ("mon", "tue", "wed", "thu"):
        page.locator(f"#id_{day}_opens").fill("08:00")
        page.locator(f"#id_{day}_closes").fill("14:00")
    page.locator("#id_latitude").fill("-2.3056")
    page.locator("#id_longitude").fill("115.3980")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("sudah terdaftar")).to_be_visible()

    library = Library.objects.get(name="Perpustakaan Desa Lampihong Kanan")
    assert library.village_id == "63.11.05.2005"
    assert library.regency_id == "63.11"
    expect(page.get_by_test_id("current-stage")).to_have_text("Belum mencapai tahap")

    # The consultant of Kalimantan Selatan visits and confirms the opening hours.
    page.context.clear_cookies()
    log_in("konsultan")
    page.goto(f"{site}{library.get_absolute_url()}")
    page.get_by_role("link", name="Catat penilaian").click()
    page.get_by_label("Tanggal kunjungan").fill("2026-11-02")
    page.get_by_label("Temuan").fill("Buka empat hari seminggu, pengunjung anak-anak ramai.")
    opening_hours = Criterion.objects.get(name_en="Regular opening hours confirmed")
    page.locator(f"input[name=verdict_{opening_hours.pk}][value=met]").check()
    page.get_by_role("button", name="Simpan penilaian").click()

    expect(page.get_by_test_id("current-stage")).to_have_text("Rintisan")
    library.refresh_from_db()
    assert library.progress.stage.name == "Rintisan"
