"""One test per quirk listed in SOURCES.md, on hand-made rows and on the real snapshots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site287g.ingest import normalize as norm
from site287g.ingest.dates import AsOf, infer_as_of
from site287g.ingest.importer import run_import
from site287g.ingest.links import link
from site287g.ingest.read import ListError, read_list
from site287g.ingest.records import normalise

from .conftest import PART_HEADER, PEND_HEADER, SNAPSHOTS, part_row, write_csv, write_xlsx


def _records(path: Path) -> list[dict]:
    """Normalised records of one file."""
    return normalise(read_list(path), latest_year=2027).records


def _problems(rec: dict) -> list[tuple[str, str]]:
    """(field, problem) of each flag of a record."""
    return [(f["field"], f["problem"]) for f in rec.get("flags", [])]


def test_row_is_an_agreement_not_an_agency(reference) -> None:
    recs = _records(SNAPSHOTS / "participating_2026-05-18am.csv")
    agencies = {(r["state"], r["agency"].lower()) for r in recs}
    assert len(agencies) == 1557
    autauga = sorted(r["id"] for r in recs if r["agency"] == "Autauga County Sheriff's Office")
    assert autauga == [f"al-autauga-county-sheriffs-office-{m}" for m in ("jem", "tfm", "wso")]


def test_trailing_whitespace_is_trimmed_without_flags(tmp_path: Path) -> None:
    row = [
        "TEXAS ",
        "Autauga County Sheriff's Office ",
        "County ",
        "Autauga County",
        "Jail Enforcement Model ",
        dt.datetime(2025, 9, 22),
        "link",
        None,
    ]
    rec = _records(
        write_xlsx(tmp_path / "p.xlsx", PART_HEADER, [row], {(0, "MOA"): "https://x.gov/a.pdf"})
    )[0]
    assert (rec["state"], rec["agency"], rec["type"], rec["model"]) == (
        "TX",
        "Autauga County Sheriff's Office",
        "county",
        "jem",
    )
    assert "flags" not in rec


@pytest.mark.parametrize("raw", ["Warrant Service Office", "Warrant Services Officer"])
def test_model_spelling_variants_map_to_wso_with_a_flag(raw: str) -> None:
    assert norm.model_code(raw) == ("wso", [norm.flag("model", raw, "variant")])


def test_model_variants_occur_in_the_real_lists(reference) -> None:
    pending = _records(SNAPSHOTS / "pending_2025-12-31am.csv")
    assert sum(("model", "spelling variant") in _problems(r) for r in pending) == 2


def test_old_lists_have_only_jem_and_wso(reference) -> None:
    assert {r["model"] for r in _records(SNAPSHOTS / "participating_2024-01-02_wayback.csv")} == {
        "jem",
        "wso",
    }


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("County ", "county"),
        ("Municipality ", "municipality"),
        ("State Agency", "state_agency"),
        ("State", "state_agency"),
    ],
)
def test_type_vocabulary(raw: str, code: str) -> None:
    assert norm.agency_type(raw, present=True) == (code, [])


def test_type_and_county_are_null_before_those_columns_existed(reference) -> None:
    recs = _records(SNAPSHOTS / "participating_2021-01-13_wayback.csv")
    assert all(
        r["type"] is None and r["county"] is None and "flags" not in r
        for r in recs
        if "moa" in r and " " not in (r["moa"] or "")
    )
    assert all(r["type"] is not None for r in _records(SNAPSHOTS / "participating_2025-02-21.csv"))


@pytest.mark.parametrize("raw", ["#N/A", "#NA", "N/A"])
def test_county_placeholders_become_null_with_the_raw_value_kept(raw: str) -> None:
    value, flags = norm.county(raw)
    assert value is None
    assert flags == [{"field": "county", "raw": raw, "problem": "placeholder, no county given"}]


def test_county_placeholder_count_on_2026_05_18(reference) -> None:
    recs = _records(SNAPSHOTS / "participating_2026-05-18am.csv")
    raws = [
        f["raw"]
        for r in recs
        for f in r.get("flags", [])
        if f["field"] == "county" and f["problem"] == "placeholder, no county given"
    ]
    assert raws.count("#N/A") == 213 and raws.count("#NA") == 21


@pytest.mark.parametrize(
    "raw", ["Lake Conty", "Custer Countey", "Guadalupe Conty", "Baldwin Couny"]
)
def test_county_misspellings_are_kept_and_flagged(raw: str) -> None:
    assert norm.county(raw) == (raw, [norm.flag("county", raw, "misspelling")])


@pytest.mark.parametrize("raw", ["Decatur", "Montgomery", "Kattan District "])
def test_counties_without_the_word_county_are_kept_and_flagged(raw: str) -> None:
    assert norm.county(raw) == (raw.strip(), [norm.flag("county", raw, "not_county")])


@pytest.mark.parametrize(
    "raw", ["Harris County", "Jefferson Parish ", "Coty County", "Contra Costa County"]
)
def test_ordinary_counties_are_not_flagged(raw: str) -> None:
    assert norm.county(raw) == (raw.strip(), [])


def test_excel_dates_and_iso_text_dates_are_plain(tmp_path: Path) -> None:
    assert norm.signed_date(dt.datetime(2016, 6, 8), 2027) == ("2016-06-08", [])
    assert norm.signed_date("2016-06-08", 2027) == ("2016-06-08", [])


@pytest.mark.parametrize(("raw", "iso"), [("05/082025", "2025-05-08"), ("7/72025", "2025-07-07")])
def test_malformed_text_dates_are_interpreted_with_a_flag(raw: str, iso: str) -> None:
    assert norm.signed_date(raw, 2027) == (iso, [norm.flag("signed", raw, "interpreted_date")])


def test_year_typo_5025_is_an_impossible_date(reference) -> None:
    assert norm.signed_date("5025-07-07", 2027) == (
        None,
        [norm.flag("signed", "5025-07-07", "impossible_date")],
    )
    grundy = [
        r
        for r in _records(SNAPSHOTS / "participating_2025-07-18pm.csv")
        if r["id"] == "tn-grundy-county-sheriffs-office-wso"
    ][0]
    assert grundy["signed"] is None
    assert grundy["flags"] == [norm.flag("signed", "5025-07-07", "impossible_date")]


def test_signing_years_run_from_2016(reference) -> None:
    recs = _records(SNAPSHOTS / "participating_2026-05-18am.csv")
    years = {int(r["signed"][:4]) for r in recs if r["signed"]}
    assert min(years) == 2016 and max(years) == 2026


def test_link_cells(tmp_path: Path) -> None:
    url = "https://www.ice.gov/doclib/287gMOA/X_JEM_MOA_1.pdf"
    assert link("moa", "link", url) == (url, False, [])
    assert link("moa", "link pending ", None) == (None, True, [])
    assert link("moa", None, None) == (None, False, [])
    assert link("moa", url, None) == (url, False, [])  # a bare URL in the MOA cell


def test_link_pipe_addendum_with_non_breaking_spaces() -> None:
    raw = "link\xa0|\xa0addendum"
    url = "https://www.ice.gov/doclib/287gMOA/a.pdf"
    assert link("moa", raw, url) == (url, False, [norm.flag("addendum", raw, "two_links")])
    assert link("moa", raw, None)[2][-1]["problem"] == "link text without a URL"


def test_link_pipe_addendum_in_the_real_lists(reference) -> None:
    recs = _records(SNAPSHOTS / "participating_2025-02-21.csv")
    flagged = [r for r in recs if ("addendum", norm.PROBLEMS["two_links"]) in _problems(r)]
    assert len(flagged) == 3 and all(r["moa"] is None for r in flagged)


def test_bare_url_in_the_moa_cell(reference) -> None:
    recs = _records(SNAPSHOTS / "participating_2025-05-16am.csv")
    uf = [r for r in recs if r["id"] == "fl-university-of-florida-police-department-tfm"][0]
    assert uf["moa"] == "https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf"


def test_addendum_column_hyperlinks(tmp_path: Path) -> None:
    row = part_row()
    row[7] = "link"
    path = write_xlsx(
        tmp_path / "p.xlsx",
        PART_HEADER,
        [row],
        {(0, "MOA"): "https://x.gov/m.pdf", (0, "ADDENDUM"): "https://x.gov/a.pdf"},
    )
    rec = _records(path)[0]
    assert (rec["moa"], rec["addendum"]) == ("https://x.gov/m.pdf", "https://x.gov/a.pdf")


def test_old_urls_with_spaces_are_encoded_and_flagged() -> None:
    raw = "https://www.ice.gov/doclib/287gMOA/287gJEM_ etowahCoAL_06-09-2020.pdf"
    url, pending, flags = link("moa", raw, None)
    assert url == raw.replace(" ", "%20") and flags == [norm.flag("moa", raw, "url_space")]


def test_safelinks_are_unwrapped_and_flagged() -> None:
    wrapped = (
        "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov"
        "%2Fdoclib%2F287gMOA%2FA_TFM_MOA_06052025.pdf&data=05%7C02"
    )
    url, _, flags = link("moa", "link", wrapped)
    assert url == "https://www.ice.gov/doclib/287gMOA/A_TFM_MOA_06052025.pdf"
    assert flags == [norm.flag("moa", wrapped, "safelinks")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("participatingAgencies05182026am.xlsx", AsOf(dt.date(2026, 5, 18), "am")),
        ("participating_2025-07-18pm.csv", AsOf(dt.date(2025, 7, 18), "pm")),
        ("participating_2021-01-13_wayback.csv", AsOf(dt.date(2021, 1, 13))),
        ("participatingAgencies-20250221214937.xlsx", AsOf(dt.date(2025, 2, 21))),
        ("ParticipatingAgencies07182025pmB.xlsx", AsOf(dt.date(2025, 7, 18), "pm")),
        ("participatingAgencies07182025pm2.xlsx", AsOf(dt.date(2025, 7, 18), "pm")),
        ("participatingAgencies07182025_b.xlsx", AsOf(dt.date(2025, 7, 18))),
        ("287gParticipatingAgencies091526pm.xlsx", AsOf(dt.date(2026, 9, 15), "pm")),
        ("participatingAgencies090022025am.xlsx", None),
    ],
)
def test_file_name_dates(name: str, expected: AsOf | None) -> None:
    assert infer_as_of(name) == expected


def test_malformed_file_name_date_needs_as_of(small_xlsx: Path, tmp_path: Path) -> None:
    bad = small_xlsx.rename(tmp_path / "participatingAgencies090022025am.xlsx")
    with pytest.raises(ListError, match="--as-of"):
        run_import(bad, data_dir=tmp_path / "data", out=lambda _: None)
    run_import(
        bad, data_dir=tmp_path / "data", as_of=AsOf(dt.date(2025, 9, 2), "am"), out=lambda _: None
    )


def test_wrong_year_in_file_name_warns(tmp_path: Path) -> None:
    rows = [part_row(signed=dt.datetime(2026, 1, 2))]
    path = write_xlsx(tmp_path / "participatingAgencies01052025pm.xlsx", PART_HEADER, rows)
    lines: list[str] = []
    run_import(path, data_dir=tmp_path / "data", out=lines.append, dry_run=True)
    assert any(line.startswith("WARNING: 1 agreement(s) signed after") for line in lines)


def test_list_kind_comes_from_the_columns_not_the_file_name(tmp_path: Path) -> None:
    pending_inside = write_xlsx(
        tmp_path / "participatingAgencies05152025am.xlsx",
        PEND_HEADER,
        [["TEXAS", "X Police Department", "Municipality", "Y County", "Task Force Model"]],
    )
    assert read_list(pending_inside).kind == "pending"


@pytest.mark.parametrize(("state", "code"), [("GUAM", "GU"), ("NORTHERN MARIANA ISLANDS", "MP")])
def test_territories(state: str, code: str) -> None:
    assert norm.state_code(state) == code


def test_guam_in_the_real_list(reference) -> None:
    guam = [r for r in _records(SNAPSHOTS / "participating_2026-05-18am.csv") if r["state"] == "GU"]
    assert guam and guam[0]["county"] == "Kattan District"


def test_line_breaks_are_joined_and_flagged(tmp_path: Path) -> None:
    rows = [
        [
            "VIRGINIA",
            "Rappahannock, Shenandoah,\nWarren Regional Jail Authority",
            "County",
            "\nSchuylkill County",
            "Warrant Service Officer",
            "2025-08-28",
            "link pending",
        ]
    ]
    path = write_csv(tmp_path / "participating_2025-10-01am.csv", PART_HEADER[:7], rows)
    rec = _records(path)[0]
    assert rec["agency"] == "Rappahannock, Shenandoah, Warren Regional Jail Authority"
    assert rec["county"] == "Schuylkill County"
    assert [f["field"] for f in rec["flags"]] == ["agency", "county"]
    assert rec["moa_pending"] is True


def test_late_pending_lists_may_carry_an_moa_column(tmp_path: Path) -> None:
    rows = [
        ["TEXAS", "X Police Department", "Municipality", "Y County", "Task Force Model", "link"]
    ]
    path = write_xlsx(
        tmp_path / "pendingAgencies01052026am.xlsx",
        [*PEND_HEADER, "MOA"],
        rows,
        {(0, "MOA"): "https://x.gov/m.pdf"},
    )
    rec = _records(path)[0]
    assert rec["moa"] == "https://x.gov/m.pdf" and "signed" not in rec


def test_unknown_column_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "participating_2025-01-01.csv", [*PART_HEADER, "NOTES"], [])
    with pytest.raises(ListError, match="unknown column 'NOTES'"):
        read_list(path)


def test_repeated_agreement_gets_a_suffixed_id_and_a_flag(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", PART_HEADER, [part_row(), part_row()])
    first, second = _records(path)
    assert first["id"] == "tx-harris-county-sheriffs-office-jem"
    assert second["id"] == first["id"] + "-2"
    assert second["flags"][-1] == norm.flag("id", first["id"], "duplicate")


def test_exactly_1000_rows_warns_of_a_possible_cut_off(tmp_path: Path) -> None:
    rows = [part_row(f"Agency {i} Police Department") for i in range(1000)]
    path = write_csv(tmp_path / "participating_2025-09-22am.csv", PART_HEADER[:7], rows)
    lines: list[str] = []
    run_import(path, data_dir=tmp_path / "data", out=lines.append, dry_run=True)
    assert "WARNING: exactly 1000 rows; ICE's export may have been cut off at 1000" in lines
