"""People: who may invite whom with which role, and whose accounts they manage.

Program admins grant every role anywhere. Province staff grant regency staff and
library managers of their province; regency staff grant library managers of their
regency's libraries. Nobody grants a role at or above their own outside the national
level, and consultants and library managers grant nothing.
"""

from __future__ import annotations

from django.db.models import Q

from .access import _NOTHING, Scope, scope_of
from .roles import Role


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
