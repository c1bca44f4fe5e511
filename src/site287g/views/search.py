"""Search-index entries: one per agreement, pointing at its row (Material's index format)."""

from __future__ import annotations

from ..data.vocab import LISTS
from .agencies import ROWS_PER_PAGE, Agencies
from .plan import page_uri


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Site-relative URL of a page built from ``src_uri`` (as MkDocs computes it)."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def entries(a: Agencies, use_directory_urls: bool = True) -> list[dict[str, str]]:
    """{location, title, text} for every agreement of both lists."""
    names = {m["id"]: m["name"] for m in a.models}
    out: list[dict[str, str]] = []
    for kind in LISTS:
        rows = a.rows[kind]
        for start in range(0, len(rows), ROWS_PER_PAGE):
            page = page_url(page_uri(a, kind, start // ROWS_PER_PAGE + 1), use_directory_urls)
            for r in rows[start : start + ROWS_PER_PAGE]:
                when = f"signed {r.signed.text}" if r.signed.text else kind
                county = f" · {r.county.text}" if r.county.text else ""
                out.append(
                    {
                        "location": f"{page}#{r.id}",
                        "title": r.agency.text or r.id,
                        "text": f"{r.state_name}{county} · {names[r.model]} · {when}",
                    }
                )
    return out
