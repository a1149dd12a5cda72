"""The monitoring-visit form: the visit, then one verdict per attested criterion."""

from django import forms
from django.db.models import Prefetch
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.uploads import PDF_OR_IMAGE, DocumentField, clean_document

from ..models import Assessment, AssessmentEvidence, Verdict
from ..services.assessments import ItemInput


class AssessmentForm(forms.ModelForm):
    """Fields: visited_on, findings, recommendations, and for each attested criterion
    `verdict_<id>` (met / not_met / not_assessed), `note_<id>` and `evidence_<id>`."""

    class Meta:
        model = Assessment
        fields = ["visited_on", "findings", "recommendations"]
        widgets = {
            "visited_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user=None, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.criteria = list(criteria)
        current = {}
        if self.instance.pk:
            current = {
                item.criterion_id: item
                for item in self.instance.items.prefetch_related(
                    Prefetch("evidence_files", queryset=AssessmentEvidence.objects.alive())
                )
            }
        elif not self.initial.get("visited_on"):
            # The unsaved instance gives visited_on=None in `initial`, which would hide a
            # field's own initial value: pre-fill today's date here.
            self.initial["visited_on"] = timezone.localdate()
        self.criterion_fields = []
        for criterion in self.criteria:
            item = current.get(criterion.pk)
            verdict_name, note_name, evidence_name = (
                f"verdict_{criterion.pk}",
                f"note_{criterion.pk}",
                f"evidence_{criterion.pk}",
            )
            # The fieldset's legend names the criterion; the field says what is asked.
            self.fields[verdict_name] = forms.ChoiceField(
                label=_("Verdict"),
                choices=Verdict.choices,
                initial=item.verdict if item else Verdict.NOT_ASSESSED,
                widget=forms.RadioSelect,
            )
            self.fields[note_name] = forms.CharField(
                label=_("Note"),
                required=False,
                initial=item.note if item else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[evidence_name] = DocumentField(
                allowed=PDF_OR_IMAGE,
                label=_("Evidence (photo or PDF)"),
                required=False,
            )
            self.criterion_fields.append(
                {
                    "criterion": criterion,
                    "verdict": self[verdict_name],
                    "note": self[note_name],
                    "evidence": self[evidence_name],
                    "current": list(item.evidence_files.all()) if item else [],
                }
            )

    def clean_visited_on(self):
        visited_on = self.cleaned_data["visited_on"]
        if visited_on > timezone.localdate():
            raise ValidationError(_("The visit date cannot be in the future."))
        return visited_on

    def clean(self):
        cleaned = super().clean()
        for criterion in self.criteria:
            name = f"evidence_{criterion.pk}"
            upload = cleaned.get(name)
            if upload:
                try:
                    # Photos re-encoded without metadata, PDFs checked; a random stored name.
                    cleaned[name] = clean_document(upload, allowed=PDF_OR_IMAGE)
                    cleaned[f"{name}_name"] = str(upload.name or "")
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def item_inputs(self) -> dict[int, ItemInput]:
        """The verdicts per criterion id, after `is_valid()` (no query)."""
        return {
            criterion.pk: ItemInput(
                verdict=self.cleaned_data[f"verdict_{criterion.pk}"],
                note=self.cleaned_data.get(f"note_{criterion.pk}", ""),
                evidence=self.cleaned_data.get(f"evidence_{criterion.pk}") or None,
                evidence_name=self.cleaned_data.get(f"evidence_{criterion.pk}_name", ""),
            )
            for criterion in self.criteria
        }
