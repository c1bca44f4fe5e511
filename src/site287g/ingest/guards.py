"""Guards against ICE's export glitches: a list that looks wrong is refused, nothing is written.

For an automated caller of ``importer.run_import`` (a scheduled refresh):

- ``ListError``: the file cannot be imported as given: unreadable, a web page, damaged, not an
  ICE list, the other list than asked for, undated, or older than the current list.
- ``ImportRefused(ListError)``: the file was read, but the list looks wrong (rows that fit no
  state, agency or model; a participating list without rows or losing more than 10% of the
  agreements; a list cut off at 1,000 rows). A person must look at it. ``.guards`` names
  every guard that refused (from ``GUARDS``), ``.guard`` the first; ``.option`` is the
  command-line override (``--allow removals``) and ``.make`` the same for make
  (``ALLOW=removals``); ``run_import(..., allow={"removals"})`` imports the list anyway.

The command line exits 3 for ``ImportRefused`` and 2 for any other ``ListError``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .errors import ListError
from .read import RawList
from .records import Normalised

GUARDS: tuple[str, ...] = ("unplaced", "empty", "removals", "cut-off")
REMOVAL_SHARE = 0.10  # a participating list may drop at most this share of the agreements
CUT_OFF = 1000  # ICE's export has produced lists of exactly this many rows


class ImportRefused(ListError):
    """A readable list that looks wrong; refused until a person allows it (see module doc)."""

    def __init__(self, message: str, guards: Sequence[str]) -> None:
        """Keep the refusing guards beside the message."""
        super().__init__(message)
        self.guards = tuple(guards)

    @property
    def guard(self) -> str:
        """The first guard that refused."""
        return self.guards[0]

    @property
    def option(self) -> str:
        """Command-line option that imports the list anyway."""
        return "--allow " + ",".join(self.guards)

    @property
    def make(self) -> str:
        """The same override for `make import`."""
        return "ALLOW=" + ",".join(self.guards)


@dataclass
class Counts:
    """What an import would do, as the guards see it."""

    kind: str  # participating | pending
    rows: int  # data rows in the new list
    current: int  # agreements in the current list (0 when there is none)
    removed: int  # current agreements the new list no longer holds


def problems(c: Counts) -> dict[str, str]:
    """Guard name -> what looks wrong, in plain words, for every guard the list fails."""
    found: dict[str, str] = {}
    # Not for the pending list: ICE has published it empty (7 times in November 2025).
    if c.rows == 0 and c.kind == "participating":
        found["empty"] = (
            "the list has no rows (only a header): ICE's export sometimes comes out empty"
        )
    if c.current and c.rows == CUT_OFF and c.current > CUT_OFF:
        found["cut-off"] = (
            f"the list has exactly {CUT_OFF:,} rows while the current one has {c.current:,}: "
            f"ICE's export may have stopped at {CUT_OFF:,}"
        )
    # Not for the pending list: requests leave it when they are signed, and ICE's real pending
    # lists have lost up to all of them at once (57 requests, then 4, on 2026-01-27).
    if c.kind == "participating" and c.current and c.removed > REMOVAL_SHARE * c.current:
        found["removals"] = (
            f"it would remove {c.removed:,} of the {c.current:,} current participating "
            f"agreements ({c.removed / c.current:.0%}); a participating list is refused when it "
            f"loses more than {REMOVAL_SHARE:.0%}: the export may be cut off or an old list "
            "served again"
        )
    return found


def check_import(
    raw: RawList,
    norm: Normalised,
    current: int,
    removed: int,
    allow: Collection[str] = (),
    backfill: bool = False,
) -> None:
    """Raise ImportRefused for unplaced rows and every guard the list fails, unless allowed.

    `current`: agreements in the list now published; `removed`: how many of them would go. A
    backfill (an older list than the current one) changes no current agreement: only its
    unplaced rows are a reason to refuse it.
    """
    failed = {} if backfill else problems(Counts(raw.kind, len(raw.rows), current, removed))
    if norm.rejected:
        n = len(norm.rejected)
        failed["unplaced"] = (
            f"{n} of its {len(raw.rows)} rows fit{'s' if n == 1 else ''} no state, agency or "
            "model (listed above); if allowed, they are left out of the data and kept in "
            "quality.yml as rejected rows"
        )
    failed = {g: why for g, why in failed.items() if g not in allow}
    if failed:
        rows = [r.line(raw.source) for r in norm.rejected] if "unplaced" in failed else []
        raise refusal(failed, raw.source, rows)


def refusal(failed: dict[str, str], source: str, rows: Sequence[str] = ()) -> ImportRefused:
    """An ImportRefused listing the unplaced rows first, then each problem and the override."""
    names = [g for g in GUARDS if g in failed]
    err = ImportRefused("", names)
    lines = [f"{source}: refused, nothing written: this list looks wrong:"]
    lines += [f"  {row}" for row in rows]
    lines += [f"  - {failed[g]}" for g in names]
    lines.append(
        "Check the file against ice.gov. If it is right, import it anyway with "
        f"{err.option} (make import FILE=... {err.make})"
    )
    err.args = ("\n".join(lines),)
    return err
