"""The roles, and the named sets of them that views, forms and templates use."""

from django.db import models
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
