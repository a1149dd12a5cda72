"""A save from a tampered form (its version changed or blanked) is refused with a clear
message and changes nothing, for every reviewed record type."""

import pytest
from django.urls import reverse

from activities.registry import record_types

from .factories import ActivityFactory
from .records_factories import FACTORIES, valid_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", [t.key for t in record_types()])
@pytest.mark.parametrize("version", ["abc", ""])
def test_tampered_version_gets_a_clear_message(key, version, login, regency_staff, regency_library):
    if key == "activity":
        record = ActivityFactory(library=regency_library, created_by=regency_staff, level="regency")
        data = {
            "title": "Diubah", "kind": "community", "level": "regency", "library": regency_library.pk,
            "start_date": "2024-03-05", "end_date": "2024-03-05", "participants_male": 1, "participants_female": 1,
            **{f"participants_{g}": 0 for g in ("children", "youth", "adults", "elderly", "disabled", "umkm")},
        }
    else:
        record = FACTORIES[key](library=regency_library, created_by=regency_staff)
        data = valid_post(key, regency_library)
    data["version"] = version
    response = login(regency_staff).post(reverse(f"activities:{key}_update", args=[record.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors and "diubah" in str(errors).lower()
    assert "diubah" in response.content.decode().lower()
    record.refresh_from_db()
    assert record.version == 1
