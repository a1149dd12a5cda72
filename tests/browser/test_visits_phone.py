"""Browser journey on a phone: a consultant records a monitoring visit, then an assessment
during it, and the library's page says when it was last visited; the visit list's date
filter refuses a reversed range with a message."""

import pytest
from playwright.sync_api import expect

from programs.models import Assessment, Visit

# The browser fixtures live beside the other journeys; this one sits with the visit tests.

pytestmark = pytest.mark.browser


def test_consultant_records_visit_and_assessment_on_phone(
    site, page, log_in, consultant, library, regency_library, hulu_sungai_utara, default_ladder,
    page_problems,
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
    # The assessment on the visit's second day: the library was last visited then.
    page.get_by_label("Tanggal kunjungan").fill("2025-04-02")
    page.get_by_label("Temuan").fill("Layanan anak berjalan.")
    page.get_by_role("button", name="Simpan penilaian").click()
    expect(page.get_by_test_id("visit-assessments")).to_contain_text("Perpustakaan Desa Juai")
    assert Assessment.objects.get().visit == visit

    page.goto(f"{site}{library.get_absolute_url()}")
    # As on the dashboards: the latest of the visit's first day and the assessment's day.
    section = page.get_by_test_id("library-visits")
    expect(section.get_by_test_id("last-visited")).to_have_text("Terakhir dikunjungi pada 2 April 2025.")
    expect(section.get_by_role("link", name="1 Apr 2025 – 2 Apr 2025")).to_be_visible()

    # A reversed date range: the end date says why, the list is not emptied by it.
    page.goto(f"{site}/program/visits/?date_from=2025-04-10&date_to=2025-04-01")
    expect(page.locator("#id_date_to").locator("xpath=..")).to_contain_text(
        "Tanggal selesai tidak boleh sebelum tanggal mulai."
    )
    expect(page.get_by_text("1 kunjungan")).to_be_visible()
    expect(page.get_by_test_id("visit-row")).to_have_count(1)
    # Its download is refused with the reason, and leads back to the list.
    page_problems.allow(400)
    page.locator('a[href*="/exports/visits.csv"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unduhan ditolak")
    expect(page.get_by_test_id("export-invalid-filters")).to_contain_text(
        "Sampai: Tanggal selesai tidak boleh sebelum tanggal mulai."
    )
    page.get_by_role("link", name="Kembali ke daftar").click()
    expect(page).to_have_url(f"{site}/program/visits/?date_from=2025-04-10&date_to=2025-04-01")
