"""Entry and filter forms of partnerships, support won, products and impact stories."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from villages.models import Province, Regency
from villages.params import region_code, search_term

from ..models import (
    ImpactStory,
    PartnerType,
    Partnership,
    Product,
    ProductCategory,
    ReviewStatus,
    SupportKind,
    SupportRecord,
)
from ..models.partnerships import active_on_q
from .base import RecordForm

class PartnershipForm(RecordForm):
    document_fields = ("document",)
    #: Fields kept when "save and add another partner" opens the next form.
    shared_fields = ("library", "kind", "title", "scope", "signed_on", "signed_at", "valid_until")

    @classmethod
    def initial_from(cls, user, params) -> dict:
        """With `?same_event=<pk>`, the shared fields of that partnership (one query)."""
        source_pk = params.get("same_event", "")
        if not source_pk.isdigit():
            return {}
        source = Partnership.objects.for_user(user).alive().filter(pk=source_pk).first()
        if source is None:
            return {}
        return {
            name: Partnership._meta.get_field(name).value_from_object(source) for name in cls.shared_fields
        }

    def next_url(self, record) -> str | None:
        if "save_add_another" in self.data:
            return reverse("activities:partnership_create") + f"?same_event={record.pk}"
        return None

    class Meta:
        model = Partnership
        fields = [
            "library", "kind", "title", "signed_on", "signed_at", "valid_until", "partner_name",
            "partner_type", "scope", "document",
        ]
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}


class SupportForm(RecordForm):
    document_fields = ("document",)

    class Meta:
        model = SupportRecord
        fields = [
            "library", "kind", "year", "title", "regulation_type", "number", "issued_on",
            "budget_source", "amount", "notes", "document",
        ]
        widgets = {"kind": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "regulation_type": _("For a regulation."),
            "number": _("For a regulation, e.g. 7 Tahun 2022."),
            "budget_source": _("For a budget allocation."),
            "amount": _("For a budget allocation, in rupiah, without dots."),
        }


class ProductForm(RecordForm):
    photo_fields = ("photo",)
    sales_url = forms.URLField(
        label=Product._meta.get_field("sales_url").verbose_name,
        help_text=Product._meta.get_field("sales_url").help_text,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Product
        fields = [
            "library", "name", "group_name", "category", "description", "photo", "price",
            "sales_url", "reported_on", "income", "income_period", "income_year",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class StoryForm(RecordForm):
    photo_fields = ("photo",)

    def _post_clean(self):
        super()._post_clean()
        # Who recorded the consent is kept with it; withdrawing consent clears it.
        story = self.instance
        if not story.consent_given:
            story.consent_recorded_by = None
        elif not story.consent_recorded_by_id or {"consent_given", "consent_date"} & set(self.changed_data):
            story.consent_recorded_by = self.user

    class Meta:
        model = ImpactStory
        fields = [
            "library", "title", "person_name", "person_description", "happened_on", "story",
            "photo", "consent_given", "consent_date", "name_public",
        ]
        widgets = {"story": forms.Textarea(attrs={"rows": 6})}


# Filters of the lists ---------------------------------------------------------


def choice_filter(label, any_label, choices) -> forms.ChoiceField:
    """An optional filter: one of `choices`, or any (`any_label`, the empty choice)."""
    return forms.ChoiceField(label=label, required=False, choices=[("", any_label), *choices])


class RecordFilterForm(forms.Form):
    """Filters shared by every record list: words, region, status and year."""

    #: Filters whose chosen value the records must have as is: the status, and per type
    #: the fields its form adds (`kind`, `category`, `partner_type`).
    exact_filters: tuple[str, ...] = ("status",)

    q = forms.CharField(label=_("Search"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    status = choice_filter(_("Status"), _("Any status"), ReviewStatus.choices)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

    def valid_data(self) -> dict:
        """The filters that validated (validates the form once; no query of its own)."""
        self.is_valid()
        return getattr(self, "cleaned_data", {})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Two queries, whatever the number of rows listed.
        provinces = list(Province.objects.for_user(user).values_list("code", "name"))
        regencies = list(Regency.objects.for_user(user).values_list("code", "name"))
        self.fields["region"].choices = (
            [("", _("All regions"))]
            + ([(_("Provinces"), provinces)] if len(provinces) > 1 or not regencies else [])
            + [(_("Regencies and cities"), regencies)]
        )

    def filter(self, queryset, record_type):
        """Return `queryset` narrowed by the valid filters (lazy); an invalid one (shown with its
        message) is left out, the others still apply."""
        date_field = record_type.date_field
        data = self.valid_data()
        if data.get("q"):
            words = Q()
            for name in record_type.search_fields:
                words |= Q(**{f"{name}__icontains": data["q"]})
            queryset = queryset.filter(words)
        region = data.get("region")
        if region:
            queryset = queryset.filter(Q(province_id=region) | Q(regency_id=region))
        for name in self.exact_filters:
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        if data.get("year"):
            lookup = date_field if date_field == "year" else f"{date_field}__year"
            queryset = queryset.filter(**{lookup: data["year"]})
        return queryset


class PartnershipFilterForm(RecordFilterForm):
    exact_filters = (*RecordFilterForm.exact_filters, "partner_type")
    partner_type = choice_filter(_("Partner type"), _("Any partner"), PartnerType.choices)
    active = forms.BooleanField(label=_("Only agreements in force today"), required=False)

    def filter(self, queryset, record_type):
        queryset = super().filter(queryset, record_type)
        if self.valid_data().get("active"):
            queryset = queryset.active_on(timezone.localdate())
        return queryset


class SupportFilterForm(RecordFilterForm):
    exact_filters = (*RecordFilterForm.exact_filters, "kind")
    kind = choice_filter(_("Kind of support"), _("Any kind"), SupportKind.choices)


class ProductFilterForm(RecordFilterForm):
    exact_filters = (*RecordFilterForm.exact_filters, "category")
    category = choice_filter(_("Category"), _("Any category"), ProductCategory.choices)


class StoryFilterForm(RecordFilterForm):
    consent = choice_filter(
        _("Consent"), _("With or without consent"), [("yes", _("With consent")), ("no", _("Without consent"))]
    )

    def filter(self, queryset, record_type):
        queryset = super().filter(queryset, record_type)
        if consent := self.valid_data().get("consent"):
            queryset = queryset.filter(consent_given=consent == "yes")
        return queryset


class PublicFilterForm(forms.Form):
    """Filters of the public lists: words, province or region code, and per type the product
    category or whether a partnership is in force (no scope, published data only)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    region = forms.CharField(label=_("Region code"), required=False, widget=forms.HiddenInput)
    category = forms.ChoiceField(
        label=_("Kind of product"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )
    state = forms.ChoiceField(
        label=_("Validity"),
        required=False,
        choices=[("", _("In force or expired")), ("in_force", _("In force")), ("expired", _("Expired"))],
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].empty_label = _("All provinces")
        if key == "product":
            self.fields["category"].choices = [("", _("All kinds")), *ProductCategory.choices]
        else:
            del self.fields["category"]
        if key != "partnership":
            del self.fields["state"]

    def filter(self, qs, search_fields):
        """Apply the valid filters to `qs` (lazy); invalid ones are left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        words = search_term(data.get("q"))
        if words:
            match = Q()
            for name in search_fields:
                match |= Q(**{f"{name}__icontains": words})
            qs = qs.filter(match)
        if data.get("province"):
            qs = qs.filter(province=data["province"])
        region = region_code(data.get("region"))
        if region:
            qs = qs.filter(Q(province_id=region) | Q(regency_id=region) | Q(library__village_id=region))
        if data.get("category"):
            qs = qs.filter(category=data["category"])
        state = data.get("state")
        if state:
            in_force = active_on_q(timezone.localdate())
            qs = qs.filter(in_force if state == "in_force" else ~in_force)
        return qs
