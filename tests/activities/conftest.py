import pytest

from .factories import ActivityFactory


@pytest.fixture
def draft(library, library_manager):
    """A draft community activity of the Juai village library, by its manager."""
    return ActivityFactory(library=library, created_by=library_manager, title="Pelatihan menganyam")


@pytest.fixture
def regency_draft(regency_library, regency_staff):
    return ActivityFactory(
        library=regency_library, created_by=regency_staff, level="regency", title="Sosialisasi TPBIS"
    )


@pytest.fixture
def awaiting_verification(regency_library, regency_staff):
    """A regency activity submitted for verification (no regency check needed)."""
    return ActivityFactory(
        library=regency_library,
        created_by=regency_staff,
        level="regency",
        status="submitted",
        needs_check=False,
        title="Rakor kabupaten",
    )


@pytest.fixture
def awaiting_check(library, library_manager):
    return ActivityFactory(
        library=library, created_by=library_manager, status="submitted", needs_check=True, title="Story telling"
    )
