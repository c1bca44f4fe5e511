"""Downloads: files the site offers (documents, agency lists), made as bytes by the views and
published by the MkDocs adapter as files of the site, linked like pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

FOLDER = "downloads"


def human_size(size: int) -> str:
    """A file size the way a reader says it: 812 bytes, 41 KB, 1.3 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


@dataclass(frozen=True)
class Download:
    """One file to download: its path in the site, its group (a template's name or a list),
    the link text, the format as readers know it, and the function that makes its bytes
    (known before they are made: the adapter makes them beside the build)."""

    path: str
    group: str
    label: str
    format: str
    make: Callable[[], bytes] = field(repr=False, compare=False)
