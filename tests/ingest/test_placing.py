"""Placing every row: misspelled states, models and types are matched to the one name they are
clearly closest to (flagged); a blank model is taken from evidence; any other row stops the
import unless it is let through explicitly, and then it is kept in quality.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from site287g.ingest import load
from site287g.ingest import normalize as norm
from site287g.ingest.guards import ImportRefused
from site287g.ingest.importer import run_import
from site287g.ingest.read import read_list
from site287g.ingest.records import normalise

from .conftest import PART_HEADER, PEND_HEADER, part_row, pend_row, write_xlsx

NAME = "participatingAgencies03022025am.xlsx"
MATCHED = "unrecognised spelling, matched to the closest name"


def _quiet(_: str) -> None:
    """Swallow importer output."""


@pytest.mark.parametrize(
    ("raw", "code"), [("WEST VIRIGINIA", "WV"), ("WEST VIRIGINA ", "WV"), ("MCHIGAN", "MI")]
)
def test_misspelled_states_from_ice_lists_are_matched(raw: str, code: str) -> None:
    assert norm.state(raw) == (code, [{"field": "state", "raw": raw, "problem": MATCHED}])


@pytest.mark.parametrize(
    ("raw", "code"), [("Jail Enforcment Model ", "jem"), ("Task Force Officer ", "tfm")]
)
def test_misspelled_models_from_ice_lists_are_matched(raw: str, code: str) -> None:
    assert norm.model_code(raw) == (code, [{"field": "model", "raw": raw, "problem": MATCHED}])


def test_misspelled_agency_type_from_an_ice_list_is_matched() -> None:
    raw = "Muncipality "
    assert norm.agency_type(raw, present=True) == (
        "municipality",
        [{"field": "type", "raw": raw, "problem": MATCHED}],
    )


@pytest.mark.parametrize("raw", ["CAROLINA", "N. CAROLINA", "NEW", "ATLANTIS", "DAKOTA"])
def test_states_that_are_not_clearly_one_stay_unmatched(raw: str) -> None:
    assert norm.state(raw) == (None, [])


@pytest.mark.parametrize("raw", ["Boat Model", "Warrant Service", "Model", "287(g)"])
def test_models_that_are_not_clearly_one_stay_unmatched(raw: str) -> None:
    assert norm.model_code(raw) == (None, [])


def test_a_matched_row_keeps_the_raw_value_in_its_flag(tmp_path: Path) -> None:
    row = part_row(state="WEST VIRIGINIA", moa="link pending")
    path = write_xlsx(tmp_path / NAME, PART_HEADER, [row])
    (rec,) = normalise(read_list(path), latest_year=2026).records
    assert rec["id"] == "wv-harris-county-sheriffs-office-jem"
    assert rec["flags"] == [{"field": "state", "raw": "WEST VIRIGINIA", "problem": MATCHED}]


def test_a_blank_model_is_taken_from_the_moa_link(tmp_path: Path) -> None:
    url = "https://www.ice.gov/doclib/287gMOA/MadisonPDFL_TFM_MOA_10062025.pdf"
    path = write_xlsx(tmp_path / NAME, PART_HEADER, [part_row(model="")], {(0, "MOA"): url})
    (rec,) = normalise(read_list(path), latest_year=2026).records
    assert (rec["model"], rec["moa"]) == ("tfm", url)
    assert rec["flags"] == [
        {"field": "model", "raw": "", "problem": "no model given, taken from the MOA link"}
    ]


def test_a_blank_model_is_taken_from_the_agency_in_the_current_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = write_xlsx(tmp_path / "pendingAgencies10032025am.xlsx", PEND_HEADER, [pend_row()])
    run_import(first, data_dir=data, out=_quiet)
    rows = [pend_row(model=""), pend_row("Malden Police Department")]
    run_import(
        write_xlsx(tmp_path / "pendingAgencies10062025pm.xlsx", PEND_HEADER, rows),
        data_dir=data,
        out=_quiet,
    )
    kennett = load.current(data).records["pending"][0]
    assert (kennett["id"], kennett["model"]) == ("mo-kennett-police-department-tfm", "tfm")
    assert kennett["flags"] == [
        {
            "field": "model",
            "raw": "",
            "problem": "no model given, taken from the agency's row in a neighbouring list",
        }
    ]


def test_a_blank_model_the_file_lists_in_another_row_is_not_guessed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = write_xlsx(tmp_path / "pendingAgencies10032025am.xlsx", PEND_HEADER, [pend_row()])
    run_import(first, data_dir=data, out=_quiet)
    rows = [pend_row(model=""), pend_row()]  # the TFM row is still there: the blank is another
    new = write_xlsx(tmp_path / "pendingAgencies10062025pm.xlsx", PEND_HEADER, rows)
    with pytest.raises(ImportRefused) as info:
        run_import(new, data_dir=data, out=_quiet)
    assert info.value.guards == ("unplaced",)
    assert (
        "  pendingAgencies10062025pm.xlsx: row 2: SUPPORT TYPE '': no model given, and neither "
        "the row's MOA link nor the agency's row in the current list tells which (a later list "
        "that does can be named with --evidence)\n"
    ) in str(info.value)


def test_unplaced_rows_stop_the_import_and_come_first(tmp_path: Path) -> None:
    rows = [
        part_row(),
        part_row(state="ATLANTIS"),
        part_row(model="Boat Model"),
        part_row(agency=""),
    ]
    path = write_xlsx(tmp_path / NAME, PART_HEADER, rows)
    with pytest.raises(ImportRefused) as info:
        run_import(path, data_dir=tmp_path / "data", out=_quiet)
    assert str(info.value) == (
        f"{NAME}: refused, nothing written: this list looks wrong:\n"
        f"  {NAME}: row 3: STATE 'ATLANTIS': not a state or territory, and no name of one is "
        "close enough to be sure\n"
        f"  {NAME}: row 4: SUPPORT TYPE 'Boat Model': not a 287(g) model (Jail Enforcement "
        "Model, Task Force Model, Warrant Service Officer), and none is close enough to be sure\n"
        f"  {NAME}: row 5: LAW ENFORCEMENT AGENCY '': no agency name\n"
        "  - 3 of its 4 rows fit no state, agency or model (listed above); if allowed, they are "
        "left out of the data and kept in quality.yml as rejected rows\n"
        "Check the file against ice.gov. If it is right, import it anyway with "
        "--allow unplaced (make import FILE=... ALLOW=unplaced)"
    )
    assert info.value.guard == "unplaced"
    assert not (tmp_path / "data" / "agencies").exists()


def test_unplaced_rows_let_through_are_kept_in_quality_yml(tmp_path: Path) -> None:
    rows = [part_row(), part_row(state="ATLANTIS")]
    path = write_xlsx(tmp_path / NAME, PART_HEADER, rows)
    lines: list[str] = []
    run_import(path, data_dir=tmp_path / "data", out=lines.append, allow={"unplaced"})
    assert lines[:3] == [
        "participating list as of 2025-03-02am: 2 rows read, 1 placed, 1 NOT placed; "
        "1 added, 0 removed, 0 changed",
        "NOT PLACED, let through with --allow unplaced: 1 row(s), kept in quality.yml as "
        "rejected rows:",
        f"  {NAME}: row 3: STATE 'ATLANTIS': not a state or territory, and no name of one is "
        "close enough to be sure",
    ]
    section = load.current(tmp_path / "data").quality["participating"]
    assert (section["rows_read"], section["rows_written"], section["rows_rejected"]) == (2, 1, 1)
    (rejected,) = section["rejected"]
    assert rejected["row"] == 3 and rejected["raw"]["state"] == "ATLANTIS"
    assert rejected["reason"].startswith("STATE 'ATLANTIS': not a state or territory")
