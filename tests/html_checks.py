"""Checks of every built page without a browser: each page is parsed once (lxml), every check
runs on the parsed page, and only the problems are kept, so thousands of pages stay cheap.
The checks are in html_policy.py and html_links.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from . import html_links, html_policy  # noqa: F401 (they register their checks)
from .html_page import CHECKS, Page, Site
from .pages import html_file, sitemap

PARSER = etree.HTMLParser()
FRAGMENTS = "links-to-parts-of-pages-find-them"  # checked once every page has been read


def run_checks(site_dir: Path, language: str) -> tuple[dict[str, list[str]], int]:
    """Run every check on every HTML file of a built site: (problems by check, pages read)."""
    pages = sitemap(site_dir)
    some_path, some_address = next(iter(pages.items()))
    address_path = urlsplit(some_address).path
    site = Site(
        root=site_dir,
        language=language,
        files={p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()},
        addresses={html_file(Path(), path).as_posix(): loc for path, loc in pages.items()},
        address=some_address[: len(some_address) - len(some_path)],
        prefix=address_path[: len(address_path) - len(some_path)],
    )
    problems: dict[str, list[str]] = {name: [] for name in [*CHECKS, FRAGMENTS]}
    names = sorted(name for name in site.files if name.endswith(".html"))
    for name in names:
        raw = (site_dir / name).read_bytes()
        page = Page(name, raw, etree.fromstring(raw, PARSER), site)
        site.ids[name] = set(page.root.xpath("//@id | //a/@name"))
        for check_name, func in CHECKS.items():
            problems[check_name] += [f"{name}: {problem}" for problem in func(page)]
    for source, target, fragment in site.fragments:
        if fragment not in site.ids[target]:
            problems[FRAGMENTS].append(f"{source}: {target} has no id {fragment!r}")
    return problems, len(names)
