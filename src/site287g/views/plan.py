"""Which agency pages the build generates, their source paths, titles and the macro they call."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..data.vocab import LISTS, STATE_NAMES
from .agencies import Agencies

ROOT = "agencies"


@dataclass(frozen=True)
class PlannedPage:
    """One generated Markdown page: where it lives, its title and the macro call it holds."""

    src_uri: str
    title: str
    description: str
    call: str
    in_nav: bool = True
    section: str = ""  # nav sub-section ("" = directly under Agencies)

    def markdown(self) -> str:
        """The page's source: front matter and one macro call."""
        return (
            f"---\ntitle: {json.dumps(self.title)}\n"
            f"description: {json.dumps(self.description)}\n---\n\n"
            f"{{{{ {self.call} }}}}\n"
        )


def page_uri(agencies: Agencies, key: str, number: int) -> str:
    """Source path of page ``number`` (1-based) of a listing such as ``state/tx``."""
    parts = key.split("/")
    if parts[0] in LISTS:
        base = f"{ROOT}/{parts[0]}"
    elif parts[0] == "state":
        base = f"{ROOT}/states/{parts[1]}"
    else:
        base = f"{ROOT}/models/{agencies.model_by_id[parts[1]]['slug']}"
    return f"{base}.md" if number == 1 else f"{base}/page-{number}.md"


def plan(agencies: Agencies) -> list[PlannedPage]:
    """Every generated agency page, in navigation order."""
    out = [
        PlannedPage(
            f"{ROOT}/index.md",
            "Agencies",
            "Which law enforcement agencies have signed 287(g) agreements, where, which "
            "model and since when: maps, charts and downloads.",
            "agencies_overview()",
        )
    ]
    for kind in LISTS:
        listing = agencies.listing(kind)
        for n in range(1, len(listing.pages) + 1):
            out.append(
                PlannedPage(
                    page_uri(agencies, kind, n),
                    listing.title + ("" if n == 1 else f" (page {n})"),
                    f"Every agreement on ICE's {kind} agencies list: state, agency, type, "
                    "county, model, date signed and links to the agreements.",
                    f"agency_listing({kind!r}, {n})",
                    in_nav=n == 1,
                )
            )
    out.append(
        PlannedPage(
            f"{ROOT}/whats-new.md",
            "What's new",
            "Agreements added to and removed from ICE's 287(g) lists, newest first.",
            "agencies_whats_new()",
        )
    )
    for code in agencies.states():
        key = f"state/{code.lower()}"
        pages = len(agencies.listing(f"{key}/participating").pages)
        for n in range(1, pages + 1):
            out.append(
                PlannedPage(
                    page_uri(agencies, key, n),
                    STATE_NAMES[code] + ("" if n == 1 else f" (page {n})"),
                    f"287(g) agreements in {STATE_NAMES[code]}: counts by model and type, "
                    "every agreement and links to the signed agreements.",
                    f"agency_state({code!r}, {n})",
                    in_nav=n == 1,
                    section="States and territories",
                )
            )
    for model in agencies.models:
        key = f"model/{model['id']}"
        for n in range(1, len(agencies.listing(key).pages) + 1):
            out.append(
                PlannedPage(
                    page_uri(agencies, key, n),
                    f"{model['name']} agreements" + ("" if n == 1 else f" (page {n})"),
                    f"Every agency with a {model['name']} agreement.",
                    f"agency_model({model['id']!r}, {n})",
                    in_nav=n == 1,
                    section="By model",
                )
            )
    return out


def nav_section(pages: list[PlannedPage]) -> dict[str, list]:
    """The Agencies entry for mkdocs.yml's nav: pages, then sub-sections."""
    items: list = []
    sections: dict[str, list] = {}
    for p in pages:
        if not p.in_nav:
            continue
        if p.section:
            if p.section not in sections:
                sections[p.section] = []
                items.append({p.section: sections[p.section]})
            sections[p.section].append(p.src_uri)
        else:
            items.append(p.src_uri)
    return {"Agencies": items}
