"""Errors every app's services raise for their views to explain."""

from django.core.exceptions import ValidationError


class ConcurrentEditError(ValidationError):
    """Someone else saved the row after this copy was loaded; views answer 409."""
