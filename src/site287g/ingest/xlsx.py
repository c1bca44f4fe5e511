"""Read the first worksheet of an .xlsx fast: the cell values and hyperlinks openpyxl would give.

openpyxl builds a Python object per cell, per style and per hyperlink; for the 1,213 workbooks
of the archive that is most of a replay. ICE's workbooks (and the archive's own extracts) use
a small part of SpreadsheetML, which this module scans with regular expressions and converts
with openpyxl's own date and number-format rules. Anything it does not handle (merged cells,
hyperlink ranges, cells without a reference, ...) raises Unsupported, and the caller reads the
file with openpyxl instead. tests/ingest/test_replay_xlsx.py checks it equals openpyxl.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from openpyxl.styles.numbers import (
    BUILTIN_FORMATS_REVERSE,
    builtin_format_code,
    is_date_format,
    is_timedelta_format,
)
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel

from .normalize import Cell

Table = list[list[tuple[Cell, str | None]]]

_ATTR = re.compile(r"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ROW = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_V = re.compile(r"<v(?:\s[^>]*)?>(.*?)</v>|<v\s*/>", re.S)
_T = re.compile(r"<t(?:\s[^>]*)?>(.*?)</t>|<t\s*/>", re.S)
_SI = re.compile(r"<si>(.*?)</si>|<si\s*/>", re.S)
_RUN = re.compile(r"<r>(.*?)</r>", re.S)
_SKIP = re.compile(r"<rPh\b.*?</rPh>|<phoneticPr\b[^>]*/>", re.S)
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
# The start tag Excel writes: r, then s and t if set (anything else goes through _attrs).
_COMMON = re.compile(r' r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?\s*')
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_UNSUPPORTED = ("<mergeCell", "<x:", "<![CDATA[")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


class Unsupported(Exception):
    """The workbook uses SpreadsheetML this reader does not handle; use openpyxl."""


def read_table(path: Path) -> Table:
    """Rows of (value, hyperlink target) of the first worksheet, as openpyxl reads them."""
    with zipfile.ZipFile(path) as book:
        parts = _Parts(book)
        sheet = parts.text(parts.sheet)
        if any(tag in sheet for tag in _UNSUPPORTED):
            raise Unsupported(f"{path.name}: merged cells or prefixed XML")
        cells = _cells(sheet, parts)
        _bind_links(sheet, parts, cells)
    return _rectangle(cells)


class _Parts:
    """The parts of one workbook the sheet reader needs."""

    def __init__(self, book: zipfile.ZipFile) -> None:
        """Locate the workbook, its first worksheet, shared strings and date styles."""
        self.book = book
        workbook = _target(self._rels("_rels/.rels"), "officeDocument", "xl/workbook.xml")
        text = self.text(workbook)
        pr = re.search(r"<workbookPr\b([^>]*)>", text)
        date1904 = pr is not None and _attrs(pr[1]).get("date1904") in ("1", "true")
        self.epoch = CALENDAR_MAC_1904 if date1904 else WINDOWS_EPOCH
        rels = self._rels(_rels_path(workbook))
        sheets = [
            rels[_attrs(m[1]).get("r:id", "")]
            for m in re.finditer(r"<sheet\b([^>]*)/?>", text)
            if _attrs(m[1]).get("r:id", "") in rels
        ]
        worksheets = [t for kind, t in sheets if kind == "worksheet"]
        if not worksheets:
            raise Unsupported("no worksheet")
        self.sheet = worksheets[0]
        strings = _target(rels, "sharedStrings", "")
        self.strings = _strings(self.text(strings)) if strings in book.namelist() else []
        styles = _target(rels, "styles", "")
        self.dates, self.timedeltas = _date_styles(
            self.text(styles) if styles in book.namelist() else ""
        )

    def text(self, name: str) -> str:
        """One part as text, with XML's line-end normalisation applied."""
        data = self.book.read(name).decode("utf-8")
        return data.replace("\r\n", "\n").replace("\r", "\n")

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target path inside the archive) of one .rels part."""
        if name not in self.book.namelist():
            return {}
        base = posixpath.dirname(posixpath.dirname(name))
        out = {}
        for m in re.finditer(r"<Relationship\b([^>]*)/?>", self.text(name)):
            a = _attrs(m[1])
            target = a.get("Target", "")
            kind = a.get("Type", "").removeprefix(_REL)
            if a.get("TargetMode") != "External":
                target = target.lstrip("/") if target.startswith("/") else _join(base, target)
            out[a.get("Id", "")] = (kind, target)
        return out

    def links(self) -> dict[str, str]:
        """Relationship id -> target of the first worksheet's relationships."""
        return {rid: target for rid, (_, target) in self._rels(_rels_path(self.sheet)).items()}


def _cells(sheet: str, parts: _Parts) -> dict[tuple[int, int], list]:
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
                a = _attrs(cell[1])
                m = _REF.match(a.get("r", ""))
                if m is None:
                    raise Unsupported("cell without a reference")
                letters, number = m.groups()
            key = (int(number), column_index_from_string(letters))
            out[key] = [_value(a, cell[2] or "", parts), None]
    return out


def _value(a: dict[str, str], inner: str, parts: _Parts) -> Cell:
    """A cell's value as openpyxl's data_only reader gives it."""
    kind = a.get("t", "n")
    if kind == "inlineStr":
        inline = re.search(r"<is>(.*?)</is>", inner, re.S)
        return _text(inline[1]) if inline else None
    m = _V.search(inner)
    raw = _unescape(m[1]) if m and m[1] is not None else None
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


def _bind_links(sheet: str, parts: _Parts, cells: dict[tuple[int, int], list]) -> None:
    """Attach each hyperlink's target to its cell (creating the cell, as openpyxl does)."""
    found = re.findall(r"<hyperlink\b([^>]*)/?>", sheet)
    targets = parts.links() if found else {}
    for attrs in found:
        a = _attrs(attrs)
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


def _strings(text: str) -> list[str]:
    """The shared-string table: plain text of each item (runs joined, phonetics left out)."""
    out = []
    for m in _SI.finditer(text):
        out.append(_text(m[1] or "").replace("x005F_", ""))
    return out


def _text(inner: str) -> str:
    """Text of a string item: its own <t>, then the <t> of each rich-text run."""
    inner = _SKIP.sub("", inner)
    runs = list(_RUN.finditer(inner))
    plain = _RUN.sub("", inner)
    m = _T.search(plain)
    pieces = [m[1] or "" if m else ""]
    for run in runs:
        t = _T.search(run[1])
        if t:
            pieces.append(t[1] or "")
    return _unescape("".join(pieces))


def _date_styles(text: str) -> tuple[set[int], set[int]]:
    """Indices of the cell styles whose number format is a date (and a time span)."""
    custom = {
        int(a["numFmtId"]): a.get("formatCode", "")
        for a in map(_attrs, re.findall(r"<numFmt\b([^>]*)/?>", text))
    }
    xfs = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", text, re.S)
    dates, spans = set(), set()
    for idx, attrs in enumerate(re.findall(r"<xf\b([^>]*?)/?>", xfs[1] if xfs else "")):
        number = int(_attrs(attrs).get("numFmtId", 0))
        fmt = custom.get(number) if number in custom else builtin_format_code(number)
        if number in custom and fmt in BUILTIN_FORMATS_REVERSE:
            fmt = builtin_format_code(BUILTIN_FORMATS_REVERSE[fmt])
        if fmt and is_date_format(fmt):
            dates.add(idx)
        if fmt and is_timedelta_format(fmt):
            spans.add(idx)
    return dates, spans


def _attrs(text: str) -> dict[str, str]:
    """Attributes of one start tag, unescaped, with XML's whitespace normalisation."""
    out = {}
    for name, dq, sq in _ATTR.findall(text):
        value = dq if dq or not sq else sq
        if "\t" in value or "\n" in value:
            value = value.replace("\t", " ").replace("\n", " ")
        out[name] = _unescape(value)
    return out


def _unescape(text: str) -> str:
    """Resolve XML's five named entities and numeric character references."""
    if "&" not in text:
        return text
    return _ENTITY.sub(_entity, text)


def _entity(m: re.Match[str]) -> str:
    """One entity's character."""
    name = m[1]
    if name[0] != "#":
        return _NAMED[name]
    return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))


def _target(rels: dict[str, tuple[str, str]], kind: str, default: str) -> str:
    """Target of the first relationship of a kind, or a default path."""
    return next((t for k, t in rels.values() if k == kind), default)


def _rels_path(part: str) -> str:
    """Path of the .rels part that belongs to a part."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _join(base: str, target: str) -> str:
    """Resolve a relative relationship target against the folder of its source part."""
    return posixpath.normpath(posixpath.join(base, target))
