"""Reads for the People pages: the filtered account list, an account's history, invitations."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from perpus.models import AccountEvent, Invitation

from .forms import PeopleFilterForm

User = get_user_model()


def people_list(user, filters: dict):
    """Return the accounts `user` manages matching the cleaned `filters` of `PeopleFilterForm`,
    with their places loaded and consultants' provinces prefetched (lazy: one query for the
    page, one for the provinces, when evaluated)."""
    people = User.objects.for_user(user)
    status = filters.get("active")
    if status == "inactive":
        people = people.filter(is_active=False)
    elif status != "all":
        people = people.filter(is_active=True)
    if filters.get("q"):
        term = filters["q"]
        people = people.filter(
            Q(username__icontains=term) | Q(first_name__icontains=term)
            | Q(last_name__icontains=term) | Q(email__icontains=term)
        )
    if filters.get("role"):
        people = people.filter(role=filters["role"])
    province = filters.get("province")
    if province:
        consults = User.provinces.through.objects.filter(user=OuterRef("pk"), province=province)
        people = people.filter(
            Q(province=province) | Q(regency__province=province) | Q(library__province=province)
            | Exists(consults)
        )
    regency = filters.get("regency")
    if regency:
        people = people.filter(Q(regency=regency) | Q(library__regency=regency))
    last_login = filters.get("last_login")
    if last_login == PeopleFilterForm.NEVER:
        people = people.filter(last_login__isnull=True)
    elif last_login:
        cutoff = timezone.now() - timedelta(days=int(last_login))
        people = people.filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True))
    return (
        people.select_related("province", "regency", "library")
        .prefetch_related("provinces")
        .order_by("first_name", "last_name", "username")
    )


def account_history(account, limit: int = 50):
    """Return the newest `limit` events of `account` with their actors (one query)."""
    return AccountEvent.objects.filter(account=account).select_related("actor")[:limit]


def invitation_list(user, status: str = ""):
    """Return the invitations `user` manages, newest first, with places and inviter loaded
    (lazy, one query per page); `status` "pending" keeps the usable ones."""
    invitations = Invitation.objects.for_user(user).select_related(
        "province", "regency", "library", "invited_by"
    )
    if status == "pending":
        invitations = invitations.pending()
    return invitations
