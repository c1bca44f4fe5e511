"""Placing agreements in counties, and the ZIP / county-name lookup, on the shipped lists."""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from site287g.views import counties as C
from site287g.views.county_data import _zip_csv, counties, zip_counties
from site287g.views.county_lookup import find, lookup_files, placements

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def shipped() -> dict[str, list[dict[str, Any]]]:
    """Both lists as the importer wrote them: list -> agreements."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted((ROOT / "data" / "agencies").glob("*/*.yml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        out[doc["list"]] += doc["agreements"]
    return dict(out)


def rec(agreement_id: str) -> dict[str, Any]:
    """One shipped agreement by id ("pending:<id>" for the pending list)."""
    kind = "participating"
    if agreement_id.startswith("pending:"):
        kind, agreement_id = "pending", agreement_id.removeprefix("pending:")
    return next(r for r in shipped()[kind] if r["id"] == agreement_id)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return lookup_files(shipped())


def flagged(r: dict[str, Any]) -> str:
    """What ICE wrote in COUNTY, as the importer's flag keeps it."""
    return next(f["raw"] for f in r.get("flags", []) if f["field"] == "county")


@pytest.mark.parametrize(
    ("agreement_id", "raw", "method", "county"),
    [
        # Placeholders: the importer stored null; the agency's city or name still tells.
        ("ak-kodiak-police-department-wso", "#N/A", C.CITY, "Kodiak Island Borough"),
        ("la-greenwood-police-department-tfm", "#NA", C.CITY, "Caddo Parish"),
        # Misspellings.
        ("fl-howey-in-the-hills-police-department-tfm", "Lake Conty", C.SPELLING, "Lake County"),
        ("ok-custer-county-sheriffs-office-tfm", "Custer Countey", C.SPELLING, "Custer County"),
        ("tx-new-berlin-marshals-office-tfm", "Guadalupe Conty", C.SPELLING, "Guadalupe County"),
        # Without "County".
        ("ga-decatur-county-sheriffs-office-wso", "Decatur", C.NAME_ONLY, "Decatur County"),
        ("ks-caney-police-department-tfm", "Montgomery", C.NAME_ONLY, "Montgomery County"),
    ],
)
def test_flagged_county_values_are_read(agreement_id, raw, method, county) -> None:
    r = rec(agreement_id)
    assert flagged(r) == raw
    p = C.place(r)
    assert (p.method, p.county) == (method, county)
    assert p.fips is not None and counties()[p.fips].state == r["state"]


def test_parishes_by_column_by_misspelling_and_by_agency_name() -> None:
    calcasieu = C.place(rec("la-calcasieu-parish-sheriffs-office-wso"))
    assert rec("la-calcasieu-parish-sheriffs-office-wso")["county"] == "Calacasieu Parish"
    assert (calcasieu.method, calcasieu.county) == (C.SPELLING, "Calcasieu Parish")
    # "Saint Landry County" is St. Landry Parish.
    landry = C.place(rec("la-arnaudville-police-department-tfm"))
    assert (landry.method, landry.county) == (C.NAME_ONLY, "St. Landry Parish")
    # ICE wrote the parish seat (Chalmette); the agency's name says St. Bernard Parish.
    bernard = C.place(rec("la-st-bernard-parish-sheriffs-office-jem"))
    assert rec("la-st-bernard-parish-sheriffs-office-jem")["county"] == "Chalmette Parish"
    assert (bernard.method, bernard.county, bernard.fips) == (
        C.AGENCY,
        "St. Bernard Parish",
        "22087",
    )
    assert "Chalmette Parish" in (bernard.note or "")


def test_virginia_independent_city_and_county_of_the_same_name() -> None:
    # Hopewell is an independent city: there is no Hopewell County.
    hopewell = C.place(rec("va-hopewell-county-sheriffs-office-tfm"))
    assert (hopewell.county, hopewell.method) == ("Hopewell city", C.NAME_ONLY)
    # Virginia has a Bedford County and (in the 2020 list) a Bedford city: the word decides.
    assert C.place(rec("va-bedford-county-sheriffs-office-tfm")).county == "Bedford County"
    assert C.place(rec("tn-bedford-county-sheriffs-office-wso")).fips == "47003"


def test_territories_and_non_county_values(files) -> None:
    guam = rec("gu-office-of-the-attorney-general-tfm")
    assert flagged(guam) == "Kattan District "
    assert C.place(guam).method == C.STATEWIDE
    [hagatna] = find(files, "96910")
    assert (hagatna.name, hagatna.statewide_ids) == ("Guam", (guam["id"],))
    for agreement_id in (
        "mp-cnmi-department-of-corrections-jem",
        "mp-cnmi-department-of-public-safety-tfm",
    ):
        assert C.place(rec(agreement_id)).method == C.STATEWIDE
    # "North County" is a region of St. Louis County, not a county.
    north = C.place(rec("mo-north-county-police-cooperative-tfm"))
    assert (north.method, north.reason) == (C.NOT_PLACED, C.NOT_A_COUNTY)


def test_placeholder_text_reads_like_no_county() -> None:
    flagged_placeholders = [
        r
        for rs in shipped().values()
        for r in rs
        if any(f["problem"] == "placeholder, no county given" for f in r.get("flags", []))
    ]
    assert len(flagged_placeholders) > 200
    for r in flagged_placeholders:
        assert C.place({**r, "county": flagged(r)}) == C.place(r), r["id"]


def test_n_a_placeholder_of_a_state_agency() -> None:
    iowa = next(
        r for r in shipped()["participating"] if r.get("flags") and flagged_or_none(r) == "N/A"
    )
    assert iowa["county"] is None and iowa["type"] == "state_agency"
    assert C.place(iowa).method == C.STATEWIDE


def flagged_or_none(r: dict[str, Any]) -> str | None:
    """The raw COUNTY of a flagged record, or None."""
    return next((f["raw"] for f in r.get("flags", []) if f["field"] == "county"), None)


@pytest.mark.parametrize(
    ("agreement_id", "reason"),
    [
        # Orlando's ZIP codes reach Orange, Seminole and Osceola counties.
        ("fl-orlando-police-department-tfm", C.CITY_SPLIT),
        # ICE says Galveston County; Tye's ZIP code is in Taylor County.
        ("tx-tye-police-department-tfm", C.DISAGREE),
        ("fl-office-of-the-state-attorney-sixth-judicial-circuit-tfm", C.REGIONAL),
        ("fl-university-of-florida-police-department-tfm", C.NO_COUNTY),
    ],
)
def test_ambiguous_or_missing_evidence_is_not_placed(agreement_id, reason) -> None:
    p = C.place(rec(agreement_id))
    assert (p.method, p.reason, p.fips) == (C.NOT_PLACED, reason, None)


def test_regional_state_agency_is_placed_by_its_county_not_state_wide() -> None:
    p = C.place(rec("ar-16th-judicial-distric-drug-task-force-tfm"))
    assert (p.method, p.county) == (C.AS_WRITTEN, "Independence County")


@pytest.mark.parametrize(
    ("state", "agency", "method", "county"),
    [
        # Rows of ICE's list of 2025-01-19, before it had TYPE and COUNTY columns.
        ("AL", "Etowah County Sheriff's Office", C.AGENCY, "Etowah County"),
        ("FL", "St Johns County Sheriff's Office", C.AGENCY, "St. Johns County"),
        ("TX", "DeWitt County Sheriff’s Office", C.AGENCY, "DeWitt County"),
        ("WI", "Fond du Lac County Sheriff's Office", C.AGENCY, "Fond du Lac County"),
        ("AZ", "Mesa Police Department", C.CITY, "Maricopa County"),
        ("GA", "Georgia Department of Corrections", C.STATEWIDE, None),
        ("AK", "Department of Corrections", C.NOT_PLACED, None),
    ],
)
def test_lists_without_type_or_county_column(state, agency, method, county) -> None:
    p = C.place({"state": state, "agency": agency, "type": None, "county": None})
    assert (p.method, p.county) == (method, county)


def test_every_shipped_agreement_gets_a_known_method_and_placed_ones_a_real_county() -> None:
    for agreement_id, p in placements(shipped()).items():
        assert p.method in C.METHODS, agreement_id
        assert (p.fips is None) == (p.method in (C.STATEWIDE, C.NOT_PLACED)), agreement_id
        assert (p.reason is None) == (p.method != C.NOT_PLACED), agreement_id
        if p.fips is not None:
            assert counties()[p.fips].state == p.state, agreement_id


def test_zip_spanning_two_counties_lists_both_with_their_agreements(files) -> None:
    # Read the crosswalk file directly: ZIP -> {county: share of addresses}.
    shares: dict[str, dict[str, float]] = defaultdict(dict)
    with _zip_csv().open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if float(row["TOT_RATIO"]) > 0:
                shares[row["ZIP"].zfill(5)][row["COUNTY"].zfill(5)] = float(row["TOT_RATIO"])
    placed: dict[str, set[str]] = defaultdict(set)
    for agreement_id, p in placements(shipped()).items():
        if p.fips:
            placed[p.fips].add(agreement_id)
    two = [z for z, s in shares.items() if len(s) == 2 and all(c in placed for c in s)]
    assert two, "no ZIP reaches two counties that both have agreements"
    for zip_code in two[:20]:
        found = find(files, zip_code)
        expected = sorted(shares[zip_code], key=lambda c: -shares[zip_code][c])
        assert [f.fips for f in found] == expected
        for f in found:
            assert set(f.county_ids) == placed[f.fips]
            assert f.name == counties()[f.fips].name
    assert find(files, f"{two[0]}-1234") == find(files, two[0])


def test_state_wide_agency_covers_every_county_of_its_state(files) -> None:
    statewide = {
        r["id"]
        for r in shipped()["participating"]
        if r["state"] == "TX" and C.place(r).method == C.STATEWIDE
    }
    assert "tx-texas-department-of-public-safety-texas-highway-patrol-tfm" in statewide
    texas = [c for c in counties().values() if c.state == "TX"]
    assert len(texas) == 254
    for c in texas:
        [hit] = [f for f in find(files, c.name) if f.fips == c.fips]
        assert set(hit.statewide_ids) == statewide
    # Through ZIP codes too: every county a Texas ZIP reaches shows them.
    zips = [z for z, fips in zip_counties().items() if any(f.startswith("48") for f in fips)]
    assert len(zips) > 1000
    for zip_code in zips[::10]:
        for f in find(files, zip_code):
            assert (set(f.statewide_ids) == statewide) == (f.state == "TX"), zip_code


def test_county_name_search_finds_every_state_with_that_name(files) -> None:
    found = {(f.state, f.name) for f in find(files, "Washington County")}
    expected = {(c.state, c.name) for c in counties().values() if c.name == "Washington County"}
    assert found == expected and len(found) > 20
    assert {f.fips for f in find(files, "washington")} >= {
        f.fips for f in find(files, "Washington County")
    }
