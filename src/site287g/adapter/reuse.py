"""`mkdocs serve`: the generated pages an edit cannot change are not rendered again.

A generated page (lists, states, models, months, one per agency) shows the agency data, the
site's settings, the models and the navigation, made of every page's title. It shows nothing
else of the editors' files: the FAQ, the program, training and sign-up text and the
templates appear only on the pages that name them (front matter ``data:``), apart from the
titles the navigation shows. So when ``inputs`` is what it was at the last good build (an
edit of the FAQ, say), each generated page whose source is unchanged takes back that build's
content and HTML instead of being rendered again; search still indexes it as before. So do
the files made from the agency data (the agency downloads, the county finder's files).
`mkdocs build` never reuses anything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data import SiteData

# Editors' files shown only on the pages that name them (besides their title in the nav).
OWN_PAGES_ONLY = ("program", "training", "signup", "faq", "templates/")
TITLE_FIELDS = ("title", "name")


@dataclass(frozen=True)
class Built:
    """A generated page as the last good build made it: its source, its content once
    Markdown and the page's macro have run, and its HTML as written."""

    source: str
    content: str
    output: str


# The last good build's inputs, generated pages and files made from the agency data (under
# `mkdocs serve` only).
_inputs: str | None = None
_pages: dict[str, Built] = {}
_made: dict[str, Any] = {}


def inputs(data: SiteData, sources: list[Path]) -> str:
    """A digest of everything a generated page can show: the data (of the editors' files
    shown on their own pages, only their titles) and the ``sources`` (mkdocs.yml, the hooks,
    the folders of the pages and of the theme's overrides)."""
    digest = hashlib.blake2b()
    for key in sorted(data.files):
        content = data[key]
        if key.startswith(OWN_PAGES_ONLY) and isinstance(content, dict):
            titles = {k: content.get(k) for k in TITLE_FIELDS}
            digest.update(json.dumps([key, titles], sort_keys=True, default=str).encode())
        else:  # the file's bytes: read as they were, they hold the same content
            path = data.root / f"{key}.yml"
            if path.is_file():
                part = path.read_bytes()
            else:
                part = json.dumps(content, default=str).encode()
            digest.update(key.encode() + b"\0" + part)
    for source in sources:
        for path in sorted(source.rglob("*")) if source.is_dir() else [source]:
            if path.is_file():
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Pages:
    """One build's generated pages: those it takes back from the last good build, and those
    it makes (kept for the next build once this one has succeeded)."""

    def __init__(self, inputs: str) -> None:
        self.inputs = inputs
        self.reused: dict[str, Built] = {}
        self._content: dict[str, str] = {}
        self._made: dict[str, Built] = {}

    def reuse(self, src_uri: str, source: str) -> bool:
        """Whether the page is taken back as the last good build made it."""
        found = _pages.get(src_uri) if self.inputs == _inputs else None
        if found is not None and found.source == source:
            self.reused[src_uri] = found
        return src_uri in self.reused

    def content(self, src_uri: str, html: str) -> str:
        """The page's content: the last build's if reused, else ``html`` (noted)."""
        if src_uri in self.reused:
            return self.reused[src_uri].content
        self._content[src_uri] = html
        return html

    def output(self, src_uri: str, source: str, html: str) -> str:
        """The page's HTML: the last build's if reused, else ``html`` (noted)."""
        if src_uri in self.reused:
            return self.reused[src_uri].output
        if src_uri in self._content:
            self._made[src_uri] = Built(source, self._content.pop(src_uri), html)
        return html

    def made(self) -> dict[str, Any]:
        """The files the last good build made from the agency data, by name, if its inputs
        were the same (else none)."""
        return dict(_made) if self.inputs == _inputs else {}

    def keep(self, made: Mapping[str, Any]) -> None:
        """This build succeeded: its generated pages and the files it ``made`` from the
        agency data are the ones to take back next time."""
        global _inputs, _pages, _made
        _inputs, _pages, _made = self.inputs, {**self.reused, **self._made}, dict(made)
