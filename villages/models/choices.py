"""Options of the library and region models: levels, internet, accreditation, time zones, kinds
of regency and village, weekdays. The model modules import them (and offer them too)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LibraryLevel(models.TextChoices):
    PROVINCE = "province", _("Province library")
    REGENCY = "regency", _("Regency/city library")
    VILLAGE = "village", _("Village/kelurahan library")


class InternetKind(models.TextChoices):
    FIXED = "fixed", _("Fixed broadband (cable, fibre, DSL)")
    MOBILE = "mobile", _("Mobile data (modem, hotspot)")
    SATELLITE = "satellite", _("Satellite")
    OTHER = "other", _("Other")


class Accreditation(models.TextChoices):
    A = "A", _("A")
    B = "B", _("B")
    C = "C", _("C")


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WIB_PONTIANAK = "Asia/Pontianak", _("WIB (UTC+7), Pontianak")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")


class RegencyKind(models.TextChoices):
    KABUPATEN = "kabupaten", _("Regency (kabupaten)")
    KOTA = "kota", _("City (kota)")


class VillageKind(models.TextChoices):
    KELURAHAN = "kelurahan", _("Urban village (kelurahan)")
    DESA = "desa", _("Village (desa)")
    DESA_ADAT = "desa_adat", _("Customary village (desa adat)")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
