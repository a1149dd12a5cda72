"""The hidden `version` a form carries, so a save from a stale form is refused."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BAD_VERSION = _(
    "This form was changed or is out of date, so nothing was saved. "
    "Open it again and re-enter your changes."
)


class VersionedFormMixin:
    """Adds a hidden `version` field holding the row's version when the form was opened.

    The field is hidden, so a missing or malformed value (a tampered form) becomes
    a message at the top of the form rather than an error nobody sees. Put the
    mixin before the form class; call `add_version_field` in `__init__`.
    """

    def add_version_field(self, version: int | None) -> None:
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=True, min_value=1, max_value=2**31 - 1, initial=version
        )

    def clean(self):
        cleaned = super().clean()
        if "version" in self.fields and self._errors.pop("version", None) is not None:
            self.add_error(None, ValidationError(BAD_VERSION, code="bad_version"))
        return cleaned

    @property
    def expected_version(self) -> int | None:
        """The version the form was opened with (after `is_valid()`), or None without one."""
        return self.cleaned_data.get("version")
