"""``python -m site287g.data [DATA_DIR] [--docs DOCS_DIR]``: validate the data alone."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DataErrors, SiteData, load_site
from .references import broken_page_links


def generated_pages(data: SiteData) -> set[str]:
    """The pages the build generates from the data (the agency pages), as docs paths."""
    if "agencies/lists" not in data.files:
        return set()
    from ..views.context import agencies
    from ..views.plan import plan

    return {page.src_uri for page in plan(agencies(data))}


def main(argv: list[str]) -> int:
    """Check the data folder (and its links to pages) and report; exit 1 when anything is wrong."""
    parser = argparse.ArgumentParser(prog="python -m site287g.data", description=__doc__)
    parser.add_argument("data_dir", nargs="?", default="data")
    parser.add_argument("--docs", default="docs", help="folder of the pages data may link to")
    args = parser.parse_args(argv)
    try:
        data = load_site(args.data_dir)
        docs = Path(args.docs)
        pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} | generated_pages(data)
        errors = broken_page_links(data, pages)
        if errors:
            raise DataErrors(errors)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"{args.data_dir}: {len(data.files)} files valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
