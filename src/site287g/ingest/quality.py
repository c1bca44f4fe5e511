"""The data-quality report: row accounting, rejected rows, flag counts and every flagged value."""

from __future__ import annotations

from collections import Counter

from .records import Normalised


def report(norm: Normalised, source: str, as_of: str, rows_read: int, blank: int) -> dict:
    """quality.yml section for one list."""
    flags = [
        {"row": row, "id": rec["id"], **f}
        for rec, row in zip(norm.records, norm.rows, strict=True)
        for f in rec.get("flags", [])
    ]
    counts = Counter((f["field"], f["problem"]) for f in flags)
    return {
        "as_of": as_of,
        "source": source,
        "rows_read": rows_read,
        "rows_written": len(norm.records),
        "rows_rejected": len(norm.rejected),
        "blank_rows_skipped": blank,
        "rejected": [{"row": r.row, "reason": r.reason, "raw": r.raw} for r in norm.rejected],
        "counts": [{"field": k[0], "problem": k[1], "count": n} for k, n in sorted(counts.items())],
        "flags": sorted(flags, key=lambda f: (f["row"], f["field"])),
    }
