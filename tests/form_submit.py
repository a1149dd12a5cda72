"""Submit a page's form as a browser would, unchanged: the data its fields hold.

`form_data(html, form_id)` reads the inputs, selects and text areas of the form with that
id or class, or of the first form that posts (checked boxes only, selected options only, no files),
and returns POST data for the test client; `changes` replace values.
"""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self.select: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if self.form_id is None:
                self.inside = (attrs.get("method") or "").lower() == "post" and not self.data
            else:
                classes = (attrs.get("class") or "").split()
                self.inside = self.form_id == attrs.get("id") or self.form_id in classes
        if not self.inside or attrs.get("disabled") is not None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("file", "submit", "button", "image", "reset"):
                self._add(name, attrs.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self._add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # The HTML parser keeps the newline after <textarea>, which browsers drop.
            self._add(self.textarea, self.text.removeprefix("\n"))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text += data


def form_data(html: str, form_id: str | None = None, **changes) -> dict:
    """POST data of the form `form_id` (an id or a class; None: the first that posts) in `html` as it stands,
    with `changes` applied (no query)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data = {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}
    if not data:
        raise AssertionError(f"no form with id {form_id!r} (or an empty one) in the page")
    data.update(changes)
    return {name: value for name, value in data.items() if value != []}
