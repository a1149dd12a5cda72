"""Upload a library photo: the file passes perpus.uploads checks; alt text is required.

Like activity photos, a photo says whether it shows people who can be recognised
and whether their consent to publication is recorded; without consent it stays private.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from perpus.uploads import PhotoField

from ..models import LibraryPhoto

PHOTO_FIELDS = ["alt_text", "caption", "is_person_photo", "consent_recorded", "order"]
LABELS = {
    "is_person_photo": _("Shows people who can be recognised"),
    "consent_recorded": _("The people shown agreed to publication"),
}
HELP_TEXTS = {
    "order": _("Photos with a lower number come first."),
    "consent_recorded": _("Without recorded consent, a photo of people stays private (UU PDP)."),
}


class LibraryPhotoUpdateForm(forms.ModelForm):
    class Meta:
        model = LibraryPhoto
        fields = PHOTO_FIELDS
        labels = LABELS
        help_texts = HELP_TEXTS

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class LibraryPhotoForm(LibraryPhotoUpdateForm):
    photo = PhotoField(label=_("photo"))

    field_order = ["photo", *PHOTO_FIELDS]
