"""axe-core finds no WCAG 2.1 A/AA violation on any kind of page, in the light or dark palette."""

from __future__ import annotations

import pytest

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


@pytest.mark.parametrize(
    ("preference", "scheme", "viewport"),
    [("light", "default", DESKTOP), ("dark", "slate", DESKTOP), ("light", "default", PHONE)],
    ids=["light", "dark", "phone"],
)
def test_page_passes_axe(
    preference, scheme, viewport, kind_url, open_page, new_context, axe_violations
):
    """A page of each kind (the 404 page and the largest pages too), in the palette the
    visitor's system prefers, on a desktop screen and on a phone."""
    ctx = new_context(viewport=viewport, color_scheme=preference, is_mobile=viewport is PHONE)
    page = open_page(kind_url, ctx)
    assert page.evaluate(SCHEME) == scheme, f"{kind_url}: the {preference} palette was not used"
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_palette_toggle_switches_and_stays_accessible(
    chosen_pages, server, open_page, axe_violations
):
    """The header toggle switches light to dark and back, remembered across pages."""
    page = open_page(server.base)
    assert page.evaluate(SCHEME) == "default"
    page.get_by_title("Switch to dark mode").click()
    page.wait_for_function(f"() => ({SCHEME})() === 'slate'")
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != (
        "rgb(255, 255, 255)"
    )
    assert not axe_violations(page)

    other = next(url for kind, url in chosen_pages.items() if url != server.base and kind != "404")
    page.goto(other, wait_until="networkidle")
    assert page.evaluate(SCHEME) == "slate", "the dark palette was not remembered"
    assert not axe_violations(page)

    page.get_by_title("Switch to light mode").click()
    page.wait_for_function(f"() => ({SCHEME})() === 'default'")
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == (
        "rgb(255, 255, 255)"
    )
    assert not axe_violations(page)
