"""The monitoring-visit form: the visit, then one verdict per attested criterion."""

from django import forms
from django.db.models import Prefetch
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.uploads import PDF_OR_IMAGE, DocumentField, clean_document

from ..models import Assessment, AssessmentEvidence, Verdict, Visit
from ..services.assessments import ItemInput, check_visit_date


class AssessmentForm(forms.ModelForm):
    """Fields: visited_on, the visit it was made during (optional), findings, recommendations,
    and for each attested criterion `verdict_<id>` (met / not_met / not_assessed),
    `note_<id>` and `evidence_<id>`."""

    class Meta:
        model = Assessment
        fields = ["visited_on", "visit", "findings", "recommendations"]
        widgets = {
            "visited_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "recommendations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user=None, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.criteria = list(criteria)
        # The visits to this library's regency that the user sees, newest first.
        library = self.instance.library
        self.fields["visit"].queryset = (
            Visit.objects.for_user(user)
            .filter(regency_id=library.regency_id)
            .order_by("-starts_on", "-pk")
            if library.regency_id
            else Visit.objects.none()
        )
        self.fields["visit"].label_from_instance = _visit_label
        self.fields["visit"].empty_label = _("Not during a recorded visit")
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
        self.criterion_fields = [self._add_criterion_fields(c, current.get(c.pk)) for c in self.criteria]

    def _add_criterion_fields(self, criterion, item) -> dict:
        """Add the verdict, note and evidence fields of `criterion`, filled from its saved
        `item` if any; return them for the template, with the criterion and its evidence."""
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
        return {
            "criterion": criterion,
            "verdict": self[verdict_name],
            "note": self[note_name],
            "evidence": self[evidence_name],
            "current": list(item.evidence_files.all()) if item else [],
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("visited_on"):
            try:
                # The services check the date by the same rule, whatever the channel.
                check_visit_date(cleaned["visited_on"], cleaned.get("visit"))
            except ValidationError as error:
                self.add_error(None, error)
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


def _visit_label(visit) -> str:
    """A visit as a choice: its days and the first line of its team (no query)."""
    days = visit.starts_on.isoformat()
    if visit.ends_on != visit.starts_on:
        days += f" – {visit.ends_on.isoformat()}"
    team = (visit.team or "").strip().splitlines()
    return f"{days} · {team[0][:60]}" if team else days
