"""What follows each change: the one list (settings.FOLLOW_UP_PLAN).

A service that changes data records its change with `perpus.followups.due(CHANGE,
library_ids=…)` in its own transaction. `PLAN` below says which follow-ups that makes due;
the task worker (`db_worker`; at once under `make run` and in the tests) then runs each
follow-up in `FOLLOW_UPS` once for every library (or province) it is due for, in the order
written here: search text first (the stages do not read it), then the stages (the
summaries count them), the dashboards' summaries, the kept pages, which show all of them,
and the notices of the review workflow. What a change writes in its own transaction (the
record, its history event) is the service's; everything that follows it is listed here.
This module is the project's top: it may import every app.
"""

from __future__ import annotations

from activities.search_text import refresh_for_libraries
from activities.services.notices import notify_steps
from perpus import pagecache
from perpus.followups.services import Targets
from programs.selectors.dashboard_cache import start_new_generation
from programs.services.dashboard_summary import refresh_dashboard_summaries
from programs.services.progress import recompute_progress
from villages.public import library_places


def search_text(targets: Targets) -> None:
    """Rewrite the search text of the libraries' activities, which ends with the library's."""
    refresh_for_libraries(None if targets.everything else targets.library_ids)


def stages(targets: Targets) -> None:
    """Recompute the libraries' stages (the ladder's criteria over their data)."""
    recompute_progress(library_ids=None if targets.everything else sorted(targets.library_ids))


def summaries(targets: Targets) -> None:
    """Rebuild the dashboards' summaries of the libraries' regions (which also renews the
    kept dashboards of their provinces and the nation)."""
    refresh_dashboard_summaries(library_ids=None if targets.everything else sorted(targets.library_ids))


def dashboards(targets: Targets) -> None:
    """Renew the kept dashboards of the provinces (what the summaries do not hold: visits)."""
    start_new_generation(None if targets.everything else targets.province_ids)


def public_pages(targets: Targets) -> None:
    """Renew the kept public pages that show the libraries: each one's page, its regency's,
    its province's and the nation's; every page for everything."""
    if targets.everything:
        pagecache.renew_all()
    else:
        pagecache.renew_places(library_places(targets.library_ids))


def notices(targets: Targets) -> None:
    """Give the notices of the workflow steps (waiting for review, returned, verified)."""
    notify_steps(targets.event_ids)


#: Every follow-up, in the order a run carries them out.
FOLLOW_UPS = {
    "search_text": search_text,
    "stages": stages,
    "summaries": summaries,
    "dashboards": dashboards,
    "public_pages": public_pages,
    "notices": notices,
}

#: Change → what follows it. Change names are written by the services named beside them.
PLAN: dict[str, tuple[str, ...]] = {
    # villages.services.libraries: a profile or its opening hours saved
    "library.saved": ("stages", "summaries", "public_pages"),
    # villages.services.libraries: a library moved to another regency or province: the
    # places it left (rare: every summary and page)
    "library.moved": ("summaries", "public_pages"),
    # villages.services.libraries: a library renamed, moved or described anew
    "library.search_text": ("search_text",),
    # villages.services.libraries: a library (without data) deleted; renews every page
    "library.deleted": ("public_pages",),
    # villages.services.photos: a photo added, changed, deleted or restored
    "library.photo": ("stages", "public_pages"),
    # villages.services.statistics: a month's statistics saved
    "library.statistics": ("stages", "summaries", "public_pages"),
    # activities.services: a draft created or edited: nobody's figure, nobody's page
    "record.draft": (),
    # activities.services: submitted, checked or returned: the dashboards' backlog
    "record.review": ("summaries",),
    # activities.services: verified, or a verified record edited, deleted or restored
    "record.public": ("stages", "summaries", "public_pages"),
    # activities.services.workflow: a step (submitted, checked, returned, verified): its notices
    "record.step": ("notices",),
    # programs.services.cohorts: a cohort entry saved or deleted (the cohort keys)
    "cohort": ("summaries", "public_pages"),
    # programs.services.visits: a monitoring visit saved, deleted or restored
    "visit": ("dashboards",),
    # programs.services.programs: a program saved or deleted; the dashboards' filters list
    # the programs (their figures key on its id, so no summary changes)
    "program": ("dashboards",),
    # programs.services.assessments: a consultant's verdicts
    "assessment": ("stages", "summaries", "public_pages"),
    # programs.services.ladder: a stage or criterion changed (every library)
    "ladder": ("stages", "summaries", "public_pages"),
    # programs.services.ladder.stages_recompute (the ladder page's button, recompute_stages):
    # the stages recomputed at once
    "stages.recomputed": ("summaries", "public_pages"),
    # villages' import_regions and the regions' admin: names of places (every page; search
    # texts are rewritten by `rebuild_search_text`, minutes at national scale)
    "regions": ("public_pages",),
}
