"""Every downloadable document: DOCX and PDF of each template, the PDF of the overview."""

from __future__ import annotations

from ...data import SiteData
from ..files import FOLDER, Download
from .docx import render_docx
from .pdf import render_overview_pdf, render_pdf

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


def template_downloads(data: SiteData) -> list[Download]:
    """Each template as DOCX and PDF (the overview as PDF only), in name order."""
    out = []
    facts = {name: data[name] for name in ("program", "models", "training", "signup")}
    for key, template in data.group("templates").items():
        name = key.split("/", 1)[1]
        title = template.get("name", template["title"])
        if template.get("kind") == "overview":
            outputs = [("pdf", render_overview_pdf(overview_from_site(template, **facts)))]
        else:
            outputs = [("docx", render_docx(template)), ("pdf", render_pdf(template))]
        for fmt, content in outputs:
            path = f"{FOLDER}/{name.replace('_', '-')}.{fmt}"
            out.append(Download(path, name, title, FORMATS[fmt], content))
    return out
