"""Stable agreement ids: state + slug of the agency name + model, unique within a list."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .normalize import Flag, flag


@lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """Lower-case ASCII slug: apostrophes dropped, & as "and", other runs of symbols as '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019`]", "", ascii_text.lower()).replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def agreement_id(state: str, agency: str, model: str) -> str:
    """Build the id of one agreement, e.g. tx-harris-county-sheriffs-office-jem."""
    return f"{state.lower()}-{slug(agency) or 'agency'}-{model}"


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
