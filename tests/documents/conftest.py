"""Shared fixtures: the committed templates, and one build of all documents per session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site287g.data import load_site
from site287g.views.documents.build import build_all, load_templates, overview_from_site

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "data" / "templates"
MOAS = ("moa_jem", "moa_tfm", "moa_wso")


def norm(text: str) -> str:
    """Collapse whitespace (PDF and DOCX wrap text differently from the YAML)."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def templates() -> dict[str, dict]:
    return load_templates(TEMPLATE_DIR, ROOT)


@pytest.fixture(scope="session")
def built(templates, tmp_path_factory):
    out = tmp_path_factory.mktemp("downloads")
    return {(f.path.stem, f.format): f for f in build_all(templates, out, facts())}


def facts() -> dict:
    """The site's own program, models, training and signup data (the overview's facts)."""
    site = load_site(ROOT / "data")
    return {name: site[name] for name in ("program", "models", "training", "signup")}


@pytest.fixture(scope="session")
def overview(templates) -> dict:
    """The overview as printed: its presentation completed with the site's facts."""
    return overview_from_site(templates["overview"], **facts())
