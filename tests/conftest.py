"""Shared fixtures: the real site built once per run, and tiny whole sites to build in a second.

The real site (every page, all 1,843 agreements) is built once per test run, even when
pytest-xdist runs the tests in several processes: the first process that needs a shared build
makes it under a file lock, and the others read its result.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
TINY = Path(__file__).resolve().parent / "tiny"
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


def _nav_pages(nav: list) -> list[str]:
    """The Markdown files a nav names, in order."""
    found: list[str] = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found += _nav_pages(value) if isinstance(value, list) else [value]
    return found


def tiny_project(dest: Path, overlay: Path | None = None, lifecycle: bool = False) -> Path:
    """Lay out the tiny site (tests/tiny) in ``dest`` and ``overlay``'s files over it.

    Its mkdocs.yml inherits the real one and names fewer pages; those pages come from docs/,
    with the data files of data/ (only the templates whose preview page is listed), the real
    hooks, overrides and code, and the few agreements of tests/tiny/data/agencies. With
    ``lifecycle``, the shipped lifecycles of those agreements come too (agency pages, what's
    new, feeds)."""
    config = (TINY / "mkdocs.yml").read_text(encoding="utf-8")
    pages = _nav_pages(yaml.safe_load(config)["nav"])
    dest.mkdir(parents=True)
    inherit = f"INHERIT: {json.dumps(str(ROOT / 'mkdocs.yml'))}"
    (dest / "mkdocs.yml").write_text(
        config.replace("INHERIT: ../../mkdocs.yml", inherit, 1), encoding="utf-8"
    )
    for name in pages:
        (dest / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "docs" / name, dest / "docs" / name)
    data = dest / "data"
    shutil.copytree(ROOT / "data" / "schema", data / "schema")
    for path in (ROOT / "data").glob("*.yml"):
        shutil.copy2(path, data / path.name)
    (data / "templates").mkdir()
    for path in (ROOT / "data" / "templates").glob("*.yml"):
        if f"templates/{path.stem.replace('_', '-')}.md" in pages:
            shutil.copy2(path, data / "templates" / path.name)
    shutil.copytree(TINY / "data", data, dirs_exist_ok=True)
    if lifecycle:
        _tiny_lifecycle(data)
    for part in ("hooks", "overrides"):
        shutil.copytree(ROOT / part, dest / part)
    (dest / "src").symlink_to(ROOT / "src")
    if overlay is not None:
        shutil.copytree(overlay, dest, dirs_exist_ok=True)
    return dest


def _tiny_lifecycle(data: Path) -> None:
    """data/agencies/lifecycle.yml holding the shipped lifecycles of the tiny agreements."""
    from site287g.data.store import document
    from site287g.data.yamlfile import load_data

    shipped = load_data(ROOT / "data" / "agencies" / "lifecycle.yml")
    ids = {
        rec["id"]
        for path in (data / "agencies").glob("*/*.yml")
        for rec in load_data(path)["agreements"]
    }
    kept = {kind: [r for r in recs if r["id"] in ids] for kind, recs in shipped.items()}
    text = document("../schema/agency_lifecycle.schema.json", kept, expand=2)
    (data / "agencies" / "lifecycle.yml").write_text(text, encoding="utf-8")


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests of the real site last, each group in its usual order. pytest-xdist hands
    each worker a share of the list in order, so one worker starts on the real site's build
    (the longest) while the other runs tests that need no such build."""
    items.sort(key=lambda item: "built_site" in item.fixturenames)


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Build]:
    """Build a project once per test run, shared by every pytest-xdist worker: ``name``
    names the build, ``layout(folder)`` lays out the project, ``env`` is as for build_project.
    Tests must not change what it built."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the workers' temporary folders share this parent

    def run(name: str, layout: Callable[[Path], Path], **env: str) -> Build:
        folder = base / f"shared-{name}"
        record = folder / "build.json"
        with FileLock(f"{folder}.lock"):
            if not record.exists():
                build = build_project(layout(folder / "project"), **env)
                saved = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(build).items()}
                record.write_text(json.dumps(saved), encoding="utf-8")
        saved = json.loads(record.read_text(encoding="utf-8"))
        return Build(
            Path(saved["project"]), Path(saved["site"]), saved["returncode"], saved["output"]
        )

    return run


@pytest.fixture(scope="session")
def built_site(shared_build) -> Path:
    """The real site, built once for the whole test run."""
    build = shared_build("real", copy_project)
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="session")
def tiny_site(shared_build) -> Path:
    """The tiny site as it is (no SITE_URL, no CNAME), built once for the whole test run."""
    build = shared_build("tiny", tiny_project)
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[[Path | None], Build]:
    """Build the tiny site with a fixture overlay."""

    def run(overlay: Path | None = None) -> Build:
        return build_project(tiny_project(tmp_path / "project", overlay))

    return run
