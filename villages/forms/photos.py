"""Upload a library photo: the file passes perpus.uploads checks; alt text is required."""

from django import forms
from django.utils.translation import gettext_lazy as _

from perpus.uploads import PhotoField
from ..models import LibraryPhoto


class LibraryPhotoForm(forms.ModelForm):
    photo = PhotoField(label=_("photo"))

    class Meta:
        model = LibraryPhoto
        fields = ["alt_text", "caption", "order"]
        help_texts = {"order": _("Photos with a lower number come first.")}

    field_order = ["photo", "alt_text", "caption", "order"]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class LibraryPhotoUpdateForm(forms.ModelForm):
    class Meta:
        model = LibraryPhoto
        fields = ["alt_text", "caption", "order"]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
