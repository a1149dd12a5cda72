"""`ScaleSeeder`: every step of the national dataset, as bulk inserts."""

from __future__ import annotations

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify

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
from perpus.scopes import Role
from programs.models import Assessment, Participation, Program, StageSnapshot
from activities.models.activities import kind_search_text
from perpus.textsearch import normalise
from villages.models import Library, LibraryLevel, LibraryStatistic, Province, Regency, Village
from villages.search_text import library_texts

from .data import (
    ACTIVITIES,
    ACTIVITY_TITLES,
    BATCH,
    KIND_WEIGHTS,
    LIBRARIES,
    MARK,
    PROVINCE_CENTRES,
    YEARS,
)
from .inserts import FastInserter, SeedReport, own_timestamps


class ScaleSeeder:
    """Builds the dataset; `run()` returns a `SeedReport`. Every step is bulk inserts."""

    def __init__(self, *, fraction: float = 1.0, seed: int = 2018, log=print):
        self.fraction = fraction
        self.random = random.Random(seed)
        self.log = log
        self.today = timezone.localdate()
        self.start = self.today - datetime.timedelta(days=365 * YEARS)
        self.report = SeedReport()

    def run(self) -> SeedReport:
        if not Village.objects.exists():
            self._step("regions", lambda: call_command("import_regions", verbosity=0) or Village.objects.count())
        self._step("accounts", self.accounts)
        self._step("libraries", self.libraries)
        self._step("cohorts", self.cohorts)
        self._step("monthly statistics", self.statistics)
        self._step("activities and their history", self.activities)
        self._step("partnerships, support, products, stories", self.records)
        self._step("monitoring visits", self.visits)
        self._step("assessments", self.assessments)
        self._step("stage history", self.stage_history)
        self._step("current stages", self.current_stages)
        self._step("dashboard summaries", self.dashboard_summaries)
        self._step("planner statistics", self.analyze)
        return self.report

    def _step(self, label, function) -> None:
        started = time.perf_counter()
        rows = function()
        seconds = time.perf_counter() - started
        self.report.add(label, rows, seconds)
        self.log(f"  {label}: {rows:,} rows in {seconds:.1f} s")

    # People -----------------------------------------------------------------------

    def accounts(self) -> int:
        """An admin, a consultant per province, staff for each province and regency."""
        User = get_user_model()
        now = timezone.now()
        users = [User(username="scale_admin", role=Role.ADMIN, is_staff=True)]
        provinces = list(Province.objects.values_list("code", flat=True))
        for code in provinces:
            users.append(User(username=f"scale_prov_{code}", role=Role.PROVINCE_STAFF, province_id=code))
            users.append(User(username=f"scale_kons_{code}", role=Role.CONSULTANT))
        for code in Regency.objects.values_list("code", flat=True):
            users.append(
                User(username=f"scale_kab_{code.replace('.', '_')}", role=Role.REGENCY_STAFF, regency_id=code)
            )
        for user in users:
            user.set_unusable_password()
            user.last_login = now - datetime.timedelta(days=self.random.randint(0, 120))
        User.objects.bulk_create(users, batch_size=BATCH, ignore_conflicts=True)
        consultants = {u.username: u for u in User.objects.filter(username__startswith="scale_kons_")}
        through = User.provinces.through
        through.objects.bulk_create(
            [through(user_id=consultants[f"scale_kons_{code}"].pk, province_id=code) for code in provinces],
            ignore_conflicts=True,
        )
        self.admin = User.objects.get(username="scale_admin")
        self.regency_staff = dict(
            User.objects.filter(role=Role.REGENCY_STAFF, username__startswith="scale_kab_").values_list(
                "regency_id", "pk"
            )
        )
        self.consultant_of = {code: consultants[f"scale_kons_{code}"].pk for code in provinces}
        return len(users)

    # Places -------------------------------------------------------------------------

    def libraries(self) -> int:
        """Village libraries in villages drawn across the country, plus every agency library."""
        count = max(1, int(LIBRARIES * self.fraction))
        villages = list(
            Village.objects.filter(code__regex=r"\.2[0-9]{3}$").values_list(
                "code", "name", "district__regency_id", "district__regency__province_id"
            )
        )
        chosen = self.random.sample(villages, min(count, len(villages)))
        rows = []
        number = 0

        def library(**kwargs):
            nonlocal number
            number += 1
            province = kwargs["province_id"]
            lat, lon = PROVINCE_CENTRES.get(province, (-2.5, 118.0))
            return Library(
                npp=f"{MARK}{number:06d}",
                # bulk_create skips save(), which would fill the slug.
                slug=f"{slugify(kwargs['name'])}-{number}",
                latitude=round(lat + self.random.uniform(-1.2, 1.2), 6),
                longitude=round(lon + self.random.uniform(-1.5, 1.5), 6),
                is_published=self.random.random() < 0.92,
                collection_titles=self.random.randint(200, 3000),
                floor_area_m2=self.random.randint(20, 120),
                staff_count=self.random.randint(1, 4),
                computers_in_service=self.random.randint(0, 6),
                has_internet=self.random.random() < 0.7,
                **kwargs,
            )

        for code, name, regency, province in chosen:
            rows.append(
                library(level=LibraryLevel.VILLAGE, village_id=code, regency_id=regency, province_id=province,
                        name=f"Perpustakaan Desa {name}")
            )
        for code, name, province in Regency.objects.values_list("code", "name", "province_id"):
            rows.append(library(level=LibraryLevel.REGENCY, regency_id=code, province_id=province,
                                name=f"Dinas Perpustakaan {name}"))
        for code, name in Province.objects.values_list("code", "name"):
            rows.append(library(level=LibraryLevel.PROVINCE, province_id=code, name=f"Dinas Perpustakaan Provinsi {name}"))
        regencies = dict(Regency.objects.values_list("code", "name"))
        provinces = dict(Province.objects.values_list("code", "name"))
        districts = dict(Village.objects.filter(code__in=[c for c, *_ in chosen]).values_list("code", "district__name"))
        villages_by_code = {code: name for code, name, *_ in chosen}
        for row in rows:
            # What `Library.save()` would write (bulk_create does not call it).
            row.search_text = normalise(row.name, row.npp, row.address, row.description) + normalise(
                villages_by_code.get(row.village_id),
                districts.get(row.village_id),
                regencies.get(row.regency_id),
                provinces.get(row.province_id),
            )
        Library.objects.bulk_create(rows, batch_size=BATCH)
        self.library_rows = list(
            Library.objects.filter(npp__startswith=MARK).values_list("pk", "level", "province_id", "regency_id")
        )
        self.village_libraries = [row for row in self.library_rows if row[1] == LibraryLevel.VILLAGE]
        return len(rows)

    def cohorts(self) -> int:
        program = Program.objects.get(code="tpbis")
        first = self.today.year - YEARS
        rows = [
            Participation(
                library_id=pk, program=program, year=self.random.randint(first, self.today.year - 1),
                books_received=self.random.choice([0, 500, 1000]), computers_received=self.random.randint(0, 3),
                training_received=True,
            )
            for pk, *_ in self.village_libraries
        ]
        Participation.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
        return len(rows)

    def statistics(self) -> int:
        """24 months of visits and loans for each village library, most months reported."""
        months = []
        day = self.today.replace(day=1)
        for _ in range(24):
            day = (day - datetime.timedelta(days=1)).replace(day=1)
            months.append(day)
        total = 0
        batch = []
        for pk, *_ in self.village_libraries:
            size = self.random.randint(20, 400)
            for month in months:
                if self.random.random() < 0.15:  # some months are never reported
                    continue
                female = self.random.randint(0, size)
                batch.append(LibraryStatistic(
                    library_id=pk, month=month, visits_female=female, visits_male=self.random.randint(0, size),
                    new_members=self.random.randint(0, 20), total_members=size * 2,
                    loans=self.random.randint(0, size * 2),
                ))
            if len(batch) >= BATCH:
                LibraryStatistic.objects.bulk_create(batch, ignore_conflicts=True)
                total += len(batch)
                batch = []
        LibraryStatistic.objects.bulk_create(batch, ignore_conflicts=True)
        return total + len(batch)

    # What happened -----------------------------------------------------------------

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

    def visits(self) -> int:
        """About one monitoring visit a year to each regency with libraries, to three of them."""
        from programs.models import Visit

        by_regency: dict[str, list] = {}
        for pk, level, province, regency in self.village_libraries:
            by_regency.setdefault(regency, []).append((pk, province))
        visits, visited = [], []
        for regency, libraries in by_regency.items():
            province = libraries[0][1]
            for year in range(self.today.year - YEARS + 1, self.today.year + 1):
                if self.random.random() < 0.3:
                    continue
                day = datetime.date(year, self.random.randint(1, 12), self.random.randint(1, 28))
                if day > self.today:
                    continue
                users = self.random.randint(5, 20)
                visits.append(Visit(
                    regency_id=regency, province_id=province, starts_on=day, ends_on=day + datetime.timedelta(days=2),
                    team="Konsultan Perpusnas\nStaf Dinas Perpustakaan Provinsi", author_id=self.consultant_of.get(province, self.admin.pk),
                    findings="Perpustakaan desa buka rutin dan ramai dikunjungi anak-anak.",
                    users_interviewed=users, non_users_interviewed=self.random.randint(3, 10),
                ))
                visited.append([pk for pk, _ in self.random.sample(libraries, min(3, len(libraries)))])
        created = Visit.objects.bulk_create(visits, batch_size=BATCH)
        through = Visit.libraries.through
        through.objects.bulk_create(
            [through(visit_id=visit.pk, library_id=pk) for visit, pks in zip(created, visited) for pk in pks],
            batch_size=BATCH,
        )
        return len(created)

    def assessments(self) -> int:
        rows = []
        span = (self.today - self.start).days
        for pk, level, province, regency in self.random.sample(
            self.village_libraries, k=len(self.village_libraries) // 3
        ):
            rows.append(Assessment(
                library_id=pk, author_id=self.consultant_of.get(province, self.admin.pk),
                visited_on=self.start + datetime.timedelta(days=self.random.randrange(span)),
                findings="Perpustakaan buka rutin; pengelola sudah ikut bimtek SPP-TIK.",
            ))
        Assessment.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def stage_history(self) -> int:
        """Twelve monthly snapshots per village library, climbing now and then; then today's stages."""
        from programs.models import Stage

        stages = list(Stage.objects.order_by("order"))
        rows = []
        total = 0
        months = []
        day = self.today.replace(day=1)
        for _ in range(12):
            day = (day - datetime.timedelta(days=1)).replace(day=1)
            months.append(day)
        months.reverse()
        for pk, *_ in self.village_libraries:
            level = 0
            for month in months:
                if level < len(stages) and self.random.random() < 0.12:
                    level += 1
                stage = stages[level - 1] if level else None
                rows.append(StageSnapshot(library_id=pk, stage=stage, stage_order=level, date=month,
                                          reason="monthly"))
            if len(rows) >= BATCH:
                StageSnapshot.objects.bulk_create(rows, ignore_conflicts=True)
                total += len(rows)
                rows = []
        StageSnapshot.objects.bulk_create(rows, ignore_conflicts=True)
        return total + len(rows)


    def dashboard_summaries(self) -> int:
        """The dashboards' summary tables, as the nightly `refresh_dashboard` builds them."""
        from programs.services.dashboard_summary import refresh_dashboard_summaries

        refresh_dashboard_summaries()
        return len(self.library_rows)

    def analyze(self) -> int:
        """Refresh the query planner's statistics (SQLite and PostgreSQL both know ANALYZE);
        without them a planner guesses, and guesses badly over a million fresh rows. On
        PostgreSQL also VACUUM, as autovacuum would soon: until then no page of the fresh
        rows is marked all-visible, and every index-only scan reads the table too (a count
        of the pending records took 170 ms instead of 8)."""
        from django.db import connection

        # VACUUM cannot run in a transaction (the tests seed inside one).
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        return 0

    def current_stages(self) -> int:
        """Every library's stage today, computed by the portal's own service."""
        from programs.services import recompute_progress

        return recompute_progress().libraries
