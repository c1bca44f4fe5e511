"""Load the committed agency YAML files as plain records (the API the site uses)."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

import yaml

LISTS: tuple[str, ...] = ("participating", "pending")


class Agreement(TypedDict):
    """One agreement as the site sees it; every key is present (None / False / [] if unset)."""

    id: str
    state: str
    agency: str
    type: str | None
    county: str | None
    model: str
    signed: str | None  # ISO date; always None for pending agreements
    moa: str | None
    moa_pending: bool
    addendum: str | None
    flags: list[dict[str, str]]


def _read(path: Path) -> dict:
    """Parse one YAML file with the C loader (empty file -> {})."""
    with path.open("rb") as fh:
        return yaml.load(fh, Loader=yaml.CSafeLoader) or {}


def load_agreements(data_dir: Path | str, kind: str = "participating") -> list[Agreement]:
    """All agreements of one list, sorted by state file, then as stored."""
    if kind not in LISTS:
        raise ValueError(f"unknown list {kind!r}; expected one of {LISTS}")
    folder = Path(data_dir) / "agencies" / kind
    out: list[Agreement] = []
    for path in sorted(folder.glob("*.yml")):
        for rec in _read(path).get("agreements") or []:
            out.append(
                Agreement(
                    id=rec["id"],
                    state=rec["state"],
                    agency=rec["agency"],
                    type=rec.get("type"),
                    county=rec.get("county"),
                    model=rec["model"],
                    signed=rec.get("signed"),
                    moa=rec.get("moa"),
                    moa_pending=bool(rec.get("moa_pending")),
                    addendum=rec.get("addendum"),
                    flags=list(rec.get("flags") or []),
                )
            )
    return out


def load_raw_records(data_dir: Path | str, kind: str) -> list[dict]:
    """Records exactly as stored (no defaults added), for diffing against a new import."""
    folder = Path(data_dir) / "agencies" / kind
    return [
        rec for path in sorted(folder.glob("*.yml")) for rec in _read(path).get("agreements") or []
    ]


def load_lists(data_dir: Path | str) -> dict:
    """lists.yml: as_of, edition, source and rows for each list."""
    path = Path(data_dir) / "agencies" / "lists.yml"
    return _read(path) if path.exists() else {}


def load_history(data_dir: Path | str) -> list[dict]:
    """history.yml entries, oldest first."""
    path = Path(data_dir) / "agencies" / "history.yml"
    return list((_read(path) if path.exists() else {}).get("imports") or [])


def load_quality(data_dir: Path | str) -> dict:
    """quality.yml: one report section per list."""
    path = Path(data_dir) / "agencies" / "quality.yml"
    return _read(path) if path.exists() else {}
