"""Every page of the real site, read without a browser: its policy, markup, links and assets.

Each page is parsed once and every check of tests/html_checks.py runs on it; a test per check
then lists the pages that fail it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import ROOT
from .html_checks import CHECKS, FRAGMENTS, run_checks
from .pages import sitemap_paths

LANGUAGE = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))["language"]


@pytest.fixture(scope="module")
def checked(built_site: Path) -> tuple[dict[str, list[str]], int]:
    """The problems every check found on every HTML file of the real site."""
    return run_checks(built_site, LANGUAGE)


@pytest.mark.parametrize("name", [*CHECKS, FRAGMENTS])
def test_every_page(name: str, checked, built_site: Path) -> None:
    """No HTML file of the site fails the check (see its docstring in html_checks.py)."""
    problems, pages = checked
    assert pages > len(sitemap_paths(built_site))  # the sitemap's pages and 404.html
    assert not problems[name], "\n".join(problems[name][:40])


def test_sitemap_lists_every_page(built_site: Path) -> None:
    """Each page of the built site is in sitemap.xml, once, and each page it lists exists;
    the pages left out are the notes that send a renamed agency's old address to its page."""
    built, moved = [], []
    for p in built_site.rglob("index.html"):
        path = "" if p.parent == built_site else p.parent.relative_to(built_site).as_posix() + "/"
        (moved if b'http-equiv="refresh"' in p.read_bytes() else built).append(path)
    built.sort()
    assert moved and all(path.startswith("agencies/states/") for path in moved)
    listed = sitemap_paths(built_site)
    assert len(listed) == len(set(listed))
    assert sorted(listed) == built
