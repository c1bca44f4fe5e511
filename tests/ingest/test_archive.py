"""ICE's own lists, 2021-2026 (../shared/reference/287g/archive, 1,213 workbooks): every row of
every workbook is placed, and the real pending lists pass the guards when imported in order."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from site287g.ingest import history as hist
from site287g.ingest.dates import AsOf, infer_as_of
from site287g.ingest.guards import ImportRefused, check_import
from site287g.ingest.read import RawList, read_list
from site287g.ingest.records import Normalised, normalise

from .conftest import REFERENCE

pytestmark = pytest.mark.archive

ARCHIVE = REFERENCE / "archive"
FIRST_WORKBOOK = dt.date(2025, 2, 20)  # before this, ICE published an HTML table, not workbooks

Listing = list[tuple[AsOf, str, str]]  # (list date, file name, content digest)


class Archive:
    """Each distinct file content read once, and every file name with its list date."""

    def __init__(self, folder: Path) -> None:
        """Read the folder: each distinct content once (ICE republished many lists unchanged)."""
        self.raw: dict[str, RawList] = {}
        self.names: dict[str, list[tuple[AsOf | None, str, str]]] = {}
        for path in sorted(folder.glob("*.xlsx")):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in self.raw:
                self.raw[digest] = read_list(path)
            kind = self.raw[digest].kind
            self.names.setdefault(kind, []).append((_when(path.name), path.name, digest))

    def dated(self, kind: str) -> Listing:
        """Files of one list with a date, oldest first."""
        dated = [(w, n, d) for w, n, d in self.names[kind] if w is not None]
        return sorted(dated, key=lambda item: (item[0].sort_key(), item[1]))

    def contents(self, kind: str) -> Iterator[tuple[str, str | None, str | None]]:
        """(digest, previous digest, next digest) of each content, in the order first seen."""
        order: list[str] = []
        for *_, digest in self.dated(kind):
            if digest not in order:
                order.append(digest)
        for *_, name, digest in self.names[kind]:
            if _when(name) is None and digest not in order:
                order.append(digest)  # undated files last
        for i, digest in enumerate(order):
            yield digest, order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None


def _when(name: str) -> AsOf | None:
    """A file's list date; ICE's January 2026 files were named ...2025 (see the README)."""
    as_of = infer_as_of(name)
    if as_of is not None and "-" not in name and as_of.date < FIRST_WORKBOOK:
        return AsOf(as_of.date.replace(year=as_of.date.year + 1), as_of.edition)
    return as_of


@pytest.fixture(scope="module")
def archive() -> Archive:
    """The archive, read once for the tests of this module."""
    if not ARCHIVE.is_dir():
        pytest.skip(f"the archive {ARCHIVE} is absent (it sits beside the repository)")
    return Archive(ARCHIVE)


@pytest.fixture(scope="module")
def placed(archive: Archive) -> dict[str, Normalised]:
    """Each distinct content normalised with the evidence the importer would have."""
    out: dict[str, Normalised] = {}
    for kind in ("participating", "pending"):
        for digest, before, after in archive.contents(kind):
            raw = archive.raw[digest]
            # What the importer has: the list before this one. A blank model that only the
            # next list settles is what --evidence (a later list) is for.
            evidence = out[before].records if before else []
            norm = normalise(raw, latest_year=2027, evidence=evidence)
            if norm.rejected and after is not None:
                later = normalise(archive.raw[after], latest_year=2027).records
                norm = normalise(raw, latest_year=2027, evidence=evidence + later)
            out[digest] = norm
    return out


def test_every_row_of_every_workbook_is_placed(archive: Archive, placed: dict) -> None:
    unplaced = []
    for digest, raw in archive.raw.items():
        norm = placed[digest]
        assert len(norm.records) + len(norm.rejected) == len(raw.rows)
        unplaced += [r.line(raw.source) for r in norm.rejected]
    assert unplaced == []


def _refused(archive: Archive, placed: dict, lists: Listing) -> dict[str, ImportRefused]:
    """Import lists in order as the importer would; the ones a guard refuses (left out)."""
    current: list[dict] = []
    refused: dict[str, ImportRefused] = {}
    last = None
    for _, name, digest in lists:
        if digest == last:
            continue  # the same list again: nothing added or removed
        norm = placed[digest]
        removed = len(hist.diff(current, norm.records).removed)
        try:
            check_import(archive.raw[digest], norm, len(current), removed)
        except ImportRefused as exc:
            refused[name] = exc
            continue
        current, last = norm.records, digest
    return refused


def test_the_real_pending_lists_of_2025_and_2026_pass_the_guards(archive, placed) -> None:
    lists = [item for item in archive.dated("pending") if item[0].date.year >= 2025]
    assert len(lists) > 200
    assert _refused(archive, placed, lists) == {}


def test_of_the_participating_lists_only_an_old_list_served_again_is_refused(
    archive, placed
) -> None:
    refused = _refused(archive, placed, archive.dated("participating"))
    assert list(refused) == ["participatingAgencies04212025am.xlsx"]  # = the 2025-03-06 list
    assert refused["participatingAgencies04212025am.xlsx"].guards == ("removals",)
