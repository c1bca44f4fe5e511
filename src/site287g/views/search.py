"""Search-index entries: one per agency, pointing at its page (Material's index format)."""

from __future__ import annotations

from .agencies import Agencies
from .plan import profile_uri

STATUS = {
    "active": "on ICE's list",
    "pending": "request pending",
    "removed": "removed from ICE's list",
}


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Site-relative URL of a page built from ``src_uri`` (as MkDocs computes it)."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def entries(a: Agencies, use_directory_urls: bool = True) -> list[dict[str, str]]:
    """{location, title, text} for every agency: its name (and other names), state, county,
    models and whether it is on ICE's list."""
    names = {m["id"]: m["abbreviation"] for m in a.models}
    out: list[dict[str, str]] = []
    for p in a.profiles:
        models = sorted({names[g.model] for g in p.agreements if g.status != "removed"})
        where = p.state_name + (f" · {p.county}" if p.county else "")
        also = f" · also {'; '.join(p.other_names)}" if p.other_names else ""
        out.append(
            {
                "location": page_url(profile_uri(p), use_directory_urls),
                "title": p.name,
                "text": f"{where} · {', '.join(models) or 'no current agreement'} · "
                f"{STATUS[p.status]}{also}",
            }
        )
    return out
