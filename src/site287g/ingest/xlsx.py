"""Read the first worksheet of an .xlsx fast: the cell values and hyperlinks openpyxl would give.

openpyxl builds a Python object per cell, per style and per hyperlink; for the 1,213 workbooks
of the archive that is most of a replay. ICE's workbooks (and the archive's own extracts) use
a small part of SpreadsheetML, which this module scans with regular expressions and converts
with openpyxl's own date and number-format rules. Anything it does not handle (merged cells,
hyperlink ranges, cells without a reference, ...) raises Unsupported, and the caller reads the
file with openpyxl instead. tests/ingest/test_replay_xlsx.py checks it equals openpyxl.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel

from .normalize import Cell
from .xlsx_parts import Parts, Unsupported, attributes, item_text, unescape

Table = list[list[tuple[Cell, str | None]]]

_ROW = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_V = re.compile(r"<v(?:\s[^>]*)?>(.*?)</v>|<v\s*/>", re.S)
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
# The start tag Excel writes: r, then s and t if set (anything else goes through attrs).
_COMMON = re.compile(r' r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?\s*')
_UNSUPPORTED = ("<mergeCell", "<x:", "<![CDATA[")
__all__ = ["Table", "Unsupported", "read_table"]


def read_table(path: Path) -> Table:
    """Rows of (value, hyperlink target) of the first worksheet, as openpyxl reads them."""
    with zipfile.ZipFile(path) as book:
        parts = Parts(book)
        sheet = parts.part_text(parts.sheet)
        if any(tag in sheet for tag in _UNSUPPORTED):
            raise Unsupported(f"{path.name}: merged cells or prefixed XML")
        cells = _cells(sheet, parts)
        _bind_links(sheet, parts, cells)
    return _rectangle(cells)


def _cells(sheet: str, parts: Parts) -> dict[tuple[int, int], list]:
    """Every cell element of the sheet data as (row, column) -> [value, hyperlink]."""
    data = sheet.split("<sheetData", 1)[-1].split("</sheetData>", 1)[0]
    out: dict[tuple[int, int], list] = {}
    for row in _ROW.finditer(data):
        if " r=" not in row[1]:
            raise Unsupported("row without a number")
        for cell in _CELL.finditer(row[2] or ""):
            common = _COMMON.fullmatch(cell[1])
            if common:
                letters, number, style, kind = common.groups()
                a = {"s": style or "0", "t": kind or "n"}
            else:
                a = attributes(cell[1])
                m = _REF.match(a.get("r", ""))
                if m is None:
                    raise Unsupported("cell without a reference")
                letters, number = m.groups()
            key = (int(number), column_index_from_string(letters))
            out[key] = [_value(a, cell[2] or "", parts), None]
    return out


def _value(a: dict[str, str], inner: str, parts: Parts) -> Cell:
    """A cell's value as openpyxl's data_only reader gives it."""
    kind = a.get("t", "n")
    if kind == "inlineStr":
        inline = re.search(r"<is>(.*?)</is>", inner, re.S)
        return item_text(inline[1]) if inline else None
    m = _V.search(inner)
    raw = unescape(m[1]) if m and m[1] is not None else None
    if not raw:
        return None
    style = int(a.get("s") or 0)
    if kind == "n":
        number: int | float = float(raw) if any(c in raw for c in ".Ee") else int(raw)
        if style in parts.dates:
            try:
                return from_excel(number, parts.epoch, timedelta=style in parts.timedeltas)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number
    if kind == "s":
        return parts.strings[int(raw)]
    if kind in ("str", "e"):
        return raw
    raise Unsupported(f"cell type {kind!r}")


def _bind_links(sheet: str, parts: Parts, cells: dict[tuple[int, int], list]) -> None:
    """Attach each hyperlink's target to its cell (creating the cell, as openpyxl does)."""
    found = re.findall(r"<hyperlink\b([^>]*)/?>", sheet)
    targets = parts.links() if found else {}
    for tag in found:
        a = attributes(tag)
        m = _REF.match(a.get("ref", ""))
        if m is None:
            raise Unsupported("hyperlink over a range of cells")
        rid = a.get("r:id")
        target = targets.get(rid) if rid else None
        if rid and target is None:
            raise Unsupported("hyperlink without its relationship")
        cell = cells.setdefault((int(m[2]), column_index_from_string(m[1])), [None, None])
        cell[1] = target


def _rectangle(cells: dict[tuple[int, int], list]) -> Table:
    """Rows 1 to the last cell's, each from column A to the widest row's last (None-filled)."""
    if not cells:
        return []
    last_row = max(r for r, _ in cells)
    last_col = max(c for _, c in cells)
    blank = (None, None)
    return [
        [tuple(cells[(r, c)]) if (r, c) in cells else blank for c in range(1, last_col + 1)]
        for r in range(1, last_row + 1)
    ]
