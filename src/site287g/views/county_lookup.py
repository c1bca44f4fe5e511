"""Files for an offline "find your county" lookup: ZIP or county name -> the agreements there.

The site serves them from its own origin, split so that a visitor fetches little:

* ``zip/<first two digits>.json``: {ZIP: [county FIPS, ...]}, the county with most addresses
  first (a ZIP can reach several counties);
* ``names.json``: {state: {FIPS: county name}}, every county, for a search by name;
* ``state/<st>.json``: the state's counties with the agreements placed in each, the state-wide
  agreements (they cover every county of the state), those that could not be placed, and one
  entry per agreement (agency, model, list, how it was placed).
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..data.vocab import STATE_NAMES
from .counties import STATEWIDE, Placement, place
from .county_data import (
    SUFFIXES,
    bare_key,
    counties,
    key,
    sources,
    state_fips,
    zip_counties,
)

FOLDER = "counties"
_ZIP = re.compile(r"^\s*(\d{5})(?:-?\d{4})?\s*$")


def _dump(obj: Any) -> bytes:
    """Compact, reproducible JSON."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def placements(records: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, Placement]:
    """Agreement id -> placement, for every agreement of every list."""
    return {r["id"]: place(r) for recs in records.values() for r in recs}


def lookup_files(
    records: Mapping[str, Iterable[Mapping[str, Any]]],
    href: Callable[[str], str] | None = None,
) -> dict[str, bytes]:
    """Relative path -> JSON bytes of every lookup file; ``href`` gives an agreement's link."""
    files: dict[str, bytes] = {}
    by_prefix: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for zip_code, fips in zip_counties().items():
        by_prefix[zip_code[:2]][zip_code] = list(fips)
    for prefix, zips in by_prefix.items():
        files[f"zip/{prefix}.json"] = _dump(zips)
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for c in counties().values():
        names[c.state][c.fips] = c.name
    keys: dict[str, list[str]] = defaultdict(list)
    for c in counties().values():
        for k in {bare_key(c.name), *(bare_key(a) for a in c.aliases)}:
            keys[k].append(c.fips)
    files["names.json"] = _dump(
        {"states": names, "keys": keys, "suffixes": list(SUFFIXES), "sources": sources()}
    )
    for state, doc in _states(records, href).items():
        files[f"state/{state.lower()}.json"] = _dump(doc)
    return files


def _states(
    records: Mapping[str, Iterable[Mapping[str, Any]]], href: Callable[[str], str] | None
) -> dict[str, dict[str, Any]]:
    """One document per state that has a county list."""
    docs: dict[str, dict[str, Any]] = {
        s: {
            "state": s,
            "name": STATE_NAMES.get(s, s),
            "counties": {},
            "statewide": [],
            "unplaced": [],
            "agreements": {},
        }
        for s in state_fips()
    }
    for c in counties().values():
        docs[c.state]["counties"][c.fips] = {"name": c.name, "aka": list(c.aliases), "ids": []}
    for kind, recs in records.items():
        for r in recs:
            p = place(r)
            doc = docs.get(p.state)
            if doc is None:
                continue
            entry = {"agency": r["agency"], "model": r["model"], "list": kind, "how": p.method}
            if p.reason:
                entry["why"] = p.reason
            if href is not None:
                entry["href"] = href(r["id"])
            doc["agreements"][r["id"]] = entry
            if p.fips is not None:
                doc["counties"][p.fips]["ids"].append(r["id"])
            else:
                doc["statewide" if p.method == STATEWIDE else "unplaced"].append(r["id"])
    return docs


@dataclass(frozen=True)
class Found:
    """One county a query leads to, with the agreements that cover it."""

    fips: str
    name: str | None
    state: str
    county_ids: tuple[str, ...]
    statewide_ids: tuple[str, ...]


def find(files: Mapping[str, bytes], query: str) -> list[Found]:
    """What the lookup shows for a ZIP code or a county name, read from the built files only
    (the reference for the browser's code)."""
    m = _ZIP.match(query)
    if m:
        part = files.get(f"zip/{m[1][:2]}.json")
        fips_list = _load(part).get(m[1], []) if part else []
    else:
        fips_list = _name_index(files["names.json"]).get(key(query), [])
    postal = {v: k for k, v in state_fips().items()}
    out = []
    for fips in fips_list:
        state = postal.get(fips[:2], "")
        doc = _load(files[f"state/{state.lower()}.json"]) if state else {}
        county = doc.get("counties", {}).get(fips, {})
        ids = (tuple(county.get("ids", ())), tuple(doc.get("statewide", ())))
        out.append(Found(fips, county.get("name"), state, *ids))
    return out


@functools.lru_cache(maxsize=256)
def _load(data: bytes) -> Any:
    """Parsed JSON of one file (the same files are read for many queries)."""
    return json.loads(data)


@functools.lru_cache(maxsize=4)
def _name_index(data: bytes) -> dict[str, list[str]]:
    """County name key, with and without "County", -> FIPS, from names.json."""
    index: dict[str, list[str]] = defaultdict(list)
    for names in _load(data)["states"].values():
        for fips, name in names.items():
            for k in {key(name), bare_key(name)}:
                index[k].append(fips)
    return dict(index)
