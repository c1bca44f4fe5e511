"""A content editor's mistake gives one clear line per problem, and no site is half-built.

Each case under tests/sites/<case>/ holds the files it lays over the tiny site (tests/tiny) and
expected.txt, the lines the check and the build must print."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, tiny_project

SITES = Path(__file__).parent / "sites"
CASES = sorted(p.name for p in SITES.iterdir() if (p / "expected.txt").exists())


def expected_lines(case: str) -> list[str]:
    """The messages a case must produce, one per line."""
    return (SITES / case / "expected.txt").read_text(encoding="utf-8").strip().splitlines()


@pytest.mark.parametrize("case", CASES)
def test_check_reports_each_problem(case: str, tmp_path: Path) -> None:
    """`make check` (python -m site287g.data) names file, line, field and what is allowed."""
    project = tiny_project(tmp_path / "project", SITES / case)
    result = subprocess.run(
        [sys.executable, "-m", "site287g.check"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    reported = [line.strip() for line in result.stderr.splitlines()]
    for line in expected_lines(case):
        assert any(r.startswith(line) for r in reported), f"{line!r} not in:\n{result.stderr}"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", CASES)
def test_build_fails_cleanly(case: str, make_site) -> None:
    """The strict build stops with the same messages, no stack trace, and writes no site."""
    build = make_site(SITES / case)
    assert build.returncode != 0
    for line in expected_lines(case):
        assert line in build.output
    assert "Traceback" not in build.output
    assert not build.site.exists()


def test_failed_make_build_keeps_previous_site(tmp_path: Path) -> None:
    """`make build` replaces site/ only after a successful build."""
    project = tiny_project(tmp_path / "project", SITES / "unknown_key")
    for name in ("Makefile", "requirements.lock", "requirements-data.lock", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous good site")
    env = {**os.environ, "MAKEFLAGS": ""}
    result = subprocess.run(
        ["make", "-s", "build"], cwd=project, capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode != 0
    assert "site/ was left as it was" in result.stderr
    assert (project / "site" / "index.html").read_text() == "previous good site"
    assert not (project / "site.tmp").exists()
