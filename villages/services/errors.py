"""Errors the villages services raise for the views to explain (one class for every app)."""

from perpus.errors import ConcurrentEditError

__all__ = ["ConcurrentEditError"]
