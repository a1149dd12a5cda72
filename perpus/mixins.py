"""The view mixins that apply `perpus.scopes` to class-based views.

* anonymous users are sent to log in;
* objects outside the user's scope do not exist for them (404);
* objects they may see but not change give 403 on views with `scope_action = "change"`;
* create views check that the user's role may create the model at all (403 otherwise)
  and pass `user=` to the form, which narrows its choices to the user's scope.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.views.generic.edit import BaseDeleteView

from .scopes import can_change, can_create


class FormUserMixin:
    """Passes `user=` to the view's form, which offers only what that user may choose.

    A delete view's confirmation form is Django's plain form, which takes no user.
    """

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if not isinstance(self, BaseDeleteView):
            kwargs["user"] = self.request.user
        return kwargs


class ScopedViewMixin(FormUserMixin, LoginRequiredMixin):
    #: "view" for reading, "change" for updating or deleting, "create" for new rows.
    scope_action = "view"

    def get_queryset(self):
        return super().get_queryset().for_user(self.request.user)

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if self.scope_action == "change" and not can_change(self.request.user, obj):
            raise PermissionDenied
        return obj

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.scope_action == "create" and not can_create(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
