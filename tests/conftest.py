"""Shared fixtures: the real site built once per run, and throw-away copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
PROJECT_PARTS = ("docs", "data", "overrides", "hooks", "mkdocs.yml")
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    """The outcome of one ``mkdocs build --strict`` of a project copy."""

    project: Path
    site: Path
    returncode: int
    output: str


def copy_project(dest: Path, overlay: Path | None = None) -> Path:
    """Copy the project's site sources to ``dest`` and lay ``overlay``'s files over them."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    (dest / "src").symlink_to(ROOT / "src")
    if overlay is not None:
        shutil.copytree(overlay, dest, dirs_exist_ok=True)
    return dest


def build_project(project: Path, **env: str) -> Build:
    """Build a project copy strictly, the way `make build` does, with extra environment
    settings (SITE_URL, CNAME) if given; none are taken from the caller's shell."""
    full = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "1767225600"}
    for key in ("SITE_URL", "CNAME"):
        full.pop(key, None)
    full.update(env)
    site = project / "site"
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=full,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(project, site, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole test run."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    build = build_project(project)
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[[Path | None], Build]:
    """Build a copy of the project with a fixture overlay."""

    def run(overlay: Path | None = None) -> Build:
        return build_project(copy_project(tmp_path / "project", overlay))

    return run
