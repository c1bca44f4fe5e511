"""The pages of a built site, and their kinds: which macro each page's source calls.

Every page of the site is one Markdown source holding a macro call: a file under docs/ (like
``{{ faq() }}``) or an agency page the build generates from views/plan.py (its PlannedPage.call).
Pages that call the same macro share a template, so checking one page of each kind in a browser
(the first one), the 404 page and the largest pages covers the site however many pages it has.
"""

from __future__ import annotations

import functools
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.files import File

from site287g.data import load_site
from site287g.views.agencies import build as agency_view
from site287g.views.plan import plan

CALL = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\(")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOT_FOUND = "404"  # the kind of 404.html, the page a static host sends for a missing path
PLAIN = "markdown"  # the kind of a page that calls no macro
LARGEST = ("largest",)  # the largest page not already chosen for its kind


def sitemap(site: Path) -> dict[str, str]:
    """Each page sitemap.xml lists: its path below the site's address (``''`` is home) -> its
    address. (A deployment may live below /: the path of site_url is the site's root.)"""
    tree = ET.parse(site / "sitemap.xml")
    locs = [loc.text.strip() for loc in tree.iterfind("sm:url/sm:loc", SITEMAP_NS)]
    assert locs, "sitemap.xml lists no pages"
    paths = [urlsplit(loc).path for loc in locs]
    prefix = os.path.commonprefix(paths)
    prefix = prefix[: prefix.rfind("/") + 1]
    return {path[len(prefix) :]: loc for path, loc in zip(paths, locs, strict=True)}


def sitemap_paths(site: Path) -> list[str]:
    """Each page sitemap.xml lists, as a path below the site's address (``''`` is home)."""
    return list(sitemap(site))


def url_of(src_uri: str) -> str:
    """The path a source is served at, as MkDocs gives it: ``faq.md`` -> ``faq/``."""
    url = File(src_uri, "", "", use_directory_urls=True).url
    return "" if url == "./" else url


def kind_of(markdown: str) -> str:
    """A page's kind: the macros its source calls, joined by ``+``, or ``markdown``."""
    return "+".join(dict.fromkeys(CALL.findall(markdown))) or PLAIN


def source_kinds(project: Path) -> dict[str, str]:
    """The kind of every page a project's sources make, by path: docs/, then agency pages."""
    found = {}
    docs = project / "docs"
    for path in sorted(docs.rglob("*.md")):
        if not any(part.startswith(".") for part in path.relative_to(docs).parts):
            src_uri = path.relative_to(docs).as_posix()
            found[url_of(src_uri)] = kind_of(path.read_text(encoding="utf-8"))
    data = load_site(project / "data")
    if "agencies/lists" in data.files:
        for planned in plan(agency_view(data)):
            found[url_of(planned.src_uri)] = kind_of(planned.markdown())
    return found


@functools.cache
def kinds(project: Path) -> dict[str, list[str]]:
    """The paths of each kind of page, in source order."""
    grouped: dict[str, list[str]] = {}
    for path, kind in source_kinds(project).items():
        grouped.setdefault(kind, []).append(path)
    return grouped


def labels(project: Path) -> list[str]:
    """What the browser tests visit: each kind of page, the 404 page, the largest pages."""
    return [*kinds(project), NOT_FOUND, *LARGEST]


def html_file(site: Path, path: str) -> Path:
    """The file served at a page's path."""
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def representatives(site: Path, project: Path) -> dict[str, str]:
    """The page to visit for each label: the first of each kind, ``404.html``, and the largest
    pages of the sitemap (by HTML size) that no kind chose already."""
    chosen = {kind: paths[0] for kind, paths in kinds(project).items()}
    chosen[NOT_FOUND] = "404.html"
    by_size = sorted(sitemap_paths(site), key=lambda p: -html_file(site, p).stat().st_size)
    rest = [p for p in by_size if p not in chosen.values()]
    assert len(rest) >= len(LARGEST), f"too few pages for {LARGEST}: {rest}"
    chosen.update(zip(LARGEST, rest, strict=False))
    return chosen
