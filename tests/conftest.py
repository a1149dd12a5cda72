"""Role-named fixtures shared by every test folder.

The world: Kalimantan Selatan (63) with Kabupaten Balangan (63.11) and its
village library in Desa Juai; Kabupaten Hulu Sungai Utara (63.08) in the same
province with another village library; Bali (51) with Kabupaten Badung (51.03)
and a village library there, outside every Kalimantan Selatan scope.
"""

import os

import pytest

from perpus.scopes import Role
from villages.models import LibraryLevel

from .factories import LibraryFactory, ProvinceFactory, RegencyFactory, UserFactory, VillageFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# browser tests make between steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def kalsel(db):
    return ProvinceFactory(code="63", name="Kalimantan Selatan", time_zone="Asia/Makassar")


@pytest.fixture
def balangan(kalsel):
    return RegencyFactory(code="63.11", name="Kabupaten Balangan")


@pytest.fixture
def hulu_sungai_utara(kalsel):
    return RegencyFactory(code="63.08", name="Kabupaten Hulu Sungai Utara")


@pytest.fixture
def bali(db):
    return ProvinceFactory(code="51", name="Bali", time_zone="Asia/Makassar")


@pytest.fixture
def badung(bali):
    return RegencyFactory(code="51.03", name="Kabupaten Badung")


@pytest.fixture
def juai_village(balangan):
    return VillageFactory(code="63.11.01.2001", name="Juai")


@pytest.fixture
def library(juai_village):
    """A village library in Balangan: the one most tests act on."""
    return LibraryFactory(village=juai_village, name="Perpustakaan Desa Juai")


@pytest.fixture
def regency_library(balangan):
    return LibraryFactory(
        level=LibraryLevel.REGENCY, village=None, regency=balangan, name="Dispersip Balangan"
    )


@pytest.fixture
def province_library(kalsel):
    return LibraryFactory(
        level=LibraryLevel.PROVINCE,
        village=None,
        regency=None,
        province=kalsel,
        name="Dispersip Kalimantan Selatan",
    )


@pytest.fixture
def other_regency_library(hulu_sungai_utara):
    village = VillageFactory(code="63.08.01.2001", name="Desa Tetangga")
    return LibraryFactory(village=village, name="Perpustakaan Desa Tetangga")


@pytest.fixture
def outside_library(badung):
    village = VillageFactory(code="51.03.01.2001", name="Desa Badung")
    return LibraryFactory(village=village, name="Perpustakaan Desa di Badung")


@pytest.fixture
def program_admin(db):
    return UserFactory(username="admin", role=Role.ADMIN, is_staff=True)


@pytest.fixture
def consultant(kalsel):
    return UserFactory(username="konsultan", role=Role.CONSULTANT, assigned_provinces=[kalsel])


@pytest.fixture
def outside_consultant(bali):
    return UserFactory(username="konsultan_bali", role=Role.CONSULTANT, assigned_provinces=[bali])


@pytest.fixture
def province_staff(kalsel):
    return UserFactory(username="staf_prov", role=Role.PROVINCE_STAFF, province=kalsel)


@pytest.fixture
def regency_staff(balangan):
    return UserFactory(username="staf_balangan", role=Role.REGENCY_STAFF, regency=balangan)


@pytest.fixture
def other_regency_staff(hulu_sungai_utara):
    return UserFactory(username="staf_hsu", role=Role.REGENCY_STAFF, regency=hulu_sungai_utara)


@pytest.fixture
def library_manager(library):
    return UserFactory(username="pengelola", role=Role.LIBRARY_MANAGER, library=library)


@pytest.fixture
def no_role_user(db):
    return UserFactory(username="tanpa_peran", role="")


@pytest.fixture
def login(client):
    """Log `user` in on the test client and return the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: dashboards or public pages kept for an earlier
    test's data must not answer this one's requests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def recorded_follow_ups(monkeypatch):
    """The worker held back: returns a function listing the (change, follow-up, target) rows
    that writes recorded (`perpus.followups.due`), in the order written."""
    from perpus.followups import services
    from perpus.followups.models import DueFollowUp

    monkeypatch.setattr(services, "_kick", lambda: None)

    def rows():
        return list(DueFollowUp.objects.order_by("pk").values_list("change", "follow_up", "target"))

    return rows


@pytest.fixture(autouse=True)
def write_guard(monkeypatch):
    """Fails the test when a request or a command wrote a model people change without its
    service (`tests/write_guard.py`); returns the guard, whose `violations` a test of the
    guard itself may read and clear."""
    from .write_guard import WriteGuard

    guard = WriteGuard()
    guard.install(monkeypatch)
    yield guard
    guard.uninstall()
    if guard.violations:
        pytest.fail(guard.report(), pytrace=False)
