"""Forms to register a library and keep its profile, with the weekly opening hours."""

from __future__ import annotations

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from perpus.scopes import can_change

from .versioning import VersionedFormMixin
from ..models import Library, LibraryLevel, OpeningHours, Province, Regency, Village, Weekday

DAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

PROFILE_FIELDS = [
    "name",
    "npp",
    "description",
    "address",
    "latitude",
    "longitude",
    "manager_name",
    "manager_phone",
    "contact_email",
    "floor_area_m2",
    "collection_titles",
    "collection_copies",
    "staff_count",
    "computers_in_service",
    "has_internet",
    "internet_kind",
    "accreditation",
    "facebook_url",
    "instagram_url",
    "youtube_url",
    "website_url",
    "is_published",
]


def _https_urls(model_field, **kwargs):
    """Form fields of the model, with links typed without a scheme read as https."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class LibraryProfileForm(VersionedFormMixin, forms.ModelForm):
    """The profile a library manager or the regency keeps; the place is fixed here.

    Adds `<day>_opens` / `<day>_closes` time fields (mon ... sun); `opening_hours()`
    returns the cleaned (weekday, opens, closes) rows. Editing an existing library
    carries its `version` (see `VersionedFormMixin`).
    """

    class Meta:
        model = Library
        fields = PROFILE_FIELDS
        formfield_callback = _https_urls
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "address": forms.Textarea(attrs={"rows": 2}),
            "latitude": forms.NumberInput(attrs={"step": "0.000001", "data-map-input": "lat"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001", "data-map-input": "lng"}),
            "manager_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "latitude": _("Click on the map, or type the coordinates (e.g. -2.305600)."),
            "manager_name": _("Private: shown only to program staff responsible for this library."),
            "manager_phone": _("Private: shown only to program staff responsible for this library."),
            "contact_email": _("Private: shown only to program staff responsible for this library."),
        }

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        existing = {}
        if self.instance.pk:
            existing = {row.weekday: row for row in self.instance.opening_hours.all()}
            self.add_version_field(self.instance.version)
        for weekday, key in zip(Weekday.values, DAY_KEYS):
            label = Weekday(weekday).label
            row = existing.get(weekday)
            self.fields[f"{key}_opens"] = forms.TimeField(
                label=format_lazy("{}: {}", label, _("opens")),
                required=False,
                widget=_time_input(),
                initial=row.opens if row else None,
            )
            self.fields[f"{key}_closes"] = forms.TimeField(
                label=format_lazy("{}: {}", label, _("closes")),
                required=False,
                widget=_time_input(),
                initial=row.closes if row else None,
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        # The layout names the visible fields; the hidden `version` must come along too.
        self.helper.render_hidden_fields = True
        self.helper.layout = Layout(*self.layout_parts())

    def layout_parts(self) -> list:
        hours = [
            Row(Column(f"{key}_opens", css_class="col-6"), Column(f"{key}_closes", css_class="col-6"))
            for key in DAY_KEYS
        ]
        return [
            Fieldset(_("Profile"), "name", "npp", "description", "is_published"),
            Fieldset(
                _("Location"),
                "address",
                HTML('{% include "villages/_location_picker.html" %}'),
                Row(Column("latitude", css_class="col-6"), Column("longitude", css_class="col-6")),
            ),
            Fieldset(
                _("Opening hours"),
                HTML(
                    format_lazy(
                        '<p class="form-text">{}</p>',
                        _("Leave both times empty on days the library is closed."),
                    )
                ),
                *hours,
            ),
            Fieldset(_("Manager and contact (private)"), "manager_name", "manager_phone", "contact_email"),
            Fieldset(
                _("Facilities and collection"),
                "floor_area_m2",
                Row(Column("collection_titles", css_class="col-6"), Column("collection_copies", css_class="col-6")),
                Row(Column("staff_count", css_class="col-6"), Column("computers_in_service", css_class="col-6")),
                "has_internet",
                "internet_kind",
                "accreditation",
            ),
            Fieldset(_("Social media"), "facebook_url", "instagram_url", "youtube_url", "website_url"),
        ]

    def clean(self):
        cleaned = super().clean()
        for key in DAY_KEYS:
            opens, closes = cleaned.get(f"{key}_opens"), cleaned.get(f"{key}_closes")
            if (opens is None) != (closes is None):
                missing = f"{key}_closes" if closes is None else f"{key}_opens"
                self.add_error(missing, _("Give both the opening and the closing time, or neither."))
            elif opens is not None and closes <= opens:
                self.add_error(f"{key}_closes", _("The closing time must be after the opening time."))
        if cleaned.get("internet_kind") and not cleaned.get("has_internet"):
            self.add_error("internet_kind", _("Tick “internet access” or leave the kind empty."))
        return cleaned

    def opening_hours(self) -> list[OpeningHours]:
        """Unsaved `OpeningHours` rows for the open days (call after `is_valid()`; no query)."""
        rows = []
        for weekday, key in zip(Weekday.values, DAY_KEYS):
            opens = self.cleaned_data.get(f"{key}_opens")
            closes = self.cleaned_data.get(f"{key}_closes")
            if opens is not None and closes is not None:
                rows.append(OpeningHours(weekday=weekday, opens=opens, closes=closes))
        return rows


_CODE_IN_TEXT = re.compile(r"\((\d{2}\.\d{2}\.\d{2}\.\d{4})\)\s*$")


class LibraryCreateForm(LibraryProfileForm):
    """Register a library: its level and place, narrowed to what the user may change.

    The village is typed (name or code) or picked with the search; the server
    checks it is among `Village.objects.editable_by(user)`.
    """

    level = forms.ChoiceField(label=_("level"), choices=())
    village = forms.CharField(
        label=_("village/kelurahan"),
        required=False,
        help_text=_("Type the village name and pick it from the list, or type its code."),
    )
    regency = forms.ModelChoiceField(
        label=_("regency/city"), queryset=Regency.objects.none(), required=False
    )
    province = forms.ModelChoiceField(
        label=_("province"), queryset=Province.objects.none(), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.villages = Village.objects.editable_by(user)
        self.fields["regency"].queryset = Regency.objects.editable_by(user)
        self.fields["province"].queryset = Province.objects.editable_by(user)
        levels = creatable_levels(user)
        self.fields["level"].choices = [(level.value, level.label) for level in levels]
        # Only the place fields of the levels this user may register are shown.
        for level, name in (
            (LibraryLevel.VILLAGE, "village"),
            (LibraryLevel.REGENCY, "regency"),
            (LibraryLevel.PROVINCE, "province"),
        ):
            if level not in levels:
                del self.fields[name]
        self.helper.layout = Layout(*self.layout_parts())
        if len(self.fields["level"].choices) == 1:
            self.fields["level"].initial = self.fields["level"].choices[0][0]
        for name in ("regency", "province"):
            if name not in self.fields:
                continue
            options = list(self.fields[name].queryset[:2])
            if len(options) == 1:
                self.fields[name].initial = options[0].pk
        if "village" in self.fields:
            self.fields["village"].widget.attrs.update(
                {
                    "data-village-search": reverse("villages:village_search"),
                    "autocomplete": "off",
                    "placeholder": _("e.g. Lampihong Kanan"),
                }
            )

    def layout_parts(self) -> list:
        place_fields = [n for n in ("level", "village", "regency", "province") if n in self.fields]
        place = Fieldset(_("Place"), *place_fields)
        return [place, *super().layout_parts()]

    def clean_village(self):
        text = (self.cleaned_data.get("village") or "").strip()
        if not text:
            return None
        match = _CODE_IN_TEXT.search(text)
        code = match.group(1) if match else text
        qs = self.villages.select_related("regency", "province")
        village = qs.filter(code=code).first()
        if village is None:
            named = list(qs.filter(name__iexact=text)[:2])
            village = named[0] if len(named) == 1 else None
        if village is None:
            raise forms.ValidationError(
                _("No village with this name or code in your area. Pick one from the list."),
                code="unknown_village",
            )
        return village

    def clean(self):
        cleaned = super().clean()
        level = cleaned.get("level")
        library = self.instance
        library.level = level
        library.village = library.regency = None
        if level == LibraryLevel.VILLAGE:
            village = cleaned.get("village")
            if village is None:
                if "village" not in self.errors:
                    self.add_error("village", _("Pick the village of the library."))
                return cleaned
            library.village, library.regency, library.province = village, village.regency, village.province
        elif level == LibraryLevel.REGENCY:
            regency = cleaned.get("regency")
            if regency is None:
                self.add_error("regency", _("Pick the regency or city of the library."))
                return cleaned
            library.regency, library.province = regency, regency.province
        elif level == LibraryLevel.PROVINCE:
            province = cleaned.get("province")
            if province is None:
                self.add_error("province", _("Pick the province of the library."))
                return cleaned
            library.province = province
        else:
            return cleaned
        # The final word belongs to the scope rules, on the library as it would be saved.
        if not can_change(self.user, library):
            raise forms.ValidationError(_("You may not register a library in this place."))
        return cleaned


def creatable_levels(user) -> list[LibraryLevel]:
    """Levels of library `user` may register, read from the regions they may change (3 queries)."""
    levels = []
    if Province.objects.editable_by(user).exists():
        levels.append(LibraryLevel.PROVINCE)
    if Regency.objects.editable_by(user).exists():
        levels.append(LibraryLevel.REGENCY)
    if Village.objects.editable_by(user).exists():
        levels.append(LibraryLevel.VILLAGE)
    return levels
