"""Accounts saved in the Django admin go through `account_admin_save`: the program admin
only, the portal's rules, and a line in the account's history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from perpus.models import AccountEvent, User
from perpus.people.services import account_admin_save


def test_only_the_program_admin_saves_accounts_in_the_admin(regency_staff, consultant):
    consultant.role = "admin"
    with pytest.raises(PermissionDenied):
        account_admin_save(actor=regency_staff, account=consultant, m2m={})
    assert User.objects.get(pk=consultant.pk).role == "consultant"


def test_an_address_an_active_account_uses_is_refused(program_admin, consultant, regency_staff):
    regency_staff.email = consultant.email = "sama@example.org"
    consultant.save()
    with pytest.raises(ValidationError):
        account_admin_save(actor=program_admin, account=regency_staff, m2m={})


def test_a_change_is_logged_without_private_values(program_admin, regency_staff):
    regency_staff.phone = "081234567890"
    regency_staff.is_staff = True
    account_admin_save(actor=program_admin, account=regency_staff, m2m={})
    event = AccountEvent.objects.get(account=regency_staff)
    assert event.action == AccountEvent.Action.ADMIN_CHANGED and event.actor == program_admin
    assert event.changes == {"phone": ["", ""], "is_staff": [False, True]}
    with translation.override("en"):
        assert ("staff status", "no", "yes") in event.change_rows()
