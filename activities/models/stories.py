"""Impact stories (*cerita perubahan*): how the library changed someone's life.

The person's name and photo are personal data (UU PDP 27/2022): a story is
public only with recorded consent, and the name only if the person agreed to it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first
from perpus.uploads import RandomUploadTo

from .base import RecordQuerySet, ReviewedRecord, actor_field, trash_index


class StoryQuerySet(RecordQuerySet):
    def with_consent(self):
        """Stories whose person gave recorded consent (lazy)."""
        return self.filter(consent_given=True, consent_date__isnull=False)

    def public(self):
        """Verified stories with recorded consent: the only ones visitors see (lazy)."""
        return super().public().with_consent()


class ImpactStory(ReviewedRecord):
    title = models.CharField(_("title"), max_length=200)
    person_name = models.CharField(
        _("person's name"), max_length=200,
        help_text=_("Private: shown publicly only if the person agreed to it."),
    )
    person_description = models.CharField(
        _("who the person is"), max_length=200, blank=True,
        help_text=_("Public, without the name, e.g. “a mother of three, batik maker”."),
    )
    story = models.TextField(_("story"))
    happened_on = models.DateField(_("date of the story"), help_text=_("When the story was collected."))
    photo = models.ImageField(
        _("photo"), upload_to=RandomUploadTo("stories"), blank=True,
        help_text=_("Shown publicly only with the person's consent."),
    )
    consent_given = models.BooleanField(
        _("the person agreed to publication"), default=False,
        help_text=_("Only stories with recorded consent appear on public pages."),
    )
    consent_date = models.DateField(_("date of consent"), null=True, blank=True)
    name_public = models.BooleanField(
        _("the name may be shown"), default=False,
        help_text=_("The person also agreed that their name is published with the story."),
    )
    consent_recorded_by = actor_field(_("consent recorded by"))

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = newest_first("happened_on")
        verbose_name = _("impact story")
        verbose_name_plural = _("impact stories")
        constraints = [
            models.CheckConstraint(
                condition=Q(consent_given=False) | Q(consent_date__isnull=False),
                name="story_consent_has_date",
                violation_error_message=_("Give the date on which the person agreed."),
            ),
            models.CheckConstraint(
                condition=Q(name_public=False) | Q(consent_given=True),
                name="story_name_needs_consent",
                violation_error_message=_("The name can only be shown if the person agreed to publication."),
            ),
        ]
        indexes = [models.Index(fields=["library", "status", "happened_on"], name="story_lib_status_date"), trash_index("story_trash")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.consent_given and not self.consent_date:
            errors["consent_date"] = _("Give the date on which the person agreed.")
        if self.name_public and not self.consent_given:
            errors["name_public"] = _("The name can only be shown if the person agreed to publication.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("activities:story_detail", args=[self.pk])

    @property
    def public_name(self) -> str:
        """The name to show publicly: only if the person agreed to it, else "" (no query).

        Whether the story itself is public is decided by `ImpactStory.objects.public()`.
        """
        return self.person_name if self.consent_given and self.name_public else ""
