"""The seeder's reviewed records: activities with their history, partnerships, support,
products and stories, each with a plausible review status."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from activities.models import (
    Activity,
    ActivityKind,
    ActivityLevel,
    ImpactStory,
    Partnership,
    Product,
    RecordEvent,
    SupportRecord,
)
from activities.models.activities import kind_search_text
from perpus.textsearch import normalise
from villages.models import Library, LibraryLevel
from villages.search_text import library_texts

from .data import ACTIVITIES, ACTIVITY_TITLES, BATCH, KIND_WEIGHTS
from .inserts import FastInserter, own_timestamps


class RecordSteps:
    """Steps of `ScaleSeeder` (whose state they share): what the libraries did."""

    def _status(self, day: datetime.date, village: bool) -> dict:
        """Review fields of a record dated `day`: old ones mostly verified, recent ones waiting."""
        age = (self.today - day).days
        roll = self.random.random()
        waiting = 0.5 if age < 45 else 0.04
        created = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        fields = {"created_at": created, "updated_at": created, "needs_check": village}
        if roll < 0.03:
            fields["status"] = "draft"
        elif roll < 0.045:
            fields["status"] = "returned"
            fields["return_reason"] = "Lengkapi jumlah peserta perempuan."
        elif roll < 0.045 + waiting:
            fields["status"] = "checked" if village and self.random.random() < 0.3 else "submitted"
            fields["submitted_at"] = created + datetime.timedelta(days=self.random.randint(0, 5))
        else:
            fields["status"] = "verified"
            fields["submitted_at"] = created + datetime.timedelta(days=1)
            fields["verified_at"] = created + datetime.timedelta(days=self.random.randint(2, 30))
        if self.random.random() < 0.01:
            fields["deleted_at"] = created + datetime.timedelta(days=self.random.randint(1, 60))
        return fields

    def _author(self, province, regency) -> int:
        return self.regency_staff.get(regency) or self.admin.pk

    def activities(self) -> int:
        count = max(1, int(ACTIVITIES * self.fraction))
        # Some libraries are far busier than others.
        weights = [self.random.paretovariate(1.6) for _ in self.library_rows]
        kinds = list(KIND_WEIGHTS)
        kind_weights = list(KIND_WEIGHTS.values())
        content_type = ContentType.objects.get_for_model(Activity).pk
        span = (self.today - self.start).days
        activities = FastInserter(Activity)
        events = FastInserter(RecordEvent)
        levels = {LibraryLevel.VILLAGE: ActivityLevel.VILLAGE, LibraryLevel.REGENCY: ActivityLevel.REGENCY}
        # What `Activity.save()` writes as `search_text`, from parts computed once.
        library_text = library_texts(Library)
        venue, summary = "Balai desa", "Kegiatan bersama warga di perpustakaan desa."
        own_text = {
            (kind, title): normalise(title, venue, summary) + kind_search_text(kind)
            for kind, titles in ACTIVITY_TITLES.items()
            for title in titles
        }
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            picks = self.random.choices(self.library_rows, weights=weights, k=size)
            kind_picks = self.random.choices(kinds, weights=kind_weights, k=size)
            rows = []
            for (pk, level, province, regency), kind in zip(picks, kind_picks):
                day = self.start + datetime.timedelta(days=self.random.randrange(span))
                female = self.random.randint(0, 40)
                male = self.random.randint(0, 30)
                title = self.random.choice(ACTIVITY_TITLES[kind])
                rows.append({
                    "library_id": pk, "province_id": province, "regency_id": regency,
                    "created_by_id": self._author(province, regency),
                    "title": title, "kind": kind,
                    "level": levels.get(level, ActivityLevel.PROVINCE),
                    "start_date": day, "end_date": day, "venue": venue,
                    "summary": summary,
                    "search_text": own_text[kind, title] + library_text.get(pk, ""),
                    "participants_female": female, "participants_male": male,
                    "participants_children": min(female + male, self.random.randint(0, 20)),
                    "training_type": "spptik" if kind == ActivityKind.TRAINING else "",
                    **self._status(day, level == LibraryLevel.VILLAGE),
                })
            ids = activities.insert(rows)
            events.insert([
                {"content_type_id": content_type, "object_id": pk, "action": "created",
                 "user_id": row["created_by_id"], "at": row["created_at"]}
                for pk, row in zip(ids, rows)
            ])
            made += size
            if made % 100_000 < BATCH:
                self.log(f"    {made:,} activities")
        activities.finish()
        events.finish()
        return made

    def records(self) -> int:
        n = lambda base: max(1, int(base * self.fraction))  # noqa: E731
        total = 0
        span = (self.today - self.start).days
        with own_timestamps(Partnership, SupportRecord, Product, ImpactStory):
            for model, count, build in (
                (Partnership, n(20_000), self._partnership),
                (SupportRecord, n(8_000), self._support),
                (Product, n(15_000), self._product),
                (ImpactStory, n(5_000), self._story),
            ):
                rows = []
                for _ in range(count):
                    pk, level, province, regency = self.random.choice(self.village_libraries)
                    day = self.start + datetime.timedelta(days=self.random.randrange(span))
                    rows.append(model(
                        library_id=pk, province_id=province, regency_id=regency,
                        created_by_id=self._author(province, regency),
                        **build(day), **self._status(day, True),
                    ))
                model.objects.bulk_create(rows, batch_size=BATCH)
                total += len(rows)
        return total

    def _partnership(self, day):
        partner = self.random.choice(["SD Negeri 1", "BUMDes Maju Bersama", "PKK Desa", "Puskesmas", "CV Sinar"])
        return {
            "title": f"MoU kerja sama dengan {partner}", "partner_name": partner,
            "partner_type": self.random.choice(["school", "bumdes", "pkk", "health", "csr"]),
            "signed_on": day, "valid_until": day + datetime.timedelta(days=self.random.choice([365, 730, 1095])),
        }

    def _support(self, day):
        if self.random.random() < 0.5:
            return {"kind": "regulation", "title": "Peraturan Kepala Desa tentang perpustakaan desa",
                    "year": day.year, "regulation_type": "perdes", "number": f"{self.random.randint(1, 20)} Tahun {day.year}"}
        return {"kind": "budget", "title": "Alokasi Dana Desa untuk perpustakaan", "year": day.year,
                "budget_source": "dana_desa", "amount": self.random.randint(5, 100) * 1_000_000}

    def _product(self, day):
        return {"name": self.random.choice(["Tas anyaman purun", "Keripik pisang", "Batik tulis", "Madu kelulut"]),
                "group_name": "Kelompok ibu-ibu", "category": self.random.choice(["craft", "food", "fashion"]),
                "reported_on": day, "price": self.random.randint(10, 300) * 1000,
                "income": self.random.randint(1, 50) * 100_000}

    def _story(self, day):
        consent = self.random.random() < 0.8
        return {"title": "Dari perpustakaan ke usaha sendiri", "story": "Setelah ikut pelatihan di perpustakaan desa, "
                "ia mulai menjual hasil kerajinannya.", "happened_on": day, "consent_given": consent,
                "consent_date": day if consent else None}
