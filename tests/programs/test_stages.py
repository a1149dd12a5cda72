"""The ladder rules, window edges, snapshots and the query count of the stage computation."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from programs.models import (
    Criterion,
    CriterionKind,
    LibraryProgress,
    SnapshotReason,
    Stage,
    StageSnapshot,
    Verdict,
)
from programs.services import compute_progress, recompute_progress
from programs.services.assessments import ItemInput, assessment_create
from tests.factories import LibraryFactory

from .factories import AssessmentFactory, AssessmentItemFactory, CriterionFactory, day_last_month

pytestmark = pytest.mark.django_db
END = date(2024, 6, 15)


def stage_of(library, on=END):
    return compute_progress(library_ids=[library.pk], on=on)[library.pk].stage


def test_exactly_at_threshold_is_met_and_just_below_is_not(ladder, measure_data, library, other_regency_library):
    measure_data.points[library.pk] = Decimal("10")
    measure_data.points[other_regency_library.pk] = Decimal("9.99")
    results = compute_progress(library_ids=[library.pk, other_regency_library.pk], on=END)
    assert results[library.pk].stage == ladder["A"]
    assert results[library.pk].criteria[ladder["points"].pk].met is True
    assert results[other_regency_library.pk].stage is None
    assert results[other_regency_library.pk].criteria[ladder["points"].pk].value == Decimal("9.99")


@pytest.mark.parametrize(
    "days, expected_stage",
    [
        # The last 3 months on 2024-06-15 are the completed March to May: both ends count.
        ([date(2024, 3, 1), date(2024, 5, 31)], "B"),
        # The day before March does not count, nor June, the month in progress.
        ([date(2024, 2, 29), date(2024, 5, 31)], "A"),
        ([date(2024, 3, 1), date(2024, 6, 1)], "A"),
    ],
)
def test_window_edges(ladder, measure_data, library, days, expected_stage):
    measure_data.points[library.pk] = 10
    measure_data.events.extend((library.pk, day) for day in days)
    assert stage_of(library) == ladder[expected_stage]


def test_lower_stage_not_met_blocks_higher_stages(ladder, measure_data, library, consultant):
    # B's and C's criteria are met, A's is not: no stage at all.
    measure_data.points[library.pk] = 3
    measure_data.events.extend([(library.pk, date(2024, 4, 1)), (library.pk, date(2024, 5, 1))])
    AssessmentItemFactory(
        assessment=AssessmentFactory(library=library, author=consultant), criterion=ladder["accredited"]
    )
    result = compute_progress(library_ids=[library.pk], on=END)[library.pk]
    assert result.criteria[ladder["events"].pk].met and result.criteria[ladder["accredited"].pk].met
    assert result.stage is None

    # With A met but B not, C's attested criterion does not lift the library past A.
    measure_data.points[library.pk] = 10
    measure_data.events.clear()
    assert stage_of(library) == ladder["A"]


def test_unregistered_measure_counts_as_not_met(ladder, measure_data, library):
    measure_data.points[library.pk] = 100
    CriterionFactory(stage=ladder["A"], name="Future data", measure="not_registered_yet", threshold=0)
    result = compute_progress(library_ids=[library.pk], on=END)[library.pk]
    missing = [c for c in result.criteria.values() if c.missing]
    assert len(missing) == 1 and missing[0].met is False
    assert result.stage is None


def test_attested_uses_latest_decided_verdict(ladder, measure_data, library, consultant):
    measure_data.points[library.pk] = 10
    measure_data.events.extend([(library.pk, date(2024, 4, 1)), (library.pk, date(2024, 5, 1))])
    accredited = ladder["accredited"]
    AssessmentItemFactory(
        assessment=AssessmentFactory(library=library, author=consultant, visited_on=date(2024, 1, 1)),
        criterion=accredited,
        verdict=Verdict.MET,
    )
    assert stage_of(library) == ladder["C"]
    # A later "not assessed" keeps the earlier verdict...
    AssessmentItemFactory(
        assessment=AssessmentFactory(library=library, author=consultant, visited_on=date(2024, 2, 1)),
        criterion=accredited,
        verdict=Verdict.NOT_ASSESSED,
    )
    assert stage_of(library) == ladder["C"]
    # ...a later "not met" replaces it.
    AssessmentItemFactory(
        assessment=AssessmentFactory(library=library, author=consultant, visited_on=date(2024, 3, 1)),
        criterion=accredited,
        verdict=Verdict.NOT_MET,
    )
    assert stage_of(library) == ladder["B"]
    # A visit after the day computed does not count yet.
    earlier = compute_progress(library_ids=[library.pk], on=date(2024, 2, 15))[library.pk]
    assert earlier.criteria[accredited.pk].met is True


def test_stage_without_criteria_is_met(ladder, measure_data, library):
    Criterion.objects.filter(stage=ladder["A"]).delete()
    assert stage_of(library) == ladder["A"]


def _libraries(count):
    return [LibraryFactory() for _ in range(count)]


def test_compute_query_count_does_not_grow_with_libraries(ladder, measure_data, django_assert_num_queries):
    few, many = _libraries(5), _libraries(50)
    for library in few + many:
        measure_data.points[library.pk] = 10
    # Ladder (2) + one call per measure (points, events: 1 each) + attested verdicts (1).
    with django_assert_num_queries(5):
        compute_progress(library_ids=[lib.pk for lib in few], on=END)
    with django_assert_num_queries(5):
        results = compute_progress(library_ids=[lib.pk for lib in many], on=END)
    assert all(result.stage == ladder["A"] for result in results.values())


def test_recompute_query_count_does_not_grow_with_libraries(ladder, measure_data, django_assert_num_queries):
    few, many = _libraries(5), _libraries(50)
    # Savepoint pair (2) + ladder (2) + measures (2) + verdicts (1) + previous progress (1)
    # + this month's snapshots (1) + progress upsert (1) + snapshot upsert (1).
    with django_assert_num_queries(11):
        recompute_progress(library_ids=[lib.pk for lib in few], on=END, monthly_snapshot=True)
    with django_assert_num_queries(11):
        recompute_progress(library_ids=[lib.pk for lib in many], on=END, monthly_snapshot=True)
    assert LibraryProgress.objects.count() == 55


def test_a_second_recompute_rewrites_only_the_time_of_unchanged_libraries(ladder, measure_data, django_assert_num_queries):
    libraries = _libraries(5)
    ids = [lib.pk for lib in libraries]
    recompute_progress(library_ids=ids, on=END)
    before = {p.library_id: p.computed_at for p in LibraryProgress.objects.all()}
    # Savepoints (2) + ladder (2) + measures (2) + verdicts (1) + previous progress (1)
    # + one UPDATE of the computation time; no upsert, no snapshot.
    with django_assert_num_queries(9) as context:
        summary = recompute_progress(library_ids=ids, on=END)
    assert not any("INSERT" in q["sql"] for q in context.captured_queries)
    assert summary.changed == 0 and summary.snapshots == 0
    after = {p.library_id: p.computed_at for p in LibraryProgress.objects.all()}
    assert all(after[pk] > before[pk] for pk in ids)


def test_snapshots_on_first_computation_change_and_each_month(ladder, measure_data, library):
    summary = recompute_progress(library_ids=[library.pk], on=date(2024, 6, 1))
    assert (summary.first, summary.changed) == (1, 0)
    snapshot = StageSnapshot.objects.get(library=library)
    assert snapshot.stage is None and snapshot.reason == SnapshotReason.FIRST

    measure_data.points[library.pk] = 10
    summary = recompute_progress(library_ids=[library.pk], on=date(2024, 6, 10))
    assert summary.changed == 1
    progress = LibraryProgress.objects.get(library=library)
    assert progress.stage == ladder["A"]
    assert progress.criteria[str(ladder["points"].pk)] == {
        "met": True, "value": "10", "missing": False, "assessment": None
    }
    assert StageSnapshot.objects.filter(library=library, reason=SnapshotReason.CHANGE, stage=ladder["A"]).count() == 1

    # No change and a snapshot already this month: nothing new.
    recompute_progress(library_ids=[library.pk], on=date(2024, 6, 20), monthly_snapshot=True)
    assert StageSnapshot.objects.filter(library=library).count() == 2
    # A new month: the monthly snapshot.
    recompute_progress(library_ids=[library.pk], on=date(2024, 7, 1), monthly_snapshot=True)
    monthly = StageSnapshot.objects.get(library=library, reason=SnapshotReason.MONTHLY)
    assert monthly.date == date(2024, 7, 1) and monthly.stage_order == 1


def test_assessment_saved_recomputes_stage(ladder, measure_data, library, consultant):
    measure_data.points[library.pk] = 10
    measure_data.events.extend([(library.pk, day_last_month()), (library.pk, day_last_month())])
    recompute_progress(library_ids=[library.pk])
    assert LibraryProgress.objects.get(library=library).stage == ladder["B"]
    assessment_create(
        author=consultant,
        library=library,
        visited_on=date.today(),
        findings="Accredited B in 2024.",
        items={ladder["accredited"].pk: ItemInput(verdict=Verdict.MET)},
    )
    assert LibraryProgress.objects.get(library=library).stage == ladder["C"]


def test_default_ladder_is_installed_by_migration(db):
    names = list(Stage.objects.order_by("order").values_list("name", flat=True))
    assert names == ["Rintisan", "Berkembang", "Maju", "Inklusi sosial"]
    maju = Criterion.objects.filter(stage__name="Maju")
    assert maju.get(measure="collection_titles").threshold == 1000
    assert maju.get(measure="floor_area_m2").threshold == 56
    windowed = Criterion.objects.get(stage__name="Inklusi sosial", measure="months_with_community_activities")
    assert (windowed.threshold, windowed.window_months) == (12, 12)
    assert Criterion.objects.filter(kind=CriterionKind.ATTESTED, name_en="Accredited", name="Terakreditasi").exists()


def test_default_ladder_with_unregistered_measures_gives_no_stage(library):
    result = compute_progress(library_ids=[library.pk])[library.pk]
    assert result.stage is None


def test_recompute_command_prints_summary(ladder, measure_data, library, capsys):
    measure_data.points[library.pk] = 10
    call_command("recompute_stages")
    out = capsys.readouterr().out
    assert "Recomputed 1 libraries" in out and " s:" in out
    assert LibraryProgress.objects.get(library=library).stage == ladder["A"]
    call_command("recompute_stages", library=library.pk)
    assert "0 changed" in capsys.readouterr().out
