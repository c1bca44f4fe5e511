"""The Atom feed of agency-list changes, from data/agencies/history.yml (plain data).

``models`` maps model codes to the names data/models.yml gives them.
"""

from __future__ import annotations

from typing import Any

from ..data.vocab import LISTS, RECORD_FIELDS, edition_order

# Readers show the newest entries; older imports stay in history.yml.
MAX_ENTRIES = 50


def _agency(item: dict[str, Any], models: dict[str, str]) -> str:
    """One agreement as a reader sees it: name (state), model."""
    return f"{item['agency']} ({item['state']}), {models.get(item['model'], item['model'])}"


def _count(n: int, word: str) -> str:
    """3 agreements / 1 agreement."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _entry(
    number: int, item: dict[str, Any], first: bool, base: str, models: dict[str, str]
) -> dict[str, Any]:
    """One import as a feed entry; the first import of a list is summarised, not listed."""
    name = LISTS.get(item["list"], item["list"])
    day = item["as_of"] + (f" ({item['edition']})" if item.get("edition") else "")
    added, removed, changed = item["added"], item["removed"], item["changed"]
    if first:
        summary = f"First list imported: {_count(item['rows'], 'agreement')}."
        groups: list[dict[str, Any]] = []
    else:
        summary = (
            f"{len(added)} added, {len(removed)} removed, {len(changed)} changed; "
            f"{_count(item['rows'], 'agreement')} in the list."
        )
        groups = [
            {"heading": "Added", "lines": [_agency(a, models) for a in added]},
            {"heading": "Removed", "lines": [_agency(a, models) for a in removed]},
            {
                "heading": "Changed",
                "lines": [
                    f"{_agency(c, models)}: "
                    + ", ".join(RECORD_FIELDS.get(f, f) for f in c["fields"])
                    for c in changed
                ],
            },
        ]
    return {
        "id": f"{base}feed.xml#import-{number}",
        "title": f"{name}: list of {day}",
        "updated": f"{item['as_of']}T00:00:00Z",
        "summary": summary,
        "groups": [g for g in groups if g["lines"]],
        "order": (item["as_of"], edition_order(item.get("edition")), number),
    }


def atom_feed(
    history: dict[str, Any],
    *,
    site_url: str,
    title: str,
    author: str,
    link: str,
    models: dict[str, str],
) -> dict[str, Any] | None:
    """Everything the feed template needs, newest import first; None when nothing was imported.

    ``history`` is the validated content of data/agencies/history.yml (imports oldest first,
    appended by the importer), so the position of an import is a permanent entry id.
    """
    imports = history.get("imports") or []
    if not imports:
        return None
    seen: set[str] = set()
    entries = []
    for number, item in enumerate(imports, start=1):
        entries.append(_entry(number, item, item["list"] not in seen, site_url, models))
        seen.add(item["list"])
    entries.sort(key=lambda e: e["order"], reverse=True)
    entries = entries[:MAX_ENTRIES]
    for entry in entries:
        entry["link"] = link
    return {
        "id": f"{site_url}feed.xml",
        "self": f"{site_url}feed.xml",
        "link": link,
        "title": f"{title}: changes to the agency lists",
        "subtitle": "Agreements added to, removed from or changed in ICE's 287(g) agency lists.",
        "author": author,
        "updated": entries[0]["updated"],
        "entries": entries,
    }
