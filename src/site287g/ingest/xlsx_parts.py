"""The parts of an .xlsx the fast sheet reader needs: where the first worksheet is, its
shared strings, which cell styles are dates, relationships, and XML text unescaped."""

from __future__ import annotations

import posixpath
import re
import zipfile

from openpyxl.styles.numbers import (
    BUILTIN_FORMATS_REVERSE,
    builtin_format_code,
    is_date_format,
    is_timedelta_format,
)
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH

_ATTR = re.compile(r"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_T = re.compile(r"<t(?:\s[^>]*)?>(.*?)</t>|<t\s*/>", re.S)
_SI = re.compile(r"<si>(.*?)</si>|<si\s*/>", re.S)
_RUN = re.compile(r"<r>(.*?)</r>", re.S)
_SKIP = re.compile(r"<rPh\b.*?</rPh>|<phoneticPr\b[^>]*/>", re.S)
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


class Unsupported(Exception):
    """The workbook uses SpreadsheetML this reader does not handle; use openpyxl."""


class Parts:
    """The parts of one workbook the sheet reader needs."""

    def __init__(self, book: zipfile.ZipFile) -> None:
        """Locate the workbook, its first worksheet, shared strings and date styles."""
        self.book = book
        workbook = _target(self._rels("_rels/.rels"), "officeDocument", "xl/workbook.xml")
        text = self.part_text(workbook)
        pr = re.search(r"<workbookPr\b([^>]*)>", text)
        date1904 = pr is not None and attributes(pr[1]).get("date1904") in ("1", "true")
        self.epoch = CALENDAR_MAC_1904 if date1904 else WINDOWS_EPOCH
        rels = self._rels(_rels_path(workbook))
        sheets = [
            rels[attributes(m[1]).get("r:id", "")]
            for m in re.finditer(r"<sheet\b([^>]*)/?>", text)
            if attributes(m[1]).get("r:id", "") in rels
        ]
        worksheets = [t for kind, t in sheets if kind == "worksheet"]
        if not worksheets:
            raise Unsupported("no worksheet")
        self.sheet = worksheets[0]
        shared = _target(rels, "sharedStrings", "")
        self.strings = strings(self.part_text(shared)) if shared in book.namelist() else []
        styles = _target(rels, "styles", "")
        self.dates, self.timedeltas = date_styles(
            self.part_text(styles) if styles in book.namelist() else ""
        )

    def part_text(self, name: str) -> str:
        """One part as text, with XML's line-end normalisation applied."""
        data = self.book.read(name).decode("utf-8")
        return data.replace("\r\n", "\n").replace("\r", "\n")

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target path inside the archive) of one .rels part."""
        if name not in self.book.namelist():
            return {}
        base = posixpath.dirname(posixpath.dirname(name))
        out = {}
        for m in re.finditer(r"<Relationship\b([^>]*)/?>", self.part_text(name)):
            a = attributes(m[1])
            target = a.get("Target", "")
            kind = a.get("Type", "").removeprefix(_REL)
            if a.get("TargetMode") != "External":
                target = target.lstrip("/") if target.startswith("/") else _join(base, target)
            out[a.get("Id", "")] = (kind, target)
        return out

    def links(self) -> dict[str, str]:
        """Relationship id -> target of the first worksheet's relationships."""
        return {rid: target for rid, (_, target) in self._rels(_rels_path(self.sheet)).items()}


def strings(text: str) -> list[str]:
    """The shared-string table: plain text of each item (runs joined, phonetics left out)."""
    out = []
    for m in _SI.finditer(text):
        out.append(item_text(m[1] or "").replace("x005F_", ""))
    return out


def item_text(inner: str) -> str:
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
    return unescape("".join(pieces))


def date_styles(text: str) -> tuple[set[int], set[int]]:
    """Indices of the cell styles whose number format is a date (and a time span)."""
    custom = {
        int(a["numFmtId"]): a.get("formatCode", "")
        for a in map(attributes, re.findall(r"<numFmt\b([^>]*)/?>", text))
    }
    xfs = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", text, re.S)
    dates, spans = set(), set()
    for idx, attrs in enumerate(re.findall(r"<xf\b([^>]*?)/?>", xfs[1] if xfs else "")):
        number = int(attributes(attrs).get("numFmtId", 0))
        fmt = custom.get(number) if number in custom else builtin_format_code(number)
        if number in custom and fmt in BUILTIN_FORMATS_REVERSE:
            fmt = builtin_format_code(BUILTIN_FORMATS_REVERSE[fmt])
        if fmt and is_date_format(fmt):
            dates.add(idx)
        if fmt and is_timedelta_format(fmt):
            spans.add(idx)
    return dates, spans


def attributes(text: str) -> dict[str, str]:
    """Attributes of one start tag, unescaped, with XML's whitespace normalisation."""
    out = {}
    for name, dq, sq in _ATTR.findall(text):
        value = dq if dq or not sq else sq
        if "\t" in value or "\n" in value:
            value = value.replace("\t", " ").replace("\n", " ")
        out[name] = unescape(value)
    return out


def unescape(text: str) -> str:
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
