"""Every downloadable document: DOCX and PDF of each template, the PDF of the overview."""

from __future__ import annotations

import functools
import json

from ...data import SiteData
from ..files import FOLDER, Download

FORMATS = {"docx": "DOCX", "pdf": "PDF"}


def preview_page(template: str) -> str:
    """The docs page that previews a template: ``templates/moa-jem.md``."""
    return f"templates/{template.replace('_', '-')}.md"


def overview_from_site(
    overview: dict, program: dict, models: dict, training: dict, signup: dict
) -> dict:
    """Complete the overview's presentation (data/templates/overview.yml) with the site's facts."""
    data = dict(overview)
    data["intro"] = program["summary"]
    data["authorities"] = list(program["authorities"]["items"])
    data["models"] = [{"name": m["name"], "summary": m["summary"]} for m in models["models"]]
    data["training"] = [*training["topics"], training["cost"]]
    data["signup_steps"] = list(signup["steps"])
    data["contact_email"] = signup["submit_to"]
    return data


# Rendered documents by (kind, format, JSON text of their data): rendering is a pure function
# of that text, so `mkdocs serve` renders again only the documents whose text changed.
_rendered: dict[tuple[str, str, str], bytes] = {}


def _render(kind: str, fmt: str, source: str) -> bytes:
    """One document from the JSON text of its data."""
    if (kind, fmt, source) not in _rendered:
        # Imported here: python-docx and fpdf2 (with fontTools) take a fifth of a second to
        # import, and the build's child process (adapter.background) is what renders.
        from .docx import render_docx
        from .pdf import render_overview_pdf, render_pdf

        data = json.loads(source)
        if kind == "overview":
            content = render_overview_pdf(data)
        else:
            content = render_docx(data) if fmt == "docx" else render_pdf(data)
        _rendered[kind, fmt, source] = content
    return _rendered[kind, fmt, source]


def _jobs(data: SiteData) -> list[tuple[tuple[str, str, str], str, str, str, str]]:
    """((kind, format, source), path, group, title, format name) of every document."""
    out = []
    facts = {name: data[name] for name in ("program", "models", "training", "signup")}
    for key, template in data.group("templates").items():
        name = key.split("/", 1)[1]
        title = template.get("name", template["title"])
        overview = template.get("kind") == "overview"
        source = json.dumps(overview_from_site(template, **facts) if overview else template)
        for fmt in ("pdf",) if overview else ("docx", "pdf"):
            job = ("overview" if overview else "template", fmt, source)
            path = f"{FOLDER}/{name.replace('_', '-')}.{fmt}"
            out.append((job, path, name, title, FORMATS[fmt]))
    return out


def template_downloads(data: SiteData) -> list[Download]:
    """Each template as DOCX and PDF (the overview as PDF only), in name order."""
    return [
        Download(path, group, title, fmt, functools.partial(_render, *job))
        for job, path, group, title, fmt in _jobs(data)
    ]


def remember(data: SiteData, made: dict[str, bytes]) -> None:
    """Keep the documents among ``made`` (bytes by path, rendered in another process) for the
    next build of `mkdocs serve`."""
    for job, path, *_ in _jobs(data):
        if path in made:
            _rendered.setdefault(job, made[path])
