"""The agency data as it stands, read through the data layer, for an import to compare with."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..data import DataErrors, load_site
from ..data.vocab import LISTS
from ..data.yamlfile import load_data
from .read import ListError


@dataclass
class Current:
    """data/agencies/ before an import: lists.yml, each list's records, history and quality."""

    lists: dict = field(default_factory=dict)
    records: dict[str, list[dict]] = field(default_factory=dict)
    history: list[dict] = field(default_factory=list)
    quality: dict = field(default_factory=dict)


def current(data_dir: Path | str) -> Current:
    """Read and validate data/agencies/ (empty if absent); refuse to build on broken data."""
    data_dir = Path(data_dir)
    if not (data_dir / "agencies").is_dir():
        return Current(records={kind: [] for kind in LISTS})
    try:
        data = load_site(data_dir, parts=("agencies/",))
    except DataErrors as exc:
        raise ListError(
            f"{data_dir}/agencies/ has problems, so nothing was imported; fix them, or restore "
            f"the files with `git checkout {data_dir}/agencies`, then import again:\n"
            + exc.report()
        ) from None
    return Current(
        lists=dict(data.get("agencies/lists") or {}),
        records={
            kind: [rec for f in data.group(f"agencies/{kind}").values() for rec in f["agreements"]]
            for kind in LISTS
        },
        history=list((data.get("agencies/history") or {}).get("imports") or []),
        quality=dict(data.get("agencies/quality") or {}),
    )


def read_file(path: Path) -> dict:
    """One file the importer wrote, read as the data layer reads it ({} when absent)."""
    return load_data(path) if path.exists() else {}
