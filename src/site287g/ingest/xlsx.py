"""One worksheet as rows of (value, hyperlink target), read in a single pass with lxml.

openpyxl's streaming mode drops hyperlinks and its full mode is several times slower, so
openpyxl opens the workbook (sheets, shared strings, date styles) and this module reads a sheet's
cells and hyperlinks, converting values as openpyxl does when it reads cached values
(data_only=True). Checked against openpyxl's full mode on every workbook of ICE's archive.
"""

from __future__ import annotations

import zipfile

from lxml import etree
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import REL_NS, SHEET_MAIN_NS

from .normalize import Cell

_M = f"{{{SHEET_MAIN_NS}}}"
ROW, CELL, VALUE, LINK = f"{_M}row", f"{_M}c", f"{_M}v", f"{_M}hyperlink"
INLINE, TEXT, RUN = f"{_M}is", f"{_M}t", f"{_M}r"
REL_ID = f"{{{REL_NS}}}id"
_DIGITS = "0123456789"
_SAFE = {"resolve_entities": False, "no_network": True}


def sheet_table(book: object, sheet: object) -> list[list[tuple[Cell, str | None]]]:
    """Values and hyperlinks of one sheet of a workbook opened with read_only=True."""
    archive, part = book._archive, sheet._worksheet_path  # type: ignore[attr-defined]
    strings = sheet._shared_strings  # type: ignore[attr-defined]
    dates, spans = book._date_formats, book._timedelta_formats  # type: ignore[attr-defined]
    epoch = book.epoch  # type: ignore[attr-defined]
    rows: list[list[Cell]] = []
    found: list[tuple[str, str | None]] = []
    number = 0
    with archive.open(part) as src:
        for _, element in etree.iterparse(src, tag=(ROW, LINK), **_SAFE):
            if element.tag == LINK:
                found.append((element.get("ref"), element.get(REL_ID)))
                continue
            number = int(float(element.get("r") or number + 1))
            values: list[Cell] = []
            for index, cell in enumerate(element.iterchildren(CELL), 1):
                if not len(cell):  # no <v> or <is>: an empty (formatted) cell
                    continue
                ref = cell.get("r")
                column = column_index_from_string(ref.rstrip(_DIGITS)) if ref else index
                values.extend([None] * (column - 1 - len(values)))
                values.append(_value(cell, strings, dates, spans, epoch))
            element.clear()
            if values:
                rows.extend([] for _ in range(number - 1 - len(rows)))
                rows.append(values)
    links = _links(archive, part, found)
    for r, c in links:  # a hyperlink on an empty cell still counts
        rows.extend([] for _ in range(r - len(rows)))
        rows[r - 1].extend([None] * (c - len(rows[r - 1])))
    return [[(v, links.get((r, c))) for c, v in enumerate(row, 1)] for r, row in enumerate(rows, 1)]


def _value(cell: etree._Element, strings: list, dates: set, spans: set, epoch: object) -> Cell:
    """A cell's value the way openpyxl gives it with data_only=True."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(INLINE)
        if inline is None:
            return None
        runs = [inline.findtext(TEXT)] + [r.findtext(TEXT) for r in inline.iterfind(RUN)]
        return "".join(t for t in runs if t is not None)
    text = cell.findtext(VALUE) or None
    if text is None:
        return None
    if kind == "n":
        number = float(text) if any(c in text for c in ".Ee") else int(text)
        style = int(cell.get("s") or 0)
        if style not in dates:
            return number
        try:
            return from_excel(number, epoch, timedelta=style in spans)
        except (OverflowError, ValueError):  # openpyxl turns an impossible date into an error
            return "#VALUE!"
    if kind == "s":
        return strings[int(text)]
    if kind == "b":
        return bool(int(text))
    if kind == "d":
        return from_ISO8601(text)
    return text  # "str" (a formula's cached text) and "e" (an error such as #N/A)


def _links(
    archive: zipfile.ZipFile, part: str, found: list[tuple[str, str | None]]
) -> dict[tuple[int, int], str | None]:
    """(row, column) -> hyperlink target for every cell a sheet's hyperlinks cover."""
    targets: dict[str, str] = {}
    rels = get_rels_path(part)
    if found and rels in archive.namelist():
        root = etree.fromstring(archive.read(rels), etree.XMLParser(**_SAFE))
        targets = {e.get("Id"): e.get("Target") for e in root if isinstance(e.tag, str)}
    links: dict[tuple[int, int], str | None] = {}
    for ref, rel in found:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                links.setdefault((r, c), targets.get(rel) if rel else None)
    return links
