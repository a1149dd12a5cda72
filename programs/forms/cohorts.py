"""Forms for programs and cohort entries (program admin only)."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from villages.models import Library, LibraryLevel, Regency

from ..models import Participation, Program


class ProgramForm(forms.ModelForm):
    class Meta:
        model = Program
        fields = ["code", "name", "description", "started_year", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user


class ParticipationForm(forms.ModelForm):
    """A cohort entry. The library list is narrowed to one regency (never thousands of options)."""

    class Meta:
        model = Participation
        fields = [
            "library",
            "program",
            "year",
            "funding_source",
            "books_received",
            "computers_received",
            "printer_received",
            "internet_received",
            "training_received",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            NON_FIELD_ERRORS: {
                # Django's own Indonesian text for this says the record "does not exist".
                "unique_together": _(
                    "This library is already in this program's cohort of that year. "
                    "Edit that entry instead of adding another."
                ),
            }
        }

    def __init__(self, *args, user=None, regency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        libraries = Library.objects.editable_by(user).select_related("regency")
        if regency:
            narrowed = Q(regency_id=regency)
        else:
            # Without a regency, only the agency libraries (one per province and regency).
            narrowed = Q(level__in=[LibraryLevel.PROVINCE, LibraryLevel.REGENCY])
        if self.instance.library_id:
            narrowed |= Q(pk=self.instance.library_id)
        self.fields["library"].queryset = libraries.filter(narrowed)
        self.fields["library"].help_text = _(
            "Choose the regency above to list its village libraries."
        )
        self.fields["program"].queryset = Program.objects.filter(is_active=True) | Program.objects.filter(
            pk=self.instance.program_id or 0
        )


class RegencyFilterForm(forms.Form):
    """GET form that picks the regency whose libraries the cohort form lists."""

    regency = forms.ModelChoiceField(
        label=_("Regency/city"),
        queryset=Regency.objects.none(),
        required=False,
        empty_label=_("Agency libraries (province and regency)"),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regency"].queryset = Regency.objects.for_user(user).select_related("province").order_by(
            "province__name", "name"
        )
