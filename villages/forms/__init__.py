from .libraries import LibraryCreateForm, LibraryProfileForm, creatable_levels
from .photos import LibraryPhotoForm, LibraryPhotoUpdateForm
from .statistics import LibraryStatisticForm, MonthField

__all__ = [
    "LibraryCreateForm",
    "LibraryPhotoForm",
    "LibraryPhotoUpdateForm",
    "LibraryProfileForm",
    "LibraryStatisticForm",
    "MonthField",
    "creatable_levels",
]
