"""What the filter forms of the lists share: a date range that must not run backwards.

`DateRangeFilterMixin` goes before `forms.Form` in a filter form with two optional date
fields (`date_from`, `date_to` unless `date_range` names others). A range whose end is
before its start is an error on the end date, and neither date stays in `cleaned_data`:
the list is not narrowed by a range that can match nothing, while the form's other valid
filters still apply. No query.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

REVERSED_RANGE = _("The end date cannot be before the start date.")


class DateRangeFilterMixin:
    #: The names of the start and end date fields.
    date_range: tuple[str, str] = ("date_from", "date_to")

    def clean(self):
        cleaned = super().clean()
        start_name, end_name = self.date_range
        start, end = cleaned.get(start_name), cleaned.get(end_name)
        if start and end and end < start:
            # add_error drops the end date from cleaned_data; the start date goes too.
            self.add_error(end_name, REVERSED_RANGE)
            cleaned.pop(start_name, None)
        return cleaned
