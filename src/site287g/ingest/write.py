"""Emit the agency YAML files deterministically and swap them into data/ atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from ..data.vocab import MODELS

SCHEMA_LINE = "# yaml-language-server: $schema={}\n"
# libyaml's emitter, like the C loader the data layer requires; pure Python is 5x slower.
_DUMPER = yaml.CSafeDumper


def dump(data: object, *, flow: bool = False) -> str:
    """YAML with keys in insertion order, long lines kept whole, Unicode as is: block style, or
    with ``flow`` one mapping on a single line (compact history entries)."""
    text = yaml.dump(
        data,
        Dumper=_DUMPER,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=flow,
        width=100_000 if flow else 10_000,
    )
    return text.strip() if flow else text


def with_schema(schema: str, body: str) -> str:
    """Prefix a YAML text with the editor's schema comment."""
    return SCHEMA_LINE.format(schema) + body


def state_files(kind: str, records: Iterable[dict]) -> dict[str, str]:
    """Render one <st>.yml text per state: records sorted by agency, then model."""
    by_state: dict[str, list[dict]] = {}
    for rec in records:
        by_state.setdefault(rec["state"], []).append(rec)
    files: dict[str, str] = {}
    for state, recs in sorted(by_state.items()):
        recs.sort(key=lambda r: (r["agency"].casefold(), MODELS.index(r["model"]), r["id"]))
        body = dump({"list": kind, "state": state, "agreements": recs})
        files[f"{kind}/{state.lower()}.yml"] = with_schema(
            "../../schema/agencies.schema.json", body
        )
    return files


def replace_tree(
    target: Path,
    files: dict[str, str],
    drop_dirs: Iterable[str] = (),
    write: Callable[[Path, str], None] | None = None,
) -> None:
    """Build a copy of target with `files` replaced and `drop_dirs` emptied, then swap it in."""
    # Everything is written into a temp dir beside target first; target is only touched by two
    # renames at the end, so a failure while writing leaves the old data as it was.
    write = write or _write_text
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        new = tmp / target.name
        if target.exists():
            shutil.copytree(target, new, ignore=_ignore_dirs(target, set(drop_dirs)))
        else:
            new.mkdir()
        for rel, text in sorted(files.items()):
            path = new / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            write(path, text)
        _swap(new, target, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _ignore_dirs(root: Path, drop: set[str]) -> Callable[[str, list[str]], list[str]]:
    """copytree filter that leaves out the contents of the directories being rebuilt."""

    def ignore(directory: str, names: list[str]) -> list[str]:
        """Names to skip in one directory being copied."""
        rel = Path(directory).relative_to(root).as_posix()
        return list(names) if rel in drop else []

    return ignore


def _swap(new: Path, target: Path, tmp: Path) -> None:
    """Move target aside, move new into place, restore the old one if the second move fails."""
    old = tmp / "old"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        if old.exists():
            os.replace(old, target)
        raise


def _write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line endings and flush it to disk."""
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
