"""The date range the list filters share (perpus.filters.DateRangeFilterMixin)."""

import datetime

from django import forms

from perpus.filters import DateRangeFilterMixin


class Filters(DateRangeFilterMixin, forms.Form):
    q = forms.CharField(required=False)
    date_from = forms.DateField(required=False)
    date_to = forms.DateField(required=False)


class Submitted(DateRangeFilterMixin, forms.Form):
    date_range = ("after", "before")
    after = forms.DateField(required=False)
    before = forms.DateField(required=False)


def test_a_reversed_range_is_an_error_on_the_end_and_neither_date_is_kept():
    form = Filters({"q": "kelas", "date_from": "2026-12-10", "date_to": "2026-12-01"})
    assert not form.is_valid()
    assert form.errors == {"date_to": ["Tanggal selesai tidak boleh sebelum tanggal mulai."]}
    # The other filters still apply; the broken range narrows nothing.
    assert form.cleaned_data == {"q": "kelas"}


def test_one_day_open_and_ordered_ranges_are_valid():
    day = datetime.date(2026, 12, 1)
    for data in (
        {"date_from": "2026-12-01", "date_to": "2026-12-01"},
        {"date_from": "2026-12-01"},
        {"date_to": "2026-12-01"},
        {"date_from": "2026-11-01", "date_to": "2026-12-01"},
    ):
        form = Filters(data)
        assert form.is_valid(), data
        assert day in (form.cleaned_data["date_from"], form.cleaned_data["date_to"])


def test_an_invalid_start_leaves_the_valid_end_alone():
    form = Filters({"date_from": "garbage", "date_to": "2026-12-01"})
    assert list(form.errors) == ["date_from"]
    assert form.cleaned_data["date_to"] == datetime.date(2026, 12, 1)


def test_other_field_names():
    form = Submitted({"after": "2026-12-10", "before": "2026-12-01"})
    assert list(form.errors) == ["before"] and form.cleaned_data == {}
