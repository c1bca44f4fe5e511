"""``python -m site287g.check`` (= `make check`): every problem in data/ an editor can fix.

First the data alone: every file read, validated and cross-checked, every link from the data to
a page (the pages under docs/ and the agency pages the data generates). When that passes, the
site is built into a temporary folder exactly as `make build` does, so that anything the build
would refuse (a link to a heading that does not exist, ...) is refused here too.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .data import DataErrors, load_site
from .views.pages import page_problems

_LEVEL = re.compile(r"^(ERROR|WARNING)\s+-\s+")


def check_data(project: Path) -> int:
    """The number of data files; raise DataErrors with the data's own problems and its broken
    links to pages."""
    data = load_site(project / "data")
    errors = page_problems(project / "docs", data)
    if errors:
        raise DataErrors(errors)
    return len(data.files)


def check_build(project: Path) -> str | None:
    """What a strict build of the site says when it fails, or None when it succeeds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    with tempfile.TemporaryDirectory(prefix="site287g-check-") as site:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode == 0:
        return None
    lines = [_LEVEL.sub("", line) for line in (result.stdout + result.stderr).splitlines()]
    kept = [line for line in lines if line.strip() and not line.startswith("Aborted with")]
    return "\n".join(kept) or f"the build failed (exit code {result.returncode})"


def main(argv: list[str]) -> int:
    """Report every problem; exit 1 when anything is wrong."""
    parser = argparse.ArgumentParser(prog="make check", description=__doc__)
    parser.add_argument("project", nargs="?", default=".", help="folder holding mkdocs.yml")
    args = parser.parse_args(argv)
    project = Path(args.project)
    try:
        count = check_data(project)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    failed = check_build(project)
    if failed is not None:
        print(failed, file=sys.stderr)
        return 1
    print(f"data/: {count} files valid, and the site builds")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
