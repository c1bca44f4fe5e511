"""Add one list file to the stored lifecycles: a new list at the end, or an older one found
later (a backfill) in its place. This is what `make import` calls.

    merged = merge_list(path, data_dir=Path("data"))
    replace_tree(data_dir / "agencies", merged.files, drop_dirs=merged.drop_dirs)

``merged.files`` holds every file under data/agencies/ that changes: lifecycle.yml,
sources.yml and history.yml always; the state files, lists.yml and quality.yml only when the
list is the newest of its kind (a backfill leaves the current list as it is).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import archive, load, output, rebuild, write
from .catalogue import Listed, describe, repair_dates, stem
from .dates import AsOf
from .read import ListError
from .restore import load_timelines
from .stored import entry_order, file_entry, stored_as_of


@dataclass
class Merged:
    """What adding one file changes, and how it was placed."""

    listed: Listed
    files: dict[str, str] = field(default_factory=dict)
    backfill: bool = False
    drop_dirs: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        """list (a new list), same (a republication) or anomaly (recorded, changes nothing)."""
        return self.listed.outcome


def merge_list(
    path: Path,
    data_dir: Path,
    *,
    as_of: AsOf | None = None,
    evidence: Sequence[dict] = (),
    accept: bool = False,
) -> Merged:
    """Place one file among the stored lists and render every file that changes; ``evidence``
    (records of other lists) may settle a blank model; ``accept``: an editor let the list
    through the importer's guards, so it is not set aside as an anomaly."""
    agencies = data_dir / "agencies"
    stored = load.read_file(agencies / "sources.yml")
    if not stored and (agencies / "lists.yml").exists():
        raise ListError(
            "data/agencies has no sources.yml (it predates lifecycles); run `make replay` once"
        )
    entries = stored.get("files", [])
    cache = archive.RowCache(evidence)
    f = describe(archive.read_sources([path])[0], cache)
    before = next((e for e in entries if e["file"] == path.name), None)
    if before is not None:
        if before["sha256"] != f.digest[:16]:
            raise ListError(f"{path.name}: a different file of this name was imported before")
        f.outcome, f.list_key, f.reason = "same", before["same_as"] or path.name, "imported before"
        return Merged(f)
    timelines, seen = load_timelines(entries, load.read_file(agencies / "lifecycle.yml"))
    built = rebuild.Built(timelines=timelines, seen=seen)
    if as_of is not None and f.kind:
        f.as_of, f.basis, f.note = as_of, "given", f"date given on the command line ({as_of})"
    repair_dates([f], cache, _corrections(entries))
    if f.kind and f.as_of and not f.outcome:
        newest = not seen[f.kind] or f.as_of.sort_key() >= seen[f.kind][-1].order
        rebuild.add(built, f, accept)
    elif f.kind and not f.outcome:
        newest = False
        rebuild.place_by_content(built, f)
    else:
        newest = False
    merged = Merged(f, backfill=f.outcome == "list" and not newest)
    files = sorted([*entries, file_entry(f)], key=entry_order)
    current = built.current if merged.outcome == "list" and newest else {}
    merged.files = output.render(built.timelines, files, current, cache)
    if current:
        merged.files.update(_current_files(data_dir, f))
        merged.drop_dirs = [f.kind]
    return merged


def _current_files(data_dir: Path, f: Listed) -> dict[str, str]:
    """lists.yml and quality.yml with this list's sections replaced."""
    now = load.current(data_dir)
    infos, sections = now.lists, now.quality
    infos[f.kind], sections[f.kind] = output.current_sections(f)
    return {"lists.yml": write.lists_file(infos), "quality.yml": write.quality_file(sections)}


def _corrections(entries: list[dict]) -> dict[str, tuple[str, AsOf]]:
    """Stored participating files whose date was corrected, by stem (for their pending twin)."""
    out = {}
    for e in entries:
        if e["list"] == "participating" and e["basis"] == "corrected":
            out[stem(e["file"])] = (e["file"], stored_as_of(e))
    return out
