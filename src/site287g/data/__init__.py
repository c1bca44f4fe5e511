"""Load, validate and hand on the site's YAML data. Plain Python: never imports MkDocs."""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, DataErrors
from .registry import ENTRIES, Entry
from .schema import validate
from .yamlfile import has_lines, load_yaml

__all__ = ["DataError", "DataErrors", "SiteData", "load_site"]


@dataclass
class SiteData:
    """Every validated data file, keyed by its path under data/ without ``.yml``."""

    root: Path
    files: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.files[name]

    def group(self, prefix: str) -> dict[str, Any]:
        """Return the files under a folder, such as ``agencies/participating``."""
        start = prefix.rstrip("/") + "/"
        return {k: v for k, v in sorted(self.files.items()) if k.startswith(start)}


def _display(root: Path, path: Path) -> str:
    """Name a data file the way an editor sees it: ``data/faq.yml``."""
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def _problems(root: Path, entry: Entry, loaded: Any, display: str) -> list[DataError]:
    """The schema's verdict on a loaded file, then the entry's further rules."""
    schema = entry.schema if isinstance(entry.schema, str) else entry.schema(loaded)
    problems = validate(loaded, root / "schema", schema, display)
    if not problems and entry.check is not None:
        problems = entry.check(loaded, display)
    return problems


def _load_one(root: Path, entry: Entry, path: Path) -> tuple[Any, list[DataError]]:
    """Load and validate one file: (data or None, problems)."""
    display = _display(root, path)
    try:
        loaded = load_yaml(path, display, fast=True)
        problems = _problems(root, entry, loaded, display)
        if problems and not has_lines(loaded):
            # Read again with line numbers, so that each problem names its line.
            loaded = load_yaml(path, display)
            problems = _problems(root, entry, loaded, display)
    except DataErrors as exc:
        return None, exc.errors
    return loaded, problems


# Above this many bytes of YAML, half the files are read by a second process (fork): at 50,000
# agreements, parsing is most of the load time and machines have more than one CPU.
PARALLEL_BYTES = 4_000_000


def _load_all(root: Path, jobs: list[tuple[Entry, Path]]) -> list[tuple[Any, list[DataError]]]:
    """_load_one for every (entry, path), in order; two processes for big data sets."""
    sizes = [path.stat().st_size for _, path in jobs]
    try:
        ctx = multiprocessing.get_context("fork") if sum(sizes) > PARALLEL_BYTES else None
    except ValueError:
        ctx = None
    if ctx is None:
        return [_load_one(root, entry, path) for entry, path in jobs]
    # Balance by size: biggest first, each to the lighter side.
    mine: list[int] = []
    theirs: list[int] = []
    load = [0, 0]
    for i in sorted(range(len(jobs)), key=lambda i: -sizes[i]):
        side = 0 if load[0] <= load[1] else 1
        (mine if side == 0 else theirs).append(i)
        load[side] += sizes[i]
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        send.send({i: _load_one(root, *jobs[i]) for i in theirs})
        send.close()

    process = ctx.Process(target=child, daemon=True)
    process.start()
    send.close()
    results: dict[int, tuple[Any, list[DataError]]] = {i: _load_one(root, *jobs[i]) for i in mine}
    try:
        results.update(receive.recv())
    except EOFError:  # the child died: read its files here
        results.update({i: _load_one(root, *jobs[i]) for i in theirs})
    finally:
        process.join()
        receive.close()
    return [results[i] for i in range(len(jobs))]


def load_site(root: Path | str) -> SiteData:
    """Load and validate every data file; raise DataErrors listing all problems at once."""
    root = Path(root)
    data = SiteData(root)
    errors: list[DataError] = []
    known: set[Path] = set()
    # In registry order: a missing required file, or the files an entry matches.
    plan: list[DataError | tuple[Entry, Path]] = []
    for entry in ENTRIES:
        paths = sorted(root.glob(entry.pattern))
        if not paths and entry.required:
            plan.append(
                DataError(
                    f"{root.name}/{entry.pattern}", 1, "", "this required data file is missing"
                )
            )
        for path in paths:
            known.add(path)
            plan.append((entry, path))
    jobs = [item for item in plan if isinstance(item, tuple)]
    outcomes = iter(_load_all(root, jobs))
    for item in plan:
        if isinstance(item, DataError):
            errors.append(item)
            continue
        loaded, problems = next(outcomes)
        errors.extend(problems)
        if loaded is not None and not problems:
            data.files[item[1].relative_to(root).with_suffix("").as_posix()] = loaded
    schema_dir = root / "schema"  # schemas and their commented examples, not site data
    for path in sorted(root.rglob("*")):
        if (
            path.suffix in {".yml", ".yaml"}
            and path not in known
            and schema_dir not in path.parents
        ):
            errors.append(
                DataError(
                    _display(root, path),
                    1,
                    "",
                    "unknown data file; see the editor's guide for the files "
                    "the site reads, or move it out of data/",
                )
            )
    if errors:
        raise DataErrors(errors)
    return data
