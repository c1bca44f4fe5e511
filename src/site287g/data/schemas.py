"""``python -m site287g.data.schemas [DATA_DIR]``: write data/schema/vocabulary.schema.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .vocab import vocabulary_schema


def vocabulary_text() -> str:
    """The text of vocabulary.schema.json, exactly as committed."""
    return json.dumps(vocabulary_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write the generated schema into DATA_DIR/schema (default: data/schema)."""
    target = Path(argv[0] if argv else "data") / "schema" / "vocabulary.schema.json"
    target.write_text(vocabulary_text(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
