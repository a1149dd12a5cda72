"""axe-core on the main public pages, at phone (390 px) and desktop (1280 px) widths, on the
demo data: no violation of impact "serious" or "critical" (landmarks, headings, alt text,
labels, contrast, keyboard use). Minor and moderate ones are listed when a test fails."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse

from activities.models import Activity, Partnership, Product
from villages.models import Library

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


@pytest.fixture
def demo(default_ladder):
    call_command("seed_demo", stdout=StringIO())


def public_pages() -> list[str]:
    library = Library.objects.public().order_by("pk").first()
    activity = Activity.objects.public().order_by("pk").first()
    pages = [
        "/",
        reverse("villages:library_list"),
        library.get_absolute_url(),
        reverse("activities:activity_public_list"),
        activity.get_absolute_url(),
        reverse("search") + "?q=balangan",
        reverse("search") + "?q=kupang&in=activities",
        reverse("activities:partnership_public_list"),
        reverse("activities:product_public_list"),
    ]
    partnership = Partnership.objects.public().order_by("pk").first()
    if partnership:
        pages.append(reverse("activities:partnership_public_detail", args=[partnership.pk]))
    product = Product.objects.public().order_by("pk").first()
    if product:
        pages.append(reverse("activities:product_public_detail", args=[product.pk]))
    return pages


def describe(violation) -> str:
    targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    return f"{violation['impact']} {violation['id']}: {violation['help']} [{targets}]"


@pytest.mark.parametrize("width", [390, 1280])
def test_public_pages_have_no_serious_accessibility_violation(site, page, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    blocking = []
    for path in public_pages():
        page.goto(f"{site}{path}")
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in BLOCKING:
                blocking.append(f"{path} at {width}px: {describe(violation)}")
    assert not blocking, "\n".join(blocking)
