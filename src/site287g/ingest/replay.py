"""Rebuild data/agencies/ by importing every reference snapshot in date order."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .dates import infer_as_of
from .importer import run_import
from .read import ListError
from .write import replace_tree


def snapshots(folder: Path) -> list[Path]:
    """Every .csv/.xlsx list in folder whose date the file name gives, oldest first."""
    files = [p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".xlsx")]
    dated = []
    for path in files:
        as_of = infer_as_of(path.name)
        if as_of is None:
            raise ListError(f"{path.name}: no date in the file name")
        dated.append((as_of.sort_key(), path.name, path))
    return [p for *_, p in sorted(dated)]


def replay(folder: Path, data_dir: Path, quiet: bool = True) -> list[str]:
    """Import all snapshots into a fresh tree, then swap it into data_dir/agencies."""
    done: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "data"
        scratch.mkdir()
        (scratch / "schema").symlink_to((data_dir / "schema").resolve(), target_is_directory=True)
        for path in snapshots(folder):
            lines: list[str] = []
            run_import(path, data_dir=scratch, out=lines.append)
            done.append(path.name)
            print(f"{path.name}: {lines[0] if quiet else chr(10).join(lines)}")
        built = scratch / "agencies"
        files = {
            p.relative_to(built).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(built.rglob("*.yml"))
        }
    replace_tree(data_dir / "agencies", files, drop_dirs=["."])
    return done


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and replay."""
    parser = argparse.ArgumentParser(prog="python -m site287g.ingest.replay", description=__doc__)
    parser.add_argument("folder", type=Path, help="folder of snapshot CSV/XLSX files")
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument("--verbose", action="store_true", help="print each import's report")
    args = parser.parse_args(argv)
    try:
        replay(args.folder, args.data_dir, quiet=not args.verbose)
    except (ListError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
