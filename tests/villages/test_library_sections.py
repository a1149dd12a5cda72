"""The library page shows what other apps register in `villages.sections`, run by the view."""

import pytest
from django.urls import reverse

from villages import sections


@pytest.fixture
def registered_section():
    """A section registered for this test only; unregistered afterwards."""
    seen = []

    def selector(library, user, request):
        seen.append((library.pk, user, request.path if request else None))
        if library.name.endswith("tanpa bagian"):
            return None
        return {"greeting": f"Bagian uji untuk {library.name}"}

    section = sections.register(
        sections.LibrarySection("test_section", "villages/tests/_section.html", selector, order=1)
    )
    yield seen
    sections._SECTIONS.pop(section.key, None)


@pytest.fixture
def section_template(settings, tmp_path):
    folder = tmp_path / "templates" / "villages" / "tests"
    folder.mkdir(parents=True)
    (folder / "_section.html").write_text('<p data-testid="test-section">{{ section.greeting }}</p>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], str(tmp_path / "templates")]}
    ]
    return folder


def test_registered_section_is_rendered_with_its_data(client, library, registered_section, section_template):
    response = client.get(library.get_absolute_url())
    html = response.content.decode()
    assert '<p data-testid="test-section">Bagian uji untuk Perpustakaan Desa Juai</p>' in html
    # The view ran the selector once, for this library and the request's user.
    assert [(pk, path) for pk, _user, path in registered_section] == [(library.pk, library.get_absolute_url())]
    # Other apps' sections (progress, activities) may come too; ours is first (order 1).
    assert response.context["sections"][0].key == "test_section"


def test_selector_returning_none_leaves_the_section_out(client, library, registered_section, section_template):
    library.name = "Perpustakaan tanpa bagian"
    library.save()
    response = client.get(library.get_absolute_url())
    assert 'data-testid="test-section"' not in response.content.decode()
    assert "test_section" not in [s.key for s in response.context["sections"]]


def test_sections_are_ordered_and_registering_a_key_again_replaces_it(registered_section, library):
    def other(library, user, request):
        return {"n": 2}

    sections.register(sections.LibrarySection("test_later", "x.html", other, order=50))
    sections.register(sections.LibrarySection("test_later", "y.html", other, order=0))
    try:
        keys = [(s.key, s.template) for s in sections.library_sections(library, None)]
        assert keys.index(("test_later", "y.html")) < keys.index(("test_section", "villages/tests/_section.html"))
        assert ("test_later", "x.html") not in keys
    finally:
        sections._SECTIONS.pop("test_later", None)


def test_library_page_includes_no_template_of_other_apps():
    """The page knows nothing of programs or activities: they come as sections."""
    from pathlib import Path

    template = Path(sections.__file__).parent / "templates" / "villages" / "library_detail.html"
    text = template.read_text()
    assert "programs/" not in text and "activities/" not in text
