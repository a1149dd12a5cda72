"""The base of every reviewed record's entry form, and fields the filter forms share.

`RecordForm` takes `user=`, narrows the library choice to the libraries the user may
change and proposes the user's own library or agency; an edit form carries the
record's `version` (a stale save is refused by the services with a 409, a missing or
altered one is a clear form error). File fields go through `perpus.uploads`:
photos are re-encoded without metadata, documents checked and, when they are images,
re-encoded too.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perpus.scopes import Role, scope_of
from perpus.uploads import PDF_OR_IMAGE, DocumentField, PhotoField, clean_document, clean_image, validate_photo
from villages.models import Library, LibraryLevel, Regency

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def regency_choices(data, user):
    """Regencies offered by a region filter (lazy): those of the chosen province, else of the
    user's scope; a regency already chosen stays valid so a shared link keeps working."""
    province, chosen = data.get("province"), data.get("regency")
    if province:
        q = Q(province_id=province)
    elif user is not None and user.is_authenticated and not scope_of(user).is_national:
        q = Q(pk__in=Regency.objects.for_user(user).values("pk"))
    else:
        q = Q(pk__in=[])
    if chosen:
        q |= Q(pk=chosen)
    return Regency.objects.filter(q)


def default_library(user, queryset):
    """The library a new record most likely belongs to: the user's own library or agency.

    Returns a Library or None; one query at most.
    """
    scope = scope_of(user)
    if scope.role == Role.LIBRARY_MANAGER:
        wanted = Q(pk=scope.library_id)
    elif scope.role == Role.REGENCY_STAFF:
        wanted = Q(level=LibraryLevel.REGENCY, regency_id=scope.regency_id)
    elif scope.role == Role.PROVINCE_STAFF:
        wanted = Q(level=LibraryLevel.PROVINCE, province_id__in=scope.province_ids)
    else:
        return None
    return queryset.filter(wanted).first()


class RecordPhotoField(PhotoField):
    """`PhotoField` that does not re-read the stored photo when no new one is uploaded."""

    def clean(self, data, initial=None):
        file = forms.FileField.clean(self, data, initial)
        if file and file is not initial:
            validate_photo(file)
        return file


class RecordForm(forms.ModelForm):
    """Base of the entry forms of all reviewed records (activities included)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    #: Model file fields holding photos (re-encoded) and documents (checked, images re-encoded).
    photo_fields: tuple[str, ...] = ()
    document_fields: tuple[str, ...] = ()
    #: Document types accepted by `document_fields`.
    document_types = PDF_OR_IMAGE

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        libraries = Library.objects.editable_by(user).order_by("level", "name")
        field = self.fields["library"]
        field.queryset = libraries
        field.empty_label = None if self.instance.pk else _("Choose the library or agency")
        if not self.instance.pk:
            del self.fields["version"]
            if "library" not in self.initial:
                own = default_library(user, libraries)
                if own is not None:
                    self.initial["library"] = own.pk
        else:
            self.fields["version"].required = True
            self.fields["version"].initial = self.instance.version
        for name in self.photo_fields:
            self.fields[name] = self._file_field(name, RecordPhotoField)
        for name in self.document_fields:
            self.fields[name] = self._file_field(name, DocumentField, allowed=self.document_types)
        for form_field in self.fields.values():
            if isinstance(form_field, forms.DateField):
                form_field.widget = DATE

    def _file_field(self, name, field_class, **extra):
        model_field = self._meta.model._meta.get_field(name)
        kwargs = {"label": model_field.verbose_name, "required": not model_field.blank, **extra}
        if model_field.help_text:
            kwargs["help_text"] = model_field.help_text
        return field_class(**kwargs)

    @classmethod
    def initial_from(cls, user, params) -> dict:
        """Initial values of a new record taken from the query string (none by default; may query)."""
        return {}

    def next_url(self, record) -> str | None:
        """Where to go after saving `record`, if not its page (no query)."""
        return None

    def m2m(self) -> dict:
        """The many-to-many choices, for the record services (no query)."""
        return {}

    def full_clean(self):
        super().full_clean()
        # The hidden version is not shown with its error: say it where the user reads.
        if self.is_bound and self._errors is not None and "version" in self._errors:
            del self._errors["version"]
            self.add_error(
                None,
                ValidationError(
                    _(
                        "This form is out of date or was altered, so nothing was saved. "
                        "Open the record again and redo your changes."
                    ),
                    code="bad_version",
                ),
            )

    def clean(self):
        cleaned = super().clean()
        for names, cleaner in (
            (self.photo_fields, clean_image),
            (self.document_fields, lambda f: clean_document(f, allowed=self.document_types)),
        ):
            for name in names:
                upload = cleaned.get(name)
                if isinstance(upload, UploadedFile):
                    try:
                        cleaned[name] = cleaner(upload)
                    except ValidationError as error:
                        self.add_error(name, error)
        return cleaned
