from .hours import OpeningHours, Weekday
from .libraries import (
    Accreditation,
    InternetKind,
    Library,
    LibraryLevel,
    LibraryQuerySet,
    library_search_text,
    region_search_text,
)
from .parts import LibraryPartQuerySet, library_link
from .photos import ConsentedPhoto, LibraryPhoto
from .regions import (
    District,
    Province,
    Regency,
    RegencyKind,
    TimeZone,
    Village,
    VillageKind,
    time_zone_for_province,
)
from .statistics import LibraryStatistic, first_of_month

__all__ = [
    "Accreditation",
    "ConsentedPhoto",
    "LibraryPartQuerySet",
    "library_link",
    "District",
    "InternetKind",
    "Library",
    "LibraryLevel",
    "LibraryPhoto",
    "LibraryQuerySet",
    "LibraryStatistic",
    "OpeningHours",
    "Province",
    "Regency",
    "RegencyKind",
    "TimeZone",
    "Village",
    "library_search_text",
    "region_search_text",
    "VillageKind",
    "Weekday",
    "first_of_month",
    "time_zone_for_province",
]
