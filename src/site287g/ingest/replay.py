"""Rebuild data/agencies/ from every ICE list in one or more folders, in date order.

`make replay DIR="folder ..."`, or `python -m site287g.ingest.replay folder ... --data-dir
data`: reads each distinct file once, dates it, sets aside republications and anomalies,
follows every agreement across the lists, and writes the current lists, lifecycle.yml,
history.yml, sources.yml (the report on every file) and quality.yml. The same folders give
byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..data.yamlfile import parse_json
from . import archive, output, rebuild, totals, write
from .read import ListError
from .stored import entry_order, file_entry
from .write import replace_tree

Printer = Callable[[str], None]


def replay(folders: list[Path], data_dir: Path, out: Printer = print) -> dict[str, str]:
    """Build every agencies file from the folders and swap them into data_dir/agencies."""
    clock = time.perf_counter()
    paths = archive.find(folders)
    sources = archive.read_sources(paths)
    read_s = time.perf_counter() - clock
    cache = archive.RowCache()
    built = rebuild.build(sources, cache)
    build_s = time.perf_counter() - clock - read_s
    texts = texts_of(built, cache)
    replace_tree(data_dir / "agencies", texts, drop_dirs=["."])
    total = time.perf_counter() - clock
    distinct = len({s.digest for s in sources})
    for line in totals.lines(_summary(texts)):
        out(line)
    out(
        f"time {total:.1f} s: read {len(paths)} files ({distinct} distinct) {read_s:.1f} s, "
        f"lifecycles {build_s:.1f} s, render and write {total - read_s - build_s:.1f} s"
    )
    return texts


def texts_of(built: rebuild.Built, cache: archive.RowCache) -> dict[str, str]:
    """The text of every file under agencies/ for a build."""
    files = sorted((file_entry(f) for f in built.files), key=entry_order)
    texts = output.render(built.timelines, files, built.current, cache)
    infos, sections = {}, {}
    for kind, (listed, _) in built.current.items():
        infos[kind], sections[kind] = output.current_sections(listed)
    texts["lists.yml"] = write.lists_file(infos)
    texts["quality.yml"] = write.quality_file(sections)
    return texts


def _summary(texts: dict[str, str]) -> dict:
    """The summary section of the rendered sources.yml."""
    return parse_json(texts["sources.yml"])["summary"]


def check(folders: list[Path], data_dir: Path, out: Printer = print) -> list[str]:
    """Replay into a temporary folder; the problems that make it differ from data_dir."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "data"
        scratch.mkdir()
        (scratch / "schema").symlink_to((data_dir / "schema").resolve(), target_is_directory=True)
        texts = replay(folders, scratch, out)
    problems = [
        f"rows not accounted for in {name}" for name in _summary(texts)["unaccounted_files"]
    ]
    shipped = data_dir / "agencies"
    have = (
        {p.relative_to(shipped).as_posix() for p in shipped.rglob("*.yml")}
        if shipped.is_dir()
        else set()
    )
    for rel in sorted(have | set(texts)):
        if rel not in texts:
            problems.append(f"agencies/{rel} is not written by the replay")
        elif rel not in have:
            problems.append(f"agencies/{rel} is missing")
        elif (shipped / rel).read_text(encoding="utf-8") != texts[rel]:
            problems.append(f"agencies/{rel} differs from the replay")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and replay (or check that data/agencies equals the replay)."""
    parser = argparse.ArgumentParser(prog="python -m site287g.ingest.replay", description=__doc__)
    parser.add_argument("folders", type=Path, nargs="+", help="folders of ICE lists (.xlsx/.csv)")
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument(
        "--check", action="store_true", help="replay into a temporary folder and compare"
    )
    args = parser.parse_args(argv)
    try:
        if not args.check:
            replay(args.folders, args.data_dir)
            return 0
        problems = check(args.folders, args.data_dir)
    except (ListError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in problems:
        print(f"replay-check: {line}", file=sys.stderr)
    if problems:
        print("replay-check: data/agencies is not the replay; run `make replay` and commit")
        return 1
    print("replay-check: data/agencies equals the replay")
    return 0


if __name__ == "__main__":
    sys.exit(main())
