"""Pages fit a phone's width and print as a document: no navigation, link targets spelled out."""

from __future__ import annotations

# A long agreements table prints every row; the rows past its first group (the 25 shown on
# screen) repeat that group's markup and styles: checking them on paper too would only add
# minutes, not findings.
REPEATED_ROWS = (".g287-agreements > tbody + tbody",)

# Browsers print no backgrounds: judge contrast as on white paper. (A constructed stylesheet,
# since the site's policy rightly refuses an injected <style>.) Then judge the colours the
# print styles end with: Material eases colour changes, and a link caught in the middle of its
# change from the dark palette's colour would be judged by that colour.
PAPER = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('*, *::before, *::after { background: transparent !important }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  document.querySelectorAll('body *').forEach((el) => getComputedStyle(el).color);
  document.getAnimations().forEach((a) => { try { a.finish(); } catch (e) { /* infinite */ } });
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


def test_page_fits_a_phone_without_sideways_scrolling(kind_url, open_page, new_context):
    """At 375 px wide no page of any kind is wider than the screen."""
    ctx = new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = open_page(kind_url, ctx)
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width[1] == PHONE["width"], f"{kind_url}: viewport is {width[1]} px, not 375"
    widest = page.evaluate(
        """(limit) => [...document.querySelectorAll('body *')]
             .filter((el) => el.getBoundingClientRect().right > limit + 1)
             .slice(0, 3).map((el) => el.outerHTML.slice(0, 80))""",
        width[1],
    )
    assert width[0] <= width[1], f"{kind_url}: {width[0]} px wide; sticking out: {widest}"


def test_print_shows_content_and_link_targets_without_navigation(
    kind_url, open_page, new_context, axe_violations
):
    """Printed, a page of each kind drops header and navigation, spells out where outside links
    go (the footer's source link at least), and all its text stays readable on white paper,
    even when the visitor uses the dark palette on screen (light text of the dark palette is
    what would vanish on paper; the light palette's text is dark already)."""
    ctx = new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = open_page(kind_url, ctx)
    page.emulate_media(media="print")
    page.evaluate(PAPER)
    problems = axe_violations(page, exclude=REPEATED_ROWS)
    for name, selector in HIDDEN_IN_PRINT.items():
        for element in page.locator(selector).all():
            if element.is_visible():
                problems.append(f"{kind_url}: the {name} is printed")
    if not page.locator("article.md-content__inner").is_visible():
        problems.append(f"{kind_url}: the content is not printed")
    links = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="http"], a[href^="mailto:"]')]
             .filter((a) => a.checkVisibility())
             .map((a) => [a.getAttribute('href'),
                          getComputedStyle(a, '::after').content])"""
    )
    assert links, f"{kind_url}: no outside link is printed"
    problems += [
        f"{kind_url}: printed link to {href} does not show it (::after is {after})"
        for href, after in links
        if href not in after
    ]
    assert not problems, "\n".join(problems)


def test_print_keeps_the_unofficial_notice_and_source(server, open_page):
    """A printed page still says it is not an official website and where the content is from."""
    page = open_page(server.base)
    page.emulate_media(media="print")
    assert page.locator(".md-banner").is_visible()
    assert "Not an official" in page.locator(".md-banner").inner_text()
    assert page.locator(".md-copyright").is_visible()
    assert "Source:" in page.locator(".md-copyright").inner_text()
