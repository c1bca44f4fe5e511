"""What an import prints: the totals first, then rows let through unplaced, warnings, the
data-quality flags counted by kind (each one is in quality.yml), and the first changes."""

from __future__ import annotations

from . import history as hist
from .guards import CUT_OFF
from .read import RawList
from .records import Normalised


def summary(raw: RawList, norm: Normalised, as_of: str, d: hist.Diff, section: dict) -> list[str]:
    """Printable lines for one import."""
    lines = [totals(raw, norm, as_of, d)]
    where = []
    if raw.sheet is not None and (raw.sheet_index or raw.header_row > 1):
        where.append(f"the list is on sheet {raw.sheet!r}, its header on row {raw.header_row}")
    if raw.blank_rows:
        where.append(f"{raw.blank_rows} blank row{'s' * (raw.blank_rows != 1)} skipped")
    if where:
        lines.append("  " + "; ".join(where))
    if norm.rejected:
        lines.append(
            f"NOT PLACED, let through with --allow unplaced: {len(norm.rejected)} row(s), kept "
            "in quality.yml as rejected rows:"
        )
        lines += [f"  {r.line(raw.source)}" for r in norm.rejected]
    lines += warnings(raw, norm, as_of)
    total = sum(c["count"] for c in section["counts"])
    lines.append(
        f"data-quality flags: {total} in {len(section['counts'])} kinds"
        + (" (each one is listed in data/agencies/quality.yml)" if total else "")
    )
    lines += [f"  {c['count']:>5}  {c['field']}: {c['problem']}" for c in section["counts"]]
    return lines + hist.describe(raw.kind, as_of, d)[1:]


def totals(raw: RawList, norm: Normalised, as_of: str, d: hist.Diff) -> str:
    """The first line: rows read and placed, agreements added, removed and changed."""
    placed = f"{len(raw.rows)} rows read, {len(norm.records)} placed"
    if norm.rejected:
        placed += f", {len(norm.rejected)} NOT placed"
    return (
        f"{raw.kind} list as of {as_of}: {placed}; {len(d.added)} added, "
        f"{len(d.removed)} removed, {len(d.changed)} changed"
    )


def warnings(raw: RawList, norm: Normalised, as_of: str) -> list[str]:
    """Oddities worth a look that do not stop the import."""
    out = []
    if not raw.rows and raw.kind == "pending":
        out.append(
            "WARNING: the pending list has no rows; ICE has published it empty before "
            "(November 2025), but check it on ice.gov"
        )
    late = [r["signed"] for r in norm.records if (r.get("signed") or "") > as_of[:10]]
    if late:
        out.append(
            f"WARNING: {len(late)} agreement(s) signed after the list's date {as_of} (latest "
            f"{max(late)}); if the file name has the wrong year, use --as-of"
        )
    if len(raw.rows) == CUT_OFF:  # ICE published exactly 1000 rows for two weeks in Sep 2025
        out.append(
            f"WARNING: exactly {CUT_OFF} rows; ICE's export may have been cut off at {CUT_OFF}"
        )
    return out
