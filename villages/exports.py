"""Downloads of the library list and of the monthly statistics of the libraries it lists.

Registered in `VillagesConfig.ready()`; served by `perpus.export_views.export`. Both use
the library list's own filters (`LibraryListView.get_queryset`: search `q`, `region`)
narrowed to the user's scope: a published library outside the scope is on the list but
never in a download, which holds private contact details.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from perpus.export_registry import (
    ExportDefinition,
    list_view_queryset,
    model_column,
    register,
    rows,
)
from perpus.exports import Column

from .models import Library, LibraryStatistic
from .views import LibraryListView

_listed_libraries = list_view_queryset(LibraryListView)


def scoped_libraries(request):
    """The libraries of the list as filtered by `request`, only those in the user's scope (lazy)."""
    return _listed_libraries(request) & Library.objects.for_user(request.user)


LIBRARY_COLUMNS = [
    model_column(Library, "pk", _("ID")),
    model_column(Library, "name"),
    model_column(Library, "level"),
    model_column(Library, "npp"),
    model_column(Library, "province__name", _("Province")),
    model_column(Library, "regency__name", _("Regency/city")),
    model_column(Library, "village__name", _("Village/kelurahan")),
    model_column(Library, "address"),
    model_column(Library, "latitude"),
    model_column(Library, "longitude"),
    # Private (UU PDP), but every row is in the user's scope, where the page shows them too.
    model_column(Library, "manager_name"),
    model_column(Library, "manager_phone"),
    model_column(Library, "contact_email"),
    model_column(Library, "floor_area_m2"),
    model_column(Library, "collection_titles"),
    model_column(Library, "collection_copies"),
    model_column(Library, "staff_count"),
    model_column(Library, "computers_in_service"),
    model_column(Library, "has_internet"),
    model_column(Library, "internet_kind"),
    model_column(Library, "accreditation"),
    model_column(Library, "is_published"),
    model_column(Library, "updated_at"),
]


def library_rows(request):
    """The libraries' rows for the download (lazy; one query when read, in chunks)."""
    qs = scoped_libraries(request).order_by("province_id", "regency_id", "name", "pk")
    return rows(qs, LIBRARY_COLUMNS)


def _visits(row):
    return row["visits_male"] + row["visits_female"]


STATISTIC_COLUMNS = [
    model_column(LibraryStatistic, "library_id", _("Library ID")),
    model_column(LibraryStatistic, "library__name", _("Library")),
    model_column(LibraryStatistic, "library__npp"),
    model_column(LibraryStatistic, "library__province__name", _("Province")),
    model_column(LibraryStatistic, "library__regency__name", _("Regency/city")),
    model_column(LibraryStatistic, "month"),
    model_column(LibraryStatistic, "visits_female"),
    model_column(LibraryStatistic, "visits_male"),
    Column(_("All visits"), _visits),
    model_column(LibraryStatistic, "new_members"),
    model_column(LibraryStatistic, "total_members"),
    model_column(LibraryStatistic, "loans"),
]


def statistic_rows(request):
    """The monthly statistics of the listed libraries in scope, by library and month (lazy)."""
    libraries = scoped_libraries(request).order_by().values("pk")
    qs = LibraryStatistic.objects.for_user(request.user).filter(library__in=libraries)
    qs = qs.order_by(
        "library__province_id", "library__regency_id", "library__name", "library_id", "month"
    )
    return rows(qs, STATISTIC_COLUMNS)


def register_exports():
    """Make the library list and its monthly statistics downloadable (no query)."""
    register(
        ExportDefinition("libraries", _("Libraries"), library_rows, LIBRARY_COLUMNS, _("libraries"))
    )
    register(
        ExportDefinition(
            "statistics",
            _("Monthly statistics"),
            statistic_rows,
            STATISTIC_COLUMNS,
            _("monthly statistics"),
        )
    )
