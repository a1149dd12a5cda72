"""Forms for editing the progress ladder (program admin only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..measures import get_measure, measure_choices, measure_label
from ..models import Criterion, CriterionKind, Stage


def _retire_only_existing(form) -> None:
    """Something new has nothing to retire: its form asks only once it exists (no query)."""
    if not form.instance.pk:
        del form.fields["retired"]


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["order", "name", "name_en", "description", "description_en", "retired"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        _retire_only_existing(self)


class CriterionForm(forms.ModelForm):
    measure = forms.ChoiceField(label=_("measure"), required=False)

    class Meta:
        model = Criterion
        fields = [
            "stage",
            "order",
            "name",
            "name_en",
            "description",
            "description_en",
            "kind",
            "measure",
            "threshold",
            "window_months",
            "retired",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "description_en": forms.Textarea(attrs={"rows": 2}),
            "kind": forms.RadioSelect,
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.original_measure = self.instance.measure if self.instance.pk else ""
        choices = [("", "---------")] + [(name, f"{label} ({name})") for name, label in measure_choices()]
        if self.original_measure and not get_measure(self.original_measure):
            # Keep a default-ladder measure whose data no app records yet.
            label = _("%(label)s (data not yet recorded)") % {"label": measure_label(self.original_measure)}
            choices.append((self.original_measure, label))
        self.fields["measure"].choices = choices
        self.fields["measure"].help_text = Criterion._meta.get_field("measure").help_text
        self.fields["stage"].queryset = Stage.objects.order_by("order", "pk")
        self.fields["stage"].empty_label = None
        _retire_only_existing(self)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        measure = cleaned.get("measure") or ""
        if kind == CriterionKind.COMPUTED and measure:
            if get_measure(measure) is None and measure != self.original_measure:
                self.add_error("measure", _("No app records this measure yet; choose another."))
        if kind == CriterionKind.ATTESTED:
            # Attested criteria carry none of these; clear them rather than fail.
            cleaned["measure"] = ""
            cleaned["threshold"] = None
            cleaned["window_months"] = None
        return cleaned
