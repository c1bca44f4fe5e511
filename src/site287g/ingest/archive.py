"""Find every list file in one or more folders and read each distinct file once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import read
from .evidence import NO_EVIDENCE
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
    """One list file, read as the importer reads it."""
    return read.read_list(path)


class RowCache:
    """records.normalise, one row at a time, each distinct row normalised once.

    Consecutive ICE lists share almost every row, so a replay of the archive normalises about
    13,000 distinct rows instead of 400,000.
    """

    def __init__(self, evidence: Iterable[dict] = ()) -> None:
        """Start with an empty cache; ``evidence``: records of other lists that may settle a
        blank model (records.normalise), added to what ``learn`` finds."""
        self._rows: dict[tuple, tuple[dict | None, Rejected | None]] = {}
        self.evidence: list[dict] = list(evidence)

    def learn(self, raws: Iterable[RawList]) -> None:
        """Take every placed row of these lists as evidence for blank models (a replay knows
        the lists before and after the one that left a model blank)."""
        seen = {(r["state"], r["agency"], r["model"]) for r in self.evidence}
        for raw in raws:
            for rec in self._normalise(raw, 9999, ids=False).records:
                key = (rec["state"], rec["agency"], rec["model"])
                if key not in seen:
                    seen.add(key)
                    self.evidence.append({"state": key[0], "agency": key[1], "model": key[2]})

    def normalise(self, raw: RawList, latest_year: int, ids: bool = True) -> Normalised:
        """What records.normalise(raw, latest_year, evidence) returns; without ``ids``, no ids
        are set (and no duplicate flags added), which a replay's older lists do not need."""
        out = self._normalise(raw, latest_year, ids)
        if any(r.why == NO_EVIDENCE for r in out.rejected):
            # A blank model is settled by the file's other rows and the evidence: read it whole.
            whole = normalise(raw, latest_year, evidence=self.evidence)
            if not ids:
                for rec in whole.records:
                    rec.pop("id", None)
                    rec["flags"] = [f for f in rec.get("flags", ()) if f["field"] != "id"]
            return whole
        return out

    def _normalise(self, raw: RawList, latest_year: int, ids: bool) -> Normalised:
        """records.normalise row by row, each distinct row once."""
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
                raw_cells = _put_back(rejected.raw, stamp)
                out.rejected.append(
                    Rejected(number, rejected.column, rejected.value, rejected.why, raw_cells)
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
