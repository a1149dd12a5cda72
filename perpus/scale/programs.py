"""The seeder's program data: cohorts, monitoring visits, assessments, stages and the
dashboards' summaries, then the planner's statistics."""

from __future__ import annotations

import datetime

from programs.models import Assessment, Participation, Program, StageSnapshot

from .data import BATCH, YEARS, months_before
from .inserts import Batches


class ProgramSteps:
    """Steps of `ScaleSeeder` (whose state they share): the program's view of the libraries."""

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
        batches = Batches(StageSnapshot, BATCH)
        months = months_before(self.today, 12)[::-1]
        for pk, *_ in self.village_libraries:
            level = 0
            for month in months:
                if level < len(stages) and self.random.random() < 0.12:
                    level += 1
                stage = stages[level - 1] if level else None
                batches.add(StageSnapshot(library_id=pk, stage=stage, stage_order=level, date=month,
                                          reason="monthly"))
            batches.write_if_full()
        return batches.write_if_full(force=True)

    def current_stages(self) -> int:
        """Every library's stage today, computed by the portal's own service."""
        from programs.services import recompute_progress

        return recompute_progress().libraries

    def dashboard_summaries(self) -> int:
        """The dashboards' summary tables, as the nightly `refresh_dashboard` builds them."""
        from programs.services.dashboard_summary import refresh_dashboard_summaries

        refresh_dashboard_summaries()
        return len(self.library_rows)

    def analyze(self) -> int:
        """Refresh the query planner's statistics (SQLite and PostgreSQL both know ANALYZE);
        without them a planner guesses, and guesses badly over a million fresh rows. The
        VACUUM PostgreSQL also needs runs after the commit (`perpus.scale.vacuum`)."""
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return 0
