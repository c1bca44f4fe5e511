"""Read an ICE agency list (.xlsx or .csv) into raw rows keyed by canonical column names."""

from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import Cell

# Header text (upper-case, single spaces) -> canonical column name.
COLUMNS: dict[str, str] = {
    "STATE": "state",
    "LAW ENFORCEMENT AGENCY": "agency",
    "TYPE": "type",
    "COUNTY": "county",
    "SUPPORT TYPE": "model",
    "SIGNED": "signed",
    "MOA": "moa",
    "ADDENDUM": "addendum",
    "MOA_URL": "moa_url",  # our CSV snapshots: hyperlink behind the MOA cell
    "ADDENDUM_URL": "addendum_url",
}
REQUIRED: tuple[str, ...] = ("state", "agency", "model")
HYPERLINKED: dict[str, str] = {"moa": "moa_url", "addendum": "addendum_url"}


class ListError(Exception):
    """A file that cannot be imported at all (unknown columns, wrong list, unreadable)."""


@dataclass
class RawList:
    """The rows of one list file as read, before any normalising."""

    source: str
    columns: list[str]
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)
    blank_rows: int = 0

    @property
    def kind(self) -> str:
        """Participating lists have a SIGNED column; pending lists do not."""
        return "participating" if "signed" in self.columns else "pending"


def read_list(path: Path) -> RawList:
    """Read the first sheet of an .xlsx or a .csv snapshot."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise ListError(f"{path.name}: not an .xlsx or .csv file")
    try:
        table = _csv_rows(path) if suffix == ".csv" else _xlsx_rows(path)
    except (UnicodeDecodeError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ListError(f"{path.name}: cannot read the file ({exc})") from exc
    if not table:
        raise ListError(f"{path.name}: the file is empty")
    columns = _columns(path.name, table[0])
    out = RawList(source=path.name, columns=[c for c in columns if c])
    for number, cells in enumerate(table[1:], start=2):
        if all(_blank(v) for v, _ in cells):
            out.blank_rows += 1
            continue
        row: dict[str, Cell] = {}
        for (value, link), name in zip(cells, columns, strict=False):
            if name is None:
                if not _blank(value):
                    raise ListError(
                        f"{path.name}: row {number} has a value in a column "
                        f"without a header: {value!r}"
                    )
                continue
            row[name] = value
            if name in HYPERLINKED and link and not row.get(HYPERLINKED[name]):
                row[HYPERLINKED[name]] = link
        out.rows.append((number, row))
    return out


def _columns(name: str, header: list[tuple[Cell, str | None]]) -> list[str | None]:
    """Map header cells to canonical names; refuse unknown or missing columns."""
    columns: list[str | None] = []
    for value, _ in header:
        text = re.sub(r"\s+", " ", str(value or "").replace("\xa0", " ")).strip().upper()
        if text and text not in COLUMNS:
            known = ", ".join(COLUMNS)
            raise ListError(f"{name}: unknown column {text!r}; known columns: {known}")
        columns.append(COLUMNS.get(text))
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ListError(f"{name}: missing column(s) {', '.join(missing)}; is this an ICE list?")
    return columns


def _blank(value: Cell) -> bool:
    """Tell whether a cell is empty or whitespace only."""
    return value is None or (isinstance(value, str) and not value.replace("\xa0", " ").strip())


def _xlsx_rows(path: Path) -> list[list[tuple[Cell, str | None]]]:
    """Cell values and hyperlink targets of the first worksheet."""
    import openpyxl  # imported here: reading a CSV should not pay for it

    # read_only mode would drop hyperlinks, so the workbook is loaded in full.
    book = openpyxl.load_workbook(path, data_only=True)
    sheet = book.worksheets[0]
    rows = [
        [(c.value, c.hyperlink.target if c.hyperlink else None) for c in row]
        for row in sheet.iter_rows()
    ]
    book.close()
    return rows


def _csv_rows(path: Path) -> list[list[tuple[Cell, str | None]]]:
    """Cells of a CSV snapshot (multi-line quoted fields allowed); no hyperlinks."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return [[(v, None) for v in row] for row in csv.reader(fh)]
