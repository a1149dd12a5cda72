"""Issue #4 journey (seed story 3): Balangan's agency records its MoUs with a school and
LKSA Al-Tamar from a phone; the consultant returns the entry once, then verifies it."""

import pytest
from playwright.sync_api import expect

from activities.models import EventAction, Partnership, RecordEvent, ReviewStatus

pytestmark = pytest.mark.browser


def fill_partnership(page, *, partner, partner_type):
    page.locator("#id_partner_name").fill(partner)
    page.locator("#id_partner_type").select_option(partner_type)


def test_regency_staff_record_balangan_mou_consultant_returns_then_verifies(
    site, page, log_in, regency_staff, regency_library, consultant
):
    # Regency staff record the MoUs signed in Paringin on 22 April 2022.
    log_in("staf_balangan")
    page.goto(f"{site}/activities/partnerships/new/")
    expect(page.locator("#id_library")).to_have_value(str(regency_library.pk))
    page.locator("#id_kind").select_option("mou")
    page.locator("#id_title").fill("Nota kesepakatan layanan perpustakaan keliling")
    page.locator("#id_signed_on").fill("2022-04-22")
    page.locator("#id_signed_at").fill("Paringin")
    page.locator("#id_scope").fill("Layanan perpustakaan keliling ke sekolah, TK sampai SLTA.")
    fill_partnership(page, partner="SDN Paringin 1", partner_type="school")
    page.get_by_role("button", name="Simpan dan tambah mitra lain").click()

    # The shared fields of the event are kept for the next partner.
    expect(page.locator("#id_signed_on")).to_have_value("2022-04-22")
    page.locator("#id_title").fill("Nota kesepakatan layanan perpustakaan di LKSA Al-Tamar")
    page.locator("#id_scope").fill("Layanan perpustakaan pada LKSA Al-Tamar.")
    fill_partnership(page, partner="LKSA Al-Tamar", partner_type="lksa")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_role("button", name="Ajukan untuk ditinjau").click()
    expect(page.get_by_text("Diajukan untuk ditinjau.")).to_be_visible()

    lksa = Partnership.objects.get(partner_name="LKSA Al-Tamar")
    assert lksa.status == ReviewStatus.SUBMITTED
    assert Partnership.objects.get(partner_name="SDN Paringin 1").signed_on.isoformat() == "2022-04-22"

    # The consultant of Kalimantan Selatan finds it in the queue and returns it once.
    page.context.clear_cookies()
    log_in("konsultan")
    page.goto(f"{site}/activities/queue/")
    page.get_by_role("link", name="LKSA Al-Tamar").click()
    page.get_by_text("Kembalikan ke penulis").first.click()
    page.get_by_label("Alasan pengembalian").fill("Lampirkan dokumen MoU yang sudah ditandatangani.")
    page.locator("details form button[type=submit]").first.click()
    expect(page.get_by_text("Dikembalikan ke penulis.")).to_be_visible()
    lksa.refresh_from_db()
    assert lksa.status == ReviewStatus.RETURNED

    # The author sees why, completes the entry and submits it again.
    page.context.clear_cookies()
    log_in("staf_balangan")
    page.goto(f"{site}{lksa.get_absolute_url()}")
    expect(page.get_by_text("Lampirkan dokumen MoU yang sudah ditandatangani.")).to_be_visible()
    page.get_by_role("link", name="Ubah").click()
    page.locator("#id_valid_until").fill("2025-04-22")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_role("button", name="Ajukan untuk ditinjau").click()

    # The consultant verifies it; it now counts on public pages and in the ladder.
    page.context.clear_cookies()
    log_in("konsultan")
    page.goto(f"{site}{lksa.get_absolute_url()}")
    page.get_by_role("button", name="Verifikasi").click()
    expect(page.get_by_text("Terverifikasi.")).to_be_visible()

    lksa.refresh_from_db()
    assert lksa.status == ReviewStatus.VERIFIED
    assert lksa.valid_until.isoformat() == "2025-04-22"
    actions = list(RecordEvent.objects.for_record(lksa).order_by("at", "pk").values_list("action", flat=True))
    assert actions == [
        EventAction.CREATED,
        EventAction.SUBMITTED,
        EventAction.RETURNED,
        EventAction.CHANGED,
        EventAction.SUBMITTED,
        EventAction.VERIFIED,
    ]
