"""Django admin pages that write through the services: the admin is one more channel.

A `ServiceAdmin` never saves or deletes a row itself. Its subclass gives
`save_with_service(request, obj, form, formsets, change)`, which calls the model's service
with the object (the form's values already on it) and what its inlines hold, and
`delete_with_service(request, obj)`. Inlines the service does not take must be read-only:
the page saves nothing else. A service's refusal (scope, a rule, a stale version) rolls the
page's transaction back and is shown as a message.

`VersionedAdminForm` carries the row's version, so a save from a page opened before
someone else's save is refused, like in the portal.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext, gettext_lazy as _

from .errors import ConcurrentEditError

STALE = _(
    "Someone else saved this while you were editing it. Your changes were not saved: "
    "open it again to see the new version."
)


class ServiceRefused(Exception):
    """A service refused the admin's save or delete; carries the service's error."""

    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def refusal_text(error: Exception) -> str:
    """The refusal's messages in one line, in the user's language (no query)."""
    return " ".join(getattr(error, "messages", [])) or gettext("Not allowed.")


class VersionedAdminForm(forms.ModelForm):
    """An admin form with the row's `version` when the page was opened (`expected_version`,
    hidden). `clean()` refuses a copy someone saved since (one query); the service checks
    again under its lock."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            model = type(self.instance)
            rows = model._default_manager.filter(pk=self.instance.pk)
            current = rows.values_list("version", flat=True).first()
            if cleaned.get("expected_version") != current:
                raise ConcurrentEditError(STALE, code="concurrent_edit")
        return cleaned


class ReadOnlyAdmin(admin.ModelAdmin):
    """An admin page that only shows rows: they are written elsewhere (a history, verdicts
    saved with their assessment, follow-ups the worker carries out)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes are its model's services (see the module)."""

    def save_with_service(self, request, obj, form, formsets, change):  # pragma: no cover
        raise NotImplementedError

    def delete_with_service(self, request, obj):  # pragma: no cover
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        """Nothing yet: the service saves the object with its relations (`save_related`)."""

    def save_related(self, request, form, formsets, change):
        # Neither `form.save_m2m()` nor the inlines' own saves: the service writes everything.
        try:
            self.save_with_service(request, form.instance, form, formsets, change)
        except (ValidationError, PermissionDenied) as error:
            raise ServiceRefused(error) from error
        for formset in formsets:
            # What the admin's log reads of a formset it saved itself.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def delete_model(self, request, obj):
        try:
            self.delete_with_service(request, obj)
        except (ValidationError, PermissionDenied) as error:
            raise ServiceRefused(error) from error

    def delete_queryset(self, request, queryset):
        """Delete each row through the service; one refused is said and the others go."""
        for obj in queryset:
            try:
                self.delete_with_service(request, obj)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(request, f"{obj}: {refusal_text(error)}", messages.WARNING)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceRefused as refused:
            return self._refused(request, refused)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ServiceRefused as refused:
            return self._refused(request, refused)

    def _refused(self, request, refused: ServiceRefused):
        # The page's transaction was rolled back: nothing was saved. Back to the same page.
        self.message_user(request, refusal_text(refused.error), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())


def m2m_values(form) -> dict:
    """The many-to-many values the admin's `form` holds, by field name (after validation;
    no query)."""
    names = {field.name for field in form.instance._meta.many_to_many}
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}
