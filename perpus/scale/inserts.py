"""Fast bulk inserts for the national dataset, and the report of what was made."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class SeedReport:
    steps: list[tuple[str, int, float]] = field(default_factory=list)

    def add(self, label: str, rows: int, seconds: float) -> None:
        self.steps.append((label, rows, seconds))

    @property
    def total_seconds(self) -> float:
        return sum(seconds for _label, _rows, seconds in self.steps)


@contextmanager
def own_timestamps(*models):
    """Let bulk inserts set `auto_now_add`/`auto_now` fields to the historic dates we give."""
    saved = []
    for model in models:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False):
                saved.append((f, f.auto_now_add, f.auto_now))
                f.auto_now_add = f.auto_now = False
    try:
        yield
    finally:
        for f, add, now in saved:
            f.auto_now_add, f.auto_now = add, now


class Batches:
    """Rows of `model` gathered and written with `bulk_create` (conflicts ignored) once
    `size` are waiting, so memory stays flat while a step makes millions."""

    def __init__(self, model, size: int):
        self.model, self.size = model, size
        self.rows: list = []
        self.written = 0

    def add(self, row) -> None:
        self.rows.append(row)

    def write_if_full(self, force: bool = False) -> int:
        """Write the waiting rows if `size` are waiting (any number if `force`); return how
        many were written in all."""
        if force or len(self.rows) >= self.size:
            self.model.objects.bulk_create(self.rows, ignore_conflicts=True)
            self.written += len(self.rows)
            self.rows = []
        return self.written


class FastInserter:
    """Insert plain rows of `model` with `executemany`, around Django's per-value preparation.

    A million activities through `bulk_create` spend most of their time preparing each
    value of each row; the values made here are already what the database takes, so they
    go straight to the driver. Columns not given get the field's default, prepared once.
    Primary keys are assigned here (from the current maximum) so related rows can point at
    them; PostgreSQL's sequence is moved past them at the end (`finish`).
    """

    def __init__(self, model):
        from django.db import connection

        self.model = model
        self.connection = connection
        self.fields = [f for f in model._meta.concrete_fields]
        self.columns = [f.column for f in self.fields]
        self.defaults = {}
        self.adapters = {}
        for f in self.fields:
            if f.primary_key:
                continue
            default = f.get_default()
            self.defaults[f.attname] = f.get_db_prep_save(default, connection) if default is not None else None
            internal = f.get_internal_type()
            if internal == "DateTimeField":
                self.adapters[f.attname] = connection.ops.adapt_datetimefield_value
            elif internal == "DateField":
                self.adapters[f.attname] = connection.ops.adapt_datefield_value
            elif internal == "DecimalField":
                self.adapters[f.attname] = lambda v, f=f: connection.ops.adapt_decimalfield_value(
                    v, f.max_digits, f.decimal_places)
        pk = model._meta.pk.attname
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.next_id = last + 1
        self.pk = pk
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        marks = ", ".join(["%s"] * len(self.columns))
        self.sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"

    def insert(self, rows: list[dict]) -> list[int]:
        """Insert `rows` (attname → value); returns their new primary keys."""
        ids = []
        tuples = []
        adapters = self.adapters
        for row in rows:
            values = dict(self.defaults)
            for key, value in row.items():
                adapt = adapters.get(key)
                values[key] = adapt(value) if adapt is not None and value is not None else value
            values[self.pk] = self.next_id
            ids.append(self.next_id)
            self.next_id += 1
            tuples.append(tuple(values[f.attname] for f in self.fields))
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                # COPY is several times faster than INSERTs on PostgreSQL.
                table = self.connection.ops.quote_name(self.model._meta.db_table)
                names = ", ".join(self.connection.ops.quote_name(c) for c in self.columns)
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in tuples:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, tuples)
        return ids

    def finish(self) -> None:
        """Move the primary key sequence past the inserted rows (PostgreSQL; no-op on SQLite)."""
        from django.core.management.color import no_style

        statements = self.connection.ops.sequence_reset_sql(no_style(), [self.model])
        with self.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
