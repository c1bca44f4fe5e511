"""Command line (make refresh): import each new list linked from ICE's 287(g) page.

Exit codes: 0 nothing new, 10 imported, 20 refused (a person has to look), 30 download failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..data.vocab import LISTS
from . import summary
from .fetch import USER_AGENT, Fetcher
from .outcome import IMPORTED, NETWORK, NOTHING_NEW, REFUSED, Outcome
from .sync import PAGE, refresh

STATUS: dict[int, str] = {
    NOTHING_NEW: "nothing-new",
    IMPORTED: "imported",
    REFUSED: "refused",
    NETWORK: "network",
}


def _positive(text: str) -> float:
    """argparse type: a number above zero."""
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text}: must be above zero")
    return value


def _parser() -> argparse.ArgumentParser:
    """The command's options."""
    p = argparse.ArgumentParser(prog="python -m site287g.ingest.refresh", description=__doc__)
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("--page", default=PAGE, help=f"ICE's 287(g) page (default {PAGE})")
    p.add_argument("--lists", nargs="+", choices=list(LISTS), default=list(LISTS), metavar="LIST")
    p.add_argument("--data-dir", type=Path, default=Path("data"))
    p.add_argument("--sources", type=Path, default=Path("sources/ice"), help="kept originals")
    p.add_argument("--downloads", type=Path, help="also keep every download here (a folder)")
    p.add_argument("--summary", type=Path, help="write the Markdown summary to this file too")
    p.add_argument("--outputs", type=Path, help="append code=, status=, title= lines here")
    p.add_argument("--dry-run", action="store_true", help="download and check, write nothing")
    p.add_argument("--timeout", type=_positive, default=30.0, help="seconds per attempt")
    p.add_argument("--attempts", type=int, choices=range(1, 11), default=3, metavar="1-10")
    p.add_argument("--backoff", type=float, default=5.0, help="seconds before the 2nd attempt")
    p.add_argument("--user-agent", default=USER_AGENT)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one refresh, print and write its summary, return the exit code."""
    args = _parser().parse_args(argv)
    fetcher = Fetcher(args.user_agent, args.timeout, args.attempts, max(args.backoff, 0.0))
    try:
        outcome = refresh(
            args.page,
            kinds=tuple(k for k in LISTS if k in args.lists),
            data_dir=args.data_dir,
            sources=args.sources,
            downloads=args.downloads,
            fetcher=fetcher,
            dry_run=args.dry_run,
        )
    except OSError as exc:  # disk full, permissions: data/ is left as it was
        print(f"error: {exc}", file=sys.stderr)
        return 1
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = summary.markdown(outcome, when)
    print(text, end="")
    if outcome.code in (REFUSED, NETWORK):
        print(f"error: {summary.title(outcome)}", file=sys.stderr)
    if args.summary:
        args.summary.parent.mkdir(parents=True, exist_ok=True)
        args.summary.write_text(text, encoding="utf-8")
    if args.outputs:
        _outputs(args.outputs, outcome)
    return outcome.code


def _outputs(path: Path, outcome: Outcome) -> None:
    """key=value lines for a workflow ($GITHUB_OUTPUT): code, status, title."""
    title = " ".join(summary.title(outcome).split())
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"code={outcome.code}\nstatus={STATUS[outcome.code]}\ntitle={title}\n")


if __name__ == "__main__":
    sys.exit(main())
