"""Pages fit a phone's width and print as a document: no navigation, link targets spelled out."""

from __future__ import annotations

import pytest

# Browsers print no backgrounds: judge contrast as on white paper. (A constructed stylesheet,
# since the site's policy rightly refuses an injected <style>.)
PAPER = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('*, *::before, *::after { background: transparent !important }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

PHONE = {"width": 375, "height": 812}

HIDDEN_IN_PRINT = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "previous/next links": ".md-footer__inner",
    "back to top": ".md-top",
    "skip link": ".md-skip",
}


def test_pages_fit_a_phone_without_sideways_scrolling(page_urls, open_page, new_context):
    """At 375 px wide no page is wider than the screen."""
    ctx = new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    too_wide = []
    for url in page_urls:
        page = open_page(url, ctx)
        width = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert width[1] == PHONE["width"], f"{url}: viewport is {width[1]} px, not 375"
        if width[0] > width[1]:
            widest = page.evaluate(
                """(limit) => [...document.querySelectorAll('body *')]
                     .filter((el) => el.getBoundingClientRect().right > limit + 1)
                     .slice(0, 3).map((el) => el.outerHTML.slice(0, 80))""",
                width[1],
            )
            too_wide.append(f"{url}: {width[0]} px wide; sticking out: {widest}")
        page.close()
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.parametrize("preference", ["light", "dark"])
def test_print_shows_content_and_link_targets_without_navigation(
    preference, page_urls, open_page, new_context, axe_violations
):
    """Printed, a page drops header and navigation, spells out where outside links go, and all
    its text stays readable on white paper, whichever palette the visitor uses on screen."""
    ctx = new_context(viewport={"width": 1280, "height": 900}, color_scheme=preference)
    problems = []
    outside_links = 0
    for url in page_urls:
        page = open_page(url, ctx)
        page.emulate_media(media="print")
        page.evaluate(PAPER)
        problems += axe_violations(page)
        for name, selector in HIDDEN_IN_PRINT.items():
            for element in page.locator(selector).all():
                if element.is_visible():
                    problems.append(f"{url}: the {name} is printed")
        if not page.locator("article.md-content__inner").is_visible():
            problems.append(f"{url}: the content is not printed")
        links = page.evaluate(
            """() => [...document.querySelectorAll('a[href^="http"], a[href^="mailto:"]')]
                 .filter((a) => a.checkVisibility())
                 .map((a) => [a.getAttribute('href'),
                              getComputedStyle(a, '::after').content])"""
        )
        outside_links += len(links)
        problems += [
            f"{url}: printed link to {href} does not show it (::after is {after})"
            for href, after in links
            if href not in after
        ]
        page.close()
    assert outside_links > 0, "no outside link was printed on any page"
    assert not problems, "\n".join(problems)


def test_print_keeps_the_unofficial_notice_and_source(server, open_page):
    """A printed page still says it is not an official website and where the content is from."""
    page = open_page(server.base)
    page.emulate_media(media="print")
    assert page.locator(".md-banner").is_visible()
    assert "Not an official" in page.locator(".md-banner").inner_text()
    assert page.locator(".md-copyright").is_visible()
    assert "Source:" in page.locator(".md-copyright").inner_text()
