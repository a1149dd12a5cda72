"""A user's scope, and the rows it lets them see and change.

`ScopedQuerySet` filters rows in the database; `object_in_scope` (behind `can_view` and
`can_change`) decides for one loaded object by the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from django.db import models
from django.db.models import Q

from .roles import ABILITY_ROLES, DATA_ENTRY_ROLES, Role


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
