"""`{% library_progress library as progress %}`: a library's stage and criteria for the panel."""

from django import template

from ..panel import library_progress_context

register = template.Library()


@register.simple_tag(takes_context=True)
def library_progress(context, library):
    """Return the panel data for `library` as the current user sees it (fixed number of queries)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return library_progress_context(library, user)
