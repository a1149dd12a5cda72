"""The background task that carries out what is due (django-tasks)."""

from django_tasks import task

from .runner import run_due


@task()
def run_due_followups() -> dict:
    """Carry out every due follow-up; returns how many rows each follow-up took."""
    return run_due()
