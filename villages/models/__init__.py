from .libraries import Library, LibraryLevel, LibraryQuerySet
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

__all__ = [
    "District",
    "Library",
    "LibraryLevel",
    "LibraryQuerySet",
    "Province",
    "Regency",
    "RegencyKind",
    "TimeZone",
    "Village",
    "VillageKind",
    "time_zone_for_province",
]
