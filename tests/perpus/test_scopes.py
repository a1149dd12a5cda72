"""The scope rules of `perpus.scopes`, role by role, over the shared fixture world.

The world (tests/conftest.py): Kalimantan Selatan with its province library, Kabupaten
Balangan with a regency library and the village library of Desa Juai, Kabupaten Hulu
Sungai Utara with another village library, and Bali's Badung with one outside every
Kalimantan Selatan scope.
"""

import pytest
from django.contrib.auth import get_user_model

from perpus.scopes import Role, can_change, can_create, can_view, scope_of
from villages.models import Library, Province, Regency, Village

ALL_LIBRARIES = ["library", "regency_library", "province_library", "other_regency_library", "outside_library"]

# role fixture -> (libraries it sees, libraries it may change, may it create libraries)
EXPECTED = {
    "program_admin": (set(ALL_LIBRARIES), set(ALL_LIBRARIES), True),
    "consultant": (
        {"library", "regency_library", "province_library", "other_regency_library"},
        set(),
        False,
    ),
    "outside_consultant": ({"outside_library"}, set(), False),
    "province_staff": (
        {"library", "regency_library", "province_library", "other_regency_library"},
        {"province_library"},
        True,
    ),
    "regency_staff": ({"library", "regency_library"}, {"library", "regency_library"}, True),
    "other_regency_staff": ({"other_regency_library"}, {"other_regency_library"}, True),
    "library_manager": ({"library"}, {"library"}, True),
    "no_role_user": (set(), set(), False),
}


@pytest.fixture
def world(request):
    """Every library of the fixture world, by fixture name."""
    return {name: request.getfixturevalue(name) for name in ALL_LIBRARIES}


def names_of(queryset, world):
    by_pk = {lib.pk: name for name, lib in world.items()}
    return {by_pk[pk] for pk in queryset.values_list("pk", flat=True)}


@pytest.mark.parametrize("role_fixture", sorted(EXPECTED))
def test_library_querysets_follow_the_role(request, world, role_fixture):
    user = request.getfixturevalue(role_fixture)
    sees, changes, creates = EXPECTED[role_fixture]

    assert names_of(Library.objects.for_user(user), world) == sees
    assert names_of(Library.objects.editable_by(user), world) == changes
    assert can_create(user, Library) is creates


@pytest.mark.parametrize("role_fixture", sorted(EXPECTED))
def test_object_checks_agree_with_the_querysets(request, world, role_fixture):
    """`can_view`/`can_change` on one object give the same answer as the filters."""
    user = request.getfixturevalue(role_fixture)
    sees, changes, _ = EXPECTED[role_fixture]
    for name, library in world.items():
        fresh = Library.objects.get(pk=library.pk)
        assert can_view(user, fresh) is (name in sees), name
        assert can_change(user, fresh) is (name in changes), name


def test_superuser_without_role_counts_as_program_admin(world):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "x-secret-123")
    assert user.role == ""
    assert scope_of(user).role == Role.ADMIN
    assert Library.objects.for_user(user).count() == len(world)
    assert Library.objects.editable_by(user).count() == len(world)
    assert can_create(user, Library)


@pytest.mark.parametrize("role_fixture", ["program_admin", "regency_staff", "library_manager", "consultant"])
def test_inactive_user_sees_and_changes_nothing(request, world, role_fixture):
    user = request.getfixturevalue(role_fixture)
    user.is_active = False
    user.save()
    user = get_user_model().objects.get(pk=user.pk)
    assert not Library.objects.for_user(user).exists()
    assert not Library.objects.editable_by(user).exists()
    assert not any(can_view(user, lib) for lib in world.values())
    assert not can_create(user, Library)


def test_anonymous_user_sees_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not Library.objects.for_user(anonymous).exists()
    assert not can_view(anonymous, world["library"])
    assert not can_create(anonymous, Library)


def test_consultant_scope_is_read_once(consultant, world, django_assert_num_queries):
    """The consultant's provinces are queried once, then the scope is cached on the user."""
    with django_assert_num_queries(1):
        scope_of(consultant)
    with django_assert_num_queries(0):
        for library in world.values():
            can_view(consultant, library)


def test_consultant_with_several_provinces_sees_them_all(consultant, bali, world):
    consultant.provinces.add(bali)
    consultant = get_user_model().objects.get(pk=consultant.pk)
    assert Library.objects.for_user(consultant).count() == 5
    assert not Library.objects.editable_by(consultant).exists()


# Regions --------------------------------------------------------------------


@pytest.fixture
def regions(world, juai_village, badung):
    """Three villages: Juai (Balangan), one in Hulu Sungai Utara and one in Badung."""
    return {v.code: v for v in Village.objects.all()}


@pytest.mark.parametrize(
    "role_fixture, villages",
    [
        ("program_admin", {"63.11.01.2001", "63.08.01.2001", "51.03.01.2001"}),
        ("consultant", {"63.11.01.2001", "63.08.01.2001"}),
        ("outside_consultant", {"51.03.01.2001"}),
        ("province_staff", {"63.11.01.2001", "63.08.01.2001"}),
        ("regency_staff", {"63.11.01.2001"}),
        ("other_regency_staff", {"63.08.01.2001"}),
        # Villages have no library: managers do not pick villages.
        ("library_manager", set()),
        ("no_role_user", set()),
    ],
)
def test_village_scope(request, regions, role_fixture, villages):
    user = request.getfixturevalue(role_fixture)
    assert set(Village.objects.for_user(user).values_list("code", flat=True)) == villages


@pytest.mark.parametrize(
    "role_fixture, regencies",
    [
        ("program_admin", {"63.11", "63.08", "51.03"}),
        ("consultant", {"63.11", "63.08"}),
        ("outside_consultant", {"51.03"}),
        ("province_staff", {"63.11", "63.08"}),
        ("regency_staff", {"63.11"}),
        ("other_regency_staff", {"63.08"}),
        ("library_manager", set()),
        ("no_role_user", set()),
    ],
)
def test_regency_scope(request, regions, role_fixture, regencies):
    user = request.getfixturevalue(role_fixture)
    assert set(Regency.objects.for_user(user).values_list("code", flat=True)) == regencies


def test_province_staff_follow_regencies_but_change_none(province_staff, regions):
    """Regencies are rows with a regency: province staff see them and change none."""
    assert Regency.objects.for_user(province_staff).count() == 2
    assert not Regency.objects.editable_by(province_staff).exists()
    assert not can_change(province_staff, Regency.objects.get(pk="63.11"))


@pytest.mark.parametrize(
    "role_fixture, provinces",
    [
        ("program_admin", {"63", "51"}),
        ("consultant", {"63"}),
        ("province_staff", {"63"}),
        ("no_role_user", set()),
    ],
)
def test_province_scope(request, regions, role_fixture, provinces):
    user = request.getfixturevalue(role_fixture)
    assert set(Province.objects.for_user(user).values_list("code", flat=True)) == provinces


def test_submit_and_return_rules(regency_staff, consultant, library_manager, library):
    from perpus.scopes import can_return, can_submit

    from activities.models import Activity

    def activity(status, needs_check=True, deleted_at=None):
        return Activity(
            library=library, province_id=library.province_id, regency_id=library.regency_id,
            status=status, needs_check=needs_check, deleted_at=deleted_at,
        )

    assert can_submit(library_manager, activity("draft"))
    assert can_submit(library_manager, activity("returned"))
    assert not can_submit(library_manager, activity("submitted"))
    assert not can_submit(consultant, activity("draft"))  # reviewers do not write records
    assert can_return(regency_staff, activity("submitted", needs_check=True))
    assert not can_return(consultant, activity("submitted", needs_check=True))
    assert can_return(consultant, activity("checked"))
    assert not can_return(regency_staff, activity("verified"))


def test_people_working_on_a_regency(django_user_model, program_admin, consultant, outside_consultant,
                                     province_staff, regency_staff, other_regency_staff, library_manager, balangan):
    from perpus.scopes import working_on_q

    root = django_user_model.objects.create_superuser("root", "r@example.org", "pw-12345678")
    found = set(django_user_model.objects.filter(working_on_q(balangan.province_id, balangan.pk)).distinct())
    assert found == {root, program_admin, consultant, province_staff, regency_staff}
