"""Read a county out of ICE's COUNTY value, an agency's name, or the city it is named for.

from_column gives one county of the record's state and how ICE's value was read, or why it
could not be; from_agency and from_city give every county that fits, so that the caller can
leave an agreement unplaced when several do.
"""

from __future__ import annotations

import difflib
import functools
import re

from .county_data import bare_keys, city_counties, county_keys, key, split_suffix, words

AS_WRITTEN = "county column"
NAME_ONLY = "county column, name without County or with the wrong kind"
SPELLING = "county column, spelling corrected"
NOT_A_COUNTY = "county column is not a county of the state"
AMBIGUOUS = "name fits several counties"
# What ICE writes for "no county" (the importer stores these as null; older files may not).
PLACEHOLDERS = frozenset({"#n/a", "#na", "n/a", "na", "none", "-"})

SUFFIX_WORDS = ("county", "parish", "borough", "municipality", "municipio", "district", "city")
# Suffixes that mark a county in an agency's name; "city" and "district" mark many other things.
NAME_SUFFIXES = (("county",), ("parish",), ("borough",), ("census", "area"))
_NAME_WORDS = frozenset(w for suffix in NAME_SUFFIXES for w in suffix)
_KIND = re.compile(
    r" (police( services)?( department)?|department of (public safety|police)|public safety"
    r"( department)?|marshals? office|constables? office|constable|sheriffs? office)$"
)
_LEAD = re.compile(r"^(city|town|village|borough) of ")


@functools.lru_cache(maxsize=65536)
def from_column(state: str, raw: str) -> tuple[str | None, str]:
    """(FIPS, method) for ICE's COUNTY value, or (None, reason)."""
    full, bare = county_keys()[state], bare_keys()[state]
    hit = full.get(key(raw))
    if hit:
        return (hit[0], AS_WRITTEN) if len(hit) == 1 else (None, AMBIGUOUS)
    ws = words(raw)
    name, suffix = split_suffix(ws)
    method = NAME_ONLY
    if suffix is None and len(ws) > 1:
        close = difflib.get_close_matches(ws[-1], SUFFIX_WORDS, n=1, cutoff=0.8)
        if close:
            name, method = ws[:-1], SPELLING
            hit = full.get("".join(name) + close[0])
            if hit and len(hit) == 1:
                return hit[0], SPELLING
    hit = bare.get("".join(name))
    if hit:
        return (hit[0], method) if len(hit) == 1 else (None, AMBIGUOUS)
    guess = _close(state, "".join(name))
    if guess is not None and len(bare[guess]) == 1:
        return bare[guess][0], SPELLING
    return None, NOT_A_COUNTY


def _close(state: str, name: str) -> str | None:
    """The one county name (without suffix) within a letter or two of ``name``, if exactly one
    is; only names with the same first letter are compared, which keeps this fast."""
    if len(name) < 4:
        return None
    near = [n for n in _by_letter(state).get(name[0], ()) if abs(len(n) - len(name)) <= 2]
    found = difflib.get_close_matches(name, near, n=2, cutoff=0.85)
    return found[0] if len(found) == 1 else None


@functools.cache
def _by_letter(state: str) -> dict[str, tuple[str, ...]]:
    """The state's county names without suffix, by first letter."""
    out: dict[str, list[str]] = {}
    for name in bare_keys()[state]:
        out.setdefault(name[:1], []).append(name)
    return {letter: tuple(names) for letter, names in out.items()}


@functools.lru_cache(maxsize=65536)
def from_agency(state: str, agency: str) -> tuple[str, ...]:
    """FIPS of the counties the agency's name spells out in full ("St. Bernard Parish ...")."""
    full, ws = county_keys()[state], words(agency)
    if _NAME_WORDS.isdisjoint(ws):
        return ()
    found: set[str] = set()
    for i in range(1, len(ws)):
        for suffix in NAME_SUFFIXES:
            if tuple(ws[i : i + len(suffix)]) != suffix:
                continue
            for j in range(max(0, i - 4), i):
                hit = full.get("".join(ws[j:i]) + "".join(suffix))
                if hit:
                    found.update(hit)
                    break
    return tuple(sorted(found))


@functools.lru_cache(maxsize=65536)
def from_city(state: str, agency: str) -> frozenset[str]:
    """FIPS of the county of the city a municipal agency is named for (an independent city
    such as Virginia Beach is its own county)."""
    text = _LEAD.sub("", _KIND.sub("", " ".join(words(agency))))
    if text == " ".join(words(agency)):
        return frozenset()
    own = county_keys()[state].get(text.replace(" ", "") + "city")
    if own and len(own) == 1:
        return frozenset(own)
    return city_counties().get((state, text.replace(" ", "")), frozenset())
