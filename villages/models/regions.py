"""The official Kemendagri region hierarchy, keyed by its codes.

Codes are the primary keys (`63`, `63.11`, `63.11.01`, `63.11.01.2001`) so a
re-import updates rows in place and foreign keys stay stable.
"""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from perpus.scopes import ScopedQuerySet, ScopePaths

from ..params import search_term
from .choices import RegencyKind, TimeZone, VillageKind


# Keppres 41/1987, by province code (domain.md §4.4).
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
_PONTIANAK = {"61", "62"}


def time_zone_for_province(code: str) -> str:
    """Return the IANA zone of the province with this code (no query)."""
    if code in _WIT:
        return TimeZone.WIT
    if code in _WITA:
        return TimeZone.WITA
    if code in _PONTIANAK:
        return TimeZone.WIB_PONTIANAK
    return TimeZone.WIB


class ProvinceQuerySet(ScopedQuerySet):
    scope_paths = ScopePaths(province="code")


def region_slug(name: str, code: str = "") -> str:
    """The URL part of a region's name ("Kabupaten Balangan" -> "kabupaten-balangan"); its code
    when the name has no letters (no query)."""
    return slugify(name)[:100] or slugify(code.replace(".", "-"))


def region_code(length: int) -> models.CharField:
    """A region's official code (with its dots, up to `length` characters): its primary key."""
    return models.CharField(_("code"), max_length=length, primary_key=True)


def parent_region(model, related_name: str, verbose_name) -> models.ForeignKey:
    """The region a region lies in: it cannot be deleted while a region lies in it."""
    return models.ForeignKey(
        model, on_delete=models.PROTECT, related_name=related_name, verbose_name=verbose_name
    )


class Region(models.Model):
    """A region of the official list: keyed by its code, shown by its name, listed in the
    order of the codes (which is the official order)."""

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name


class SluggedRegion(Region):
    """A province or a regency: with a public URL part made from its name."""

    class Meta(Region.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = region_slug(self.name, self.code)
        super().save(*args, **kwargs)


class Province(SluggedRegion):
    code = region_code(2)
    name = models.CharField(_("name"), max_length=100)
    #: Public URL part (/perpustakaan/<slug>/), from the name; set by import_regions and save().
    slug = models.SlugField(_("URL name"), max_length=100, db_index=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=32, choices=TimeZone.choices, default=TimeZone.WIB
    )

    objects = ProvinceQuerySet.as_manager()

    class Meta(SluggedRegion.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def get_absolute_url(self):
        return reverse("villages:province_page", args=[self.slug])

    @property
    def zone_abbreviation(self) -> str:
        """WIB, WITA or WIT (no query)."""
        return {TimeZone.WITA: "WITA", TimeZone.WIT: "WIT"}.get(self.time_zone, "WIB")


class RegencyQuerySet(ScopedQuerySet):
    scope_paths = ScopePaths(province="province_id", regency="code")


class Regency(SluggedRegion):
    code = region_code(5)
    province = parent_region(Province, "regencies", _("province"))
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=RegencyKind.choices)
    #: Public URL part, unique within the province in practice (lookups take the lowest code).
    slug = models.SlugField(_("URL name"), max_length=100, db_index=True, blank=True)

    objects = RegencyQuerySet.as_manager()

    class Meta(SluggedRegion.Meta):
        verbose_name = _("regency or city")
        verbose_name_plural = _("regencies and cities")

    def get_absolute_url(self):
        """The regency's public page; reads its province (select_related it)."""
        return reverse("villages:regency_page", args=[self.province.slug, self.slug])

    @staticmethod
    def kind_for_code(code: str) -> str:
        """A regency code of 71 or more is a city (kota)."""
        return RegencyKind.KOTA if int(code.split(".")[1]) >= 71 else RegencyKind.KABUPATEN


class DistrictQuerySet(ScopedQuerySet):
    scope_paths = ScopePaths(province="regency__province_id", regency="regency_id")


class District(Region):
    code = region_code(8)
    regency = parent_region(Regency, "districts", _("regency"))
    name = models.CharField(_("name"), max_length=100)

    objects = DistrictQuerySet.as_manager()

    class Meta(Region.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class VillageQuerySet(ScopedQuerySet):
    # Villages carry their regency and province so scoping and search need no joins.
    scope_paths = ScopePaths(province="province_id", regency="regency_id")

    def search(self, term: str):
        """Villages whose name or code contains `term`, control characters ignored (lazy)."""
        term = search_term(term)
        if not term:
            return self.none()
        if term.replace(".", "").isdigit():
            return self.filter(code__startswith=term)
        return self.filter(name__icontains=term)


class Village(Region):
    code = region_code(13)
    district = parent_region(District, "villages", _("district"))
    regency = parent_region(Regency, "villages", _("regency"))
    province = parent_region(Province, "villages", _("province"))
    name = models.CharField(_("name"), max_length=100, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=VillageKind.choices)

    objects = VillageQuerySet.as_manager()

    class Meta(Region.Meta):
        verbose_name = _("village")
        verbose_name_plural = _("villages")

    @property
    def full_name(self) -> str:
        """"Desa X, Kec. Y, Kabupaten Z"; reads district and regency (select_related them)."""
        return f"{self.name}, {self.district.name}, {self.regency.name}"

    @staticmethod
    def kind_for_code(code: str) -> str:
        """The first digit of the last part: 1 kelurahan, 2 desa, 3 desa adat."""
        first = code.split(".")[3][:1]
        return {"1": VillageKind.KELURAHAN, "3": VillageKind.DESA_ADAT}.get(first, VillageKind.DESA)
