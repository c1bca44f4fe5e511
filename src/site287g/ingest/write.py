"""Render the agency files (the data layer's fast format) and swap them into data/ atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..data import DataErrors, load_site
from ..data.store import document
from ..data.vocab import LISTS, model_order
from .read import ListError


def state_files(kind: str, records: Iterable[dict]) -> dict[str, str]:
    """Render one <st>.yml text per state: records sorted by agency, then model."""
    by_state: dict[str, list[dict]] = {}
    for rec in records:
        by_state.setdefault(rec["state"], []).append(rec)
    files: dict[str, str] = {}
    for state, recs in sorted(by_state.items()):
        recs.sort(key=lambda r: (r["agency"].casefold(), model_order(r["model"]), r["id"]))
        value = {"list": kind, "state": state, "agreements": recs}
        files[f"{kind}/{state.lower()}.yml"] = document(
            "../../schema/agencies.schema.json", value, expand=2
        )
    return files


def _in_list_order(sections: dict) -> dict:
    """Participating first, then pending, whatever order they were loaded in."""
    return {k: sections[k] for k in LISTS if k in sections}


def lists_file(lists: dict) -> str:
    """lists.yml: date, edition, source and number of rows of each list."""
    return document("../schema/agency_lists.schema.json", _in_list_order(lists), expand=1)


def quality_file(reports: dict) -> str:
    """quality.yml: each list's row accounting and flagged values, one flag per line."""
    return document("../schema/agency_quality.schema.json", _in_list_order(reports), expand=3)


def history_file(history: list[dict]) -> str:
    """history.yml: one entry per import, one agreement per line."""
    return document("../schema/agency_history.schema.json", {"imports": history}, expand=4)


def replace_tree(
    target: Path,
    files: dict[str, str],
    drop_dirs: Iterable[str] = (),
    write: Callable[[Path, str], None] | None = None,
    dry_run: bool = False,
) -> None:
    """Build a copy of target (data/agencies) with `files` replaced and `drop_dirs` emptied,
    check it with the data layer, then swap it in (not with ``dry_run``). Raise ListError,
    with nothing written, when the result would not pass `make check`."""
    # Everything is written into a temp dir beside target first; target is only touched by two
    # renames at the end, so a failure while writing leaves the old data as it was.
    write = write or _write_text
    schema = target.parent / "schema"
    if not schema.is_dir():
        raise ListError(f"{schema} is missing: the agency files cannot be checked; nothing written")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        root = tmp / target.parent.name
        new = root / target.name
        if target.exists():
            shutil.copytree(target, new, ignore=_ignore_dirs(target, set(drop_dirs)))
        else:
            new.mkdir(parents=True)
        for rel, text in sorted(files.items()):
            path = new / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            write(path, text)
        (root / "schema").symlink_to(schema.resolve(), target_is_directory=True)
        try:
            load_site(root, parts=(f"{target.name}/",))
        except DataErrors as exc:
            raise ListError(
                "the result would not pass the data check, so nothing was written "
                "(this is a bug in the importer; please report it):\n" + exc.report()
            ) from None
        if not dry_run:
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
