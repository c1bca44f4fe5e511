"""The agreement tables in Chromium: filtering, sorting, URL state, keyboard use, site search."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from site287g.views.agencies import PREVIEW_ROWS

from ..conftest import ROOT, tiny_project
from .server import Server, serve

pytestmark = pytest.mark.browser

TABLE = "#agreements-participating"
# The rows listed on screen: the first row group (the preview on load; the script keeps every
# row it lists there). The page's second row group holds the rest, hidden on screen.
ROWS = f"{TABLE} > tbody:first-of-type > tr"
SHOWN = f"{TABLE} tbody tr:visible"


@pytest.fixture(scope="session")
def base_url(server: Server) -> str:
    """The real site on a local server."""
    return server.base


def _long_project(folder: Path) -> Path:
    """The tiny site with 4,500 synthetic agreements instead of its few real ones."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import write_data

    project = tiny_project(folder)
    write_data(project / "data", 4500)
    return project


@pytest.fixture(scope="module")
def long_site(shared_build) -> Iterator[str]:
    """A site whose participating list (4,500 synthetic agreements) spans three pages."""
    build = shared_build("long", _long_project)
    assert build.returncode == 0, build.output
    with serve(build.site) as running:
        yield running.base


@pytest.fixture
def page(browser) -> Iterator[object]:
    # Playwright evaluates wait_for_function predicates with eval(), which the site's CSP (no
    # 'unsafe-eval') rightly refuses; the policy itself is checked by test_hygiene.py (in the
    # browser, each kind of page) and test_every_page.py (every page), so these table tests
    # run with it bypassed.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert not errors, errors


# Whether an element is inside the viewport.
ON_SCREEN = (
    "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
)


def status(page) -> str:
    return page.locator("#agreements-participating-status").inner_text()


def cells(page, column: int) -> list[str]:
    """The first line of each shown row's cell in ``column`` (0-based), once all are listed."""
    page.wait_for_selector(f"{TABLE}:not([data-rendering])", state="attached")
    return page.eval_on_selector_all(
        ROWS, f"rows => rows.map(r => r.cells[{column}].firstChild.textContent.trim())"
    )


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def total(page) -> int:
    return int(page.locator(TABLE).get_attribute("data-total"))


def test_long_table_lists_a_preview_then_everything(page, base_url: str) -> None:
    """On load the first rows are listed with a count saying so; "List all" lists every row
    in place and moves focus to the first row it added."""
    page.goto(base_url + "agencies/participating/")
    preview = int(page.locator(TABLE).get_attribute("data-preview"))
    assert page.locator(SHOWN).count() == preview
    assert status(page) == f"Showing the first {preview} of {total(page):,} agreements."
    more = page.get_by_role("link", name=f"List all {total(page):,} agreements")
    more.click()
    page.wait_for_selector(f"{TABLE}:not([data-rendering])", state="attached")
    assert page.locator(SHOWN).count() == total(page)
    assert not more.is_visible()
    assert page.url.endswith("/agencies/participating/")  # listed in place, no reload
    focused = page.evaluate("document.activeElement.closest('tr').rowIndex")
    assert focused == preview + 1  # row 0 is the header row


def test_filter_with_many_matches_lists_the_first_and_offers_the_rest(page, base_url) -> None:
    """A filter matching more rows than the preview lists that many and a button for all."""
    page.goto(base_url + "agencies/participating/")
    preview = int(page.locator(TABLE).get_attribute("data-preview"))
    page.get_by_label("State or territory").select_option("Texas")
    page.wait_for_function(
        "document.querySelector('#agreements-participating-status').textContent"
        ".includes('are listed')"
    )
    matches = int(re.search(r"Showing ([\d,]+) of", status(page))[1].replace(",", ""))
    assert matches > preview
    assert set(cells(page, 0)) == {"Texas"} and len(cells(page, 0)) == preview
    page.get_by_role("link", name=f"List all {matches:,} matching agreements").click()
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length === {matches}")
    assert set(cells(page, 0)) == {"Texas"}


def test_list_all_works_without_the_table_script(browser, base_url: str) -> None:
    """If agency-table.js fails to load, "List all" still shows every row (by reloading)."""
    context = browser.new_context()
    tab = context.new_page()
    tab.route("**/agency-table.js", lambda route: route.abort())
    tab.goto(base_url + "agencies/participating/")
    n = int(tab.locator(TABLE).get_attribute("data-total"))
    assert tab.locator(SHOWN).count() < n
    tab.get_by_role("link", name=f"List all {n:,} agreements").click()
    tab.wait_for_url("**/agencies/participating/?all#agreements-participating")
    assert tab.locator(SHOWN).count() == n
    context.close()


def test_print_has_every_row(page, base_url: str) -> None:
    """Paper gets the whole table, not the preview."""
    page.goto(base_url + "agencies/participating/")
    page.emulate_media(media="print")
    assert page.locator(SHOWN).count() == total(page)


def test_text_filter_updates_rows_count_and_url(page, base_url: str) -> None:
    """Typing narrows the rows, says how many are shown, and puts the filter in the URL."""
    page.goto(base_url + "agencies/participating/")
    box = page.get_by_label("Search agency or county")
    box.click()
    page.keyboard.type("harris")
    # The live region speaks once typing pauses: wait until it counts the rows shown.
    page.wait_for_function(
        "document.querySelector('#agreements-participating-status').textContent === "
        f"'Showing ' + document.querySelectorAll('{ROWS}').length"
        f" + ' of {total(page):,} agreements'"
    )
    agencies = cells(page, 1)
    assert agencies and len(agencies) < total(page)
    page.wait_for_selector(f"{TABLE}:not([data-rendering])", state="attached")
    rows_text = page.eval_on_selector_all(ROWS, "rs => rs.map(r => r.textContent.toLowerCase())")
    assert all("harris" in t for t in rows_text)
    assert status(page) == f"Showing {len(agencies)} of {total(page):,} agreements"
    assert query(page)["q"] == ["harris"]


def test_state_model_and_type_filters(page, base_url: str) -> None:
    """Selects filter by state, model and type, together."""
    page.goto(base_url + "agencies/participating/")
    page.get_by_label("State or territory").select_option("Texas")
    page.get_by_label("Model", exact=True).select_option("JEM")
    page.get_by_label("Type", exact=True).select_option("County")
    assert set(cells(page, 0)) == {"Texas"}
    assert set(cells(page, 4)) == {"JEM"}
    assert set(cells(page, 2)) == {"County"}
    assert query(page) == {"state": ["Texas"], "model": ["JEM"], "type": ["County"]}
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function("!location.search")
    # Back to the whole list: its first rows, and the button to list them all.
    page.wait_for_function(
        f"document.querySelector('{TABLE}-status').textContent === 'Showing {total(page):,} "
        f"of {total(page):,} agreements (the first {PREVIEW_ROWS} are listed)'"
    )
    assert len(cells(page, 0)) == PREVIEW_ROWS
    assert page.get_by_role("link", name=f"List all {total(page):,} agreements").is_visible()


def test_shared_url_restores_filters_and_sort(page, base_url: str) -> None:
    """A bookmarked view comes back: controls set, rows filtered, column sorted."""
    page.goto(base_url + "agencies/participating/?state=Florida&sort=signed&dir=desc")
    assert page.get_by_label("State or territory").input_value() == "Florida"
    assert set(cells(page, 0)) == {"Florida"}
    signed = page.locator(f"{TABLE} thead th[data-key=signed]")
    assert signed.get_attribute("aria-sort") == "descending"
    dates = [d for d in cells(page, 5) if d != "not given"]
    assert dates == sorted(dates, reverse=True)


def test_sort_by_keyboard(page, base_url: str) -> None:
    """Header buttons are reached with Tab and sort with Enter; aria-sort follows."""
    page.goto(base_url + "agencies/participating/")
    button = page.locator(f"{TABLE} thead th[data-key=agency] button")
    assert button.evaluate("b => b.tagName") == "BUTTON"
    page.get_by_label("Search agency or county").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    assert button.evaluate("b => b === document.activeElement"), "header button not reachable"
    page.keyboard.press("Enter")
    header = page.locator(f"{TABLE} thead th[data-key=agency]")
    assert header.get_attribute("aria-sort") == "ascending"
    names = [n.lower() for n in cells(page, 1)]
    assert names == sorted(names)
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert query(page)["sort"] == ["agency"] and query(page)["dir"] == ["desc"]


def test_row_anchor_is_the_target(page, base_url: str) -> None:
    """#<id> lands on the agreement's row, marked, even past the first rows listed."""
    rid = "tx-aransas-county-sheriffs-office-jem"
    page.goto(base_url + f"agencies/participating/#{rid}")
    row = page.locator(f"tr#{rid}")
    page.wait_for_selector(f"tr#{rid}.g287-target")
    assert row.is_visible() and row.evaluate(ON_SCREEN)
    # Following another agreement's link on the same page lands there too.
    other = "fl-walton-county-sheriffs-office-tfm"
    page.evaluate(f"location.hash = '{other}'")
    page.wait_for_selector(f"tr#{other}.g287-target")
    assert page.locator(f"tr#{other}").evaluate(ON_SCREEN)


def test_without_javascript_the_table_is_complete(browser, base_url: str) -> None:
    """No script: every row is there and no useless controls are shown."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base_url + "agencies/participating/")
    n = int(tab.locator(TABLE).get_attribute("data-total"))
    assert n > 1800 and tab.locator(SHOWN).count() == n
    assert tab.locator("#agreements-participating-status").inner_text() == f"{n:,} agreements."
    assert not tab.locator("#agreements-participating-filters").is_visible()
    assert not tab.locator("#agreements-participating-more").is_visible()
    context.close()


def test_site_search_finds_an_agency_and_opens_its_page(page, base_url: str) -> None:
    """Typing an agency name in Material's search offers it; choosing it opens its page."""
    path = "agencies/states/tx/aransas-county-sheriffs-office/"
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").focus()
    page.keyboard.type("Aransas County", delay=30)
    result = page.locator(f".md-search-result a[href*='{path}']").first
    result.wait_for(timeout=20000)
    result.click()
    # Material adds ?h=<words> to highlight them.
    page.wait_for_url(lambda url: path in url)
    assert page.locator("h1").inner_text() == "Aransas County Sheriff's Office"
    assert page.locator("tr#tx-aransas-county-sheriffs-office-jem").is_visible()


def test_long_list_filter_covers_every_page(page, long_site: str) -> None:
    """On a list split over pages, filtering loads the other pages and searches them all."""
    page.goto(long_site + "agencies/participating/")
    assert page.locator(".g287-pages a").count() == 3
    page.get_by_label("State or territory").select_option("Guam")
    page.wait_for_selector(f"{TABLE}[data-loaded=all]")
    page.wait_for_function("document.querySelector('#agreements-participating-status')"
                           ".textContent.includes('of 4,500')")  # fmt: skip
    guam = cells(page, 0)
    assert guam and set(guam) == {"Guam"}  # Guam sorts last: its rows are on page 3
    assert not page.locator(".g287-pages").is_visible()


def test_long_list_anchor_on_another_page(page, long_site: str) -> None:
    """A link to page 1 with the id of a row on page 3 goes to that row."""
    page.goto(long_site + "agencies/participating/page-3/")
    rid = page.locator(f"{TABLE} tbody tr").last.get_attribute("id")
    page.goto(long_site + f"agencies/participating/#{rid}")
    page.wait_for_url(f"**/agencies/participating/page-3/#{rid}")
    page.wait_for_selector(f"tr#{rid}.g287-target")
    assert page.locator(f"tr#{rid}").evaluate(ON_SCREEN)
