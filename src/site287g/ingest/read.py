"""Read an ICE agency list (.xlsx or .csv) into raw rows keyed by canonical column names.

The list may sit on any sheet of a workbook, below title rows: its header is the first row, among
the first HEADER_SEARCH rows of a sheet, that holds the required columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..data.vocab import ICE_COLUMNS
from .errors import ListError
from .normalize import Cell
from .sheets import SUFFIXES, Table, tables

__all__ = ["COLUMNS", "ListError", "RawList", "read_list"]

# Header text (upper-case, single spaces) -> canonical column name.
COLUMNS = ICE_COLUMNS  # header text (upper case, single spaces) -> field
REQUIRED: tuple[str, ...] = ("state", "agency", "model")
HYPERLINKED: dict[str, str] = {"moa": "moa_url", "addendum": "addendum_url"}
HEADER_SEARCH = 20  # rows of each sheet searched for the header


@dataclass
class RawList:
    """The rows of one list file as read, before any normalising."""

    source: str
    columns: list[str]
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)
    blank_rows: int = 0
    headers: dict[str, str] = field(default_factory=dict)  # canonical name -> header as written
    sheet: str | None = None  # worksheet title; None for a CSV
    sheet_index: int = 0  # position of that sheet in the workbook
    header_row: int = 1

    @property
    def kind(self) -> str:
        """Participating lists have a SIGNED column; pending lists do not."""
        return "participating" if "signed" in self.columns else "pending"


def read_list(path: Path) -> RawList:
    """Find the list in an .xlsx workbook or a .csv file and read its rows."""
    if path.suffix.lower() not in SUFFIXES:
        raise ListError(f"{path.name}: not an .xlsx or .csv file")
    found: list[tuple[str | None, int, int, Table]] = []
    looked: list[str] = []
    for index, (title, table) in enumerate(tables(path)):
        at = _header_at(table)
        if at is None:
            looked.append(_first_words(title, table))
        else:
            found.append((title, index, at, table))
    if len(found) > 1:
        names = ", ".join(repr(t) for t, *_ in found)
        raise ListError(
            f"{path.name}: sheets {names} each hold a list; save the one to import as its own file"
        )
    if not found:
        raise ListError(
            f"{path.name}: no ICE list found: no row among the first {HEADER_SEARCH} of "
            f"{'any sheet' if len(looked) > 1 else 'the file'} has the columns STATE, "
            f"LAW ENFORCEMENT AGENCY and SUPPORT TYPE ({'; '.join(looked)})"
        )
    return _rows(path.name, *found[0])


def _rows(name: str, title: str | None, index: int, at: int, table: Table) -> RawList:
    """Read the data rows below the header at row index `at`."""
    columns = _columns(name, table[at])
    out = RawList(
        source=name,
        columns=[c for c in columns if c],
        sheet=title,
        sheet_index=index,
        header_row=at + 1,
        headers={c: _text(v) for (v, _), c in zip(table[at], columns, strict=False) if c},
    )
    for number, cells in enumerate(table[at + 1 :], start=at + 2):
        if all(_blank(v) for v, _ in cells):
            out.blank_rows += 1
            continue
        row: dict[str, Cell] = {}
        cells = cells + [(None, None)] * (len(columns) - len(cells))  # short rows: empty cells
        for index, (value, link) in enumerate(cells):
            col = columns[index] if index < len(columns) else None
            if col is not None:
                row[col] = value
                if col in HYPERLINKED and link and not row.get(HYPERLINKED[col]):
                    row[HYPERLINKED[col]] = link
            elif not _blank(value):
                raise ListError(
                    f"{name}: row {number} has a value in a column without a header: {value!r}"
                )
        out.rows.append((number, row))
    return out


def _header_at(table: Table) -> int | None:
    """Index of the header row among the first rows of a sheet, or None if it has none."""
    for index, cells in enumerate(table[:HEADER_SEARCH]):
        names = {COLUMNS.get(_text(v)) for v, _ in cells}
        if all(c in names for c in REQUIRED):
            return index
    return None


def _columns(name: str, header: list[tuple[Cell, str | None]]) -> list[str | None]:
    """Map header cells to canonical names; refuse unknown columns."""
    columns: list[str | None] = []
    for value, _ in header:
        text = _text(value)
        if text and text not in COLUMNS:
            known = ", ".join(COLUMNS)
            raise ListError(f"{name}: unknown column {text!r}; known columns: {known}")
        columns.append(COLUMNS.get(text))
    return columns


def _first_words(title: str | None, table: Table) -> str:
    """What a sheet without a header starts with, for the error message."""
    first = next(([_text(v) for v, _ in r if not _blank(v)] for r in table if _filled(r)), [])
    where = f"sheet {title!r}" if title is not None else "the file"
    if not first:
        return f"{where} is empty"
    return f"{where} starts with {', '.join(repr(t) for t in first[:4])}"


def _filled(cells: list[tuple[Cell, str | None]]) -> bool:
    """Tell whether a row has any non-blank cell."""
    return any(not _blank(v) for v, _ in cells)


def _text(value: Cell) -> str:
    """Header cell text: upper-case, single spaces, non-breaking spaces as spaces."""
    return re.sub(r"\s+", " ", str(value or "").replace("\xa0", " ")).strip().upper()


def _blank(value: Cell) -> bool:
    """Tell whether a cell is empty or whitespace only."""
    return value is None or (isinstance(value, str) and not value.replace("\xa0", " ").strip())
