"""Kept dashboards: a level's rendered figures are reused, per scope and language, and
renewed as soon as records change."""

import pytest
from django.utils import timezone
from lxml import html as lxml_html

from activities.models import ReviewStatus
from activities.services.workflow import record_verify
from programs.services.visits import visit_create
from programs.selectors.dashboard_cache import body_key
from programs.selectors.dashboard_levels import dashboard_level
from tests.activities.factories import ActivityFactory
from tests.programs.visit_helpers import VisitFactory

from tests.languages import use_language

from .dashboard_data import build

NATION = "/program/dashboard/"
REGENCY = "/program/dashboard/63.11/"


@pytest.fixture
def world(ladder, library, other_regency_library, outside_library, django_capture_on_commit_callbacks):
    # Run the refreshes the saves scheduled, as a commit would: none stays pending.
    with django_capture_on_commit_callbacks(execute=True):
        build([library, other_regency_library, outside_library], 2, stages=[ladder["A"], ladder["B"]])


def footer(response, key) -> list[str]:
    """The total row of table `key` in a response, or in a page's text."""
    tree = lxml_html.fromstring(response if isinstance(response, str) else response.content.decode())
    return [cell.text_content().strip() for cell in tree.xpath(f'//table[@data-testid="table-{key}"]/tfoot//*[self::th or self::td]')]


def units(response) -> list[str]:
    tree = lxml_html.fromstring(response.content.decode())
    return [row.text_content().strip() for row in tree.xpath('//table[@data-testid="table-stages_by_unit"]/tbody//th')]


def test_a_second_visit_reuses_the_rendered_figures(login, program_admin, world, django_assert_max_num_queries):
    client = login(program_admin)
    first = client.get(REGENCY)
    assert first.context["form"] is not None  # built: the selectors ran
    # Kept: only the session, the user and the level's name are read.
    with django_assert_max_num_queries(4):
        second = client.get(REGENCY)
    assert footer(second, "activities") == footer(first, "activities")
    assert 'data-testid="dashboard-computed"' in second.content.decode()


def test_a_verified_activity_shows_at_once(login, program_admin, world, library, consultant,
                                          django_capture_on_commit_callbacks):
    client = login(program_admin)
    before = int(footer(client.get(REGENCY), "activities")[-1])
    activity = ActivityFactory(library=library, status=ReviewStatus.CHECKED, start_date=timezone.localdate().replace(day=1))
    with django_capture_on_commit_callbacks(execute=True):
        record_verify(record=activity, user=consultant)
    assert int(footer(client.get(REGENCY), "activities")[-1]) == before + 1


def test_a_change_renews_the_nation_and_its_province_only(
    login, program_admin, world, library, outside_library, outside_consultant, django_capture_on_commit_callbacks
):
    """An activity verified in Bali renews the national and Bali's pages; Kalimantan Selatan's
    province and regency pages stay kept."""
    keys = {code: body_key(dashboard_level(program_admin, code), {}, "id") for code in ("", "51", "63", "63.11")}
    activity = ActivityFactory(library=outside_library, status=ReviewStatus.CHECKED, start_date=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        record_verify(record=activity, user=outside_consultant)
    renewed = {code for code, key in keys.items() if body_key(dashboard_level(program_admin, code), {}, "id") != key}
    assert renewed == {"", "51"}
    # A full rebuild renews every level.
    from programs.services.dashboard_summary import refresh_dashboard_summaries

    keys = {code: body_key(dashboard_level(program_admin, code), {}, "id") for code in ("", "63.11")}
    with django_capture_on_commit_callbacks(execute=True):
        refresh_dashboard_summaries()
    assert all(body_key(dashboard_level(program_admin, code), {}, "id") != key for code, key in keys.items())


def test_a_visit_renews_the_kept_dashboards(login, program_admin, consultant, world, library,
                                           django_capture_on_commit_callbacks):
    client = login(program_admin)
    key = body_key(dashboard_level(program_admin, "63.11"), {}, "id")
    client.get(REGENCY)
    with django_capture_on_commit_callbacks(execute=True):
        visit_create(visit=VisitFactory.build(regency=library.regency, author=consultant), user=consultant,
                     visitors=[consultant], libraries=[library])
    assert body_key(dashboard_level(program_admin, "63.11"), {}, "id") != key


def test_each_scope_and_language_has_its_own_figures(login, program_admin, consultant, world):
    admin_units = units(login(program_admin).get(NATION))
    consultant_units = units(login(consultant).get(NATION))
    assert admin_units == ["Bali", "Kalimantan Selatan"]
    assert consultant_units == ["Kalimantan Selatan"]
    client = login(program_admin)
    indonesian = client.get(NATION).content.decode()
    use_language(client, "en")
    english = client.get(NATION).content.decode()
    assert "Libraries by stage" in english and "Libraries by stage" not in indonesian


def test_filters_have_their_own_figures(login, program_admin, world):
    client = login(program_admin)
    month = timezone.localdate().replace(day=1)
    whole = int(footer(client.get(REGENCY), "activities")[-1])
    this_month = int(footer(client.get(f"{REGENCY}?start={month:%Y-%m}&end={month:%Y-%m}"), "activities")[-1])
    assert this_month < whole


def test_a_browser_gets_the_kept_figures_compressed_once(login, program_admin, world):
    """The kept body is spliced, already compressed, into each gzipped page: the page a
    browser unpacks is the page sent plain."""
    import gzip

    client = login(program_admin)
    plain = client.get(REGENCY)
    for _ in range(2):  # built, then kept
        zipped = client.get(REGENCY, HTTP_ACCEPT_ENCODING="gzip, deflate")
        assert zipped["Content-Encoding"] == "gzip"
        unpacked = gzip.decompress(zipped.content).decode()
        assert footer(plain, "activities") and footer(unpacked, "activities") == footer(plain, "activities")
        assert unpacked.rstrip().endswith("</html>") and 'id="dashboard-map-data"' in unpacked
        assert len(zipped.content) < len(unpacked) / 4

