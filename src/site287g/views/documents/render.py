"""Every downloadable document: DOCX and PDF of each template, the PDF of the overview."""

from __future__ import annotations

import json
import multiprocessing as mp
import threading
from collections.abc import Callable

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


# Rendered documents by (kind, format, JSON text of their data): rendering is a pure function
# of that text, so `mkdocs serve` renders again only the documents whose text changed.
_rendered: dict[tuple[str, str, str], bytes] = {}


def _render(kind: str, fmt: str, source: str) -> bytes:
    """One document from the JSON text of its data."""
    data = json.loads(source)
    if kind == "overview":
        return render_overview_pdf(data)
    return render_docx(data) if fmt == "docx" else render_pdf(data)


def _render_into(jobs: list[tuple[str, str, str]], pipe) -> None:
    """In the child process: render each job and send the bytes back (None on any failure,
    so the parent renders them itself and reports the error as usual)."""
    try:
        pipe.send([_render(*job) for job in jobs])
    except BaseException:
        pipe.send(None)
    finally:
        pipe.close()


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


def start_template_downloads(data: SiteData) -> Callable[[], list[Download]]:
    """Start rendering the documents not rendered yet in a child process, where the platform
    can fork one (the build goes on with other work on the other core); return the function
    that waits for them and gives the downloads."""
    jobs = _jobs(data)
    missing = list(dict.fromkeys(job for job, *_ in jobs if job not in _rendered))
    child = pipe = None
    # A fork copies only the calling thread: with no other thread, nothing can be left locked.
    if len(missing) > 1 and "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        context = mp.get_context("fork")
        pipe, child_end = context.Pipe(duplex=False)
        child = context.Process(target=_render_into, args=(missing, child_end), daemon=True)
        child.start()
        child_end.close()

    def finish() -> list[Download]:
        nonlocal child
        if child is not None:
            try:
                results = pipe.recv()
            except EOFError:
                results = None
            child.join()
            pipe.close()
            child = None  # asked again (the build's end), the documents are ready
            if results is not None:
                _rendered.update(zip(missing, results, strict=True))
        for job in missing:
            if job not in _rendered:  # no child, or it failed: render here (errors as usual)
                _rendered[job] = _render(*job)
        return [
            Download(path, group, title, fmt, _rendered[job])
            for job, path, group, title, fmt in jobs
        ]

    return finish


def template_downloads(data: SiteData) -> list[Download]:
    """Each template as DOCX and PDF (the overview as PDF only), in name order."""
    return start_template_downloads(data)()
