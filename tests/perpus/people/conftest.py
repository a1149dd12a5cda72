"""Shared pieces for the People tests: the invitation link from a sent mail."""

import re

import pytest
from django.core import mail


def link_from_mail(message=None) -> str:
    """Return the path of the invitation link in the last (or given) mail."""
    message = message or mail.outbox[-1]
    match = re.search(r"https?://[^/\s]+(/invitation/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def invitation_link():
    return link_from_mail
