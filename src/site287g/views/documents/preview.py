"""Shape a template's preview blocks for its HTML page: heading levels and unique anchors."""

from __future__ import annotations

import re

from .model import template_preview


def _slug(text: str) -> str:
    """Lower-case words joined by hyphens, for an anchor."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def preview_blocks(data: dict) -> list[dict]:
    """Preview blocks with ``tag`` (h2-h4) and a unique ``id`` on each heading."""
    blocks, seen = [], set()
    for block in template_preview(data):
        block = dict(block)
        if block["type"] == "heading":
            base = _slug(" ".join(filter(None, [block.get("number"), block.get("text")])))
            anchor, n = base, 2
            while anchor in seen:
                anchor, n = f"{base}-{n}", n + 1
            seen.add(anchor)
            block["id"] = anchor
            block["tag"] = f"h{min(block['level'] + 1, 4)}"
        blocks.append(block)
    return blocks
