"""The one place that decides what a user may see and change.

Every scoped model gets its queryset from `ScopedQuerySet` and names, in
`scope_paths`, the lookups that lead from one of its rows to a province, a
regency and a library. From those and the user's role this module builds:

* `for_user(user)`: the rows the user may see (everything else is a 404);
* `editable_by(user)`: the rows the user may change (seen but not editable is a 403);
* `can_change(user, obj)`: the same rule for one loaded object, without a query.

The rules, by role:

| role            | sees                              | changes                                   |
|-----------------|-----------------------------------|-------------------------------------------|
| program admin   | everything                        | everything                                |
| consultant      | rows in their provinces           | rows in their provinces, where the model lets consultants write |
| province staff  | rows in their province            | province-level rows of their province (no regency) |
| regency staff   | rows in their regency             | rows in their regency                     |
| library manager | rows of their library             | rows of their library                     |
| no role         | nothing                           | nothing                                   |
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Program admin")
    CONSULTANT = "consultant", _("Consultant")
    PROVINCE_STAFF = "province_staff", _("Province staff")
    REGENCY_STAFF = "regency_staff", _("Regency staff")
    LIBRARY_MANAGER = "library_manager", _("Library manager")


# Named role sets: views, forms and templates use these names, never a list of roles.

#: Roles that enter data; consultants review it, and only write models that say so.
DATA_ENTRY_ROLES = frozenset(
    {Role.ADMIN, Role.PROVINCE_STAFF, Role.REGENCY_STAFF, Role.LIBRARY_MANAGER}
)
#: Roles with a review queue: regency staff check, consultants verify, admins do both.
REVIEWER_ROLES = frozenset({Role.ADMIN, Role.CONSULTANT, Role.REGENCY_STAFF})
#: Roles that read the monitoring dashboards (library managers see their own library's page).
DASHBOARD_ROLES = frozenset({Role.ADMIN, Role.CONSULTANT, Role.PROVINCE_STAFF, Role.REGENCY_STAFF})
#: Roles that register libraries (each within its scope).
LIBRARY_REGISTRAR_ROLES = frozenset({Role.ADMIN, Role.PROVINCE_STAFF, Role.REGENCY_STAFF})
#: Roles that assess libraries and record monitoring visits.
ASSESSOR_ROLES = frozenset({Role.ADMIN, Role.CONSULTANT})
#: Roles that configure the program (programs, cohorts, the ladder).
PROGRAM_ADMIN_ROLES = frozenset({Role.ADMIN})
#: Roles tied to one place (a province, a regency or a library): the people who report.
AREA_STAFF_ROLES = frozenset({Role.PROVINCE_STAFF, Role.REGENCY_STAFF, Role.LIBRARY_MANAGER})
#: Roles that invite people and manage their accounts (each within its scope, see `people_q`).
PEOPLE_MANAGER_ROLES = frozenset({Role.ADMIN, Role.PROVINCE_STAFF, Role.REGENCY_STAFF})
ALL_ROLES = frozenset(Role)

#: What a role may do, by name, for templates and views: `abilities(user)["review"]`.
ABILITY_ROLES = {
    "enter_data": DATA_ENTRY_ROLES,
    "review": REVIEWER_ROLES,
    "dashboard": DASHBOARD_ROLES,
    "register_library": LIBRARY_REGISTRAR_ROLES,
    "assess": ASSESSOR_ROLES,
    "configure_program": PROGRAM_ADMIN_ROLES,
    "manage_people": PEOPLE_MANAGER_ROLES,
    "staff": ALL_ROLES,
}


@dataclass(frozen=True)
class ScopePaths:
    """Lookups from a model's row to the ids of its province, regency and library.

    `regency` and `library` may be None when the model has no such link.
    """

    province: str
    regency: str | None = None
    library: str | None = None


@dataclass(frozen=True)
class Scope:
    """What a user's role and scope fields say, read once per request."""

    role: str
    province_ids: frozenset[str] = frozenset()
    regency_id: str | None = None
    library_id: int | None = None

    @property
    def is_national(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_empty(self) -> bool:
        return not self.role


def working_on_q(province_id: str, regency_id: str | None = None) -> Q:
    """Users whose work covers a place (no query): program admins (superusers included),
    the province's consultants and staff and, with `regency_id`, that regency's staff."""
    q = (
        Q(is_superuser=True)
        | Q(role=Role.ADMIN)
        | Q(role=Role.CONSULTANT, provinces=province_id)
        | Q(role=Role.PROVINCE_STAFF, province_id=province_id)
    )
    if regency_id:
        q |= Q(role=Role.REGENCY_STAFF, regency_id=regency_id)
    return q


def has_ability(user, ability: str) -> bool:
    """Return whether `user`'s role is in the named set `ability` (see `ABILITY_ROLES`; no query)."""
    return scope_of(user).role in ABILITY_ROLES[ability]


def abilities(user) -> dict[str, bool]:
    """Return every named ability of `user` (no query); templates read it as `can.<name>`."""
    role = scope_of(user).role
    return {name: role in roles for name, roles in ABILITY_ROLES.items()}


def scope_of(user) -> Scope:
    """Return the user's `Scope`; queries consultants' provinces once and caches it on the user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Scope(role="")
    cached = getattr(user, "_perpus_scope", None)
    if cached is not None:
        return cached
    role = Role.ADMIN if user.is_superuser else user.role
    if role == Role.CONSULTANT:
        scope = Scope(role, province_ids=frozenset(user.provinces.values_list("code", flat=True)))
    elif role == Role.PROVINCE_STAFF:
        scope = Scope(role, province_ids=frozenset({user.province_id}))
    elif role == Role.REGENCY_STAFF:
        scope = Scope(role, regency_id=user.regency_id)
    elif role == Role.LIBRARY_MANAGER:
        scope = Scope(role, library_id=user.library_id)
    else:
        scope = Scope(role or "")
    user._perpus_scope = scope
    return scope


_NOTHING = Q(pk__in=[])


def visible_q(scope: Scope, paths: ScopePaths) -> Q:
    """Return the filter for rows a user with `scope` may see (no query)."""
    if scope.is_national:
        return Q()
    if scope.role in (Role.CONSULTANT, Role.PROVINCE_STAFF):
        return Q(**{f"{paths.province}__in": scope.province_ids})
    if scope.role == Role.REGENCY_STAFF and paths.regency:
        return Q(**{paths.regency: scope.regency_id})
    if scope.role == Role.LIBRARY_MANAGER and paths.library:
        return Q(**{paths.library: scope.library_id})
    return _NOTHING


def editable_q(scope: Scope, paths: ScopePaths, writer_roles: frozenset) -> Q:
    """Return the filter for rows a user with `scope` may change (no query)."""
    if scope.role not in writer_roles:
        return _NOTHING
    if scope.role == Role.PROVINCE_STAFF and paths.regency:
        # Province staff follow their regencies but change only province-level rows.
        return visible_q(scope, paths) & Q(**{f"{paths.regency}__isnull": True})
    return visible_q(scope, paths)


def _value(obj, path: str):
    """Follow a Django lookup (`a__b_id`, or `pk`) on a loaded object."""
    try:
        return attrgetter(path.replace("__", "."))(obj)
    except AttributeError:
        return None


def object_in_scope(scope: Scope, paths: ScopePaths, obj, *, write: bool, writer_roles=frozenset()) -> bool:
    """Return whether `obj` is visible (or, with `write`, changeable); may follow FKs already loaded."""
    if write and scope.role not in writer_roles:
        return False
    if scope.is_national:
        return True
    if scope.role in (Role.CONSULTANT, Role.PROVINCE_STAFF):
        if _value(obj, paths.province) not in scope.province_ids:
            return False
        if write and scope.role == Role.PROVINCE_STAFF and paths.regency:
            return _value(obj, paths.regency) is None
        return True
    if scope.role == Role.REGENCY_STAFF and paths.regency:
        return _value(obj, paths.regency) == scope.regency_id
    if scope.role == Role.LIBRARY_MANAGER and paths.library:
        return _value(obj, paths.library) == scope.library_id
    return False


class ScopedQuerySet(models.QuerySet):
    """A queryset that knows how its rows relate to a user's scope.

    Subclasses set `scope_paths` and, when the writers differ from the
    data-entry roles, `writer_roles`.
    """

    scope_paths: ScopePaths
    writer_roles: frozenset = DATA_ENTRY_ROLES

    def for_user(self, user):
        """Rows `user` may see (lazy, no query until evaluated)."""
        return self.filter(visible_q(scope_of(user), self.scope_paths))

    def editable_by(self, user):
        """Rows `user` may change (lazy, no query until evaluated)."""
        return self.filter(editable_q(scope_of(user), self.scope_paths, self.writer_roles))


def _queryset_of(obj) -> ScopedQuerySet:
    return type(obj)._default_manager.all()


def can_view(user, obj) -> bool:
    """Return whether `user` may see `obj`; no query beyond FKs the object must load."""
    qs = _queryset_of(obj)
    return object_in_scope(scope_of(user), qs.scope_paths, obj, write=False)


def can_change(user, obj) -> bool:
    """Return whether `user` may change `obj`; no query beyond FKs the object must load."""
    qs = _queryset_of(obj)
    return object_in_scope(
        scope_of(user), qs.scope_paths, obj, write=True, writer_roles=qs.writer_roles
    )


def can_create(user, model) -> bool:
    """Return whether `user`'s role may create rows of `model` at all (no query)."""
    return scope_of(user).role in model._default_manager.all().writer_roles


# Review of submitted records (activities app): who checks and who verifies.
#
# A record entered by a village library is first *checked* by the staff of its
# regency, then *verified* by a consultant of its province; records entered by
# agency staff go straight to verification. Program admins may do both.


def checker_q(scope: Scope, paths: ScopePaths) -> Q:
    """Return the filter for rows whose regency check `scope` may do (no query)."""
    if scope.is_national:
        return Q()
    if scope.role == Role.REGENCY_STAFF and paths.regency:
        return Q(**{paths.regency: scope.regency_id})
    return _NOTHING


def verifier_q(scope: Scope, paths: ScopePaths) -> Q:
    """Return the filter for rows `scope` may verify (no query)."""
    if scope.is_national:
        return Q()
    if scope.role == Role.CONSULTANT:
        return Q(**{f"{paths.province}__in": scope.province_ids})
    return _NOTHING


def reviewers_q(step: str, province_id: str, regency_id: str | None = None) -> Q:
    """Users, other than national ones, who do `step` ("check" or "verification") of a record
    of this place: its regency's staff check, its province's consultants verify (the people
    side of `checker_q` and `verifier_q`; no query)."""
    if step == "check" and regency_id:
        return Q(role=Role.REGENCY_STAFF, regency_id=regency_id)
    if step == "verification":
        return Q(role=Role.CONSULTANT, provinces=province_id)
    return _NOTHING


def review_share(scope: Scope, check: dict, verify: dict) -> tuple[int, int]:
    """Of the records waiting, counted per regency for a check (`check`) and per province for
    a verification (`verify`), how many `scope` checks and verifies (the counting side of
    `checker_q` and `verifier_q`; no query)."""
    if scope.is_national:
        return sum(check.values()), sum(verify.values())
    to_check = check.get(scope.regency_id, 0) if scope.role == Role.REGENCY_STAFF else 0
    to_verify = sum(verify.get(p, 0) for p in scope.province_ids) if scope.role == Role.CONSULTANT else 0
    return to_check, to_verify


def can_check(user, obj) -> bool:
    """Return whether `user` may do the regency check of `obj` (no query)."""
    scope = scope_of(user)
    paths = _queryset_of(obj).scope_paths
    if scope.is_national:
        return True
    return scope.role == Role.REGENCY_STAFF and paths.regency is not None and _value(
        obj, paths.regency
    ) == scope.regency_id


def can_verify(user, obj) -> bool:
    """Return whether `user` may verify `obj` (no query beyond the consultant's provinces)."""
    scope = scope_of(user)
    paths = _queryset_of(obj).scope_paths
    if scope.is_national:
        return True
    return scope.role == Role.CONSULTANT and _value(obj, paths.province) in scope.province_ids


# Reviewed records (activities app): who may edit and delete their content.
#
# A record's content may be changed by its scope's writers while it is a draft or
# returned; once submitted, checked or verified only program admins may change it.
# Deleting follows the same rule, except that a verified record, which counts on
# public pages and for the stage, is deleted only by someone who may verify it.

VERIFIED = "verified"
#: Statuses in which the author's scope may still edit a record (`ReviewStatus` values).
EDITABLE_STATUSES = frozenset({"draft", "returned"})


def can_edit_content(user, record) -> bool:
    """Return whether `user` may edit `record`'s content now (no query beyond loaded FKs).

    `record` is a reviewed record: it has `status` and `deleted_at`.
    """
    if getattr(record, "deleted_at", None) is not None or not can_change(user, record):
        return False
    return record.status in EDITABLE_STATUSES or scope_of(user).is_national


def can_submit(user, record) -> bool:
    """Return whether `user` may send `record` for review: a live draft or returned record
    of their scope (no query beyond loaded FKs)."""
    return (
        getattr(record, "deleted_at", None) is None
        and record.status in EDITABLE_STATUSES
        and can_change(user, record)
    )


def can_return(user, record) -> bool:
    """Return whether `user` may send `record` back to its author: whoever may do the step
    it waits for, the regency's check or the verification (no query beyond loaded FKs).

    `record.awaiting` is "check", "verification" or "" (see the reviewed records).
    """
    step = record.awaiting
    return (step == "check" and can_check(user, record)) or (
        step == "verification" and can_verify(user, record)
    )


def can_delete(user, record) -> bool:
    """Return whether `user` may delete `record` (soft delete; no query beyond loaded FKs)."""
    if getattr(record, "deleted_at", None) is not None:
        return False
    if record.status == VERIFIED:
        return can_view(user, record) and can_verify(user, record)
    return can_edit_content(user, record)


def can_restore(user, record) -> bool:
    """Return whether `user` may restore a deleted `record`: whoever could have deleted it (no query)."""
    if getattr(record, "deleted_at", None) is None:
        return False
    if record.status == VERIFIED:
        return can_view(user, record) and can_verify(user, record)
    return can_change(user, record) and (
        record.status in EDITABLE_STATUSES or scope_of(user).is_national
    )


def can_change_as_author(user, obj, author_field: str = "author_id") -> bool:
    """Return whether `user` may change `obj` and is its author (e.g. an assessment and its
    evidence: only the consultant who wrote it, while in scope). No query beyond loaded FKs."""
    return getattr(obj, author_field) == getattr(user, "pk", None) and can_change(user, obj)


# People: who may invite whom, and whose accounts they manage.
#
# Program admins grant every role anywhere. Province staff grant regency staff and
# library managers of their province; regency staff grant library managers of their
# regency's libraries. Nobody grants a role at or above their own outside the national
# level, and consultants and library managers grant nothing.

GRANTABLE_ROLES = {
    Role.ADMIN: tuple(Role),
    Role.PROVINCE_STAFF: (Role.REGENCY_STAFF, Role.LIBRARY_MANAGER),
    Role.REGENCY_STAFF: (Role.LIBRARY_MANAGER,),
}


def grantable_roles(user) -> tuple[Role, ...]:
    """Return the roles `user` may give by invitation or change (no query beyond consultants')."""
    return GRANTABLE_ROLES.get(scope_of(user).role, ())


def people_q(scope: Scope, *, accounts: bool = True) -> Q:
    """Return the filter for the accounts (or, with `accounts=False`, the invitations: same
    field names) a user with `scope` manages (no query)."""
    if scope.is_national:
        return Q()
    if scope.role == Role.PROVINCE_STAFF:
        q = Q(role=Role.REGENCY_STAFF, regency__province_id__in=scope.province_ids) | Q(
            role=Role.LIBRARY_MANAGER, library__province_id__in=scope.province_ids
        )
    elif scope.role == Role.REGENCY_STAFF:
        q = Q(role=Role.LIBRARY_MANAGER, library__regency_id=scope.regency_id)
    else:
        return _NOTHING
    # A superuser counts as a program admin whatever role is written on the account.
    return q & Q(is_superuser=False) if accounts else q


def can_grant(user, role: str, *, regency=None, library=None) -> bool:
    """Return whether `user` may give `role` with this scope: the `regency` for regency staff,
    the `library` for library managers (no query beyond their loaded FKs). Program admins
    may give any role and scope."""
    scope = scope_of(user)
    if role not in GRANTABLE_ROLES.get(scope.role, ()):
        return False
    if scope.is_national:
        return True
    if role == Role.REGENCY_STAFF:
        return regency is not None and regency.province_id in scope.province_ids
    if role == Role.LIBRARY_MANAGER and library is not None:
        if scope.role == Role.PROVINCE_STAFF:
            return library.province_id in scope.province_ids
        return library.regency_id == scope.regency_id
    return False
