"""Command line: import one ICE participating or pending list into data/agencies/."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from ..data.vocab import LISTS
from . import guards, load, quality, report, write
from . import history as hist
from .dates import AsOf, infer_as_of, parse_as_of
from .merge import merge_list
from .read import ListError, RawList, read_list
from .records import normalise

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
    allow: Collection[str] = (),
    evidence: Sequence[dict] = (),
) -> hist.Diff:
    """Read, normalise, guard and merge one list into the lifecycles; write (unless dry_run)
    every file it changes. A list older than the current one (a backfill) joins the history
    in its place and leaves the current list as it is.

    Raises ListError when the file cannot be imported and its subclass guards.ImportRefused
    when the list looks wrong (see guards); `allow` names the guards to let through.
    `evidence`: records of other lists of the same kind (e.g. a later one, see evidence_from)
    that may settle a blank model, besides the current list.
    """
    raw = read_list(path)
    now = load.current(data_dir)
    as_of, backfill = _checked(raw, kind, as_of, now.lists)
    current = now.records[raw.kind]
    proof = [*current, *evidence]
    norm = normalise(raw, latest_year=as_of.date.year + 1, evidence=proof)
    d = hist.diff(current, norm.records) if not backfill else hist.Diff()
    guards.check_import(raw, norm, len(current), len(d.removed), allow, backfill=backfill)
    accept = bool(set(allow) & {"empty", "removals", "cut-off"})
    merged = merge_list(path, data_dir, as_of=as_of, evidence=proof, accept=accept)
    if merged.outcome == "same":
        out(
            f"{raw.source}: already imported ({merged.listed.reason or 'the same list'}); "
            "nothing to do"
        )
        return hist.Diff()
    section = quality.report(norm, raw.source, as_of.date.isoformat(), len(raw.rows),
                             raw.blank_rows)  # fmt: skip
    for line in report.summary(raw, norm, str(as_of), d, section):
        out(line)
    if merged.outcome == "anomaly":
        out(f"recorded as an anomaly, no agreement changes: {merged.listed.reason}")
    elif backfill:
        out(f"an older list than the current {raw.kind} one: added to the history in its place")
    write.replace_tree(
        data_dir / "agencies", merged.files, drop_dirs=merged.drop_dirs, write=writer,
        dry_run=dry_run,
    )  # fmt: skip
    out("dry run: nothing written" if dry_run else
        f"wrote {len(merged.files)} files under {data_dir / 'agencies'}")  # fmt: skip
    return d


def _checked(raw: RawList, kind: str | None, as_of: AsOf | None, lists: dict) -> tuple[AsOf, bool]:
    """The list's date, and whether it is older than the current list (a backfill); refuse a
    swapped list or an undated file."""
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
    backfill = False
    if raw.kind in lists:
        info = lists[raw.kind]
        current = AsOf(parse_as_of(info["as_of"]).date, info.get("edition"))
        backfill = as_of.sort_key() < current.sort_key()
    return as_of, backfill


def evidence_from(paths: Sequence[Path], kind: str) -> list[dict]:
    """The records of other lists of one kind, as evidence for blank models."""
    records: list[dict] = []
    for path in paths:
        raw = read_list(path)
        if raw.kind != kind:
            raise ListError(
                f"{path.name}: --evidence must be a {kind} list; it holds the {raw.kind} list"
            )
        records += normalise(raw, latest_year=9999).records
    return records


def _as_of_arg(text: str) -> AsOf:
    """argparse type for --as-of with a readable message."""
    try:
        return parse_as_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _allow_arg(text: str) -> set[str]:
    """argparse type for --allow: guard names separated by commas."""
    names = {n.strip() for n in text.split(",") if n.strip()}
    unknown = sorted(names - set(guards.GUARDS))
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown guard {', '.join(unknown)}; the guards are {', '.join(guards.GUARDS)}"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the import, print errors without a traceback.

    Exit status: 0 imported, 2 the file cannot be imported, 3 refused by a guard.
    """
    parser = argparse.ArgumentParser(prog="python -m site287g.ingest.importer", description=__doc__)
    parser.add_argument("file", type=Path, help="ICE list (.xlsx) or a CSV snapshot")
    parser.add_argument("--list", choices=list(LISTS), help="expected list; refused if it differs")
    parser.add_argument("--as-of", type=_as_of_arg, help="list date YYYY-MM-DD[am|pm|mid]")
    parser.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument(
        "--allow",
        type=_allow_arg,
        action="extend",
        default=[],
        metavar="GUARD[,GUARD]",
        help=f"import although these guards refuse: {', '.join(guards.GUARDS)}",
    )
    parser.add_argument(
        "--evidence",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="another list of the same kind (e.g. the next one) whose rows may give a blank model",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        evidence = evidence_from(args.evidence, read_list(args.file).kind) if args.evidence else []
        run_import(
            args.file,
            kind=args.list,
            as_of=args.as_of,
            dry_run=args.dry_run,
            data_dir=args.data_dir,
            allow=set(args.allow),
            evidence=evidence,
        )
    except guards.ImportRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except ListError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"done in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
