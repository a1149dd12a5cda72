"""The seeder's people and places: accounts, libraries, their monthly statistics."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from perpus.scopes import Role
from perpus.textsearch import normalise
from villages.models import Library, LibraryLevel, LibraryStatistic, Province, Regency, Village

from .data import BATCH, LIBRARIES, MARK, PROVINCE_CENTRES, months_before
from .inserts import Batches


class PlaceSteps:
    """Steps of `ScaleSeeder` (whose state they share): the people, the libraries, and what
    the libraries report each month. `libraries` keeps the rows the later steps draw from."""

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

    def statistics(self) -> int:
        """24 months of visits and loans for each village library, most months reported."""
        months = months_before(self.today, 24)
        batches = Batches(LibraryStatistic, BATCH)
        for pk, *_ in self.village_libraries:
            size = self.random.randint(20, 400)
            for month in months:
                if self.random.random() < 0.15:  # some months are never reported
                    continue
                female = self.random.randint(0, size)
                batches.add(LibraryStatistic(
                    library_id=pk, month=month, visits_female=female, visits_male=self.random.randint(0, size),
                    new_members=self.random.randint(0, 20), total_members=size * 2,
                    loans=self.random.randint(0, size * 2),
                ))
            batches.write_if_full()
        return batches.write_if_full(force=True)
