"""Shared fixtures: the committed templates, and one build of all documents per session."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from site287g.data import load_site
from site287g.views.documents.render import overview_from_site, template_downloads

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "data" / "templates"
MOAS = ("moa_jem", "moa_tfm", "moa_wso")


def norm(text: str) -> str:
    """Collapse whitespace (PDF and DOCX wrap text differently from the YAML)."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Built:
    """One rendered document, written to a file."""

    path: Path
    title: str
    format: str  # docx or pdf
    size: int


def render_all(out: Path) -> dict[tuple[str, str], Built]:
    """Every document of the shipped data, written into ``out``, by (template, format)."""
    built = {}
    for d in template_downloads(load_site(ROOT / "data")):
        fmt = d.path.rsplit(".", 1)[1]
        path = out / f"{d.group}.{fmt}"
        content = d.make()
        path.write_bytes(content)
        built[(d.group, fmt)] = Built(path, d.label, fmt, len(content))
    return built


@pytest.fixture(scope="session")
def templates() -> dict[str, dict]:
    """The shipped templates by name, as the data layer loads them."""
    site = load_site(ROOT / "data")
    return {key.split("/", 1)[1]: value for key, value in site.group("templates").items()}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[tuple[str, str], Built]:
    return render_all(tmp_path_factory.mktemp("downloads"))


def facts() -> dict:
    """The site's own program, models, training and signup data (the overview's facts)."""
    site = load_site(ROOT / "data")
    return {name: site[name] for name in ("program", "models", "training", "signup")}


@pytest.fixture(scope="session")
def overview(templates) -> dict:
    """The overview as printed: its presentation completed with the site's facts."""
    return overview_from_site(templates["overview"], **facts())
