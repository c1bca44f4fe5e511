"""axe-core finds no WCAG 2.1 A/AA violation on any page, in the light or the dark palette."""

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
def test_every_page_passes_axe(
    preference, scheme, viewport, page_urls, server, open_page, new_context, axe_violations
):
    """Every page of the sitemap, and the 404 page, in the palette the visitor's system prefers,
    on a desktop screen and on a phone."""
    ctx = new_context(viewport=viewport, color_scheme=preference, is_mobile=viewport is PHONE)
    violations = []
    for url in [*page_urls, server.base + "no-such-page/"]:
        page = open_page(url, ctx)
        assert page.evaluate(SCHEME) == scheme, f"{url}: the {preference} palette was not used"
        violations += axe_violations(page)
        page.close()
    assert not violations, "\n".join(violations)


def test_palette_toggle_switches_and_stays_accessible(page_urls, server, open_page, axe_violations):
    """The header toggle switches light to dark and back, remembered across pages."""
    page = open_page(server.base)
    assert page.evaluate(SCHEME) == "default"
    page.get_by_title("Switch to dark mode").click()
    page.wait_for_function(f"() => ({SCHEME})() === 'slate'")
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != (
        "rgb(255, 255, 255)"
    )
    assert not axe_violations(page)

    other = next(url for url in page_urls if url != server.base)
    page.goto(other, wait_until="networkidle")
    assert page.evaluate(SCHEME) == "slate", "the dark palette was not remembered"
    assert not axe_violations(page)

    page.get_by_title("Switch to light mode").click()
    page.wait_for_function(f"() => ({SCHEME})() === 'default'")
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == (
        "rgb(255, 255, 255)"
    )
    assert not axe_violations(page)
