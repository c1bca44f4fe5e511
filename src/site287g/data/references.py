"""The links from data to pages of the site (every ``page:`` field), checked against the pages
that exist and, for ``page.md#anchor``, against the headings those pages have."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import SiteData
from .errors import DataError
from .explain import locate
from .yamlfile import has_lines, load_yaml

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class PageLink:
    """One ``page:`` value: the file and path that hold it, the page and the anchor it names."""

    file: str
    path: Path_
    page: str
    anchor: str


def _walk(node: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    """(path, target) for each ``page`` text value below ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "page" and isinstance(value, str):
                yield (*path, key), value
            else:
                yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, index))


def page_links(data: SiteData) -> list[PageLink]:
    """Every link from the data to a page, in file order (the agency files, which only the
    importer writes, hold none: their schemas have no ``page`` field)."""
    return [
        PageLink(name, path, *target.partition("#")[::2])
        for name, content in data.files.items()
        if not name.startswith("agencies/")
        for path, target in _walk(content, ())
    ]


def _missing_page(link: PageLink) -> str:
    """What is wrong when a link names no page, by kind of link."""
    if link.path and link.path[-1] == "slug":
        return (
            f"no page docs/{link.page}: a model's slug is the file name of its page; "
            "never change it once published (or rename the page too)"
        )
    if not link.path:
        name = link.file.split("/", 1)[-1]
        return (
            f"this template has no preview page: add docs/{link.page} containing "
            f'{{{{ template_preview("{name}") }}}}'
        )
    return (
        f"no page docs/{link.page}; name a page of this site by its file, such as "
        "sign-up.md or faq.md#training-cost"
    )


def broken_links(
    data: SiteData, pages: Mapping[str, set[str] | None], links: list[PageLink]
) -> list[DataError]:
    """An error for each link to a page that does not exist, or to an anchor the page lacks.

    ``pages`` maps each page's source path (``faq.md``) to the ids in it, or to None where
    they are not known yet (then only the page itself is checked).
    """
    errors = []
    for link in links:
        if link.page not in pages:
            message = _missing_page(link)
        else:
            ids = pages[link.page]
            if not link.anchor or ids is None or link.anchor in ids:
                continue
            close = difflib.get_close_matches(link.anchor, sorted(ids), n=1, cutoff=0.6)
            guess = f"did you mean '#{close[0]}'? " if close else ""
            shown = sorted(ids)[:8]
            more = ", ..." if len(ids) > len(shown) else ""
            message = (
                f"docs/{link.page} has no heading '#{link.anchor}'; {guess}"
                f"its headings: {', '.join(shown)}{more}"
            )
        content = data[link.file]
        if not has_lines(content):  # read fast, without lines: read again to name the line
            content = load_yaml(data.root / f"{link.file}.yml", data.display(link.file))
        line, field = locate(content, list(link.path))
        errors.append(DataError(data.display(link.file), line, field, message))
    return errors
