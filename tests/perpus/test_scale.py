"""`seed_scale`: the national dataset for benchmarks, here at a tiny fraction on a few villages."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F
from django.utils import timezone

from activities.models import Activity, Partnership, RecordEvent
from perpus.scale import is_seeded
from programs.models import LibraryProgress, StageSnapshot, Visit
from tests.factories import UserFactory, VillageFactory
from villages.models import Library, LibraryLevel, LibraryStatistic

pytestmark = pytest.mark.django_db


@pytest.fixture
def villages(db):
    """Forty desa in two provinces (codes …2001–2020), so no region import is needed."""
    for regency in ("63.11", "51.03"):
        for number in range(1, 21):
            VillageFactory(code=f"{regency}.01.{2000 + number}", name=f"Desa {number}")


def test_a_fraction_of_the_dataset_is_made_with_consistent_scope_fields(villages):
    call_command("seed_scale", fraction=0.002, stdout=StringIO())
    assert is_seeded()
    village_libraries = Library.objects.filter(level=LibraryLevel.VILLAGE)
    assert village_libraries.count() == 24  # 12,000 × 0.002
    assert Library.objects.filter(level=LibraryLevel.REGENCY).count() == 2
    assert Activity.objects.count() == 2_000  # 1,000,000 × 0.002
    # Every activity has its history, and its scope columns match its library.
    assert RecordEvent.objects.count() == Activity.objects.count()
    mismatched = Activity.objects.exclude(province_id=F("library__province_id"))
    assert not mismatched.exists()
    # Five years of dates, most verified, some waiting for review, some in the trash.
    today = timezone.localdate()
    oldest = Activity.objects.order_by("start_date").first().start_date
    assert today - oldest > datetime.timedelta(days=365 * 4)
    assert Activity.objects.verified().count() > 1_500
    assert Activity.objects.filter(status="submitted").exists()
    assert Activity.objects.deleted().exists()
    assert Partnership.objects.count() == 40
    assert LibraryStatistic.objects.count() > 24 * 12
    assert StageSnapshot.objects.count() >= 24 * 12
    assert LibraryProgress.objects.count() == Library.objects.count()
    visit = Visit.objects.prefetch_related("libraries").first()
    assert visit is not None
    assert {library.regency_id for library in visit.libraries.all()} == {visit.regency_id}
    # Search texts are written as `save()` would (the bulk inserts skip it).
    from activities.models.activities import activity_search_text
    from villages.models import library_search_text

    for library in Library.objects.select_related("village__district", "regency", "province")[:5]:
        assert library.search_text == library_search_text(library)
    for activity in Activity.objects.select_related("library")[:20]:
        assert activity.search_text == activity_search_text(activity)
    assert Activity.objects.search("desa 3").exists() or Activity.objects.search("balai desa").count() == 2_000


def test_a_second_run_does_nothing_and_new_rows_still_get_fresh_keys(villages):
    call_command("seed_scale", fraction=0.001, stdout=StringIO())
    count = Activity.objects.count()
    out = StringIO()
    call_command("seed_scale", fraction=0.001, stdout=out)
    assert "nothing to do" in out.getvalue()
    assert Activity.objects.count() == count
    # Keys were assigned by the seeder; the database's own sequence must be past them.
    library = Library.objects.filter(level=LibraryLevel.VILLAGE).first()
    new = Activity.objects.create(
        library=library, province_id=library.province_id, regency_id=library.regency_id,
        created_by=UserFactory(), title="Baru", kind="community", level="village",
        start_date=timezone.localdate(), end_date=timezone.localdate(),
    )
    assert new.pk > Activity.objects.exclude(pk=new.pk).order_by("-pk").first().pk


def test_the_fraction_must_be_sensible(villages):
    with pytest.raises(CommandError):
        call_command("seed_scale", fraction=0, stdout=StringIO())


def test_every_benchmarked_page_answers_on_the_scale_data(villages, client):
    """The page benchmark's list stays in step with the URLs and the seeded accounts."""
    from benchmarks.pages import pages, run_pages

    call_command("seed_scale", fraction=0.001, stdout=StringIO())
    assert len(pages()) >= 10
    results = run_pages(repeat=1)
    assert [r.status for r in results] == [200] * len(results), [(r.label, r.status) for r in results]
    assert results[0].queries == 0  # the trivial page
    # Anonymous views of the home and library pages come from the page cache after the
    # benchmark's warm-up (perpus.pagecache): at most one query. The others render.
    cached = {"home page", "library page (public)"}
    assert all(r.queries <= 1 for r in results if r.label in cached)
    assert all(r.queries > 0 for r in results[2:] if r.label not in cached)


@pytest.mark.django_db(transaction=True)
def test_the_dataset_is_vacuumed_after_its_commit_on_postgresql():
    """VACUUM cannot run in the seeding transaction: it runs after it, on PostgreSQL only."""
    from django.db import connection, transaction

    from perpus.scale import vacuum

    with transaction.atomic():
        assert vacuum() is False  # refused inside a transaction, never an error
    assert vacuum() is (connection.vendor == "postgresql")
