"""Where a dashboard stands (nation, province, regency), who may open it, and its filters.

`dashboard_level(user, code)` resolves the URL's region code against the user's scope
(404 outside it); `DashboardFilters` carries the program, cohort year and months of
the GET form. Both build the `Q` objects every dashboard query is filtered with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.scopes import Role, ScopePaths, scope_of
from villages.models import Library, Province, Regency

from ..models import Participation, cohort_token

NATION, PROVINCE, REGENCY, LIBRARY = "nation", "province", "regency", "library"

#: Lookups of the models the dashboards read.
LIBRARY_PATHS = ScopePaths(province="province_id", regency="regency_id", library="pk")
RECORD_PATHS = ScopePaths(province="province_id", regency="regency_id", library="library_id")
VIA_LIBRARY = ScopePaths(province="library__province_id", regency="library__regency_id", library="library_id")


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str
    #: The province of the level it leads to ("" for the nation).
    province: str = ""


@dataclass(frozen=True)
class Level:
    """One dashboard level; `province_ids` narrows the nation level to a consultant's provinces."""

    kind: str
    code: str = ""
    name: str = ""
    province_ids: frozenset | None = None
    crumbs: tuple = field(default_factory=tuple)

    @property
    def province(self) -> str:
        """The province of a province, regency or library level ("" for the nation)."""
        return "" if self.kind == NATION else self.crumbs[-1].province

    def q(self, paths: ScopePaths) -> Q:
        """Rows of this level's area (no query)."""
        if self.kind == PROVINCE:
            return Q(**{paths.province: self.code})
        if self.kind == REGENCY:
            return Q(**{paths.regency: self.code})
        if self.kind == LIBRARY:
            return Q(**{paths.library: int(self.code)})
        if self.province_ids is not None:
            return Q(**{f"{paths.province}__in": sorted(self.province_ids)})
        return Q()

    def unit_path(self, paths: ScopePaths) -> str:
        """The lookup of the unit one level below, that the level's tables group by."""
        return {NATION: paths.province, PROVINCE: paths.regency, REGENCY: paths.library}[self.kind]

    @property
    def unit_label(self):
        return {NATION: _("Province"), PROVINCE: _("Regency/city"), REGENCY: _("Library")}[self.kind]

    @property
    def url(self) -> str:
        return library_dashboard_url(int(self.code)) if self.kind == LIBRARY else dashboard_url(self.code)


def dashboard_url(code: str = "") -> str:
    return reverse("programs:dashboard_unit", args=[code]) if code else reverse("programs:dashboard")


def library_dashboard_url(pk: int) -> str:
    return reverse("programs:dashboard_library", args=[pk])


def home_code(user) -> str | None:
    """The code of the level a user's dashboard opens at: "" (nation), a province or a
    regency; None when the user has no dashboard (no query beyond `scope_of`)."""
    scope = scope_of(user)
    if scope.role in (Role.ADMIN, Role.CONSULTANT):
        return ""
    if scope.role == Role.PROVINCE_STAFF:
        return next(iter(scope.province_ids), None)
    if scope.role == Role.REGENCY_STAFF:
        return scope.regency_id
    return None


def dashboard_level(user, code: str = "") -> Level:
    """Return the `Level` of `code` for `user`, or raise Http404 outside their scope.
    One query for a province or regency (its name), none for the nation."""
    scope = scope_of(user)
    national = scope.is_national
    nation_crumb = _nation_crumb(scope)
    if not code:
        if not nation_crumb:
            raise Http404
        return Level(NATION, name=nation_crumb[0].name, province_ids=None if national else scope.province_ids,
                     crumbs=nation_crumb)
    if "." not in code:
        province = Province.objects.filter(code=code).first()
        if province is None or not (national or province.code in scope.province_ids):
            raise Http404
        return Level(PROVINCE, province.code, province.name,
                     crumbs=nation_crumb + (Crumb(province.name, dashboard_url(province.code), province.code),))
    regency = Regency.objects.select_related("province").filter(code=code).first()
    if regency is None or not (
        national or regency.province_id in scope.province_ids or regency.code == scope.regency_id
    ):
        raise Http404
    return Level(REGENCY, regency.code, regency.name, crumbs=_crumbs_to(scope, nation_crumb, regency.province, regency))


def _nation_crumb(scope) -> tuple:
    """The top crumb for those who may see the top level, else none (no query). A
    consultant's top level holds their provinces only: it is not called Indonesia."""
    if scope.role not in (Role.ADMIN, Role.CONSULTANT):
        return ()
    return (Crumb(str(_("Indonesia") if scope.is_national else _("Your provinces")), dashboard_url()),)


def _crumbs_to(scope, nation_crumb: tuple, province, regency) -> tuple:
    """The crumbs from the top a user may see down to `regency` (or to `province` when it is
    None), without a query: regency staff start at their regency."""
    crumbs = nation_crumb
    if scope.role != Role.REGENCY_STAFF:
        crumbs += (Crumb(province.name, dashboard_url(province.code), province.code),)
    if regency is not None:
        crumbs += (Crumb(regency.name, dashboard_url(regency.code), province.code),)
    return crumbs


def library_level(user, pk: int) -> tuple[Level, Library]:
    """Return the `Level` of library `pk` and the library (with its province and regency),
    or raise Http404 outside the user's scope. One query."""
    scope = scope_of(user)
    library = Library.objects.for_user(user).select_related("province", "regency").filter(pk=pk).first()
    if library is None:
        raise Http404
    crumbs = _crumbs_to(scope, _nation_crumb(scope), library.province, library.regency)
    crumbs += (Crumb(library.name, library_dashboard_url(library.pk), library.province_id),)
    return Level(LIBRARY, str(library.pk), library.name, crumbs=crumbs), library


@dataclass(frozen=True)
class DashboardFilters:
    """The GET form's choices: program, cohort year and an inclusive range of months."""

    month_from: date
    month_to: date
    program_id: int | None = None
    year: int | None = None

    @property
    def by_cohort(self) -> bool:
        return self.program_id is not None or self.year is not None

    @property
    def end(self) -> date:
        """The last day of `month_to`."""
        following = date(self.month_to.year + (self.month_to.month == 12), self.month_to.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)

    def cohort_q(self, library_path: str) -> Q:
        """Rows of the chosen cohort's libraries (a subquery; no query now)."""
        if not self.by_cohort:
            return Q()
        participations = Participation.objects.all()
        if self.program_id is not None:
            participations = participations.filter(program_id=self.program_id)
        if self.year is not None:
            participations = participations.filter(year=self.year)
        return Q(**{f"{library_path}__in": participations.values("library_id")})

    def summary_q(self) -> Q:
        """Summary rows of the chosen cohort's libraries: their cohort key holds it (no query)."""
        if not self.by_cohort:
            return Q()
        return Q(cohort__contains=cohort_token(self.program_id, self.year))
