"""Every page of the real site has a known kind, so the browser tests, which visit one page of
each kind (and the 404 page and the largest pages), visit every template the site uses."""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT
from .pages import (
    LARGEST,
    NOT_FOUND,
    html_file,
    kind_of,
    kinds,
    labels,
    representatives,
    sitemap_paths,
    source_kinds,
)


def test_every_page_comes_from_a_source_of_known_kind(built_site: Path) -> None:
    """The sitemap's pages are exactly the pages of docs/ and of the agency plan: a page made
    some other way would have no kind, and no browser test would visit its template."""
    served = set(sitemap_paths(built_site))
    known = set(source_kinds(ROOT))
    assert not served - known, f"pages of no known kind: {sorted(served - known)}"
    assert not known - served, f"sources that made no page: {sorted(known - served)}"


def test_every_kind_has_a_page_to_visit(built_site: Path) -> None:
    """Each kind, the 404 page and the two largest pages have a built page the browser tests
    visit, and the largest page of the site is among them."""
    chosen = representatives(built_site, ROOT)
    assert list(chosen) == labels(ROOT) == [*kinds(ROOT), NOT_FOUND, *LARGEST]
    for label, path in chosen.items():
        assert html_file(built_site, path).is_file(), f"{label}: {path} was not built"
    for kind, paths in kinds(ROOT).items():
        assert chosen[kind] == paths[0], kind
    largest = max(sitemap_paths(built_site), key=lambda p: html_file(built_site, p).stat().st_size)
    assert largest in chosen.values()
    assert len(set(chosen.values())) == len(chosen), "a page was chosen twice"


def test_kind_is_the_macro_a_page_calls() -> None:
    """A page's kind names the macros it calls, in order; a page without one is Markdown."""
    assert kind_of("---\ndata: faq\n---\n\n{{ faq() }}\n") == "faq"
    assert kind_of('{{ agency_state("TX", 2) }}') == "agency_state"
    assert kind_of("{{ about() }} and {{faq( )}} and {{ about() }}") == "about+faq"
    assert kind_of("# Plain\n\nNo macro, {{ not_a_call }}.") == "markdown"
