"""The downloads of the list pages, registered by the apps without `perpus` importing them.

Each app describes its lists' downloads in `<app>/exports.py` and registers them in
its `AppConfig.ready()`: `register(ExportDefinition(key, label, queryset, columns,
filename))`. The one export view (`perpus.export_views.export`, at
`/exports/<key>.<csv|xlsx>`) looks the key up, calls `queryset(request)` and hands the
rows to `perpus.exports.export_response`.

`queryset(request)` returns the rows of the list as the user filtered it (the list's
own filter code, never a copy) and only in the user's scope (`for_user`); it raises
`PermissionDenied` or `Http404` where the list would, and `InvalidFilters` when the
list's filters do not validate (`check_filters(form)`): the list shows such a filter
with its error and leaves it out, but a download that silently dropped one would
hold rows the person did not ask for, so the view refuses it and writes nothing.
Rows are plain `.values()` dictionaries read in chunks (`rows(qs, columns)`), so
memory stays flat whatever the number of rows, and related names come from
subqueries (`joined_names`), never from a query per row.

The helpers here know no app: `Value` (a getter reading one `.values()` key, showing
a choice's label or yes/no), `rows`, `joined_names` (names of related rows joined by
"; ", on SQLite and PostgreSQL), `check_filters` and `list_view_queryset` (a class-based
list view's own access checks, `get_queryset()` and filter errors).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Aggregate, OuterRef, QuerySet, Subquery, TextField
from django.utils.encoding import force_str
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext

from .exports import Column

#: Rows read from the database at a time: big enough to be fast, small enough to stay flat.
CHUNK_SIZE = 2000


@dataclass(frozen=True)
class ExportDefinition:
    #: In the URL: `/exports/<key>.csv`.
    key: str
    #: What the download is ("Activities"), lazily translated.
    label: str
    #: queryset(request) -> rows (a QuerySet or any iterable) the columns read.
    queryset: Callable
    columns: list[Column]
    #: Start of the file name; the date and the extension are added (`kegiatan-2026-11-22.csv`).
    filename: str


_EXPORTS: dict[str, ExportDefinition] = {}


class InvalidFilters(Exception):
    """The list's filters do not validate: no download. `errors` are "Label: message" lines,
    in the active language."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def form_errors(form) -> list[str]:
    """The errors of filter form `form` as "Label: message" lines; [] when it is unbound or
    valid (validates it: the queries of its choice fields, if any)."""
    if not form.is_bound or form.is_valid():
        return []
    lines = []
    for name, messages in form.errors.items():
        label = force_str(form[name].label) if name in form.fields else ""
        for message in messages:
            lines.append(f"{label}: {message}" if label else force_str(message))
    return lines


def check_filters(form):
    """Return filter form `form`, or raise `InvalidFilters` when it is bound and invalid."""
    errors = form_errors(form)
    if errors:
        raise InvalidFilters(errors)
    return form


def register(definition: ExportDefinition) -> ExportDefinition:
    """Make `definition` downloadable (idempotent per key); returns it."""
    _EXPORTS[definition.key] = definition
    return definition


def get_export(key: str) -> ExportDefinition | None:
    """The export called `key`, or None (no query)."""
    return _EXPORTS.get(key)


def export_keys() -> list[str]:
    """Every registered key, sorted (no query)."""
    return sorted(_EXPORTS)


class Value:
    """Column getter reading `path` from a `.values()` row (no query).

    With `choices` (a `TextChoices` class or `(value, label)` pairs) it shows the
    label in the active language; with `yes_no` a boolean shows as "Yes"/"No".
    """

    def __init__(self, path: str, *, choices=None, yes_no: bool = False):
        self.path = path
        self.choices = list(getattr(choices, "choices", choices) or [])
        self.yes_no = yes_no
        self._labels: dict[str, dict] = {}

    def labels(self) -> dict:
        """The choice labels in the active language, translated once per language."""
        language = get_language() or ""
        if language not in self._labels:
            self._labels[language] = {value: force_str(label) for value, label in self.choices}
        return self._labels[language]

    def __call__(self, row):
        value = row[self.path]
        if self.choices and value not in (None, ""):
            return self.labels().get(value, value)
        if self.yes_no and value is not None:
            return gettext("Yes") if value else gettext("No")
        return value


def value_column(header, path: str, **options) -> Column:
    """A column showing `.values()` key `path` under `header` (see `Value`)."""
    return Column(header, Value(path, **options))


def model_column(model, path: str, header=None, **options) -> Column:
    """A `value_column` whose header is, unless given, the verbose name of the field that
    `path` ends on (`"library__npp"` → "NPP number"), so the apps' catalogues already hold
    it; a choice field shows its labels (no query)."""
    field = None
    for part in path.split("__"):
        field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    if field.choices and "choices" not in options:
        options["choices"] = field.choices
    if field.get_internal_type() == "BooleanField" and "yes_no" not in options:
        options["yes_no"] = True
    if header is None:
        header = capfirst(field.verbose_name)
    return value_column(header, path, **options)


def value_paths(columns: Iterable[Column]) -> list[str]:
    """The `.values()` keys the `Value` getters of `columns` read, in order, once each."""
    paths = []
    for column in columns:
        path = getattr(column.getter, "path", None)
        if path and path not in paths:
            paths.append(path)
    return paths


class Rows:
    """The rows of an export: iterating reads them in chunks; `more_than(n)` says whether
    there are more than `n` of them (one query, counting at most `n + 1`)."""

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset

    def __iter__(self):
        return self.queryset.iterator(chunk_size=CHUNK_SIZE)

    def more_than(self, limit: int) -> bool:
        return self.queryset.order_by()[: limit + 1].count() > limit


def rows(queryset: QuerySet, columns: Iterable[Column]) -> Rows:
    """The rows of `queryset` as `.values()` dicts of what `columns` read, in chunks.

    Lazy: one query (per chunk on databases without server-side cursors) when iterated.
    """
    return Rows(queryset.values(*value_paths(columns)))


class JoinedText(Aggregate):
    """Texts of a group joined by "; ": `STRING_AGG` on PostgreSQL, `GROUP_CONCAT` on SQLite."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, '; ')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


def joined_names(related: QuerySet, *, link: str, name: str) -> Subquery:
    """A subquery for an annotation: the `name`s of the `related` rows whose `link` is the
    outer row's pk, joined by "; " (None when there are none). Lazy; no query of its own.

    E.g. `joined_names(Activity.libraries.through.objects, link="activity_id",
    name="library__name")` gives each activity the names of its other libraries.
    """
    grouped = (
        related.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(names=JoinedText(name))
        .values("names")[:1]
    )
    return Subquery(grouped, output_field=TextField())


def list_view_queryset(view_class) -> Callable:
    """A `queryset(request)` that runs the class-based list view's own access checks
    (its `dispatch`: login, role, 403/404) and returns its `get_queryset()`, filters and
    scope included, instead of rendering the page. Lazy: the queryset is not evaluated.

    Raises `InvalidFilters` when, after `get_queryset()`, the view's `filter_form` is bound
    and invalid or its `filter_errors` (a list of messages) is not empty.
    """

    class ExportOf(view_class):
        def get(self, request, *args, **kwargs):
            queryset = self.get_queryset()
            form = getattr(self, "filter_form", None)
            errors = form_errors(form) if form is not None else []
            errors += getattr(self, "filter_errors", [])
            if errors:
                raise InvalidFilters([force_str(error) for error in errors])
            return queryset

    ExportOf.__name__ = ExportOf.__qualname__ = f"ExportOf{view_class.__name__}"
    view = ExportOf.as_view()

    def queryset(request, *args, **kwargs):
        result = view(request, *args, **kwargs)
        if not isinstance(result, QuerySet):
            # The list answered with a page of its own (a redirect): no rows for this user.
            raise PermissionDenied
        return result

    return queryset
