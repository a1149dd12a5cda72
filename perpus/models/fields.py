"""Field factories and Meta helpers: the people models', and the order every dated list shares."""

from django.db import models


def place_field(model: str, related_name: str, verbose_name, **kwargs) -> models.ForeignKey:
    """The province, regency or library of a user or an invitation: empty for roles bound to no
    place, and a place cannot be deleted while it is someone's."""
    return models.ForeignKey(
        model,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **kwargs,
    )


def newest_first(date_field: str) -> list[str]:
    """The `Meta.ordering` of a dated list: newest `date_field` first, and the later row first
    among rows of one date, so that pages of the list neither repeat nor skip a row."""
    return [f"-{date_field}", "-pk"]
