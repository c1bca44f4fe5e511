"""The checks run on every page find each kind of mistake they are for (on a spoilt copy of the
tiny site), and find none on the tiny site as built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .html_checks import CHECKS, FRAGMENTS, run_checks

# One mistake per check, made in faq/index.html: (check, text replaced, replacement).
SPOILS = [
    ("policy-is-first-and-strict", "<head>", '<head><meta name="x" content="y">'),
    ("policy-is-first-and-strict", "object-src 'none'", "object-src 'unsafe-inline'"),
    ("inline-scripts-are-allowed-by-hash-exactly", "</body>", "<script>x()</script></body>"),
    ("no-inline-styles-or-handlers", "<article ", '<article style="color: red" '),
    ("no-inline-styles-or-handlers", "<article ", '<article onclick="x()" '),
    ("charset-early-and-referrer-policy", "strict-origin-when-cross-origin", "unsafe-url"),
    ("language-title-description-one-h1", '<html lang="en"', '<html lang="fr"'),
    ("language-title-description-one-h1", "</article>", "<h1>Again</h1></article>"),
    ("language-title-description-one-h1", 'name="description"', 'name="summary"'),
    ("header-names-the-page", "<title>", "<title>Another page - "),
    ("canonical-is-the-sitemap-address", 'rel="canonical" href="', 'rel="canonical" href="x'),
    ("assets-and-links-resolve", "</article>", '<a href="../no-such-page/">x</a></article>'),
    ("assets-and-links-resolve", "</article>", '<img src="../nowhere.png" alt="x"></article>'),
    ("assets-and-links-resolve", "</body>", '<script src="https://cdn.example/x.js"></script>'),
    (FRAGMENTS, "</article>", '<a href="../sign-up/#no-such-part">x</a></article>'),
]


def test_the_tiny_site_passes_every_check(tiny_site: Path) -> None:
    """As built, no page of the tiny site fails a check."""
    problems, pages = run_checks(tiny_site, "en")
    assert pages > 10
    assert not [p for found in problems.values() for p in found]


@pytest.mark.parametrize(("name", "old", "new"), SPOILS, ids=lambda v: str(v)[:30])
def test_each_mistake_is_found(name: str, old: str, new: str, tiny_site: Path, tmp_path) -> None:
    """The mistake is reported by its check, on the page that has it."""
    site = shutil.copytree(tiny_site, tmp_path / "site")
    faq = site / "faq" / "index.html"
    html = faq.read_text(encoding="utf-8")
    assert old in html
    faq.write_text(html.replace(old, new, 1), encoding="utf-8")
    problems, _ = run_checks(site, "en")
    assert problems[name] and all(p.startswith("faq/index.html: ") for p in problems[name])
    assert set(problems) == {*CHECKS, FRAGMENTS}
