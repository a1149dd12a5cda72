"""One form per library and month for the monthly figures."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import LibraryStatistic, first_of_month
from ..services.statistics import validate_month
from .versioning import VersionedFormMixin


class MonthField(forms.DateField):
    """A month picked with `<input type="month">` (YYYY-MM); a full date is accepted too."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%Y-%m-%d"]
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, e.g. 2024-05.")}

    def to_python(self, value):
        day = super().to_python(value)
        return first_of_month(day) if day else day


class LibraryStatisticForm(VersionedFormMixin, forms.ModelForm):
    """The figures of one month. Opened on a month already entered (`instance`), the
    month is fixed and the form carries the row's `version`; a blank form may name a
    month entered before, which it then updates."""

    month = MonthField(label=_("month"))

    class Meta:
        model = LibraryStatistic
        fields = ["month", "visits_male", "visits_female", "new_members", "total_members", "loans"]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["month"].disabled = True
            self.fields["month"].help_text = _("To enter another month, pick it below.")
            self.add_version_field(self.instance.version)

    def values(self) -> dict[str, int]:
        """The figures entered (after `is_valid()`), without the month and version (no query)."""
        return {k: v for k, v in self.cleaned_data.items() if k not in ("month", "version")}

    def clean_month(self):
        # The service checks the month again, by the same rule, whatever the channel.
        return validate_month(self.cleaned_data["month"])

    def validate_unique(self):
        # An existing month is updated by the view (upsert), so uniqueness is not an error here.
        pass
