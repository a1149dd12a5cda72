"""The activity entry form and the activity list filters."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from perpus.filters import DateRangeFilterMixin
from perpus.scopes import Role, scope_of
from perpus.uploads import ANY_DOCUMENT, DocumentField, PhotoField
from villages.forms.filters import in_place_and_period
from villages.models import Library, Province, Regency

from ..models import (
    MEETING_KINDS,
    TARGET_GROUP_FIELDS,
    Activity,
    ActivityKind,
    ActivityLevel,
    DocumentKind,
    FundingSource,
    Partnership,
    ReviewStatus,
)
from .base import DATE, RecordForm, regency_choices


def _number(kind: str):
    return forms.NumberInput(attrs={"min": 0, "inputmode": "numeric", "data-participants": kind})


def default_level(user) -> str:
    """The activity level that fits the user's role (no query)."""
    return {
        Role.PROVINCE_STAFF: ActivityLevel.PROVINCE,
        Role.REGENCY_STAFF: ActivityLevel.REGENCY,
        Role.LIBRARY_MANAGER: ActivityLevel.VILLAGE,
    }.get(scope_of(user).role, ActivityLevel.NATIONAL)


def regions_for(user):
    """Regencies an activity of `user` may involve: those of the provinces they enter data for (lazy)."""
    if scope_of(user).is_national:
        return Regency.objects.all()
    return Regency.objects.filter(province__in=Library.objects.editable_by(user).values("province_id"))


class ActivityForm(RecordForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "level",
            "library",
            "start_date",
            "end_date",
            "venue",
            "libraries",
            "regions",
            "partnership",
            "summary",
            "speakers",
            "participants_male",
            "participants_female",
            *TARGET_GROUP_FIELDS,
            "funding_source",
            "funding_amount",
            "outputs",
            "training_type",
            "training_method",
            "training_hours",
            "follow_up_plan",
            "decisions",
            "follow_ups",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "speakers": forms.Textarea(attrs={"rows": 2}),
            "outputs": forms.Textarea(attrs={"rows": 3}),
            "follow_up_plan": forms.Textarea(attrs={"rows": 3}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
            "follow_ups": forms.Textarea(attrs={"rows": 3}),
            "libraries": forms.SelectMultiple(attrs={"size": 6}),
            "regions": forms.SelectMultiple(attrs={"size": 6}),
            "participants_male": _number("gender"),
            "participants_female": _number("gender"),
            **{name: _number("group") for name in TARGET_GROUP_FIELDS},
            "funding_amount": forms.NumberInput(attrs={"min": 0, "step": 1000, "inputmode": "numeric"}),
            "training_hours": forms.NumberInput(attrs={"min": 0, "step": 0.5, "inputmode": "decimal"}),
        }
        labels = {"library": _("Organiser")}
        help_texts = {
            "library": _("Your agency's library, or the village library that held the activity."),
            "libraries": _("Hold Ctrl (or long-press on a phone) to choose several."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        fields = self.fields
        fields["libraries"].queryset = Library.objects.for_user(user).order_by("name")
        fields["regions"].queryset = regions_for(user).order_by("code")
        fields["partnership"].queryset = Partnership.objects.for_user(user).alive()
        fields["funding_amount"].label = _("Amount (Rp)")
        fields["funding_source"].choices = [("", _("Not recorded")), *FundingSource.choices]
        if not self.instance.pk:
            today = timezone.localdate()
            self.initial.setdefault("level", default_level(user))
            self.initial.setdefault("start_date", today)
            self.initial.setdefault("end_date", today)
            if scope_of(user).regency_id:
                self.initial.setdefault("regions", [scope_of(user).regency_id])
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        total = format_html(
            '<p class="mb-3">{} <output id="participants-total" class="fw-semibold" aria-live="polite">{}</output>'
            '<span id="participants-warning" class="text-danger ms-2" hidden>{}</span></p>',
            gettext("Total participants:"),
            self.instance.participants_total if self.instance.pk else 0,
            gettext("The target groups add up to more than the total."),
        )
        return self._layout(helper, total)

    def _layout(self, helper, total_html) -> FormHelper:
        meeting_kinds = " ".join(sorted(MEETING_KINDS))
        helper.layout = Layout(
            *(["version"] if "version" in self.fields else []),
            Fieldset(
                gettext("What and who"),
                "title",
                "kind",
                "level",
                "library",
            ),
            Fieldset(gettext("When and where"), "start_date", "end_date", "venue", "libraries", "regions"),
            Fieldset(gettext("What happened"), "summary", "speakers", "outputs", "partnership"),
            Fieldset(
                gettext("Participants"),
                "participants_male",
                "participants_female",
                HTML(total_html),
                HTML(format_html('<p class="small text-muted">{}</p>', gettext("Of whom, by target group:"))),
                *TARGET_GROUP_FIELDS,
            ),
            Fieldset(gettext("Funding"), "funding_source", "funding_amount"),
            Div(
                Fieldset(
                    gettext("Training"), "training_type", "training_method", "training_hours", "follow_up_plan"
                ),
                css_class="kind-fields",
                data_kinds=ActivityKind.TRAINING,
            ),
            Div(
                Fieldset(gettext("Meeting outcome"), "decisions", "follow_ups"),
                css_class="kind-fields",
                data_kinds=meeting_kinds,
            ),
        )
        return helper

    def m2m(self) -> dict:
        """The many-to-many choices, for the record services (no query)."""
        return {"libraries": self.cleaned_data["libraries"], "regions": self.cleaned_data["regions"]}


class ActivityFilterForm(DateRangeFilterMixin, forms.Form):
    """The filters of the activity lists; invalid fields (a reversed date range included) are
    shown with their error and not applied."""

    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.all(), required=False)
    regency = forms.ModelChoiceField(label=_("Regency/city"), queryset=Regency.objects.none(), required=False)
    library = forms.IntegerField(label=_("Library"), widget=forms.HiddenInput, required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DATE)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, user=None, public=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *ActivityKind.choices]
        self.fields["level"].choices = [("", _("All levels")), *ActivityLevel.choices]
        self.fields["status"].choices = [("", _("All statuses")), *ReviewStatus.choices]
        self.fields["province"].empty_label = _("All provinces")
        self.fields["regency"].empty_label = _("All regencies/cities")
        if public:
            del self.fields["status"]
        self.fields["regency"].queryset = regency_choices(self.data if self.is_bound else {}, user)

    def filter(self, qs, record_type=None):
        """Apply the valid filters to `qs` (lazy); invalid ones are left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("library"):
            qs = qs.involving([data["library"]])
        if data.get("q"):
            # Title, kind, venue, texts, organiser and places (perpus.textsearch).
            qs = qs.search(data["q"])
        for name in ("kind", "level", "status"):
            if data.get(name):
                qs = qs.filter(**{name: data[name]})
        return in_place_and_period(qs, data, starts="start_date", ends="end_date")


class PhotoForm(forms.Form):
    photo = PhotoField(label=_("Photo"))
    alt_text = forms.CharField(
        label=_("Description"), max_length=200, help_text=_("What the photo shows, for screen readers.")
    )
    is_person_photo = forms.BooleanField(
        label=_("Shows people who can be recognised"), required=False, initial=True
    )
    consent_recorded = forms.BooleanField(
        label=_("The people shown agreed to publication"),
        required=False,
        help_text=_("Without recorded consent, a photo of people stays private (UU PDP)."),
    )


class DocumentForm(forms.Form):
    file = DocumentField(label=_("File"), allowed=ANY_DOCUMENT)
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Document type"))
    is_private = forms.BooleanField(
        label=_("Private"),
        required=False,
        initial=True,
        help_text=_("Attendance lists are always private."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = DocumentKind.choices
