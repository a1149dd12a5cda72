"""History, delete/restore, revert and the concurrent-edit refusal, through the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from activities.models import Activity, RecordEvent
from activities.services import (
    ConcurrentEditError,
    record_create,
    record_delete,
    record_restore,
    record_revert,
    record_save,
)
from activities.services.history import history_rows

from .records_factories import FACTORIES

pytestmark = pytest.mark.django_db


def fresh(record):
    return Activity.objects.get(pk=record.pk)


def new_activity(library, **fields):
    data = dict(title="Bimtek", kind="community", level="village", start_date="2024-05-01", end_date="2024-05-01")
    data.update(fields)
    return Activity(library=library, **data)


def test_create_copies_places_and_logs(library, library_manager, regency_library):
    activity = record_create(
        record=new_activity(library), user=library_manager, m2m={"libraries": [regency_library.pk]}
    )
    row = fresh(activity)
    assert (row.province_id, row.regency_id, row.status, row.created_by) == ("63", "63.11", "draft", library_manager)
    event = RecordEvent.objects.for_record(row).get()
    assert event.action == "created" and event.snapshot["libraries"] == [regency_library.pk]


def test_create_outside_scope_is_refused(outside_library, library_manager):
    with pytest.raises(PermissionDenied):
        record_create(record=new_activity(outside_library), user=library_manager)
    assert not Activity.objects.exists()


def test_save_records_what_changed(draft, library_manager):
    draft.title, draft.participants_male = "Judul baru", 20
    record_save(record=draft, user=library_manager, expected_version=1, reason="Typo")
    event = RecordEvent.objects.for_record(draft).first()
    assert event.action == "changed" and event.reason == "Typo"
    assert event.changes["title"] == ["Pelatihan menganyam", "Judul baru"]
    assert event.changes["participants_male"] == [10, 20]
    with translation.override("en"):
        rows = history_rows(draft, [event])
        labels = {str(c["label"]): (c["old"], c["new"]) for c in rows[0]["changes"]}
    assert labels["title"] == ("Pelatihan menganyam", "Judul baru")
    assert labels["male participants"] == ("10", "20")


def test_history_names_related_objects_and_choices(draft, library_manager, regency_library):
    draft.kind = "mobile_library"
    record_save(record=draft, user=library_manager, expected_version=1, m2m={"libraries": [regency_library.pk]})
    with translation.override("en"):
        rows = history_rows(draft, list(RecordEvent.objects.for_record(draft)))
        change = {str(c["label"]): c for c in rows[0]["changes"]}
    assert change["kind"]["new"] == "Mobile library trip"
    assert change["other libraries involved"]["new"] == "Dispersip Balangan"


def test_concurrent_edit_is_refused_and_changes_nothing(draft, library_manager, regency_staff):
    loaded_version = fresh(draft).version
    first = fresh(draft)
    first.title = "Simpanan pertama"
    record_save(record=first, user=regency_staff, expected_version=loaded_version)
    second = fresh(draft)
    second.title = "Simpanan kedua"
    with pytest.raises(ConcurrentEditError):
        record_save(record=second, user=library_manager, expected_version=loaded_version)
    row = fresh(draft)
    assert (row.title, row.version) == ("Simpanan pertama", loaded_version + 1)
    assert RecordEvent.objects.for_record(draft).count() == 1


def test_verified_record_cannot_be_edited_by_author(awaiting_verification, regency_staff, consultant):
    from activities.services import record_verify

    record_verify(record=awaiting_verification, user=consultant)
    row = fresh(awaiting_verification)
    row.title = "x"
    with pytest.raises(ValidationError):
        record_save(record=row, user=regency_staff, expected_version=row.version)
    assert fresh(row).title == "Rakor kabupaten"


def test_delete_and_restore(draft, library_manager):
    record_delete(record=draft, user=library_manager, reason="Salah input")
    row = fresh(draft)
    assert row.deleted_at is not None
    assert not Activity.objects.alive().filter(pk=draft.pk).exists()
    record_restore(record=row, user=library_manager)
    row = fresh(draft)
    assert row.deleted_at is None
    assert [e.action for e in RecordEvent.objects.for_record(row)] == ["restored", "deleted"]
    assert RecordEvent.objects.for_record(row).get(action="deleted").reason == "Salah input"


def test_delete_outside_write_scope_is_refused(draft, consultant):
    with pytest.raises(PermissionDenied):
        record_delete(record=draft, user=consultant, reason="x")
    assert fresh(draft).deleted_at is None


def test_restoring_a_live_record_fails(draft, library_manager):
    with pytest.raises(ValidationError):
        record_restore(record=draft, user=library_manager)


def test_revert_to_an_earlier_version(library, library_manager, regency_library):
    activity = record_create(record=new_activity(library, title="Asli"), user=library_manager)
    created = RecordEvent.objects.for_record(activity).get()
    activity.title = "Salah"
    record_save(record=activity, user=library_manager, expected_version=1, m2m={"libraries": [regency_library.pk]})
    record_revert(record=fresh(activity), user=library_manager, event=created)
    row = fresh(activity)
    assert row.title == "Asli" and list(row.libraries.all()) == []
    assert RecordEvent.objects.for_record(row).first().action == "changed"
    assert row.version == 3


# Files follow rows: a replaced or cleared file stays while a version names it.


def test_replaced_file_is_kept_while_history_names_it_and_deleted_when_nothing_does(
    regency_staff, regency_library, django_capture_on_commit_callbacks
):
    partnership = FACTORIES["partnership"].build(library=regency_library)
    partnership.document.save("a.pdf", ContentFile(b"%PDF-1.4 a"), save=False)
    partnership = record_create(record=partnership, user=regency_staff)
    first = partnership.document.name
    storage = partnership.document.storage
    # Replaced: the creation's snapshot names the first file, so a revert can bring it back.
    partnership.document.save("b.pdf", ContentFile(b"%PDF-1.4 b"), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        record_save(record=partnership, user=regency_staff, expected_version=1)
    assert storage.exists(first)
    # Once no version names it (history pruned, or a row written outside the services), it goes.
    second = partnership.document.name
    RecordEvent.objects.filter(object_id=partnership.pk, snapshot__document=second).update(snapshot={})
    partnership.document = ""
    with django_capture_on_commit_callbacks(execute=True):
        record_save(record=partnership, user=regency_staff, expected_version=2)
    assert not storage.exists(second) and storage.exists(first)
