"""The fast worksheet reader gives exactly what openpyxl gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from site287g.ingest.read import _xlsx_rows
from site287g.ingest.xlsx import Unsupported, read_table

from .conftest import PART_HEADER, REFERENCE, part_row, write_xlsx

# One workbook of each kind the archive holds: the 2021 extracts (inline strings, text dates),
# capture-named ICE files (formulas, errors), rich-text cells, and the largest list.
KINDS = (
    "ParticipatingEntities-20210113002027.xlsx",
    "participatingAgencies-20250221214937.xlsx",
    "participatingAgencies-20250327153531.xlsx",
    "participatingAgencies-20250317231040.xlsx",
    "participatingAgencies05142026am.xlsx",
    "pendingAgencies05152025am.xlsx",
)


@pytest.mark.parametrize("name", KINDS)
def test_archive_workbooks_read_as_openpyxl_reads_them(name: str) -> None:
    path = REFERENCE / "archive" / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert read_table(path) == _xlsx_rows(path)


def test_dates_numbers_hyperlinks_and_gaps(tmp_path: Path) -> None:
    rows = [
        part_row(signed=dt.datetime(2025, 3, 1)),
        part_row("Ada & Co <Sheriff>", signed=45922, moa="link"),
        [None, None, None, None, None, None, None, None],
        part_row("Line\nbreak", signed="05/082025", kind=None),
    ]
    links = {(0, "MOA"): "https://www.ice.gov/doclib/287gMOA/a b.pdf?x=1&y=2"}
    path = write_xlsx(tmp_path / "l.xlsx", PART_HEADER, rows, links)
    book = openpyxl.load_workbook(path)
    book.active["K9"] = "far away"
    book.active["C2"].number_format = "0.00"
    book.save(path)
    assert read_table(path) == _xlsx_rows(path)


def test_merged_cells_are_left_to_openpyxl(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "m.xlsx", PART_HEADER, [part_row()])
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("A2:B2")
    book.save(path)
    with pytest.raises(Unsupported):
        read_table(path)
