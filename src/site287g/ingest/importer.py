"""Command line: import one ICE participating or pending list into data/agencies/."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..data.vocab import LISTS
from . import history as hist
from . import load, quality, write
from .dates import AsOf, infer_as_of, parse_as_of
from .read import ListError, RawList, read_list
from .records import Normalised, normalise

Printer = Callable[[str], None]


def run_import(
    path: Path,
    *,
    kind: str | None = None,
    as_of: AsOf | None = None,
    dry_run: bool = False,
    data_dir: Path = Path("data"),
    out: Printer = print,
    writer: Callable[[Path, str], None] | None = None,
) -> hist.Diff:
    """Read, normalise, diff and (unless dry_run) write one list; raise ListError to refuse."""
    raw = read_list(path)
    now = load.current(data_dir)
    lists = now.lists
    as_of = _checked(raw, kind, as_of, lists)
    norm = normalise(raw, latest_year=as_of.date.year + 1)
    late = [r["signed"] for r in norm.records if (r.get("signed") or "") > str(as_of.date)]
    if late:
        out(
            f"WARNING: {len(late)} agreement(s) signed after the list's date {as_of} (latest "
            f"{max(late)}); if the file name has the wrong year, use --as-of"
        )
    if len(raw.rows) == 1000:  # ICE published exactly 1000 rows for two weeks in Sep 2025
        out("WARNING: exactly 1000 rows; ICE's export may have been cut off at 1000")
    d = hist.diff(now.records[raw.kind], norm.records)
    files, section = _render(raw, norm, as_of, d, now)
    for line in hist.describe(raw.kind, str(as_of), d) + quality.summary(section):
        out(line)
    write.replace_tree(
        data_dir / "agencies", files, drop_dirs=[raw.kind], write=writer, dry_run=dry_run
    )
    out(
        "dry run: nothing written"
        if dry_run
        else f"wrote {len(files)} files under {data_dir / 'agencies'}"
    )
    return d


def _checked(raw: RawList, kind: str | None, as_of: AsOf | None, lists: dict) -> AsOf:
    """Refuse a swapped list, an undated file or a list older than the current one."""
    name = raw.source
    if kind and kind != raw.kind:
        why = "has a SIGNED column" if raw.kind == "participating" else "has no SIGNED column"
        raise ListError(
            f"{name}: --list {kind} was given, but the file {why}, so it holds the {raw.kind} "
            f"list. ICE has published the two lists swapped; check the file, then use "
            f"--list {raw.kind} or leave --list out."
        )
    as_of = as_of or infer_as_of(name)
    if as_of is None:
        raise ListError(
            f"{name}: cannot tell the list's date from the file name; "
            "pass --as-of YYYY-MM-DD (make import ... AS_OF=YYYY-MM-DD)"
        )
    if raw.kind in lists:
        info = lists[raw.kind]
        current = AsOf(parse_as_of(info["as_of"]).date, info.get("edition"))
        if as_of.sort_key() < current.sort_key():
            raise ListError(
                f"{name}: this list is as of {as_of}, older than the current {raw.kind} list "
                f"({current}); refusing to go back in time"
            )
    return as_of


def _render(
    raw: RawList, norm: Normalised, as_of: AsOf, d: hist.Diff, now: load.Current
) -> tuple[dict[str, str], dict]:
    """Texts of every file this import rewrites, and this list's quality section."""
    date, kind = as_of.date.isoformat(), raw.kind
    entry = hist.entry(kind, date, as_of.edition, raw.source, len(norm.records), d)
    history = hist.append(now.history, entry)
    section = quality.report(norm, raw.source, date, len(raw.rows), raw.blank_rows)
    reports = {**now.quality, kind: section}
    lists = {
        **now.lists,
        kind: {
            "as_of": date,
            "edition": as_of.edition,
            "source": raw.source,
            "rows": len(norm.records),
        },
    }
    files = write.state_files(kind, norm.records)
    files["lists.yml"] = write.lists_file(lists)
    files["quality.yml"] = write.quality_file(reports)
    files["history.yml"] = hist.render(history)
    return files, section


def _as_of_arg(text: str) -> AsOf:
    """argparse type for --as-of with a readable message."""
    try:
        return parse_as_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the import, print errors without a traceback."""
    parser = argparse.ArgumentParser(prog="python -m site287g.ingest.importer", description=__doc__)
    parser.add_argument("file", type=Path, help="ICE list (.xlsx) or a CSV snapshot")
    parser.add_argument("--list", choices=LISTS, help="expected list; refused if it differs")
    parser.add_argument("--as-of", type=_as_of_arg, help="list date YYYY-MM-DD[am|pm|mid]")
    parser.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        run_import(
            args.file,
            kind=args.list,
            as_of=args.as_of,
            dry_run=args.dry_run,
            data_dir=args.data_dir,
        )
    except (ListError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"done in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
