"""The data-quality report: row accounting, flag counts and every flagged value with its row."""

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


def summary(section: dict, limit: int = 25) -> list[str]:
    """Printable lines: accounting, counts per problem, then the first flagged rows."""
    lines = [
        f"rows read {section['rows_read']} = written {section['rows_written']}"
        f" + rejected {section['rows_rejected']}"
        f"  (blank rows skipped: {section['blank_rows_skipped']})"
    ]
    lines += [f"  REJECTED row {r['row']}: {r['reason']}" for r in section["rejected"]]
    total = sum(c["count"] for c in section["counts"])
    lines.append(f"data-quality flags: {total}")
    lines += [f"  {c['count']:>5}  {c['field']}: {c['problem']}" for c in section["counts"]]
    for f in section["flags"][:limit]:
        raw = f["raw"] if len(f["raw"]) <= 60 else f["raw"][:57] + "..."
        lines.append(f"  row {f['row']}: {f['id']}: {f['field']} {raw!r}: {f['problem']}")
    if len(section["flags"]) > limit:
        lines.append(f"  ... {len(section['flags']) - limit} more in data/agencies/quality.yml")
    return lines
