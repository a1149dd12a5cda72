"""Forms of the review pages: returning, deleting, and the queue filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from perpus.filters import DateRangeFilterMixin
from perpus.scopes import scope_of
from villages.models import Province, Regency

from ..models import ActivityKind
from .base import DATE, regency_choices


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say what the author should fix."),
    )


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for deleting"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The record can be restored from the trash."),
    )


class QueueFilterForm(DateRangeFilterMixin, forms.Form):
    """Filters of the review queue; the bulk verification re-applies the same ones. A reversed
    date range is an error and narrows nothing."""

    type = forms.ChoiceField(label=_("Type"), required=False)
    kind = forms.ChoiceField(label=_("Kind of activity"), required=False)
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.none(), required=False)
    regency = forms.ModelChoiceField(label=_("Regency/city"), queryset=Regency.objects.none(), required=False)
    date_from = forms.DateField(label=_("Submitted from"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("Submitted until"), required=False, widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_of(user)
        from ..registry import record_types  # the registry imports the entry forms lazily

        self.fields["type"].choices = [("", _("All types"))] + [
            (t.key, str(t.label_plural).capitalize()) for t in record_types()
        ]
        self.fields["kind"].choices = [("", _("All kinds")), *ActivityKind.choices]
        self.fields["province"].empty_label = _("All provinces")
        self.fields["regency"].empty_label = _("All regencies/cities")
        self.fields["province"].queryset = (
            Province.objects.all() if scope.is_national else Province.objects.filter(code__in=scope.province_ids)
        )
        self.fields["regency"].queryset = regency_choices(self.data if self.is_bound else {}, user)

    def filters(self) -> dict:
        """The valid filters as keyword arguments of `queue_querysets` (validates the form)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "type_key": data.get("type") or "",
            "kind": data.get("kind") or "",
            "province": data.get("province"),
            "regency": data.get("regency"),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
