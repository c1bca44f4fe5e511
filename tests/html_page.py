"""A built page as the page checks see it, and the register of those checks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree


@dataclass
class Site:
    """What the checks know of the whole built site."""

    root: Path
    language: str  # data/site.yml's language
    files: set[str]  # every file, by path below the root
    addresses: dict[str, str]  # HTML file of each sitemap page -> its address
    address: str  # the site's address, like http://127.0.0.1:8000/ or https://host/x/
    prefix: str  # its path, like / or /x/
    ids: dict[str, set[str]] = field(default_factory=dict)  # HTML file -> its ids
    fragments: list[tuple[str, str, str]] = field(default_factory=list)  # from, to, id
    navigation: list[str] = field(default_factory=list)  # where the first page's nav leads


@dataclass(frozen=True)
class Page:
    """One parsed page: its file below the site root, its bytes and its element tree."""

    name: str
    raw: bytes
    root: etree._Element
    site: Site


Check = Callable[[Page], Iterator[str]]
CHECKS: dict[str, Check] = {}  # name -> check, in the order they are defined


def check(func: Check) -> Check:
    """Register a check of one page under its name, with dashes."""
    CHECKS[func.__name__.replace("_", "-")] = func
    return func
