"""The one registry of reviewed record types: activities, partnerships, support, products, stories.

Everything that treats the five types alike reads it: the URLs (one family per
type, `<key>_<action>`), the generic views and their templates, the review queue,
the trash, the history pages and the tests. A type is found by its `key` (used in
URL names and the queue's bulk form) or by its model.

No query happens here; a type's forms are found by name in its forms module
(`<Key>Form`, `<Key>FilterForm`) and imported on first use, so this module can be
imported by the forms themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module

from django.urls import reverse

from .models import ImpactStory, Partnership, Product, ReviewedRecord, SupportRecord
from .models.activities import Activity

#: Actions on one record that have a URL: `<key>_<action>`, at `<prefix><pk>/<action>/`.
RECORD_ACTIONS = ("submit", "check", "verify", "return", "delete", "restore", "history")


@dataclass(frozen=True)
class RecordType:
    #: Short and stable: starts every URL name (`activity_verify`) and names the type in forms.
    key: str
    model: type[ReviewedRecord]
    #: URL path below `/activities/` ("" for activities themselves, "partnerships/"…).
    prefix: str
    #: The date the list filters by year and sorts by.
    date_field: str
    #: What the list's search box looks in.
    search_fields: tuple[str, ...]
    #: Where the entry form `<Key>Form` (a `forms.base.RecordForm`) and the list's
    #: `<Key>FilterForm` are: `StoryForm` for the key "story".
    forms_module: str = "activities.forms.records"
    #: The record's own file fields → whether visitors may get it when the record is public.
    files: dict[str, bool] = field(default_factory=dict)
    #: What visitors may search in on the type's public pages (never a private field);
    #: empty when the type has no public pages of its own (`<key>_public_list`…).
    public_search_fields: tuple[str, ...] = ()
    #: Relations the record's page shows besides the library, its places, author and verifier.
    detail_related: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.model._meta.verbose_name

    @property
    def label_plural(self) -> str:
        return self.model._meta.verbose_name_plural

    @property
    def has_public_pages(self) -> bool:
        return bool(self.public_search_fields)

    @property
    def list_url(self) -> str:
        return self.url("list")

    def template(self, page: str) -> str:
        """The template of `page` ("list", "detail", "form") for this type (no query)."""
        return f"activities/{self.key}_{page}.html"

    def url_name(self, action: str) -> str:
        return f"activities:{self.key}_{action}"

    def url(self, action: str, *args) -> str:
        """The URL of `action` ("list", "detail", "verify", "file"...) for this type (no query)."""
        return reverse(self.url_name(action), args=args)

    @cached_property
    def form_class(self):
        return getattr(import_module(self.forms_module), f"{self.key.capitalize()}Form")

    @cached_property
    def filter_form_class(self):
        return getattr(import_module(self.forms_module), f"{self.key.capitalize()}FilterForm")


TYPES: dict[str, RecordType] = {
    t.key: t
    for t in (
        RecordType(
            key="activity", model=Activity, prefix="", date_field="start_date", search_fields=("title",),
            forms_module="activities.forms.activities",
        ),
        RecordType(
            key="partnership", model=Partnership, prefix="partnerships/", date_field="signed_on",
            search_fields=("title", "partner_name", "scope", "library__name"),
            files={"document": False},
            # The signed document stays private (files above); its words are public.
            public_search_fields=("title", "partner_name", "scope", "signed_at", "library__name"),
        ),
        RecordType(
            key="support", model=SupportRecord, prefix="support/", date_field="year",
            search_fields=("title", "number", "notes", "library__name"),
            files={"document": False},
        ),
        RecordType(
            key="product", model=Product, prefix="products/", date_field="reported_on",
            search_fields=("name", "group_name", "description", "library__name"),
            files={"photo": True},
            public_search_fields=("name", "group_name", "description", "library__name"),
        ),
        RecordType(
            key="story", model=ImpactStory, prefix="stories/", date_field="happened_on",
            search_fields=("title", "story", "person_name", "library__name"),
            files={"photo": True},
            # The person's name is private: never searchable by visitors.
            public_search_fields=("title", "story", "person_description", "library__name"),
            detail_related=("consent_recorded_by",),
        ),
    )
}
_BY_MODEL = {t.model: t for t in TYPES.values()}


def record_types() -> list[RecordType]:
    """Every reviewed record type, in display order (no query)."""
    return list(TYPES.values())


def record_type(key: str) -> RecordType | None:
    """The type called `key`, or None (no query)."""
    return TYPES.get(key)


def type_of(record_or_model) -> RecordType:
    """The type of a record or a model (no query); KeyError for other models."""
    model = record_or_model if isinstance(record_or_model, type) else type(record_or_model)
    return _BY_MODEL[model._meta.concrete_model]


def record_url(record, action: str = "detail") -> str:
    """The URL of `action` on `record` (no query)."""
    return type_of(record).url(action, record.pk)
