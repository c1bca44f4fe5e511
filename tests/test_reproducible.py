"""Two builds of the same sources are byte-identical, and nothing in them depends on the clock."""

from __future__ import annotations

import gzip
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from .conftest import ROOT, Build, tiny_project
from .test_publishing import SITE_URL

TEXT_SUFFIXES = {".html", ".xml", ".txt", ".json", ".js", ".css", ".svg", ""}


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path relative to the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _with_history(folder: Path) -> Path:
    """The tiny site with its agreements' lifecycles, so with agency pages and feeds."""
    return tiny_project(folder, lifecycle=True)


@pytest.fixture(scope="module")
def two_builds(shared_build) -> tuple[Build, Build]:
    """The tiny site with an agency history, built twice in two folders."""
    builds = tuple(
        shared_build(name, _with_history, SITE_URL=SITE_URL, CNAME="www.example.org")
        for name in ("twice-first", "twice-second")
    )
    for build in builds:
        assert build.returncode == 0, build.output
    return builds


def test_two_builds_are_byte_identical(two_builds: tuple[Build, Build]) -> None:
    """Build the same sources twice, in two folders, and compare every file's bytes: pages,
    search index, sitemap, feed, CSV, JSON, XLSX, DOCX and PDF downloads."""
    first, second = (tree(build.site) for build in two_builds)
    suffixes = {Path(name).suffix for name in first}
    assert {".html", ".xml", ".gz", ".json", ".csv", ".xlsx", ".docx", ".pdf"} <= suffixes
    assert len(first) > 20
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, f"files that differ between two builds: {differing}"
    # The folder a build ran in must not leak into the output either.
    folder = str(two_builds[0].project).encode()
    leaked = sorted(n for n, body in first.items() if folder in body)
    assert not leaked, f"files that name the build folder: {leaked}"


def test_no_build_time_in_the_site(two_builds: tuple[Build, Build]) -> None:
    """Today's date appears nowhere: every date comes from the data or SOURCE_DATE_EPOCH."""
    site = two_builds[0].site
    today = datetime.now(UTC).date()
    stamps = {today.isoformat(), today.strftime("%d %B %Y").lstrip("0")}
    # A date the data itself holds (a list imported with today's date) is not a leak.
    data = "".join(p.read_text("utf-8") for p in (ROOT / "data").rglob("*.yml"))
    if today.isoformat() in data:
        pytest.skip("today's date is a date in data/")
    found = []
    for name, body in tree(site).items():
        if name.endswith(".gz"):
            body = gzip.decompress(body)
        elif Path(name).suffix not in TEXT_SUFFIXES:
            continue
        text = body.decode("utf-8", errors="replace")
        found += [f"{name}: {s}" for s in stamps if s in text]
    assert not found, found


def test_no_clock_or_git_macros_in_sources() -> None:
    """mkdocs-macros offers now() and git.* (commit dates, authors): pages and templates must
    not use them, or each build would differ."""
    pattern = re.compile(r"\bnow\(\)|\bgit\.(date|short_commit|commit|author|tag|status|raw)")
    sources = [*ROOT.joinpath("docs").rglob("*.md"), *ROOT.joinpath("overrides").rglob("*.html")]
    sources += [*ROOT.joinpath("src", "site287g").rglob("*.html")]
    assert sources
    used = [p.relative_to(ROOT).as_posix() for p in sources if pattern.search(p.read_text("utf-8"))]
    assert not used, used
