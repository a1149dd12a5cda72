"""The dashboards' GET filter form: program, cohort year and a range of months."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Participation, Program
from ..selectors.dashboard_levels import DashboardFilters

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
DEFAULT_MONTHS = 12


def _month(value: str) -> date | None:
    match = MONTH.match(value or "")
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        return None
    return date(int(match[1]), int(match[2]), 1)


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"})
    default_error_messages = {
        "invalid": _("Enter a month as YYYY-MM."),
        "out_of_range": _("Choose a month between 2000 and 2100."),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = MONTH.match(value)
        if not match or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        month = _month(value)
        if month is None:
            raise forms.ValidationError(self.error_messages["out_of_range"], code="out_of_range")
        return month


class DashboardFilterForm(forms.Form):
    program = forms.ModelChoiceField(Program.objects.order_by("name"), required=False, label=_("Program"),
                                     empty_label=_("All programs"))
    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label=_("Cohort year"))
    start = MonthField(required=False, label=_("From month"))
    end = MonthField(required=False, label=_("To month"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = Participation.objects.order_by("-year").values_list("year", flat=True).distinct()
        self.fields["year"].choices = [("", _("All cohort years"))] + [(y, y) for y in years]
        for name, form_field in self.fields.items():
            css = "form-select" if isinstance(form_field.widget, forms.Select) else "form-control"
            form_field.widget.attrs["class"] = f"{css} {css}-sm w-100"

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The last month cannot be before the first month."))
        return data

    def filters(self) -> DashboardFilters:
        """The valid choices as `DashboardFilters`; defaults (the last 12 months) for the rest:
        a wrong field (shown with its message) leaves the others in force."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        today = timezone.localdate().replace(day=1)
        end = data.get("end") or today
        start = data.get("start")
        if start is None:
            months = end.year * 12 + end.month - DEFAULT_MONTHS
            start = date(months // 12, months % 12 + 1, 1)
        # A first month after the default last one: that month alone, not an empty range.
        end = max(end, start)
        program = data.get("program")
        return DashboardFilters(month_from=start, month_to=end, program_id=program.pk if program else None,
                                year=data.get("year"))
