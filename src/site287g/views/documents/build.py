"""Build every downloadable document (DOCX + PDF per template, PDF for the overview).

An MkDocs hook calls ``build_all`` in ``on_post_build`` with the loaded templates and
``site/downloads/``; ``python -m site287g.views.documents.build data/templates OUT`` does the same
from the command line and prints what it wrote.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .docx import render_docx
from .model import Template, TemplateErrors, check, load_template
from .pdf import render_overview_pdf, render_pdf


@dataclass(frozen=True)
class OutputFile:
    """One written download."""

    path: Path
    title: str
    format: str  # "docx" or "pdf"
    size: int


def load_templates(directory: Path | str, display_root: Path | str | None = None) -> dict:
    """Load and validate every ``*.yml`` in a directory; raise TemplateErrors listing all."""
    directory = Path(directory)
    templates, errors = {}, []
    for path in sorted(directory.glob("*.yml")):
        shown = path.relative_to(display_root) if display_root else path
        template = load_template(path, str(shown))
        try:
            check(template)
        except TemplateErrors as exc:
            errors += exc.errors
        templates[path.stem] = template
    if errors:
        raise TemplateErrors(errors)
    return {name: t.data for name, t in templates.items()}


def build_all(templates: dict[str, dict], out_dir: Path | str, facts: dict) -> list[OutputFile]:
    """Validate all templates, then write ``<name>.docx`` and ``<name>.pdf`` for each (only the
    PDF for the overview, completed with ``facts``: the site's program, models, training and
    signup data) into out_dir; return what was written, in name order."""
    errors = []
    for name, data in templates.items():
        try:
            check(Template(data, f"data/templates/{name}.yml"))
        except TemplateErrors as exc:
            errors += exc.errors
    if errors:
        raise TemplateErrors(errors)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(templates):
        data = templates[name]
        title = data.get("name", data["title"])
        if data.get("kind") == "overview":
            outputs = [("pdf", render_overview_pdf(overview_from_site(data, **facts)))]
        else:
            outputs = [("docx", render_docx(data)), ("pdf", render_pdf(data))]
        for fmt, content in outputs:
            path = out / f"{name}.{fmt}"
            path.write_bytes(content)
            written.append(OutputFile(path, title, fmt, len(content)))
    return written


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


def main(argv: list[str]) -> int:
    """Command line: build all templates of a directory into an output directory."""
    if len(argv) != 2:
        print("usage: python -m site287g.views.documents.build TEMPLATE_DIR OUT_DIR")
        return 2
    start = time.perf_counter()
    try:
        templates = load_templates(argv[0])
    except TemplateErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    from ...data import load_site

    site = load_site(Path(argv[0]).parent)
    facts = {name: site[name] for name in ("program", "models", "training", "signup")}
    for f in build_all(templates, argv[1], facts):
        print(f"{f.size:>8}  {f.path}  {f.title}")
    print(f"built in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
