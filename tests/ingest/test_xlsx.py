"""The fast workbook reader gives what openpyxl's full mode gives: every value and every
hyperlink of every sheet, on ICE's real workbooks (the reference ones and a spread of the
archive's)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from site287g.ingest.xlsx import worksheets

from .conftest import RAW_XLSX, REFERENCE

ARCHIVE = REFERENCE / "archive"


def _workbooks() -> list[Path]:
    """The reference workbooks, and every 100th of the archive's (by name)."""
    found = sorted(RAW_XLSX.glob("*.xlsx"))
    found += sorted(ARCHIVE.glob("*.xlsx"))[::100]
    return found


def _trimmed(rows: list[list[tuple]]) -> list[list[tuple]]:
    """Rows without their trailing empty cells, and without trailing empty rows."""
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] == (None, None):
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def _openpyxl(data: bytes) -> list[tuple[str, list[list[tuple]]]]:
    """(title, rows of (value, hyperlink target)) of each sheet, by openpyxl's full mode."""
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    return [
        (
            sheet.title,
            [
                [(c.value, c.hyperlink.target if c.hyperlink else None) for c in row]
                for row in sheet.iter_rows()
            ],
        )
        for sheet in book.worksheets
    ]


@pytest.mark.parametrize("path", _workbooks(), ids=lambda p: p.name)
def test_fast_reader_equals_openpyxl(path: Path) -> None:
    """Same sheets, same values, same links, cell for cell."""
    data = path.read_bytes()
    ours = [(title, _trimmed(rows)) for title, rows in worksheets(data)]
    theirs = [(title, _trimmed(rows)) for title, rows in _openpyxl(data)]
    assert [t for t, _ in ours] == [t for t, _ in theirs]
    for (title, mine), (_, expected) in zip(ours, theirs, strict=True):
        assert len(mine) == len(expected), f"{path.name} {title}: row count"
        for number, (a, b) in enumerate(zip(mine, expected, strict=True), 1):
            assert a == b, f"{path.name} {title} row {number}"
