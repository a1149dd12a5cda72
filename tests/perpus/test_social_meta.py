"""Share previews: every page has OpenGraph and Twitter card tags; a page's own preview wins."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from perpus.social import share_preview

pytestmark = pytest.mark.django_db


def test_every_page_has_the_site_preview(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<meta property="og:title" content="Portal transformasi perpustakaan">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert 'property="og:image"' not in html


def test_a_page_preview_with_a_photo_uses_the_large_card():
    request = RequestFactory().get("/perpustakaan/x/")
    social = share_preview(
        title="TBM Kuncup", description="Kelas menjahit", image="https://x.test/p.jpg"
    )
    # As a view renders: its own context wins over the context processor's default.
    html = render_to_string("includes/social_meta.html", {"social": social}, request=request)
    assert '<meta property="og:title" content="TBM Kuncup">' in html
    assert '<meta property="og:image" content="https://x.test/p.jpg">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'content="http://testserver/perpustakaan/x/"' in html
