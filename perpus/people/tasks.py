"""Background work for people: the invitation mail (django-tasks)."""

import hashlib
import secrets

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from perpus.models import Invitation


def hash_token(token: str) -> str:
    """Return the stored form of an invitation token (no query)."""
    return hashlib.sha256(token.encode()).hexdigest()


@task()
def send_invitation_mail(invitation_id: int, base_url: str) -> bool:
    """Make a new link for a pending invitation and mail it in the invitation's language.

    The token exists only here and in the mail: the database keeps its hash, and the task
    queue keeps only the id. Returns whether a mail was sent (not for a used, withdrawn or
    expired invitation). Two queries and one mail.
    """
    invitation = (
        Invitation.objects.select_related("invited_by", "province", "regency", "library")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or invitation.status != Invitation.Status.PENDING:
        return False
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_hash", "sent_at"])
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "link": base_url.rstrip("/") + reverse("people:invitation_accept", args=[token]),
            "inviter": invitation.invited_by.get_full_name() or invitation.invited_by.username
            if invitation.invited_by
            else "Perpus",
            "role": invitation.get_role_display(),
            "expires_at": timezone.localtime(invitation.expires_at),
        }
        subject = render_to_string("people/mail/invitation_subject.txt", context).strip()
        body = render_to_string("people/mail/invitation.txt", context)
        html = render_to_string("people/mail/invitation.html", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()
    return True
