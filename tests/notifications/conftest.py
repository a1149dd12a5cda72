import pytest
from django.core import mail

from perpus.scopes import Role
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the queued mails) of everything done inside."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def second_manager(library):
    return UserFactory(username="pengelola2", role=Role.LIBRARY_MANAGER, library=library, language="en")


@pytest.fixture
def submitted_village_record(library, library_manager):
    return ActivityFactory(
        library=library, created_by=library_manager, status="submitted", needs_check=True, title="Story telling"
    )
