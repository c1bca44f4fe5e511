"""``python -m site287g.data [DATA_DIR]``: validate the data alone, print every problem."""

from __future__ import annotations

import sys

from . import DataErrors, load_site


def main(argv: list[str]) -> int:
    """Check the data folder and report; exit status 1 when anything is wrong."""
    root = argv[0] if argv else "data"
    try:
        data = load_site(root)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"{root}: {len(data.files)} files valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
