"""Forms of monitoring visits: the list's filters and the visit itself.

Every choice is narrowed to the user's scope: the regency to the regencies the user
sees (the services check again that the user may change a visit there), the
libraries to that regency's libraries, the team members with an account to the
people who work on that province or regency.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.filters import DateRangeFilterMixin
from perpus.scopes import working_on_q
from perpus.uploads import DOCUMENT_TYPES, DocumentField, clean_document
from villages.forms.filters import in_place_and_period
from villages.models import Library, Province, Regency

from ..models import Visit

#: A visit's report: a PDF or an office document (Word, Excel, OpenDocument).
REPORT_TYPES = frozenset(
    ext for ext, (_sig, kind) in DOCUMENT_TYPES.items() if kind in {"pdf", "office"}
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VisitFilterForm(DateRangeFilterMixin, forms.Form):
    """The list's filters (GET): province, regency, dates. Choices narrowed to the user's scope;
    an invalid filter (a reversed date range included) is shown with its error and not applied.

    Reads the user's provinces (one query, at most two rows) to decide whether to offer them.
    """

    province = forms.ModelChoiceField(
        queryset=Province.objects.none(), required=False, label=_("Province")
    )
    regency = forms.ModelChoiceField(
        queryset=Regency.objects.none(), required=False, label=_("Regency or city")
    )
    date_from = forms.DateField(required=False, label=_("From"), widget=DATE)
    date_to = forms.DateField(required=False, label=_("To"), widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Province.objects.for_user(user).order_by("name")
        regencies = Regency.objects.for_user(user).order_by("name")
        if len(provinces[:2]) <= 1:
            # One province (or a regency's staff): the regencies are few, no province to choose.
            del self.fields["province"]
        else:
            self.fields["province"].queryset = provinces
            # 514 regencies do not fit a phone's picker: list them once a province is chosen.
            province = self.data.get("province") if self.is_bound else None
            if province:
                regencies = regencies.filter(province_id=province)
            else:
                regencies = regencies.none()
                self.fields["regency"].help_text = _("Choose a province first, then filter.")
        self.fields["regency"].queryset = regencies

    def apply(self, queryset):
        """Return `queryset` filtered by the valid filters (lazy, no query); invalid ones,
        shown with their errors, are left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return in_place_and_period(queryset, data, starts="starts_on", ends="ends_on")


class VisitForm(forms.ModelForm):
    """A visit's fields; `regency` comes from the regency picker (a hidden field).

    The library and team choices follow the regency: the one posted when it is in the
    user's scope, else the instance's or the picker's.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    report = DocumentField(allowed=REPORT_TYPES, label=_("Report"), required=False)
    clear_report = forms.BooleanField(label=_("Remove the current report"), required=False)

    class Meta:
        model = Visit
        fields = [
            "regency", "starts_on", "ends_on", "team", "visitors", "libraries", "purpose",
            "findings", "recommendations", "users_interviewed", "non_users_interviewed",
            "survey_summary",
        ]
        widgets = {
            "regency": forms.HiddenInput,
            "starts_on": DATE,
            "ends_on": DATE,
            "team": forms.Textarea(attrs={"rows": 3}),
            "visitors": forms.CheckboxSelectMultiple,
            "libraries": forms.CheckboxSelectMultiple,
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "findings": forms.Textarea(attrs={"rows": 5}),
            "recommendations": forms.Textarea(attrs={"rows": 4}),
            "survey_summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, regency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        regencies = Regency.objects.for_user(user)
        self.fields["regency"].queryset = regencies
        if regency is not None:
            self.initial["regency"] = regency.pk
        self.regency = self._chosen_regency(regencies, regency)
        code = self.regency.pk if self.regency else None
        self.fields["libraries"].queryset = (
            Library.objects.for_user(user).filter(regency_id=code).order_by("level", "name")
            if code
            else Library.objects.none()
        )
        self.fields["visitors"].queryset = team_candidates(self.regency)
        self.fields["visitors"].label_from_instance = _person
        self.fields["users_interviewed"].widget.attrs.update(min=0, inputmode="numeric")
        self.fields["non_users_interviewed"].widget.attrs.update(min=0, inputmode="numeric")
        if self.instance.pk:
            self.fields["version"].required = True
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
            # The unsaved instance puts None in `initial`: a one-day visit today by default.
            for name in ("starts_on", "ends_on"):
                if not self.initial.get(name):
                    self.initial[name] = timezone.localdate()
        if not self.instance.report:
            del self.fields["clear_report"]

    def _chosen_regency(self, regencies, picked):
        """The regency the choices follow (one query when posted)."""
        if self.is_bound:
            code = self.data.get(self.add_prefix("regency"))
            if code:
                return regencies.filter(pk=code).select_related("province").first()
            return None
        if picked is not None:
            return picked
        return self.instance.regency if self.instance.regency_id else None

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on > timezone.localdate():
            raise ValidationError(
                _("A visit is recorded once it has begun: the first day cannot be in the future.")
            )
        return starts_on

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        regency = cleaned.get("regency")
        if regency is not None:
            # Province is not a form field; the constraint checks and the services need it.
            self.instance.province_id = regency.province_id
        upload = cleaned.get("report")
        if upload:
            try:
                cleaned["report"] = clean_document(upload, allowed=REPORT_TYPES)
                cleaned["report_name"] = str(upload.name or "")
            except ValidationError as error:
                self.add_error("report", error)
        return cleaned

    def full_clean(self):
        super().full_clean()
        # The hidden fields are not shown with their errors: say it where the user reads.
        if self.is_bound and self._errors is not None:
            for name, message in (
                (
                    "version",
                    _(
                        "This form is out of date or was altered, so nothing was saved. "
                        "Open the visit again and redo your changes."
                    ),
                ),
                (
                    "regency",
                    _(
                        "Choose the regency or city of the visit again: "
                        "the one sent is not in your area."
                    ),
                ),
            ):
                if name in self._errors:
                    del self._errors[name]
                    self.add_error(None, ValidationError(message, code=f"bad_{name}"))


def _person(user) -> str:
    """A team member as a choice: name and role (no query)."""
    return f"{user.get_full_name() or user.username} · {user.get_role_display()}"


def team_candidates(regency):
    """People with an account who may be on a visit to `regency` (lazy, no query).

    Program admins, the consultants of its province, the province's staff and the
    regency's staff; none before a regency is chosen.
    """
    users = get_user_model().objects.filter(is_active=True)
    if regency is None:
        return users.none()
    return users.filter(working_on_q(regency.province_id, regency.pk)).distinct().order_by("first_name", "last_name", "username")
