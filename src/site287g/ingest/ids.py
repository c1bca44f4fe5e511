"""Stable agreement ids: state + slug of the agency name + model, unique within a list."""

from __future__ import annotations

from collections.abc import Iterable

from ..data.ids import agreement_id, slug
from .normalize import Flag, flag

__all__ = ["agreement_id", "assign_ids", "slug"]


def assign_ids(records: Iterable[dict]) -> list[Flag | None]:
    """Set record["id"] in row order; repeats get -2, -3 and a flag (returned per record)."""
    seen: set[str] = set()
    out: list[Flag | None] = []
    for rec in records:
        base = agreement_id(rec["state"], rec["agency"], rec["model"])
        new, n = base, 1
        while new in seen:
            n += 1
            new = f"{base}-{n}"
        seen.add(new)
        rec["id"] = new
        out.append(flag("id", base, "duplicate") if n > 1 else None)
    return out
