"""Every change to an account or an invitation: each in a transaction, each in the history.

Views call these with cleaned form data; they check the actor's right again (a form can
be forged) through `perpus.scopes` and raise `ValidationError` with a message in the
user's language when something is not allowed; nothing changes then.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from perpus.models import NEEDED_PLACE, AccountEvent, Invitation
from perpus.scopes import Role, can_grant, has_ability
from perpus.writes import service

from .signals import own_account_changed
from .tasks import hash_token, send_invitation_mail

#: How long an invitation link works.
INVITATION_DAYS = 7
#: Scope fields of an account or invitation, by the role that uses each.
SCOPE_FIELDS = {role: field for role, (field, _message) in NEEDED_PLACE.items()}
#: Fields whose values stay out of the history (personal data): it says only that they changed.
PRIVATE_FIELDS = frozenset({"phone"})

Action = AccountEvent.Action


def _log(*, actor, action, account=None, invitation=None, changes=None) -> AccountEvent:
    return AccountEvent.objects.create(
        actor=actor, action=action, account=account, invitation=invitation, changes=changes or {}
    )


def _scope(role, *, province=None, regency=None, library=None, provinces=()) -> dict:
    """Return the scope fields for `role`, emptying those it does not use; raise if the one it
    needs is missing (no query)."""
    values = {"province": province, "regency": regency, "library": library}
    needed = SCOPE_FIELDS.get(role)
    if needed and values[needed] is None:
        raise ValidationError({needed: NEEDED_PLACE[role][1]})
    scope = {field: (value if field == needed else None) for field, value in values.items()}
    scope["provinces"] = list(provinces) if role == Role.CONSULTANT else []
    return scope


def _check_grant(actor, role, scope) -> None:
    if not can_grant(actor, role, regency=scope["regency"], library=scope["library"]):
        raise ValidationError(_("You may not give this role for this place."))


def _describe(role, scope) -> dict:
    """The access a role and scope give, as history values (no query: names are loaded)."""
    described = {"role": role}
    for field in ("province", "regency", "library"):
        described[field] = str(scope[field]) if scope[field] else ""
    described["provinces"] = ", ".join(sorted(str(p) for p in scope["provinces"]))
    return described


def _diff(old: dict, new: dict) -> dict:
    return {key: [old.get(key), value] for key, value in new.items() if old.get(key) != value}


def active_account_exists(email: str, *, exclude_pk=None) -> bool:
    """Return whether an active account uses `email` (one query)."""
    accounts = get_user_model().objects.filter(email__iexact=email, is_active=True)
    if exclude_pk is not None:
        accounts = accounts.exclude(pk=exclude_pk)
    return accounts.exists()


@service
def invite(*, inviter, email, role, language, base_url, province=None, regency=None,
           library=None, provinces=()) -> Invitation:
    """Invite `email` with `role` and scope, log it and queue the mail; return the invitation."""
    email = get_user_model().objects.normalize_email(email).strip()
    scope = _scope(role, province=province, regency=regency, library=library, provinces=provinces)
    _check_grant(inviter, role, scope)
    if active_account_exists(email):
        raise ValidationError({"email": _("An active account already uses this e-mail address.")})
    if Invitation.objects.pending().filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("This address already has a pending invitation: resend or withdraw it.")}
        )
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        language=language,
        invited_by=inviter,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        province=scope["province"],
        regency=scope["regency"],
        library=scope["library"],
    )
    if scope["provinces"]:
        invitation.provinces.set(scope["provinces"])
    _log(
        actor=inviter,
        action=Action.INVITED,
        invitation=invitation,
        changes=_diff({}, {"email": email, **_describe(role, scope)}),
    )
    # Queued in the same transaction: the mail goes out only if the invitation is saved.
    send_invitation_mail.enqueue(invitation.pk, base_url)
    return invitation


@service
def resend_invitation(*, actor, invitation, base_url) -> Invitation:
    """Give an unused invitation 7 new days and a new link (the old link dies now); queue the mail."""
    if invitation.accepted_at or invitation.withdrawn_at:
        raise ValidationError(_("This invitation was already used or withdrawn."))
    if active_account_exists(invitation.email):
        raise ValidationError(_("An active account already uses this e-mail address."))
    invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
    invitation.token_hash = ""
    invitation.save(update_fields=["expires_at", "token_hash"])
    _log(actor=actor, action=Action.INVITATION_RESENT, invitation=invitation)
    send_invitation_mail.enqueue(invitation.pk, base_url)
    return invitation


@service
def withdraw_invitation(*, actor, invitation) -> Invitation:
    """Withdraw an unused invitation: its link then says so."""
    if invitation.accepted_at or invitation.withdrawn_at:
        raise ValidationError(_("This invitation was already used or withdrawn."))
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    _log(actor=actor, action=Action.INVITATION_WITHDRAWN, invitation=invitation)
    return invitation


def find_invitation(token: str):
    """Return the invitation whose link carries `token`, or None (one query)."""
    if not token:
        return None
    return (
        Invitation.objects.select_related("invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


@service
def accept_invitation(*, invitation, username, first_name, last_name, password):
    """Create the invitee's account with the invited role and scope; return the user.

    The invitation is locked, so a link opened twice at once makes one account.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationError(_("This invitation can no longer be used."))
    if active_account_exists(invitation.email):
        raise ValidationError(_("An active account already uses this e-mail address."))
    User = get_user_model()
    user = User(
        username=username,
        email=invitation.email,
        first_name=first_name,
        last_name=last_name,
        role=invitation.role,
        province_id=invitation.province_id,
        regency_id=invitation.regency_id,
        library_id=invitation.library_id,
        language=invitation.language,
    )
    user.set_password(password)
    user.save()
    if invitation.role == Role.CONSULTANT:
        user.provinces.set(invitation.provinces.all())
    invitation.accepted_at = timezone.now()
    invitation.account = user
    invitation.save(update_fields=["accepted_at", "account"])
    # The invitation's history becomes the start of the account's.
    AccountEvent.objects.filter(invitation=invitation).update(account=user)
    _log(actor=user, action=Action.JOINED, account=user, invitation=invitation)
    return user


def _check_manages(actor, account) -> None:
    if account.pk == actor.pk:
        raise ValidationError(_("You cannot change your own access; ask another admin."))
    if not get_user_model().objects.for_user(actor).filter(pk=account.pk).exists():
        raise ValidationError(_("You may not change this account."))


def _current_scope(account) -> dict:
    return {
        "province": account.province,
        "regency": account.regency,
        "library": account.library,
        "provinces": list(account.provinces.all()) if account.role == Role.CONSULTANT else [],
    }


@service
def change_access(*, actor, account, role, province=None, regency=None, library=None,
                  provinces=()):
    """Give `account` a new role and scope within the actor's; log what changed. Returns the
    account."""
    _check_manages(actor, account)
    scope = _scope(role, province=province, regency=regency, library=library, provinces=provinces)
    _check_grant(actor, role, scope)
    before = _describe(account.role, _current_scope(account))
    account.role = role
    account.province, account.regency, account.library = (
        scope["province"], scope["regency"], scope["library"]
    )
    account.save(update_fields=["role", "province", "regency", "library"])
    account.provinces.set(scope["provinces"])
    changes = _diff(before, _describe(role, scope))
    if changes:
        _log(actor=actor, action=Action.ACCESS_CHANGED, account=account, changes=changes)
    return account


@service
def set_active(*, actor, account, active: bool):
    """Deactivate (no sign-in, kept for the history) or reactivate `account`; log it."""
    _check_manages(actor, account)
    if account.is_active == active:
        return account
    if active and active_account_exists(account.email, exclude_pk=account.pk):
        raise ValidationError(_("Another active account uses this e-mail address."))
    account.is_active = active
    account.save(update_fields=["is_active"])
    _log(
        actor=actor,
        action=Action.REACTIVATED if active else Action.DEACTIVATED,
        account=account,
        changes={"is_active": [not active, active]},
    )
    return account


OWN_FIELDS = ("first_name", "last_name", "email", "phone", "language", "email_notifications")


@service
def update_own_account(*, user, **values):
    """Save a person's own details (`OWN_FIELDS`), log what changed and announce it
    (`signals.own_account_changed`: the notifications drop pending mails when they are turned
    off); returns the user. Queries: a new e-mail address is checked; a change is saved and
    logged, and its receivers may query."""
    if values.get("email") and active_account_exists(values["email"], exclude_pk=user.pk):
        raise ValidationError({"email": _("An active account already uses this e-mail address.")})
    changes = {}
    for field in OWN_FIELDS:
        if field in values and getattr(user, field) != values[field]:
            old = getattr(user, field)
            changes[field] = ["", ""] if field in PRIVATE_FIELDS else [old, values[field]]
            setattr(user, field, values[field])
    if changes:
        user.save(update_fields=list(changes))
        _log(actor=user, action=Action.PROFILE_CHANGED, account=user, changes=changes)
        own_account_changed.send(sender=type(user), user=user, changes=changes)
    return user


#: What an account's history records of a change in the Django admin (the password never).
ADMIN_FIELDS = (
    "username", *OWN_FIELDS, "role", "province", "regency", "library", "is_active", "is_staff", "is_superuser",
)


def _admin_values(account, provinces) -> dict:
    """The account's `ADMIN_FIELDS` and provinces as history values (reads its places)."""
    values = {field: getattr(account, field) for field in ADMIN_FIELDS}
    for field in ("province", "regency", "library"):
        values[field] = str(values[field]) if values[field] else ""
    values["provinces"] = ", ".join(sorted(str(p) for p in provinces))
    return values


@service
def account_admin_save(*, actor, account, m2m: dict):
    """Save an account as the Django admin's form left it (new or changed; its password
    already set by the form), with its many-to-many values (`provinces`, `groups`,
    `user_permissions`), and log what changed in its history; returns the account.

    Raises `PermissionDenied` for anyone but the program admin, `ValidationError` on what
    the portal refuses too (a scope that does not match the role, an e-mail address an
    active account uses). Queries: the account as it was, the checks, the save, the
    relations, the history.
    """
    if not has_ability(actor, "configure_program"):
        raise PermissionDenied
    User = get_user_model()
    before = {}
    if account.pk:
        old = User.objects.select_related("province", "regency", "library").get(pk=account.pk)
        before = _admin_values(old, old.provinces.all())
    account.full_clean(exclude=["password"])
    taken = account.email and active_account_exists(account.email, exclude_pk=account.pk)
    if account.is_active and taken:
        raise ValidationError({"email": _("An active account already uses this e-mail address.")})
    account.save()
    for name, values in m2m.items():
        getattr(account, name).set(values)
    after = _admin_values(account, m2m.get("provinces", account.provinces.all()))
    changes = _diff(before, after)
    if not before:
        # A new account: what it was given, not every empty field.
        changes = {field: pair for field, pair in changes.items() if pair[1] not in ("", None, False)}
    for field in PRIVATE_FIELDS & changes.keys():
        changes[field] = ["", ""]
    action = Action.ADMIN_CHANGED if before else Action.ADMIN_CREATED
    if changes or not before:
        _log(actor=actor, action=action, account=account, changes=changes)
    if "email_notifications" in changes:
        own_account_changed.send(sender=User, user=account, changes=changes)
    return account
