"""The worksheets of a workbook as rows of (value, hyperlink target), each read in one pass.

openpyxl's streaming mode drops hyperlinks, and its full mode, like its parsing of shared
strings and styles, builds an object per XML element, several times slower. So openpyxl finds
the parts (manifest, workbook, sheets) and lxml reads the shared strings, the date styles and
each sheet's cells and hyperlinks; values come out as openpyxl gives them with data_only=True.
Checked against openpyxl's full mode on every workbook of ICE's archive.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import ARC_STYLE, REL_NS, SHARED_STRINGS, SHEET_MAIN_NS

from .normalize import Cell

_M = f"{{{SHEET_MAIN_NS}}}"
ROW, CELL, VALUE, LINK = f"{_M}row", f"{_M}c", f"{_M}v", f"{_M}hyperlink"
INLINE, TEXT, RUN, STRING = f"{_M}is", f"{_M}t", f"{_M}r", f"{_M}si"
REL_ID = f"{{{REL_NS}}}id"
_DIGITS = "0123456789"
_SAFE = {"resolve_entities": False, "no_network": True}


Table = list[list[tuple[Cell, str | None]]]


def worksheets(data: bytes) -> Iterator[tuple[str, Table]]:
    """(title, rows) of each worksheet of a workbook, in the workbook's order."""
    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
    reader.read_manifest()
    reader.read_workbook()
    archive, part = reader.archive, reader.package.find(SHARED_STRINGS)
    strings = _strings(archive, part.PartName[1:]) if part is not None else []
    dates, spans = _date_styles(archive)
    epoch = reader.parser.wb.epoch
    for sheet, rel in reader.parser.find_sheets():
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
            yield sheet.name, sheet_table(archive, rel.target, strings, dates, spans, epoch)


def _strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The shared strings: plain text and the text of each rich-text run, as openpyxl reads."""
    out: list[str] = []
    with archive.open(part) as src:
        for _, si in etree.iterparse(src, tag=STRING, **_SAFE):
            texts = [si.findtext(TEXT)] + [r.findtext(TEXT) for r in si.iterfind(RUN)]
            out.append("".join(t for t in texts if t is not None).replace("x005F_", ""))
            si.clear()
    return out


def _date_styles(archive: zipfile.ZipFile) -> tuple[set[int], set[int]]:
    """Indexes of the cell styles whose number format is a date, and a duration."""
    dates: set[int] = set()
    spans: set[int] = set()
    if ARC_STYLE not in archive.namelist():
        return dates, spans
    root = etree.fromstring(archive.read(ARC_STYLE), etree.XMLParser(**_SAFE))
    custom = {
        int(f.get("numFmtId")): f.get("formatCode")
        for f in root.iterfind(f"{_M}numFmts/{_M}numFmt")
    }
    for index, xf in enumerate(root.iterfind(f"{_M}cellXfs/{_M}xf")):
        number = int(xf.get("numFmtId") or 0)
        code = custom[number] if number in custom else builtin_format_code(number)
        if is_date_format(code):
            dates.add(index)
        if is_timedelta_format(code):
            spans.add(index)
    return dates, spans


def sheet_table(
    archive: zipfile.ZipFile, part: str, strings: list, dates: set, spans: set, epoch: object
) -> Table:
    """Values and hyperlinks of the sheet stored in one part of the archive."""
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
            if len(element):  # a row of formatted empty cells counts, as in openpyxl
                rows.extend([] for _ in range(number - 1 - len(rows)))
                rows.append(values)
            element.clear()
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
