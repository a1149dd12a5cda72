"""The scheduled notices `send_notices` gives once a day: what to send, read in bulk.

Each `*_notices(today)` function returns the `Notice`s due on `today` with a key that
makes it unique per person (`perpus.notifications` skips those already given), so a
second run the same day gives nothing twice. Every read is aggregated in SQL: a fixed
number of queries whatever the number of libraries, records and people.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from perpus.notifications.kinds import Kind
from perpus.notifications.services import Notice
from perpus.scopes import REVIEWER_ROLES, Role, Scope, object_in_scope, review_share
from villages.models import Library, LibraryLevel, LibraryStatistic

from .models import Partnership, ReviewStatus
from .registry import record_types
from .services.notices import review_key

#: Days before a partnership's end when its people are told (each once; the nearest only
#: when both are due at once).
EXPIRY_WARNINGS = (90, 30)
#: Days without any report after which those who answer for a library are told.
SILENCE_DAYS = 60


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _users():
    return get_user_model().objects.filter(is_active=True)


def _scoped(people: Q) -> list[tuple[int, Scope]]:
    """The id and `Scope` of each active person matching `people`, as
    `perpus.scopes.scope_of` reads them (a superuser is a program admin). Two queries."""
    users = list(
        _users()
        .filter(people)
        .distinct()
        .values_list("pk", "is_superuser", "role", "province_id", "regency_id", "library_id")
    )
    consultants = [user[0] for user in users if user[2] == Role.CONSULTANT and not user[1]]
    provinces = defaultdict(set)
    if consultants:
        for user_id, province_id in get_user_model().provinces.through.objects.filter(
            user_id__in=consultants
        ).values_list("user_id", "province_id"):
            provinces[user_id].add(province_id)
    scoped = []
    for pk, superuser, role, province_id, regency_id, library_id in users:
        role = Role.ADMIN if superuser else role
        province_ids = provinces[pk] if role == Role.CONSULTANT else {province_id} - {None}
        scoped.append((pk, Scope(role, frozenset(province_ids), regency_id, library_id)))
    return scoped


#: Who answers for a library when something must be said about it, nearest first: the first
#: of these roles with an active person whose scope holds the library is told. Program
#: admins, who see every library, are on call for none.
ANSWERING_ROLES = (Role.REGENCY_STAFF, Role.PROVINCE_STAFF, Role.CONSULTANT)


def answering_for(libraries: list[dict]) -> dict[int, list[int]]:
    """The ids of the people who answer for each library (dicts with `pk`, `province_id` and
    `regency_id`), by library id: those of the nearest role of `ANSWERING_ROLES` whose scope
    holds it (`perpus.scopes.object_in_scope`, the rule of `can_view`); an empty list when
    nobody does. Two queries, whatever the number of libraries."""
    provinces = {lib["province_id"] for lib in libraries}
    people = _scoped(
        Q(role__in=ANSWERING_ROLES, is_superuser=False)
        & (
            Q(regency__province_id__in=provinces)
            | Q(province_id__in=provinces)
            | Q(provinces__in=provinces)
        )
    )
    paths = Library.objects.all().scope_paths
    by_place = {}
    for province_id, regency_id in {(lib["province_id"], lib["regency_id"]) for lib in libraries}:
        # The people of one place are the same for all its libraries: library managers, the
        # only scope narrower than a regency, answer for none of them.
        place = Library(province_id=province_id, regency_id=regency_id)
        holding = defaultdict(list)
        for pk, scope in people:
            if object_in_scope(scope, paths, place, write=False):
                holding[scope.role].append(pk)
        by_place[province_id, regency_id] = next(
            (sorted(holding[role]) for role in ANSWERING_ROLES if holding[role]), []
        )
    return {lib["pk"]: by_place[lib["province_id"], lib["regency_id"]] for lib in libraries}


# Records waiting for review -----------------------------------------------------------


def waiting_counts() -> tuple[dict, dict]:
    """Records waiting for the regency's check by regency id, and for verification by province
    id, over every record type (one aggregated query per type)."""
    check, verify = defaultdict(int), defaultdict(int)
    for rtype in record_types():
        rows = (
            rtype.model.objects.alive()
            .filter(status__in=(ReviewStatus.SUBMITTED, ReviewStatus.CHECKED))
            .values("province_id", "regency_id")
            .annotate(
                check=Count("pk", filter=Q(status=ReviewStatus.SUBMITTED, needs_check=True)),
                verify=Count(
                    "pk",
                    filter=Q(status=ReviewStatus.SUBMITTED, needs_check=False)
                    | Q(status=ReviewStatus.CHECKED),
                ),
            )
            .order_by()
        )
        for row in rows:
            if row["check"] and row["regency_id"]:
                check[row["regency_id"]] += row["check"]
            verify[row["province_id"]] += row["verify"]
    return check, verify


def review_notices(today: datetime.date) -> list[Notice]:
    """One notice per reviewer with records waiting for their check or verification (the
    rules of `perpus.scopes.checker_q`/`verifier_q`), at most one a day. Seven queries."""
    check, verify = waiting_counts()
    url, key = reverse("activities:queue"), review_key(today)
    notices = []
    for pk, scope in _scoped(Q(is_superuser=True) | Q(role__in=REVIEWER_ROLES)):
        to_check, to_verify = review_share(scope, check, verify)
        if to_check or to_verify:
            notices.append(
                Notice(pk, Kind.REVIEW_WAITING, {"check": to_check, "verify": to_verify}, url, key)
            )
    return notices


# Partnerships that expire -------------------------------------------------------------


def partnership_notices(today: datetime.date) -> list[Notice]:
    """Verified partnerships ending within 90 days, to those who may change them (the
    library's managers, the regency's staff, the province's staff for province-level
    ones): once at 90 days and once at 30. Two queries."""
    rows = list(
        Partnership.objects.verified()
        .filter(valid_until__gte=today, valid_until__lte=today + datetime.timedelta(EXPIRY_WARNINGS[0]))
        .values("pk", "title", "partner_name", "valid_until", "library_id", "regency_id", "province_id")
    )
    if not rows:
        return []
    people = list(
        _users()
        .filter(
            Q(role=Role.LIBRARY_MANAGER, library_id__in={r["library_id"] for r in rows})
            | Q(role=Role.REGENCY_STAFF, regency_id__in={r["regency_id"] for r in rows if r["regency_id"]})
            | Q(
                role=Role.PROVINCE_STAFF,
                province_id__in={r["province_id"] for r in rows if not r["regency_id"]},
            )
        )
        .values_list("pk", "role", "library_id", "regency_id", "province_id")
    )
    by_place = defaultdict(list)
    for pk, role, library_id, regency_id, province_id in people:
        place = {Role.LIBRARY_MANAGER: library_id, Role.REGENCY_STAFF: regency_id}.get(role, province_id)
        by_place[(role, place)].append(pk)
    notices = []
    for row in rows:
        days = (row["valid_until"] - today).days
        warning = min(w for w in EXPIRY_WARNINGS if days <= w)
        recipients = by_place[(Role.LIBRARY_MANAGER, row["library_id"])] + (
            by_place[(Role.REGENCY_STAFF, row["regency_id"])]
            if row["regency_id"]
            else by_place[(Role.PROVINCE_STAFF, row["province_id"])]
        )
        params = {
            "title": row["title"],
            "partner": row["partner_name"],
            "days": days,
            "until": row["valid_until"].isoformat(),
        }
        url = reverse("activities:partnership_detail", args=[row["pk"]])
        key = f"partnership:{row['pk']}:{warning}"
        notices += [Notice(pk, Kind.PARTNERSHIP_EXPIRING, params, url, key) for pk in recipients]
    return notices


# Libraries that report nothing ---------------------------------------------------------


def silent_libraries(today: datetime.date) -> list[dict]:
    """Village libraries with no record entered and no statistics saved for `SILENCE_DAYS`
    days, with the date of their last report (None if never). One query."""
    cutoff = _start_of(today - datetime.timedelta(SILENCE_DAYS))
    libraries = Library.objects.filter(level=LibraryLevel.VILLAGE, created_at__lt=cutoff)
    lasts = {}
    for rtype in record_types():
        recent = rtype.model.objects.filter(library_id=OuterRef("pk"), created_at__gte=cutoff)
        libraries = libraries.exclude(Exists(recent))
        lasts[f"last_{rtype.key}"] = Subquery(
            rtype.model.objects.filter(library_id=OuterRef("pk"))
            .order_by()
            .values("library_id")
            .annotate(last=Max("created_at"))
            .values("last")
        )
    libraries = libraries.exclude(
        Exists(LibraryStatistic.objects.filter(library_id=OuterRef("pk"), updated_at__gte=cutoff))
    )
    lasts["last_statistics"] = Subquery(
        LibraryStatistic.objects.filter(library_id=OuterRef("pk"))
        .order_by()
        .values("library_id")
        .annotate(last=Max("updated_at"))
        .values("last")
    )
    rows = libraries.annotate(**lasts).values("pk", "name", "province_id", "regency_id", *lasts)
    result = []
    for row in rows:
        dates = [row[name] for name in lasts if row[name] is not None]
        last = timezone.localdate(max(dates)) if dates else None
        place = {name: row[name] for name in ("pk", "name", "province_id", "regency_id")}
        result.append({**place, "last": last})
    return result


def silence_notices(today: datetime.date) -> list[Notice]:
    """One notice per silent village library to the people who answer for it (its regency's
    staff, else its province's, else the province's consultants: `answering_for`), once per
    silence period (the key holds the last report's date). Three queries."""
    libraries = silent_libraries(today)
    if not libraries:
        return []
    answering = answering_for(libraries)
    notices = []
    for lib in libraries:
        last = lib["last"]
        params = {
            "library": lib["name"],
            "days": (today - last).days if last else SILENCE_DAYS,
            "since": last.isoformat() if last else "",
        }
        key = f"silent:{lib['pk']}:{last.isoformat() if last else 'never'}"
        url = reverse("villages:library_detail", args=[lib["pk"]])
        notices += [Notice(pk, Kind.LIBRARY_SILENT, params, url, key) for pk in answering[lib["pk"]]]
    return notices


# Monthly statistics -----------------------------------------------------------------------


def statistics_month(today: datetime.date) -> datetime.date:
    """The month whose statistics are due on `today`: the month before (its first day)."""
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def statistics_notices(today: datetime.date) -> list[Notice]:
    """Once a month, a reminder to the managers of village libraries that have not entered
    last month's statistics, and one to their regency's staff with how many have not.
    Two queries."""
    month = statistics_month(today)
    missing = Library.objects.filter(
        level=LibraryLevel.VILLAGE, created_at__lt=_start_of(today.replace(day=1))
    ).exclude(Exists(LibraryStatistic.objects.filter(library_id=OuterRef("pk"), month=month)))
    key, params = f"statistics:{month:%Y-%m}", {"month": month.isoformat()}
    people = (
        _users()
        .filter(
            Q(role=Role.LIBRARY_MANAGER, library__in=missing)
            | Q(role=Role.REGENCY_STAFF, regency__in=missing.values("regency_id"))
        )
        .values_list("pk", "role", "library_id", "library__name", "regency_id")
    )
    people = list(people)
    if not people:
        return []
    counts = dict(
        missing.filter(regency_id__in={p[4] for p in people if p[4]})
        .values("regency_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("regency_id", "n")
    )
    notices = []
    for pk, role, library_id, library_name, regency_id in people:
        if role == Role.LIBRARY_MANAGER:
            url = reverse("villages:library_statistic_edit", args=[library_id]) + f"?month={month:%Y-%m}"
            notices.append(Notice(pk, Kind.STATISTICS_MISSING, {**params, "library": library_name}, url, key))
        elif counts.get(regency_id):
            notices.append(
                Notice(pk, Kind.STATISTICS_MISSING, {**params, "count": counts[regency_id]}, "", key)
            )
    return notices


SCHEDULED = {
    "review": review_notices,
    "partnerships": partnership_notices,
    "silence": silence_notices,
    "statistics": statistics_notices,
}

__all__ = ["SCHEDULED", "answering_for", "silent_libraries", "statistics_month", "waiting_counts"]
