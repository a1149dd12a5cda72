"""Reads of the programs app that need more than one query; views call them, templates format."""

from .panel import is_on_ladder, library_section, progress_panel
from .progress import library_progress_page

__all__ = ["is_on_ladder", "library_progress_page", "library_section", "progress_panel"]
