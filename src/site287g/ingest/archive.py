"""Find every list file in one or more folders and read each distinct file once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import read, xlsx
from .ids import assign_ids
from .read import ListError, RawList
from .records import Normalised, Rejected, normalise

SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm", ".csv")
# The archive's 2021-2025 extracts link every MOA through the Wayback capture they came from.
_CAPTURE = re.compile(r"(?<=web\.archive\.org/web/)\d{14}(?=(?:id_)?/)")
_PLACEHOLDER = "00000000000000"


@dataclass
class Source:
    """One file as found: its name, bytes' digest, and the list read from it (or why not)."""

    name: str
    path: Path
    digest: str
    raw: RawList | None = None
    error: str | None = None


def find(folders: Iterable[Path]) -> list[Path]:
    """Every list file directly inside the folders, by folder then name."""
    out: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise ListError(f"{folder}: not a folder")
        out += sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    return out


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes (identical files are read once)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_sources(paths: Iterable[Path]) -> list[Source]:
    """A Source per path; files with the same bytes share one reading."""
    seen: dict[str, Source] = {}
    out: list[Source] = []
    for path in paths:
        key = digest(path)
        first = seen.get(key)
        if first is None:
            first = seen[key] = Source(path.name, path, key)
            try:
                first.raw = read_file(path)
            except ListError as exc:
                first.error = str(exc)
            out.append(first)
        else:
            out.append(Source(path.name, path, key, first.raw, first.error))
    return out


def read_file(path: Path) -> RawList:
    """read.read_list, with the fast worksheet reader where it applies."""
    if path.suffix.lower() != ".xlsx":
        return read.read_list(path)
    try:
        table = xlsx.read_table(path)
    except xlsx.Unsupported:
        return read.read_list(path)
    except (UnicodeDecodeError, KeyError, ValueError, OSError) as exc:
        raise ListError(f"{path.name}: cannot read the file ({exc})") from exc
    return from_table(path.name, table)


def from_table(name: str, table: xlsx.Table) -> RawList:
    """The RawList read.read_list builds from a worksheet's cells (same rules, same errors)."""
    # Mirrors the loop in read.read_list, which takes a path rather than cells.
    if not table:
        raise ListError(f"{name}: the file is empty")
    columns = read._columns(name, table[0])
    out = RawList(source=name, columns=[c for c in columns if c])
    for number, cells in enumerate(table[1:], start=2):
        if all(read._blank(v) for v, _ in cells):
            out.blank_rows += 1
            continue
        row: dict = {}
        for (value, link), column in zip(cells, columns, strict=False):
            if column is None:
                if not read._blank(value):
                    raise ListError(
                        f"{name}: row {number} has a value in a column without a header: {value!r}"
                    )
                continue
            row[column] = value
            if column in read.HYPERLINKED and link and not row.get(read.HYPERLINKED[column]):
                row[read.HYPERLINKED[column]] = link
        out.rows.append((number, row))
    return out


class RowCache:
    """records.normalise, one row at a time, each distinct row normalised once.

    Consecutive ICE lists share almost every row, so a replay of the archive normalises about
    13,000 distinct rows instead of 400,000.
    """

    def __init__(self) -> None:
        """Start with an empty cache."""
        self._rows: dict[tuple, tuple[dict | None, Rejected | None]] = {}

    def normalise(self, raw: RawList, latest_year: int, ids: bool = True) -> Normalised:
        """What records.normalise(raw, latest_year) returns; without ``ids``, no ids are set
        (and no duplicate flags added), which a replay's older lists do not need."""
        out = Normalised(kind=raw.kind)
        shape = (raw.kind, tuple(raw.columns), latest_year)
        for number, cells in raw.rows:
            general, stamp = _without_capture(cells)
            key = (shape, tuple(general.items()))
            hit = self._rows.get(key)
            if hit is None:
                one = normalise(RawList(raw.source, raw.columns, [(number, general)]), latest_year)
                rec = one.records[0] if one.records else None
                if rec is not None:
                    rec.pop("id")
                hit = self._rows[key] = (rec, one.rejected[0] if one.rejected else None)
            rec, rejected = hit
            if rec is None:
                out.rejected.append(
                    Rejected(number, rejected.reason, _put_back(rejected.raw, stamp))
                )
                continue
            rec = _put_back(rec, stamp) if stamp else dict(rec)
            rec["flags"] = list(rec.get("flags", ()))
            out.records.append(rec)
            out.rows.append(number)
        if ids:
            # Ids and duplicate flags depend on the whole list, as in records.normalise.
            for rec, dup in zip(out.records, assign_ids(out.records), strict=True):
                if dup:
                    rec["flags"].append(dup)
            out.records = [_ordered(r) for r in out.records]
        return out


def _ordered(rec: dict) -> dict:
    """Id first, then the record's fields in order; empty flags left out (records._ordered)."""
    return {"id": rec["id"], **{k: v for k, v in rec.items() if k != "id" and (k != "flags" or v)}}


def _without_capture(cells: dict) -> tuple[dict, str | None]:
    """The row with its one Wayback capture time replaced by zeros (and that time)."""
    stamps = {
        m
        for v in cells.values()
        if isinstance(v, str) and "web.archive.org" in v
        for m in _CAPTURE.findall(v)
    }
    if len(stamps) != 1:
        return cells, None
    general = {
        k: _CAPTURE.sub(_PLACEHOLDER, v) if isinstance(v, str) else v for k, v in cells.items()
    }
    return general, stamps.pop()


def _put_back(value: dict, stamp: str | None) -> dict:
    """A copy of a record or raw row with the capture time put back into its text."""
    if stamp is None:
        return dict(value)
    out = {k: _CAPTURE.sub(stamp, v) if isinstance(v, str) else v for k, v in value.items()}
    if "flags" in out:
        out["flags"] = [_put_back(f, stamp) for f in out["flags"]]
    return out
