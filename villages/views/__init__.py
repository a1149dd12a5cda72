from .libraries import (
    LibraryCreateView,
    LibraryDetailView,
    LibraryListView,
    LibraryUpdateView,
    library_redirect,
)
from .photos import (
    library_photo_create,
    library_photo_delete,
    library_photo_file,
    library_photo_update,
)
from .regions import village_search
from .statistics import library_statistic_edit

__all__ = [
    "LibraryCreateView",
    "LibraryDetailView",
    "LibraryListView",
    "LibraryUpdateView",
    "library_photo_create",
    "library_redirect",
    "library_photo_delete",
    "library_photo_file",
    "library_photo_update",
    "library_statistic_edit",
    "village_search",
]
