"""Each dashboard level runs the same number of queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .dashboard_data import build

URLS = ["/program/dashboard/", "/program/dashboard/63/", "/program/dashboard/63.11/"]


def _counts(client, urls):
    """The queries of each page built afresh (a new epoch: no kept body), after a first request."""
    import time

    from django.core.cache import cache

    from programs.selectors.dashboard_cache import EPOCH_KEY

    counts = []
    for url in urls:
        client.get(url)
        cache.set(EPOCH_KEY, str(time.time_ns()), None)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        counts.append(len(context))
    return counts


@pytest.mark.parametrize("who", ["program_admin", "consultant"])
def test_query_counts_do_not_grow(request, login, ladder, library, other_regency_library, outside_library, who, django_assert_max_num_queries):
    client = login(request.getfixturevalue(who))
    build([library, other_regency_library, outside_library], 1, stages=[ladder["A"]])
    small = _counts(client, URLS)
    build([library, other_regency_library, outside_library], 6, stages=[])
    large = _counts(client, URLS)
    assert small == large
    for url, count in zip(URLS, large):
        with django_assert_max_num_queries(count):
            client.get(url)
        assert 15 <= count <= 30  # built: every section's queries
    # With a cohort chosen, still a fixed number of queries.
    assert _counts(client, [u + "?year=2024" for u in URLS]) == _counts(client, [u + "?year=2024" for u in URLS])

