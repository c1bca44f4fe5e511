"""A keyboard-only visitor reaches every control with Tab, sees where focus is, and can skip."""

from __future__ import annotations

import pytest

# Mark every visible control of the page, as a sighted keyboard user would expect to reach it.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const shown = (el) => {
    const target = el.matches('.md-option') ? el.nextElementSibling : el;
    if (!target) return false;
    const box = target.getBoundingClientRect();
    return box.width > 0 && box.height > 0
      && target.checkVisibility({opacityProperty: true, visibilityProperty: true});
  };
  window.__controls = [...document.querySelectorAll(selector)]
    .filter((el) => !el.disabled && el.tabIndex >= 0 && !el.closest('[inert]') && shown(el));
  return window.__controls.length;
}"""

# Where focus is now: the index among the marked controls, a description, and whether the
# focused element (for Material's hidden radio inputs: their label) shows a focus indicator.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Judge the end state of Material's fade-ins, not a frame in the middle of one.
  document.getAnimations().forEach((a) => { try { a.finish(); } catch (e) { /* infinite */ } });
  const target = el.matches('.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(target);
  const box = target.getBoundingClientRect();
  const alpha = (colour) => {
    const m = colour.match(/rgba?\\(([^)]+)\\)/);
    return m ? Number((m[1].split(',')[3] ?? '1').trim()) : 1;
  };
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
    && alpha(style.outlineColor) > 0;
  const ring = style.boxShadow !== 'none';
  return {
    index: window.__controls.indexOf(el),
    what: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} `
      + `${el.getAttribute('href') || el.getAttribute('aria-label') || el.id || ''}`,
    visible: box.width > 0 && box.height > 0 && (outline || ring)
      && target.checkVisibility({opacityProperty: true, visibilityProperty: true}),
  };
}"""

SPARE_TABS = 100  # a guard against a focus trap: this many Tabs beyond the page's controls
MAX_TABS = 1000  # the same guard for reaching one control of a small page


def tab_through(page, controls: int) -> tuple[set[int], list[str]]:
    """Press Tab until focus leaves the page or comes round again; report what was reached."""
    reached: set[int] = set()
    unseen: list[str] = []
    first = None
    limit = controls + SPARE_TABS
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus is None or focus["what"] == first:
            return reached, unseen
        first = first or focus["what"]
        reached.add(focus["index"])
        if not focus["visible"]:
            unseen.append(focus["what"])
    raise AssertionError(f"{page.url}: focus never left the page after {limit} Tabs")


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


# On a phone the header and the navigation drawer change, the same on every page, and wide
# tables become scrolling regions: a page of prose, a long table, a page with a form and an
# agency's page cover every layout a phone shows.
PHONE_KINDS = ("faq", "agency_listing", "county_finder", "agency_profile", "404")


def walk(page, url: str) -> None:
    """Tab through ``page``: every visible control reached, each with a visible focus."""
    total = page.evaluate(MARK_CONTROLS)
    assert total > 0, f"{url}: no controls found"
    reached, unseen = tab_through(page, total)
    missed = page.evaluate(
        """(reached) => window.__controls.filter((_, i) => !reached.includes(i))
             .map((el) => el.outerHTML.slice(0, 120))""",
        sorted(reached),
    )
    problems = [f"{url}: Tab never reaches {html}" for html in missed]
    problems += [f"{url}: no visible focus on {what}" for what in unseen]
    assert not problems, "\n".join(problems)


def test_every_control_is_reachable_and_visibly_focused(kind_url, open_page, new_context):
    """Tab reaches every visible control of a page of each kind, each with a visible focus
    indicator, and nothing out of sight (such as a closed menu) takes focus."""
    walk(open_page(kind_url, new_context(viewport=DESKTOP)), kind_url)


@pytest.mark.parametrize("layout", PHONE_KINDS)
def test_on_a_phone_every_control_is_reachable_and_visibly_focused(
    layout, chosen_pages, open_page, new_context
):
    """The same on a phone, where the navigation sits in a closed drawer that must not take
    focus, for each layout a phone shows."""
    url = chosen_pages[layout]
    walk(open_page(url, new_context(viewport=PHONE, is_mobile=True)), url)


@pytest.mark.sitemap_pages  # Material's 404 page has no skip link
def test_skip_link_moves_to_the_main_content(kind_url, open_page):
    """The first Tab shows "Skip to content"; Enter brings the main content into view, and
    the next Tab goes on from there."""
    page = open_page(kind_url)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({cls: document.activeElement.className,"
        " text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert "md-skip" in focused["cls"] and focused["text"] == "Skip to content", (
        f"{kind_url}: first Tab focuses {focused}, not the skip link"
    )
    # Material fades the link in on focus: wait until it is fully shown.
    page.wait_for_function(
        "() => getComputedStyle(document.activeElement).opacity === '1'"
        " && document.activeElement.getBoundingClientRect().height > 0"
    )
    page.keyboard.press("Enter")
    target = focused["href"]
    page.wait_for_function("(hash) => location.hash === hash", arg=target)
    where = page.evaluate(
        """(hash) => {
          const target = document.getElementById(decodeURIComponent(hash.slice(1)));
          const main = document.querySelector('.md-content');
          if (!target) return 'missing';
          if (!main.contains(target)) return 'outside the main content';
          const top = target.getBoundingClientRect().top;
          return top >= 0 && top < innerHeight ? 'shown' : `off screen at ${top}`;
        }""",
        target,
    )
    assert where == "shown", f"{kind_url}: skip link target {target} is {where}"
    # The next Tab continues from the main content, not from the header or navigation.
    page.keyboard.press("Tab")
    after = page.evaluate(
        """() => {
          const main = document.querySelector('.md-content');
          const el = document.activeElement;
          return main.contains(el) || !!(main.compareDocumentPosition(el)
            & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert after, f"{kind_url}: Tab after skipping goes back before the main content"


def tab_to(page, condition: str) -> dict:
    """Press Tab until the focused element satisfies the JS ``condition`` (el => bool)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({condition})(document.activeElement)"):
            return page.evaluate(FOCUS)
    raise AssertionError(f"{page.url}: Tab never reached {condition}")


def test_phone_menu_works_from_the_keyboard(server, open_page, new_context):
    """On a phone-sized screen the menu and its sub-menu open with the keyboard, show focus,
    and lead to a page; going back out of the sub-menu keeps focus in the menu."""
    ctx = new_context(viewport=PHONE, is_mobile=True)
    page = open_page(server.base, ctx)
    page.evaluate(MARK_CONTROLS)
    drawer = page.locator("#__drawer")
    assert page.locator(".md-sidebar--primary").is_visible() is False or not drawer.is_checked()

    menu = tab_to(page, "(el) => el.textContent.trim() === 'Open navigation'")
    assert menu["visible"]
    page.keyboard.press("Enter")
    assert drawer.is_checked()

    models = tab_to(
        page, "(el) => el.matches('label.md-nav__link') && el.textContent.trim() === 'Models'"
    )
    assert models["visible"]
    page.keyboard.press("Space")
    toggle = page.locator("#" + page.evaluate("document.activeElement.htmlFor"))
    assert toggle.is_checked()

    back = tab_to(page, "(el) => el.matches('label.md-nav__title')")
    assert back["visible"]
    page.keyboard.press("Enter")
    assert not toggle.is_checked()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Models"

    page.keyboard.press("Enter")
    link = tab_to(page, "(el) => el.textContent.trim() === 'Task Force Model'")
    assert link["visible"]
    page.keyboard.press("Enter")
    page.wait_for_url(server.base + "models/task-force-model/")


def test_phone_search_opens_from_the_keyboard(server, open_page, new_context):
    """On a phone-sized screen the search button opens search, ready to type into."""
    ctx = new_context(viewport=PHONE, is_mobile=True)
    page = open_page(server.base, ctx)
    page.evaluate(MARK_CONTROLS)
    button = tab_to(page, "(el) => el.textContent.trim() === 'Search' && el.matches('label')")
    assert button["visible"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    page.keyboard.type("Task Force Model")
    result = page.locator(".md-search-result__item a", has_text="Task Force Model").first
    result.wait_for()
    assert result.is_visible()
