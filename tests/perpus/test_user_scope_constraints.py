"""A user's scope fields must match their role: in `full_clean()` and in the database."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from perpus.scopes import Role

User = get_user_model()


@pytest.fixture
def places(library, kalsel, balangan):
    return {"province": kalsel, "regency": balangan, "library": library}


# (role, scope fields given, field that gets the message, English message)
INVALID = [
    (Role.PROVINCE_STAFF, {}, "province", "Province staff need a province."),
    (Role.REGENCY_STAFF, {}, "regency", "Regency staff need a regency or city."),
    (Role.LIBRARY_MANAGER, {}, "library", "Library managers need a library."),
    (Role.REGENCY_STAFF, {"regency", "province"}, "province", "Only for the role “Province staff”"),
    (Role.CONSULTANT, {"library"}, "library", "Only for the role “Library manager”"),
    (Role.ADMIN, {"regency"}, "regency", "Only for the role “Regency staff”"),
    ("", {"province"}, "province", "Only for the role “Province staff”"),
]


def build(role, fields, places):
    return User(username="someone", role=role, **{name: places[name] for name in fields})


@pytest.mark.parametrize("role, fields, field, message", INVALID)
def test_full_clean_names_the_field_and_the_rule(places, role, fields, field, message):
    user = build(role, fields, places)
    user.set_password("secret-pass-123")
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            user.full_clean()
        # Messages are lazy: read them while English is active.
        assert field in caught.value.message_dict
        assert any(message in str(text) for text in caught.value.message_dict[field])


def test_full_clean_message_is_indonesian_by_default(places):
    user = build(Role.REGENCY_STAFF, set(), places)
    user.set_password("secret-pass-123")
    with translation.override("id"):
        with pytest.raises(ValidationError) as caught:
            user.full_clean()
        assert [str(text) for text in caught.value.message_dict["regency"]] == [
            "Staf dinas kabupaten/kota wajib memiliki kabupaten/kota."
        ]


@pytest.mark.parametrize("role, fields, field, message", INVALID)
def test_database_rejects_a_scope_that_does_not_match_the_role(places, role, fields, field, message):
    with pytest.raises(IntegrityError), transaction.atomic():
        build(role, fields, places).save()
    assert not User.objects.filter(username="someone").exists()


def test_database_rejects_changing_the_role_without_the_scope(regency_staff):
    regency_staff.role = Role.LIBRARY_MANAGER
    with pytest.raises(IntegrityError), transaction.atomic():
        regency_staff.save()


@pytest.mark.parametrize(
    "role, fields",
    [
        (Role.ADMIN, set()),
        (Role.CONSULTANT, set()),
        (Role.PROVINCE_STAFF, {"province"}),
        (Role.REGENCY_STAFF, {"regency"}),
        (Role.LIBRARY_MANAGER, {"library"}),
        ("", set()),
    ],
)
def test_matching_scope_is_accepted(places, role, fields):
    user = build(role, fields, places)
    user.set_password("secret-pass-123")
    user.full_clean()
    user.save()
    assert User.objects.get(username="someone").role == role
