"""Admin of the activities app."""

from . import admin_records  # noqa: E402,F401
