"""The cells of a list file: each sheet of a workbook (values and hyperlinks) or a CSV's table.

The file's content, not its name, decides how it is read, and a file that is no list at all (an
empty download, the web page ice.gov sends instead of a blocked file, a damaged workbook, text in
an unknown encoding) is refused in plain words, never with a traceback.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from .errors import ListError
from .normalize import Cell

Table = list[list[tuple[Cell, str | None]]]  # rows of (value, hyperlink target)
T = TypeVar("T")

SUFFIXES = (".xlsx", ".xlsm", ".csv")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls)
_HTML = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
_AGAIN = "download it again"
# What reading a damaged workbook raises: zip and XML errors, and openpyxl's KeyError, ValueError
# and the like on missing or malformed parts. (A NameError or ImportError is a bug: not caught.)
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    SyntaxError,  # xml.etree and lxml parse errors
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
)


def tables(path: Path) -> Iterator[tuple[str | None, Table]]:
    """Yield (sheet title, table) for each sheet of a workbook, or (None, table) for a CSV."""
    name, data = path.name, path.read_bytes()
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not data:
        raise ListError(
            f"{name}: the file is empty (0 bytes): the download did not finish; {_AGAIN}"
        )
    if head.startswith(_HTML) or (head.startswith(b"<?xml") and b"<html" in head):
        raise ListError(
            f"{name}: this file is a web page, not a workbook: ice.gov sends one when it blocks a "
            "download; download it again in a browser"
        )
    if data.startswith(_OLE):
        raise ListError(
            f"{name}: this is an old Excel 97-2003 workbook (.xls); open it in Excel and save it "
            "as an .xlsx workbook"
        )
    if data.startswith(_ZIP):
        yield from _workbook(name, data)
        return
    if path.suffix.lower() != ".csv":
        what = "an .xlsx workbook is a zip archive" if path.suffix.lower() in SUFFIXES else ""
        raise ListError(
            f"{name}: this file is not a workbook or a CSV ({what + '; ' if what else ''}"
            f"it starts with {data[:16]!r}); {_AGAIN}"
        )
    yield None, _csv(name, data)


def _workbook(name: str, data: bytes) -> list[tuple[str | None, Table]]:
    """Each worksheet of a workbook with its title."""
    from .xlsx import worksheets  # imported here: reading a CSV should not pay for openpyxl

    return _guarded(name, lambda: list(worksheets(data)))


def _guarded(name: str, read: Callable[[], T]) -> T:
    """Run one step of reading a workbook; any failure means the file is damaged."""
    try:
        return read()
    except _DAMAGED as exc:
        raise ListError(
            f"{name}: the workbook is damaged or incomplete (the download may have been cut "
            f"off; {type(exc).__name__}: {exc}); {_AGAIN}"
        ) from exc


def _csv(name: str, data: bytes) -> Table:
    """Cells of a CSV in UTF-8 (with or without BOM) or Windows-1252 (Excel on Windows)."""
    if b"\x00" in data:
        raise ListError(f"{name}: this file is not text (it holds NUL bytes); {_AGAIN}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ListError(
                f"{name}: the text is neither UTF-8 nor Windows-1252 (byte "
                f"0x{data[exc.start]:02x} on line {line}); save it from Excel as "
                '"CSV UTF-8"'
            ) from exc
    try:
        return [[(v, None) for v in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise ListError(f"{name}: the CSV cannot be read ({exc})") from exc
