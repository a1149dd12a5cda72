"""Small charts drawn on the server as SVG, for the public pages (no chart library to download).

The SVG scales to its container (viewBox) and carries its own text alternative; the
figures are also in the table beside it.
"""

from __future__ import annotations

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 220
# Text is sized for the chart drawn ~360 px wide on a phone (about half its viewBox).
LEFT, RIGHT, TOP, BOTTOM = 64, 8, 14, 36
FONT_SIZE = 20


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 × 10ⁿ at least `value` (at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def monthly_bars_svg(rows, label: str) -> SafeString:
    """A bar chart of `rows` (`.month`, `.visits`), oldest first, as inline SVG (no query).

    `label` names the chart for screen readers. Returns "" when there are no rows.
    """
    rows = list(rows)
    if not rows:
        return mark_safe("")
    top = _nice_ceiling(max((row.visits or 0) for row in rows))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(rows)
    bar_w = max(slot * 0.7, 1)
    bars = []
    labels = []
    for i, row in enumerate(rows):
        value = row.visits or 0
        h = plot_h * value / top
        x = LEFT + i * slot + (slot - bar_w) / 2
        title = f"{date_format(row.month, 'YEAR_MONTH_FORMAT')}: {number_format(value, force_grouping=True)}"
        bars.append((f"{x:.1f}", f"{TOP + plot_h - h:.1f}", f"{bar_w:.1f}", f"{h:.1f}", title))
        # A month label every few bars, so they never overlap on a phone.
        every = max(1, -(-len(rows) // 4))
        if i % every == 0:
            labels.append((f"{LEFT + i * slot + slot / 2:.1f}", HEIGHT - 10, date_format(row.month, "M Y")))
    grid = [(TOP + plot_h * (1 - f), number_format(int(top * f), force_grouping=True)) for f in (0, 0.5, 1)]
    return format_html(
        '<svg class="visits-chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{label}"'
        ' xmlns="http://www.w3.org/2000/svg" font-size="{font}" font-family="system-ui,sans-serif">'
        "<title>{label}</title>{grid}{bars}{labels}</svg>",
        w=WIDTH,
        h=HEIGHT,
        font=FONT_SIZE,
        label=label,
        grid=format_html_join(
            "",
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#dee2e6"/>'
            '<text x="{}" y="{}" text-anchor="end" fill="#495057">{}</text>',
            ((LEFT, WIDTH - RIGHT, f"{y:.1f}", f"{y:.1f}", LEFT - 6, f"{y + 7:.1f}", text) for y, text in grid),
        ),
        bars=format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#0d6efd"><title>{}</title></rect>',
            bars,
        ),
        labels=format_html_join(
            "", '<text x="{}" y="{}" text-anchor="middle" fill="#495057">{}</text>', labels
        ),
    )
