"""What the public maps need from the settings (static/js/public-map.js draws them)."""

from django.conf import settings


def map_tiles() -> dict:
    """The tile URL template and its credit line (`MAP_TILES_URL`, `MAP_TILES_ATTRIBUTION`;
    no query)."""
    _name, url, options = settings.LEAFLET_CONFIG["TILES"][0]
    return {"url": url, "attribution": options.get("attribution", "")}
