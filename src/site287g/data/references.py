"""Find the links from data to pages of the site (every ``page:`` field), with their lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import SiteData
from .errors import DataError
from .yamlfile import has_lines, load_yaml


def _walk(node: Any, field: str) -> Iterator[tuple[int, str, str]]:
    """Yield (line, field, target) for each ``page`` text value below ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{field}.{key}" if field else key
            if key == "page" and isinstance(value, str):
                lines = getattr(node, "key_lines", {})
                yield lines.get(key, getattr(node, "line", 1)), path, value
            else:
                yield from _walk(value, path)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{field}[{index + 1}]")


def broken_page_links(data: SiteData, pages: set[str]) -> list[DataError]:
    """Return an error for each ``page:`` in the data that names no file under docs/."""
    errors = []
    for name, content in data.files.items():
        broken = [t for _, _, t in _walk(content, "") if t.partition("#")[0] not in pages]
        if not broken:
            continue
        if not has_lines(content):  # read fast, without lines: read again to name the lines
            content = load_yaml(data.root / f"{name}.yml")
        for line, field, target in _walk(content, ""):
            path = target.partition("#")[0]
            if path not in pages:
                errors.append(
                    DataError(
                        f"{data.root.name}/{name}.yml",
                        line,
                        field,
                        f"no page docs/{path}; name a Markdown file under docs/, "
                        "such as sign-up.md or faq.md#training-cost",
                    )
                )
    return errors
