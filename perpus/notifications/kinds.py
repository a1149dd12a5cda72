"""The kinds of notice and their text, made in the active language when shown or mailed.

A notice stores only its kind and JSON parameters, so the same row reads in
Indonesian for one person and in English for another, and a corrected translation
corrects old notices too. No function here queries the database.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RECORD_RETURNED = "record_returned", _("A record was returned to you")
    RECORD_VERIFIED = "record_verified", _("Your record was verified")
    REVIEW_WAITING = "review_waiting", _("Records wait for your review")
    PARTNERSHIP_EXPIRING = "partnership_expiring", _("A partnership expires soon")
    LIBRARY_SILENT = "library_silent", _("A library has reported nothing")
    STATISTICS_MISSING = "statistics_missing", _("Monthly statistics to enter")


def record_label(model_label: str) -> str:
    """The translated name of a record type from its model label ("activities.activity")."""
    try:
        return str(apps.get_model(model_label)._meta.verbose_name)
    except (LookupError, ValueError):
        return gettext("record")


def _date(value: str, fmt: str = "DATE_FORMAT") -> str:
    try:
        return date_format(datetime.date.fromisoformat(value), fmt)
    except (TypeError, ValueError):
        return value or ""


def _returned(p):
    title = gettext("Returned to you: %(type)s “%(title)s”") % {
        "type": record_label(p.get("model", "")),
        "title": p.get("title", ""),
    }
    return title, gettext("Reason: %(reason)s") % {"reason": p.get("reason", "")}


def _verified(p):
    title = gettext("Verified: your %(type)s “%(title)s”") % {
        "type": record_label(p.get("model", "")),
        "title": p.get("title", ""),
    }
    return title, gettext("It now counts on the public pages and for the library's stage.")


def _waiting(p):
    check, verify = p.get("check"), p.get("verify")
    if check is None and verify is None:
        return gettext("Records wait for your review"), gettext("Open the review queue to see them.")
    total = (check or 0) + (verify or 0)
    title = ngettext(
        "%(count)s record waits for your review", "%(count)s records wait for your review", total
    ) % {"count": total}
    body = gettext("%(check)s to check, %(verify)s to verify.") % {
        "check": check or 0,
        "verify": verify or 0,
    }
    return title, body


def _partnership(p):
    title = ngettext(
        "The partnership “%(title)s” expires in %(days)s day",
        "The partnership “%(title)s” expires in %(days)s days",
        int(p.get("days") or 0),
    ) % {"title": p.get("title", ""), "days": p.get("days")}
    body = gettext("Partner: %(partner)s. Valid until %(date)s; renew it or record the new agreement.") % {
        "partner": p.get("partner", ""),
        "date": _date(p.get("until", "")),
    }
    return title, body


def _silent(p):
    title = gettext("%(library)s has reported nothing for %(days)s days") % {
        "library": p.get("library", ""),
        "days": p.get("days"),
    }
    if p.get("since"):
        body = gettext("Its last report was on %(date)s. Get in touch with its manager.") % {
            "date": _date(p["since"])
        }
    else:
        body = gettext("It has never reported. Get in touch with its manager.")
    return title, body


def _statistics(p):
    month = _date(p.get("month", ""), "YEAR_MONTH_FORMAT")
    title = gettext("Enter the statistics of %(month)s") % {"month": month}
    if p.get("library"):
        body = gettext("%(library)s has not entered its visits and loans of %(month)s yet.") % {
            "library": p["library"],
            "month": month,
        }
    else:
        count = int(p.get("count") or 0)
        body = ngettext(
            "%(count)s library of your area has not entered %(month)s yet.",
            "%(count)s libraries of your area have not entered %(month)s yet.",
            count,
        ) % {"count": count, "month": month}
    return title, body


_RENDERERS = {
    Kind.RECORD_RETURNED: _returned,
    Kind.RECORD_VERIFIED: _verified,
    Kind.REVIEW_WAITING: _waiting,
    Kind.PARTNERSHIP_EXPIRING: _partnership,
    Kind.LIBRARY_SILENT: _silent,
    Kind.STATISTICS_MISSING: _statistics,
}


def render(kind: str, params: dict) -> tuple[str, str]:
    """(title, body) of a notice in the active language (no query)."""
    renderer = _RENDERERS.get(kind)
    if renderer is None:
        return gettext("Notification"), ""
    return renderer(params or {})
