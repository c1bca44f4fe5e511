"""A table wider than the screen scrolls inside the page, and keyboard users can scroll it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.server import serve
from tests.browser.test_keyboard import FOCUS, MARK_CONTROLS
from tests.conftest import tiny_project

OVERLAY = Path(__file__).resolve().parent.parent / "sites_ok" / "wide_table"
WRAP = ".md-typeset__scrollwrap"


@pytest.fixture(scope="module")
def table_page(shared_build):
    """The tiny site with a twelve-column table on the About page, served locally."""
    build = shared_build("wide", lambda folder: tiny_project(folder, OVERLAY))
    assert build.returncode == 0, build.output
    with serve(build.site) as running:
        yield running.base + "about/"


@pytest.mark.parametrize("width", [375, 1280])
def test_wide_table_is_a_keyboard_scrollable_region(
    width, table_page, new_context, open_page, axe_violations
):
    """The page stays screen-wide; Tab reaches the table, visibly; arrow keys scroll it."""
    ctx = new_context(viewport={"width": width, "height": 800})
    page = open_page(table_page, ctx)
    page.wait_for_function(f"() => document.querySelector('{WRAP}').tabIndex === 0")
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert page.evaluate(f"() => document.querySelector('{WRAP}').scrollWidth") > width / 2
    assert not axe_violations(page)
    region = page.get_by_role("region", name="Agencies: table, scrolls sideways")
    assert region.count() == 1

    page.evaluate(MARK_CONTROLS)
    for _ in range(200):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus is not None, "Tab never reached the table"
        if page.evaluate(f"() => document.activeElement.matches('{WRAP}')"):
            break
    assert focus["visible"], "the focused table shows no focus indicator"
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => document.querySelector('{WRAP}').scrollLeft > 0")
