"""Benchmark the replay of ICE's whole archive and the import of one new list, against the goals.

    python benchmarks/replay_bench.py [--reference ../shared/reference/287g]

1. A cold replay (a fresh process state, no cache) of the archive plus the reference
   snapshots into a temporary data folder: goal 300 s on a 2-core machine.
2. Importing the next list at real size (the newest reference list with one agency renamed,
   one dropped and one added, dated the next day): read, place, render, validate and write,
   goal 3 s.
3. The size of the history (lifecycle.yml + history.yml + sources.yml): goal 5 MB.
Wall and CPU seconds are both printed: the machine is shared, CPU time is what we spend.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from site287g.ingest.merge import merge_list  # noqa: E402
from site287g.ingest.replay import replay  # noqa: E402
from site287g.ingest.write import replace_tree  # noqa: E402

GOAL_REPLAY_S = 300.0
GOAL_IMPORT_S = 3.0
GOAL_HISTORY_MB = 5.0
HISTORY = ("lifecycle.yml", "history.yml", "sources.yml")


def timed(fn):
    """(result, wall seconds, CPU seconds) of a call."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def next_list(reference: Path, folder: Path) -> Path:
    """The newest reference list as the next day's list, with three rows changed."""
    rows = list(
        csv.reader(
            (reference / "snapshots" / "participating_2026-05-18am.csv").open(
                newline="", encoding="utf-8-sig"
            )
        )
    )
    rows[5][1] = rows[5][1].strip() + " (Renamed)"
    added = list(rows[6])
    added[1] = "Benchmark Town Police Department"
    del rows[10]
    rows.append(added)
    path = folder / "participating_2026-05-19am.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def verdict(value: float, goal: float, unit: str) -> str:
    """One result line against its goal."""
    return f"{value:8.2f} {unit:<3} goal <= {goal:g} {unit}  {'ok' if value <= goal else 'OVER'}"


def main() -> int:
    """Run the three measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared/reference/287g")
    args = parser.parse_args()
    folders = [args.reference / "archive", args.reference / "snapshots"]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data" / "schema", data / "schema")
        _, wall, cpu = timed(lambda: replay(folders, data, out=print))
        print(
            f"replay of the archive + snapshots: {verdict(wall, GOAL_REPLAY_S, 's')}"
            f"  (CPU {cpu:.1f} s)"
        )
        path = next_list(args.reference, Path(tmp))

        def one_import() -> None:
            """What `make import` does with the merge entry point (replace_tree checks the
            result with the data layer before it swaps it in)."""
            merged = merge_list(path, data)
            replace_tree(data / "agencies", merged.files, drop_dirs=merged.drop_dirs)

        _, wall, cpu = timed(one_import)
        print(
            f"import of one new list (1,843 rows):  {verdict(wall, GOAL_IMPORT_S, 's')}"
            f"  (CPU {cpu:.2f} s)"
        )
        size = sum((data / "agencies" / name).stat().st_size for name in HISTORY) / 1e6
        print(f"history ({' + '.join(HISTORY)}): {verdict(size, GOAL_HISTORY_MB, 'MB')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
