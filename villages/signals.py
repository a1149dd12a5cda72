"""Signals other apps listen to, so this app never imports the apps built on it.

`library_data_changed` is sent, inside the writing transaction, whenever data that
a library's stage may read has changed: its profile, photos, monthly statistics,
or a record it counts (activities, partnerships, support, products, stories).
`programs` recomputes the stages of `library_ids` when it receives it.
"""

from django.dispatch import Signal

#: Sent with `library_ids` (an iterable of library primary keys).
library_data_changed = Signal()


def notify_library_data_changed(library_ids) -> None:
    """Send `library_data_changed` for the given library ids, if any (receivers may query)."""
    ids = sorted({int(pk) for pk in library_ids if pk is not None})
    if ids:
        library_data_changed.send(sender=None, library_ids=ids)
