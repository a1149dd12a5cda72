"""Browser journey on a phone: a consultant records a monitoring visit, then an assessment
during it, and the library's page says when it was last visited."""

import pytest
from playwright.sync_api import expect

from programs.models import Assessment, Visit

# The browser fixtures live beside the other journeys; this one sits with the visit tests.

pytestmark = pytest.mark.browser


def test_consultant_records_visit_and_assessment_on_phone(
    site, page, log_in, consultant, library, regency_library, hulu_sungai_utara, default_ladder
):
    log_in("konsultan")
    page.get_by_role("link", name="Catat kunjungan monitoring").first.click()
    # One province: the regencies of Kalimantan Selatan at once, as a list to tap.
    page.get_by_test_id("regency-choices").get_by_role("link", name="Kabupaten Balangan").click()
    expect(page.get_by_test_id("visit-regency")).to_contain_text("Kabupaten Balangan")
    page.get_by_label("Hari pertama").fill("2025-04-01")
    page.get_by_label("Hari terakhir").fill("2025-04-02")
    page.get_by_label("Tim").fill("Budi Santoso (Perpusnas)\nRina (Dispersip Balangan)")
    page.get_by_label("Perpustakaan Desa Juai").check()
    page.get_by_label("Temuan").fill("Jam buka belum tetap.")
    page.locator("#id_users_interviewed").fill("12")
    page.locator("#id_non_users_interviewed").fill("7")
    page.get_by_label("Laporan", exact=True).set_input_files(
        files=[{"name": "laporan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 laporan"}]
    )
    page.get_by_role("button", name="Simpan kunjungan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kunjungan monitoring ke Kabupaten Balangan")
    visit = Visit.objects.get()
    assert visit.province_id == "63" and list(visit.libraries.all()) == [library]
    assert visit.report.name.endswith(".pdf")

    page.get_by_role("link", name="Catat penilaian perpustakaan ini dalam kunjungan ini").click()
    expect(page.locator("#id_visit")).to_have_value(str(visit.pk))
    page.get_by_label("Temuan").fill("Layanan anak berjalan.")
    page.get_by_role("button", name="Simpan penilaian").click()
    expect(page.get_by_test_id("visit-assessments")).to_contain_text("Perpustakaan Desa Juai")
    assert Assessment.objects.get().visit == visit

    page.goto(f"{site}{library.get_absolute_url()}")
    expect(page.get_by_test_id("library-visits")).to_contain_text("Terakhir dikunjungi pada 1 April 2025")
