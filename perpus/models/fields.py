"""Field factories of the people models."""

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
