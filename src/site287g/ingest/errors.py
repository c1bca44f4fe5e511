"""The importer's error for a file that cannot be imported as given."""

from __future__ import annotations


class ListError(Exception):
    """A file that cannot be imported at all (unreadable, not an ICE list, wrong list)."""
