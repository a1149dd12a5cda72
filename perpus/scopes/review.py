"""Reviewed records (activities app): who checks and verifies them, and who may edit,
submit, return, delete and restore them.

A record entered by a village library is first *checked* by the staff of its
regency, then *verified* by a consultant of its province; records entered by
agency staff go straight to verification. Program admins may do both.
"""

from __future__ import annotations

from django.db.models import Q

from .access import (
    _NOTHING,
    Scope,
    ScopePaths,
    _queryset_of,
    _value,
    can_change,
    can_view,
    scope_of,
)
from .roles import Role


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
