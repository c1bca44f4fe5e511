"""Site search, typed as a visitor types, finds FAQ answers and model pages and leads to them."""

from __future__ import annotations

import pytest

RESULT_LINKS = ".md-search-result__item a"


def search(page, words: str, expected: str | None = None) -> list[dict]:
    """Type into the search box key by key and return the result links once they appear (with
    ``expected``: once one of them names it; results come in while the search catches up
    with the keys typed)."""
    box = page.get_by_role("textbox", name="Search")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    page.keyboard.type(words)
    links = page.locator(RESULT_LINKS)
    (links.filter(has_text=expected) if expected else links).first.wait_for()
    return page.locator(RESULT_LINKS).evaluate_all(
        "(links) => links.map((a) => ({href: a.href, text: a.innerText}))"
    )


@pytest.mark.parametrize(
    ("words", "page_path", "expected_text"),
    [
        ("training cost", "faq/", "How Much Does 287(g) Training Cost?"),
        ("Task Force Model", "models/task-force-model/", "Task Force Model"),
    ],
)
def test_search_finds_and_opens(words, page_path, expected_text, server, open_page):
    """The result names what was sought, and following it opens that page."""
    page = open_page(server.base)
    target = server.base + page_path
    search(page, words, expected_text)
    # Results change while the search catches up with the keys typed, and several may name
    # what was sought (the model's page, its agreements' list): follow the one that names it
    # and leads to the page sought, as a visitor reading the addresses would, once it is shown.
    link = page.locator(f'{RESULT_LINKS}[href^="{target}"]').filter(has_text=expected_text)
    link.first.click()
    page.wait_for_url(target + "**")
    assert expected_text.lower() in page.locator("article").inner_text().lower()


def test_search_dialog_has_a_name(server, open_page):
    """Assistive technology announces the open search as "Search"."""
    page = open_page(server.base)
    search(page, "287(g)")
    assert page.get_by_role("dialog", name="Search").count() == 1


def test_search_says_when_nothing_matches(server, open_page):
    """A search with no match says so instead of showing stale results."""
    page = open_page(server.base)
    search(page, "Task Force Model")
    for _ in "Task Force Model":
        page.keyboard.press("Backspace")
    page.keyboard.type("zzqxj")
    page.locator(".md-search-result__meta", has_text="No matching documents").wait_for()
    assert page.locator(RESULT_LINKS).count() == 0
