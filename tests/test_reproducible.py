"""Two builds of the same sources are byte-identical, and nothing in them depends on the clock."""

from __future__ import annotations

import gzip
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from .conftest import ROOT, build_project, copy_project
from .test_publishing import SITE_URL

TEXT_SUFFIXES = {".html", ".xml", ".txt", ".json", ".js", ".css", ".svg", ""}


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path relative to the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    """Build the same sources twice, in two folders, and compare every file's bytes."""
    sites = []
    for name in ("first", "second"):
        build = build_project(
            copy_project(tmp_path / name), SITE_URL=SITE_URL, CNAME="www.example.org"
        )
        assert build.returncode == 0, build.output
        sites.append(tree(build.site))
    first, second = sites
    assert len(first) > 20
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, f"files that differ between two builds: {differing}"
    # The folder a build ran in must not leak into the output either.
    leaked = sorted(n for n, body in first.items() if str(tmp_path).encode() in body)
    assert not leaked, f"files that name the build folder: {leaked}"


def test_no_build_time_in_the_site(tmp_path: Path) -> None:
    """Today's date appears nowhere: every date comes from the data or SOURCE_DATE_EPOCH."""
    build = build_project(copy_project(tmp_path / "project"), SITE_URL=SITE_URL)
    assert build.returncode == 0, build.output
    today = datetime.now(UTC).date()
    stamps = {today.isoformat(), today.strftime("%d %B %Y").lstrip("0")}
    # A date the data itself holds (a list imported with today's date) is not a leak.
    data = "".join(p.read_text("utf-8") for p in (ROOT / "data").rglob("*.yml"))
    if today.isoformat() in data:
        pytest.skip("today's date is a date in data/")
    found = []
    for name, body in tree(build.site).items():
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
