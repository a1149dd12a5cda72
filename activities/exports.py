"""Downloads of the activity list and of the four record lists (partnerships, support,
products, stories), registered in `ActivitiesConfig.ready()`.

Each download is its list: the same base queryset (`for_user(user).alive()`), the same
filter form and its `filter()` method as the list view, the list's order; filters that do
not validate refuse the download (`check_filters`) instead of being left out. Rows are
`.values()` dictionaries read in chunks; the other libraries and regencies of an
activity come from subqueries, never a query per row. Personal data stays out: no
participant's or story teller's name (the lists never show them).
"""

from __future__ import annotations

from django.db.models import BooleanField, Case, Value as SQLValue, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.export_registry import (
    ExportDefinition,
    check_filters,
    joined_names,
    model_column,
    register,
    rows,
    value_column,
)
from perpus.exports import Column

from .models import Activity, ImpactStory, Partnership, Product, SupportRecord
from .models.activities import TARGET_GROUP_FIELDS
from .models.partnerships import active_on_q
from .registry import TYPES, RecordType


def _common_head(model) -> list[Column]:
    return [model_column(model, "pk", _("ID")), model_column(model, "status")]


def _common_place(model) -> list[Column]:
    return [
        model_column(model, "library__name", _("Library or agency")),
        model_column(model, "regency__name", _("Regency/city")),
        model_column(model, "province__name", _("Province")),
    ]


def _common_tail(model) -> list[Column]:
    return [model_column(model, name) for name in ("submitted_at", "verified_at", "updated_at")]


def _participants(row) -> int:
    return (row["participants_male"] or 0) + (row["participants_female"] or 0)


ACTIVITY_COLUMNS = [
    *_common_head(Activity),
    model_column(Activity, "title"),
    model_column(Activity, "kind"),
    model_column(Activity, "level"),
    model_column(Activity, "start_date"),
    model_column(Activity, "end_date"),
    *_common_place(Activity),
    value_column(_("Other libraries involved"), "other_libraries"),
    value_column(_("Regencies/cities involved"), "other_regencies"),
    model_column(Activity, "venue"),
    model_column(Activity, "participants_female"),
    model_column(Activity, "participants_male"),
    Column(_("All participants"), _participants),
    *(model_column(Activity, name) for name in TARGET_GROUP_FIELDS),
    model_column(Activity, "funding_source"),
    model_column(Activity, "funding_amount"),
    model_column(Activity, "training_type"),
    model_column(Activity, "training_hours"),
    model_column(Activity, "summary"),
    model_column(Activity, "outputs"),
    *_common_tail(Activity),
]


def activity_rows(request):
    """The activity list's rows as `request` filters it, in the user's scope (lazy; one query)."""
    record_type = TYPES["activity"]
    form = record_type.filter_form_class(request.GET or None, user=request.user, public=False)
    check_filters(form)
    qs = form.filter(Activity.objects.for_user(request.user).alive()).order_by("-start_date", "-pk")
    qs = qs.annotate(
        other_libraries=joined_names(
            Activity.libraries.through.objects, link="activity_id", name="library__name"
        ),
        other_regencies=joined_names(
            Activity.regions.through.objects, link="activity_id", name="regency__name"
        ),
    )
    return rows(qs, ACTIVITY_COLUMNS)


RECORD_COLUMNS = {
    "partnership": [
        model_column(Partnership, "kind"),
        model_column(Partnership, "title"),
        model_column(Partnership, "partner_name"),
        model_column(Partnership, "partner_type"),
        model_column(Partnership, "scope"),
        model_column(Partnership, "signed_on"),
        model_column(Partnership, "signed_at"),
        model_column(Partnership, "valid_until"),
        value_column(_("In force today"), "in_force", yes_no=True),
    ],
    "support": [
        model_column(SupportRecord, "kind"),
        model_column(SupportRecord, "title"),
        model_column(SupportRecord, "year"),
        model_column(SupportRecord, "regulation_type"),
        model_column(SupportRecord, "number"),
        model_column(SupportRecord, "issued_on"),
        model_column(SupportRecord, "budget_source"),
        model_column(SupportRecord, "amount"),
        model_column(SupportRecord, "notes"),
    ],
    "product": [
        model_column(Product, "name"),
        model_column(Product, "group_name"),
        model_column(Product, "category"),
        model_column(Product, "description"),
        model_column(Product, "price"),
        model_column(Product, "sales_url"),
        model_column(Product, "reported_on"),
        model_column(Product, "income"),
        model_column(Product, "income_period"),
        model_column(Product, "income_year"),
    ],
    # The person's name never: it is private, and the list does not show it either.
    "story": [
        model_column(ImpactStory, "title"),
        model_column(ImpactStory, "person_description"),
        model_column(ImpactStory, "happened_on"),
        model_column(ImpactStory, "consent_given"),
        model_column(ImpactStory, "consent_date"),
        model_column(ImpactStory, "story"),
    ],
}


def record_columns(record_type: RecordType) -> list[Column]:
    """Columns of the download of record type `record_type` (no query)."""
    model = record_type.model
    own = RECORD_COLUMNS[record_type.key]
    return [*_common_head(model), *own, *_common_place(model), *_common_tail(model)]


def record_rows_of(record_type: RecordType, columns: list[Column]):
    """A `queryset(request)` for the list of `record_type`: its filter form, scope and order."""

    def record_rows(request):
        form = check_filters(
            record_type.filter_form_class(request.GET or None, user=request.user)
        )
        qs = form.filter(record_type.model.objects.for_user(request.user).alive(), record_type)
        if record_type.model is Partnership:
            today = timezone.localdate()
            in_force = When(active_on_q(today), then=SQLValue(True))
            qs = qs.annotate(
                in_force=Case(in_force, default=SQLValue(False), output_field=BooleanField())
            )
        return rows(qs, columns)

    return record_rows


def export_key(record_type: RecordType) -> str:
    """The download's key of a record type: its URL prefix ("partnerships"), which the list
    template also reads (`record_type.prefix|cut:"/"`). No query."""
    return record_type.prefix.strip("/")


def register_exports():
    """Make the activity list and the record lists downloadable (no query)."""
    register(
        ExportDefinition(
            "activities", _("Activities"), activity_rows, ACTIVITY_COLUMNS, _("activities")
        )
    )
    for key, record_type in TYPES.items():
        if key == "activity":
            continue
        columns = record_columns(record_type)
        register(
            ExportDefinition(
                export_key(record_type),
                record_type.label_plural,
                record_rows_of(record_type, columns),
                columns,
                record_type.label_plural,
            )
        )

