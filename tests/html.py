"""Helpers to read built pages as a visitor's browser would see their text."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, url_path: str) -> BeautifulSoup:
    """Parse the page served at ``url_path`` (like ``faq/``)."""
    target = site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path
    return BeautifulSoup(target.read_text(encoding="utf-8"), "lxml")


def text(node) -> str:
    """The visible text of a node with whitespace collapsed."""
    return squash(node.get_text(" "))


def squash(value: str) -> str:
    """Collapse runs of whitespace to one space."""
    return re.sub(r"\s+", " ", value).strip()


def content(soup: BeautifulSoup):
    """The main article of a Material page."""
    return soup.select_one("article.md-content__inner")
