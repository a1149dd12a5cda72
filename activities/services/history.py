"""Turning history events into readable rows: field labels, old → new values."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _

from ..models import RecordEvent


def _field_by_key(model):
    """Map snapshot keys (attnames and M2M names) to fields (no query)."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    fields.update({f.name: f for f in model._meta.many_to_many})
    return fields


def _empty(value) -> bool:
    return value in (None, "", [])


def history_rows(record, events: list[RecordEvent]) -> list[dict]:
    """Return each event with its changes as (label, old, new) in words.

    Related objects are named with one query per related model found in the changes.
    """
    fields = _field_by_key(type(record))
    wanted: dict[type[models.Model], set] = {}
    for event in events:
        for key, pair in (event.changes or {}).items():
            field = fields.get(key)
            if field is None or not field.is_relation:
                continue
            for value in pair:
                if isinstance(value, list):
                    wanted.setdefault(field.related_model, set()).update(value)
                elif value is not None:
                    wanted.setdefault(field.related_model, set()).add(value)
    names = {
        model: {pk: str(obj) for pk, obj in model._default_manager.in_bulk(list(pks)).items()}
        for model, pks in wanted.items()
    }

    def show(field, value) -> str:
        if _empty(value):
            return "—"
        if field is None:
            return str(value)
        if field.is_relation:
            lookup = names.get(field.related_model, {})
            values = value if isinstance(value, list) else [value]
            return ", ".join(lookup.get(v, _("(removed #%(pk)s)") % {"pk": v}) for v in values)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.BooleanField):
            return _("Yes") if value else _("No")
        return str(value)

    rows = []
    for event in events:
        changes = []
        for key, (old, new) in sorted((event.changes or {}).items()):
            field = fields.get(key)
            label = field.verbose_name if field is not None else key
            changes.append({"label": label, "old": show(field, old), "new": show(field, new)})
        rows.append({"event": event, "changes": changes})
    return rows
