"""Errors every app's services raise for their views to explain, and how a form shows them."""

from django.core.exceptions import ValidationError


class ConcurrentEditError(ValidationError):
    """Someone else saved the row after this copy was loaded; views answer 409."""


def show_on_form(form, error: ValidationError) -> None:
    """Put a service's refusal on `form`: each message on the field it names when the form
    has that field, the others at the top of the form (no query)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
