"""The one place that decides what a user may see and change.

Every scoped model gets its queryset from `ScopedQuerySet` and names, in
`scope_paths`, the lookups that lead from one of its rows to a province, a
regency and a library. From those and the user's role this package builds:

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

The package's modules, all re-exported here (import from `perpus.scopes`): `roles` (the roles
and their named sets), `access` (a user's scope and what it sees and changes), `review` (who
checks, verifies, edits and deletes reviewed records) and `people` (who grants which role).
"""

from .access import (
    Scope,
    ScopePaths,
    ScopedQuerySet,
    abilities,
    can_change,
    can_create,
    can_view,
    editable_q,
    has_ability,
    object_in_scope,
    scope_of,
    visible_q,
    working_on_q,
)
from .people import (
    GRANTABLE_ROLES,
    can_grant,
    grantable_roles,
    people_q,
)
from .review import (
    EDITABLE_STATUSES,
    VERIFIED,
    can_change_as_author,
    can_check,
    can_delete,
    can_edit_content,
    can_restore,
    can_return,
    can_submit,
    can_verify,
    checker_q,
    review_share,
    reviewers_q,
    verifier_q,
)
from .roles import (
    ABILITY_ROLES,
    ALL_ROLES,
    AREA_STAFF_ROLES,
    ASSESSOR_ROLES,
    DASHBOARD_ROLES,
    DATA_ENTRY_ROLES,
    LIBRARY_REGISTRAR_ROLES,
    PEOPLE_MANAGER_ROLES,
    PROGRAM_ADMIN_ROLES,
    REVIEWER_ROLES,
    Role,
)

__all__ = [
    "ABILITY_ROLES",
    "ALL_ROLES",
    "AREA_STAFF_ROLES",
    "ASSESSOR_ROLES",
    "DASHBOARD_ROLES",
    "DATA_ENTRY_ROLES",
    "EDITABLE_STATUSES",
    "GRANTABLE_ROLES",
    "LIBRARY_REGISTRAR_ROLES",
    "PEOPLE_MANAGER_ROLES",
    "PROGRAM_ADMIN_ROLES",
    "REVIEWER_ROLES",
    "Role",
    "Scope",
    "ScopePaths",
    "ScopedQuerySet",
    "VERIFIED",
    "abilities",
    "can_change",
    "can_change_as_author",
    "can_check",
    "can_create",
    "can_delete",
    "can_edit_content",
    "can_grant",
    "can_restore",
    "can_return",
    "can_submit",
    "can_verify",
    "can_view",
    "checker_q",
    "editable_q",
    "grantable_roles",
    "has_ability",
    "object_in_scope",
    "people_q",
    "review_share",
    "reviewers_q",
    "scope_of",
    "verifier_q",
    "visible_q",
    "working_on_q",
]
