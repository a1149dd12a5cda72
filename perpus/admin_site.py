"""The portal's Django admin site: Perpus titles and autocomplete labels that tell places apart.

Thousands of villages share a name ("Sukamaju"), so an autocomplete that shows only the
name is useless. A ModelAdmin may define `autocomplete_label(obj)` to give the text shown
in autocomplete results; its `get_queryset` should then load what the label reads.
"""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.utils.translation import gettext_lazy as _


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        """Return {"id", "text"}; the text from the ModelAdmin's `autocomplete_label` if any."""
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = str(label(obj))
        return result


class PerpusAdminSite(admin.AdminSite):
    site_header = _("Perpus administration")
    site_title = _("Perpus administration")
    index_title = _("Accounts, regions and program settings")

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)
