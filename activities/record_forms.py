"""Entry and filter forms for partnerships, support won, products and impact stories.

Every entry form takes `user=`, narrows the library choice to the libraries the
user may change, and proposes the user's own library or agency. Edit forms carry
the record's `version` in a hidden field so a stale save can be refused.
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.scopes import Role, scope_of
from villages.models import Library, LibraryLevel, Province, Regency

from .models import (
    ImpactStory,
    PartnerType,
    Partnership,
    Product,
    ProductCategory,
    ReviewStatus,
    SupportKind,
    SupportRecord,
)
from .record_uploads import clean_document, clean_photo

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def default_library(user, queryset):
    """The library a new record most likely belongs to: the user's own library or agency.

    Returns a Library or None; one query at most.
    """
    scope = scope_of(user)
    if scope.role == Role.LIBRARY_MANAGER:
        wanted = Q(pk=scope.library_id)
    elif scope.role == Role.REGENCY_STAFF:
        wanted = Q(level=LibraryLevel.REGENCY, regency_id=scope.regency_id)
    elif scope.role == Role.PROVINCE_STAFF:
        wanted = Q(level=LibraryLevel.PROVINCE, province_id__in=scope.province_ids)
    else:
        return None
    return queryset.filter(wanted).first()


class RecordForm(forms.ModelForm):
    """Base of the entry forms: scoped library choice, hidden version, cleaned uploads."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    photo_fields: tuple[str, ...] = ()
    document_fields: tuple[str, ...] = ()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        libraries = Library.objects.editable_by(user).order_by("level", "name")
        field = self.fields["library"]
        field.queryset = libraries
        field.empty_label = None if self.instance.pk else _("Choose the library or agency")
        if not self.instance.pk:
            del self.fields["version"]
            if "library" not in self.initial:
                own = default_library(user, libraries)
                if own is not None:
                    self.initial["library"] = own.pk
        else:
            self.fields["version"].initial = self.instance.version
        for name, form_field in self.fields.items():
            if isinstance(form_field, forms.DateField):
                form_field.widget = DATE_WIDGET

    def _clean_upload(self, name, cleaner):
        upload = self.cleaned_data.get(name)
        if isinstance(upload, UploadedFile):
            return cleaner(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        for name in self.photo_fields:
            if name in cleaned:
                try:
                    cleaned[name] = self._clean_upload(name, clean_photo)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        for name in self.document_fields:
            if name in cleaned:
                try:
                    cleaned[name] = self._clean_upload(name, clean_document)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class PartnershipForm(RecordForm):
    document_fields = ("document",)
    #: Fields kept when "save and add another partner" opens the next form.
    shared_fields = ("library", "kind", "title", "scope", "signed_on", "signed_at", "valid_until")

    class Meta:
        model = Partnership
        fields = [
            "library",
            "kind",
            "title",
            "signed_on",
            "signed_at",
            "valid_until",
            "partner_name",
            "partner_type",
            "scope",
            "document",
        ]
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}


class SupportForm(RecordForm):
    document_fields = ("document",)

    class Meta:
        model = SupportRecord
        fields = [
            "library",
            "kind",
            "year",
            "title",
            "regulation_type",
            "number",
            "issued_on",
            "budget_source",
            "amount",
            "notes",
            "document",
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
            "library",
            "name",
            "group_name",
            "category",
            "description",
            "photo",
            "price",
            "sales_url",
            "reported_on",
            "income",
            "income_period",
            "income_year",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class StoryForm(RecordForm):
    photo_fields = ("photo",)

    class Meta:
        model = ImpactStory
        fields = [
            "library",
            "title",
            "person_name",
            "person_description",
            "happened_on",
            "story",
            "photo",
            "consent_given",
            "consent_date",
            "name_public",
        ]
        widgets = {"story": forms.Textarea(attrs={"rows": 6})}


# Filters of the lists ---------------------------------------------------------


class RecordFilterForm(forms.Form):
    """Filters shared by every record list: words, region, status and year."""

    q = forms.CharField(label=_("Search"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status"))] + list(ReviewStatus.choices),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

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

    def filter(self, queryset, *, date_field: str, search_fields: tuple[str, ...]):
        """Return `queryset` narrowed by the valid filters (lazy)."""
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            words = Q()
            for name in search_fields:
                words |= Q(**{f"{name}__icontains": data["q"]})
            queryset = queryset.filter(words)
        region = data["region"]
        if region:
            queryset = queryset.filter(Q(province_id=region) | Q(regency_id=region))
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["year"]:
            lookup = date_field if date_field == "year" else f"{date_field}__year"
            queryset = queryset.filter(**{lookup: data["year"]})
        return queryset


class PartnershipFilterForm(RecordFilterForm):
    partner_type = forms.ChoiceField(
        label=_("Partner type"), required=False, choices=[("", _("Any partner"))] + list(PartnerType.choices)
    )
    active = forms.BooleanField(label=_("Only agreements in force today"), required=False)

    def filter(self, queryset, **kwargs):
        queryset = super().filter(queryset, **kwargs)
        if self.is_valid():
            if self.cleaned_data["partner_type"]:
                queryset = queryset.filter(partner_type=self.cleaned_data["partner_type"])
            if self.cleaned_data["active"]:
                queryset = queryset.active_on(timezone.localdate())
        return queryset


class SupportFilterForm(RecordFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind of support"), required=False, choices=[("", _("Any kind"))] + list(SupportKind.choices)
    )

    def filter(self, queryset, **kwargs):
        queryset = super().filter(queryset, **kwargs)
        if self.is_valid() and self.cleaned_data["kind"]:
            queryset = queryset.filter(kind=self.cleaned_data["kind"])
        return queryset


class ProductFilterForm(RecordFilterForm):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any category"))] + list(ProductCategory.choices)
    )

    def filter(self, queryset, **kwargs):
        queryset = super().filter(queryset, **kwargs)
        if self.is_valid() and self.cleaned_data["category"]:
            queryset = queryset.filter(category=self.cleaned_data["category"])
        return queryset


class StoryFilterForm(RecordFilterForm):
    consent = forms.ChoiceField(
        label=_("Consent"),
        required=False,
        choices=[("", _("With or without consent")), ("yes", _("With consent")), ("no", _("Without consent"))],
    )

    def filter(self, queryset, **kwargs):
        queryset = super().filter(queryset, **kwargs)
        if self.is_valid() and self.cleaned_data["consent"]:
            queryset = queryset.filter(consent_given=self.cleaned_data["consent"] == "yes")
        return queryset


class PublicFilterForm(forms.Form):
    """Filters of the public lists: words and region (no scope, published data only)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )
    region = forms.CharField(label=_("Region code"), required=False, widget=forms.HiddenInput)
