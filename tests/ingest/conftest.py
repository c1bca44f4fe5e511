"""Shared fixtures: the reference folder, and tiny hand-made ICE lists."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "287g"
SNAPSHOTS = REFERENCE / "snapshots"
RAW_XLSX = REFERENCE / "raw_xlsx"

PART_HEADER = [
    "STATE",
    "LAW ENFORCEMENT AGENCY",
    "TYPE",
    "COUNTY",
    "SUPPORT TYPE",
    "SIGNED",
    "MOA",
    "ADDENDUM",
]
PEND_HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"]


def with_schemas(folder: Path) -> Path:
    """A data folder holding the project's schemas, as data/ does: the importer checks what it
    writes against them."""
    schema = folder / "schema"
    if not schema.exists():
        folder.mkdir(parents=True, exist_ok=True)
        schema.symlink_to(ROOT / "data" / "schema", target_is_directory=True)
    return folder


@pytest.fixture(autouse=True)
def data_schemas(tmp_path: Path) -> Path:
    """Each test's data folder (tmp_path/data) has the project's schemas."""
    return with_schemas(tmp_path / "data") / "schema"


@pytest.fixture
def reference() -> Path:
    """The 287(g) reference folder (../shared/reference/287g from the repo root)."""
    if not SNAPSHOTS.is_dir():
        pytest.skip(f"reference folder {REFERENCE} is absent (it sits beside the repository)")
    return REFERENCE


def write_xlsx(path: Path, header: list[str], rows: list[list], links: dict | None = None) -> Path:
    """Write a one-sheet workbook; links maps (data row index, column name) -> hyperlink URL."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for (index, column), url in (links or {}).items():
        sheet.cell(row=index + 2, column=header.index(column) + 1).hyperlink = url
    book.save(path)
    return path


def write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    """Write a CSV snapshot the way SOURCES.md describes (dates as YYYY-MM-DD text)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for row in rows:
            out.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in row])
    return path


def part_row(
    agency: str = "Harris County Sheriff's Office",
    model: str = "Jail Enforcement Model",
    state: str = "TEXAS",
    signed: object = dt.datetime(2025, 3, 1),
    moa: str = "link",
    county: str = "Harris County",
    kind: str = "County",
) -> list:
    """One participating row in the 2025-07 shape."""
    return [state, agency, kind, county, model, signed, moa, None]


@pytest.fixture
def small_xlsx(tmp_path: Path) -> Path:
    """A three-row participating list with hyperlinks, named like an ICE file."""
    rows = [
        part_row(),
        part_row(model="Task Force Model"),
        part_row("Ada County Sheriff's Office", state="IDAHO", county="Ada County"),
    ]
    links = {(i, "MOA"): f"https://www.ice.gov/doclib/287gMOA/m{i}.pdf" for i in range(3)}
    return write_xlsx(tmp_path / "participatingAgencies03022025am.xlsx", PART_HEADER, rows, links)


def write_book(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Write a workbook with several sheets, each given as all of its rows in order."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def pend_row(
    agency: str = "Kennett Police Department",
    model: str = "Task Force Model",
    state: str = "MISSOURI",
    county: str = "Dunklin County",
    kind: str = "Municipality",
) -> list:
    """One pending row in the 2025-05 shape."""
    return [state, agency, kind, county, model]
