"""Command line: import one ICE participating or pending list into data/agencies/."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import history as hist
from . import load, quality, write
from .asof import AsOf, infer_as_of, parse_as_of
from .read import ListError, read_list
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
) -> hist.Diff:
    """Read, normalise, diff and (unless dry_run) write one list; raise ListError to refuse."""
    raw = read_list(path)
    if kind and kind != raw.kind:
        why = "has a SIGNED column" if raw.kind == "participating" else "has no SIGNED column"
        raise ListError(
            f"{path.name}: --list {kind} was given, but the file {why}, so it holds "
            f"the {raw.kind} list. ICE has published the two lists swapped; check "
            f"the file, then use --list {raw.kind} or leave --list out."
        )
    kind = raw.kind
    as_of = as_of or infer_as_of(path.name)
    if as_of is None:
        raise ListError(
            f"{path.name}: cannot tell the list's date from the file name; "
            "pass --as-of YYYY-MM-DD (make import ... AS_OF=YYYY-MM-DD)"
        )
    lists = load.load_lists(data_dir)
    if kind in lists:
        current = AsOf(parse_as_of(lists[kind]["as_of"]).date, lists[kind].get("edition"))
        if as_of.sort_key() < current.sort_key():
            raise ListError(
                f"{path.name}: this list is as of {as_of}, older than the current "
                f"{kind} list ({current}); refusing to go back in time"
            )
    norm = normalise(raw, latest_year=as_of.date.year + 1)
    late = [r for r in norm.records if (r.get("signed") or "") > as_of.date.isoformat()]
    if late:
        out(
            f"WARNING: {len(late)} agreement(s) signed after the list's date {as_of} (latest "
            f"{max(r['signed'] for r in late)}); if the file name has the wrong year, use --as-of"
        )
    d = hist.diff(load.load_raw_records(data_dir, kind), norm.records)
    date = as_of.date.isoformat()
    entry = hist.entry(kind, date, as_of.edition, path.name, len(norm.records), d)
    history = hist.append(load.load_history(data_dir), entry)
    section = quality.report(norm, path.name, date, len(raw.rows), raw.blank_rows)
    quality_all = {**load.load_quality(data_dir), kind: section}
    lists[kind] = {
        "as_of": date,
        "edition": as_of.edition,
        "source": path.name,
        "rows": len(norm.records),
    }
    files = write.state_files(kind, norm.records)
    files["lists.yml"] = write.with_schema(
        "../schema/agency_lists.schema.json", write.dump(_in_list_order(lists))
    )
    files["quality.yml"] = write.with_schema(
        "../schema/agency_quality.schema.json", write.dump(_in_list_order(quality_all))
    )
    files["history.yml"] = hist.render(history)
    _print_diff(kind, str(as_of), d, out)
    for line in quality.summary(section):
        out(line)
    if dry_run:
        out("dry run: nothing written")
    else:
        write.replace_tree(data_dir / "agencies", files, drop_dirs=[kind], write=writer)
        out(f"wrote {len(files)} files under {data_dir / 'agencies'}")
    return d


def _in_list_order(sections: dict) -> dict:
    """Participating first, then pending, whatever order they were loaded in."""
    return {k: sections[k] for k in load.LISTS if k in sections}


def _print_diff(kind: str, as_of: str, d: hist.Diff, out: Printer, limit: int = 20) -> None:
    """Print added / removed / changed agreements (the first `limit` of each)."""
    out(
        f"{kind} list as of {as_of}: {len(d.added)} added, {len(d.removed)} removed, "
        f"{len(d.changed)} changed"
    )
    for label, items in (("+", d.added), ("-", d.removed), ("~", d.changed)):
        for item in items[:limit]:
            fields = f"  [{', '.join(item['fields'])}]" if "fields" in item else ""
            out(
                f"  {label} {item['id']}  ({item['state']}, {item['agency']}, "
                f"{item['model']}){fields}"
            )
        if len(items) > limit:
            out(f"  {label} ... {len(items) - limit} more in data/agencies/history.yml")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the import, print errors without a traceback."""
    parser = argparse.ArgumentParser(
        prog="python -m site287g.agencies.importer", description=__doc__
    )
    parser.add_argument("file", type=Path, help="ICE list (.xlsx) or a CSV snapshot")
    parser.add_argument("--list", choices=load.LISTS, help="expected list; refused if it differs")
    parser.add_argument("--as-of", type=parse_as_of, help="list date YYYY-MM-DD[am|pm|mid]")
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
