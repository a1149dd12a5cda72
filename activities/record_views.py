"""Views of partnerships, support won, products and impact stories.

One set of generic views, specialised per record type by a few attributes.
Scope comes from `perpus.scopes` through `ScopedViewMixin`; writes go through
`activities.services`. Files are served through scoped views only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from perpus.mixins import ScopedViewMixin
from perpus.scopes import can_change, can_check, can_create, can_verify, scope_of

from . import record_forms as forms
from .models import ImpactStory, Partnership, Product, ReviewStatus, SupportRecord
from .services import (
    ConcurrentEditError,
    TransitionError,
    record_check,
    record_create,
    record_return,
    record_save,
    record_submit,
    record_verify,
)

PAGE_SIZE = 20

#: URL prefix (record type key) → model. The key starts every URL name: `<key>_list`…
RECORD_TYPES = {
    "partnership": Partnership,
    "support": SupportRecord,
    "product": Product,
    "story": ImpactStory,
}
TYPE_KEYS = {model: key for key, model in RECORD_TYPES.items()}


def record_actions(user, record) -> dict:
    """What `user` may do with `record` now, for the action buttons (no query)."""
    changeable = can_change(user, record) and record.deleted_at is None
    step = record.awaiting
    may_check = step == "check" and can_check(user, record)
    may_verify = step == "verification" and can_verify(user, record)
    return {
        "edit": changeable and (record.is_editable or scope_of(user).is_national),
        "submit": changeable and record.status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED),
        "check": may_check,
        "verify": may_verify,
        "return": may_check or may_verify,
        "delete": changeable,
    }


class RecordTypeMixin:
    """Names the record type of a view: `key` (e.g. "partnership") and its model."""

    key: str
    date_field: str = "created_at"
    search_fields: tuple[str, ...] = ()
    filter_form_class = forms.RecordFilterForm

    def get_template_names(self):
        return [f"activities/{self.key}_{self.template_suffix}.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record_key"] = self.key
        context["model_name"] = self.model._meta.model_name
        context["verbose_name"] = self.model._meta.verbose_name
        context["verbose_name_plural"] = self.model._meta.verbose_name_plural
        return context


class RecordListView(RecordTypeMixin, ScopedViewMixin, ListView):
    template_suffix = "list"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        queryset = super().get_queryset().alive().select_related("library", "province", "regency")
        self.filter_form = self.filter_form_class(self.request.GET or None, user=self.request.user)
        return self.filter_form.filter(
            queryset, date_field=self.date_field, search_fields=self.search_fields
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form, can_create=can_create(self.request.user, self.model), **kwargs
        )


class RecordDetailView(RecordTypeMixin, ScopedViewMixin, DetailView):
    template_suffix = "detail"
    context_object_name = "record"

    def get_queryset(self):
        return super().get_queryset().alive().select_related(
            "library", "province", "regency", "created_by", "verified_by"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(actions=record_actions(self.request.user, self.object), **kwargs)


class RecordFormMixin(RecordTypeMixin):
    template_suffix = "form"

    def get_success_url(self):
        return self.object.get_absolute_url()

    def get_context_data(self, **kwargs):
        kwargs.setdefault("record", self.object)
        return super().get_context_data(**kwargs)

    def before_save(self, form):
        """Hook: set fields the form does not carry (e.g. who recorded consent)."""


class RecordCreateView(RecordFormMixin, ScopedViewMixin, CreateView):
    scope_action = "create"

    def form_valid(self, form):
        self.before_save(form)
        try:
            self.object = record_create(record=form.instance, user=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved as a draft. Submit it for review when it is complete."))
        return HttpResponseRedirect(self.get_success_url())


class RecordUpdateView(RecordFormMixin, ScopedViewMixin, UpdateView):
    scope_action = "change"
    context_object_name = "record"

    def get_queryset(self):
        return super().get_queryset().alive().select_related("library")

    def get_object(self, queryset=None):
        record = super().get_object(queryset)
        # Records under review or verified are read-only for their authors.
        if not record.is_editable and not scope_of(self.request.user).is_national:
            raise PermissionDenied
        return record

    def form_valid(self, form):
        self.before_save(form)
        expected = form.cleaned_data.get("version") or 0
        try:
            self.object = record_save(record=form.instance, user=self.request.user, expected_version=expected)
        except ConcurrentEditError as error:
            form.add_error(None, error)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your changes were saved."))
        return HttpResponseRedirect(self.get_success_url())


# Partnerships ------------------------------------------------------------------


class PartnershipMixin:
    key = "partnership"
    model = Partnership
    form_class = forms.PartnershipForm
    date_field = "signed_on"
    search_fields = ("title", "partner_name", "scope", "library__name")
    filter_form_class = forms.PartnershipFilterForm


class PartnershipListView(PartnershipMixin, RecordListView):
    pass


class PartnershipDetailView(PartnershipMixin, RecordDetailView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(is_active=self.object.is_active_on(timezone.localdate()), **kwargs)


class PartnershipCreateView(PartnershipMixin, RecordCreateView):
    def get_initial(self):
        """With `?same_event=<pk>`, start from the shared fields of that partnership."""
        initial = super().get_initial()
        source_pk = self.request.GET.get("same_event", "")
        if source_pk.isdigit():
            source = Partnership.objects.for_user(self.request.user).alive().filter(pk=source_pk).first()
            if source is not None:
                for name in forms.PartnershipForm.shared_fields:
                    field = Partnership._meta.get_field(name)
                    initial[name] = field.value_from_object(source)
        return initial

    def get_success_url(self):
        if "save_add_another" in self.request.POST:
            return reverse("activities:partnership_create") + f"?same_event={self.object.pk}"
        return super().get_success_url()


class PartnershipUpdateView(PartnershipMixin, RecordUpdateView):
    pass


# Support won --------------------------------------------------------------------


class SupportMixin:
    key = "support"
    model = SupportRecord
    form_class = forms.SupportForm
    date_field = "year"
    search_fields = ("title", "number", "notes", "library__name")
    filter_form_class = forms.SupportFilterForm


class SupportListView(SupportMixin, RecordListView):
    pass


class SupportDetailView(SupportMixin, RecordDetailView):
    pass


class SupportCreateView(SupportMixin, RecordCreateView):
    pass


class SupportUpdateView(SupportMixin, RecordUpdateView):
    pass


# Products -------------------------------------------------------------------------


class ProductMixin:
    key = "product"
    model = Product
    form_class = forms.ProductForm
    date_field = "reported_on"
    search_fields = ("name", "group_name", "description", "library__name")
    filter_form_class = forms.ProductFilterForm


class ProductListView(ProductMixin, RecordListView):
    pass


class ProductDetailView(ProductMixin, RecordDetailView):
    pass


class ProductCreateView(ProductMixin, RecordCreateView):
    pass


class ProductUpdateView(ProductMixin, RecordUpdateView):
    pass


# Impact stories --------------------------------------------------------------------


class StoryMixin:
    key = "story"
    model = ImpactStory
    form_class = forms.StoryForm
    date_field = "happened_on"
    search_fields = ("title", "story", "person_name", "library__name")
    filter_form_class = forms.StoryFilterForm

    def before_save(self, form):
        # Who recorded the consent is kept with it; withdrawing consent clears it.
        story = form.instance
        if not story.consent_given:
            story.consent_recorded_by = None
        elif not story.consent_recorded_by_id or {"consent_given", "consent_date"} & set(form.changed_data):
            story.consent_recorded_by = self.request.user


class StoryListView(StoryMixin, RecordListView):
    pass


class StoryDetailView(StoryMixin, RecordDetailView):
    def get_queryset(self):
        return super().get_queryset().select_related("consent_recorded_by")


class StoryCreateView(StoryMixin, RecordCreateView):
    pass


class StoryUpdateView(StoryMixin, RecordUpdateView):
    pass


# Workflow and files ------------------------------------------------------------------


@require_POST
def record_transition(request, key: str, pk: int):
    """Move a record to its next status (`action` = submit, check, verify or return).

    Out of scope is 404, not allowed is 403; an illegal step changes nothing and
    says why. Redirects to the record's page.
    """
    model = RECORD_TYPES.get(key)
    if model is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    record = get_object_or_404(model.objects.for_user(request.user).alive().select_related("library"), pk=pk)
    action = request.POST.get("action", "")
    try:
        if action == "submit":
            record_submit(record=record, user=request.user)
            messages.success(request, _("Submitted for review."))
        elif action == "check":
            record_check(record=record, user=request.user)
            messages.success(request, _("Checked and sent on for verification."))
        elif action == "verify":
            record_verify(record=record, user=request.user)
            messages.success(request, _("Verified."))
        elif action == "return":
            record_return(record=record, user=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, _("Returned to the author."))
        else:
            raise Http404
    except TransitionError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(record.get_absolute_url())


#: (key, field) → whether visitors may get the file of a public record.
FILE_FIELDS = {
    ("partnership", "document"): False,
    ("support", "document"): False,
    ("product", "photo"): True,
    ("story", "photo"): True,
}


def record_file(request, key: str, pk: int, field: str):
    """Serve a record's photo or document to those allowed to see it.

    Documents: only users whose scope includes the record. Photos: also visitors,
    when the record is public (for stories: verified with consent).
    """
    if (key, field) not in FILE_FIELDS:
        raise Http404
    model = RECORD_TYPES[key]
    record = None
    if request.user.is_authenticated:
        record = model.objects.for_user(request.user).alive().filter(pk=pk).first()
    if record is None and FILE_FIELDS[(key, field)]:
        record = model.objects.public().filter(pk=pk).first()
    if record is None:
        if not request.user.is_authenticated and not FILE_FIELDS[(key, field)]:
            return redirect_to_login(request.get_full_path())
        raise Http404
    stored = getattr(record, field)
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404
    response = FileResponse(handle, as_attachment=False, filename=stored.name.rsplit("/", 1)[-1])
    # Private files must not be kept by shared caches.
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
