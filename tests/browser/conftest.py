"""Browser fixtures: the built site on a local server, Debian's Chromium through playwright.

One browser per session. Contexts are kept per set of options (viewport, colour scheme,
phone) and their page reused, made fresh for each test (see Tab); a test of what a first visit
fetches gets a new context. Every page a test opens is recorded: each request, each failed
request or error response, each console error and each Content-Security-Policy violation, so
a test can assert that a visitor's browser saw none of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright import sync_api as playwright_sync

from tests.browser.server import Server, serve
from tests.conftest import ROOT
from tests.pages import NOT_FOUND, labels, representatives, sitemap_paths

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Runs before any page script: keep every CSP violation the page reports.
RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`
    + ` at ${e.sourceFile || ''}:${e.lineNumber}`);
});
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[Server]:
    """The real site, built once, on a local server."""
    with serve(built_site) as running:
        yield running


@pytest.fixture(scope="session")
def page_urls(server: Server) -> list[str]:
    """Every page of the site, read from sitemap.xml and mapped onto the local server."""
    return [server.base + path for path in sitemap_paths(server.root)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run a test that takes ``kind`` once per kind of page (see tests/pages.py); one marked
    ``sitemap_pages`` skips the 404 page."""
    if "kind" in metafunc.fixturenames:
        chosen = labels(ROOT)
        if metafunc.definition.get_closest_marker("sitemap_pages"):
            chosen.remove(NOT_FOUND)
        metafunc.parametrize("kind", chosen)


@pytest.fixture(scope="session")
def chosen_pages(server: Server) -> dict[str, str]:
    """The URL of the page visited for each kind: the first page of that kind, the largest
    pages, and for the 404 page a path that does not exist."""
    chosen = representatives(server.root, ROOT)
    urls = {label: server.base + path for label, path in chosen.items()}
    urls[NOT_FOUND] = server.base + "no-such-page/"
    return urls


@pytest.fixture
def kind_url(kind: str, chosen_pages: dict[str, str]) -> str:
    """The URL of the page of this kind."""
    return chosen_pages[kind]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, launched once per session (never a playwright-downloaded one)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh")
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Visits:
    """What the browser did on the pages of one test."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to any origin but the site's own."""
        own = urlsplit(self.origin)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme != "data" and urlsplit(url).netloc != own.netloc
        ]


def _watch(page, visits: Visits) -> list[tuple[str, object]]:
    """Record requests, failures and console errors of ``page``; the handlers, by event."""

    def on_response(response) -> None:
        if response.status >= 400:
            visits.failures.append(f"{response.url}: HTTP {response.status}")

    def on_console(message) -> None:
        if message.type == "error":
            visits.console_errors.append(f"{page.url}: {message.text}")

    handlers = [
        ("request", lambda request: visits.requests.append(request.url)),
        ("requestfailed", lambda r: visits.failures.append(f"{r.url}: {r.failure}")),
        ("response", on_response),
        ("console", on_console),
        ("pageerror", lambda error: visits.console_errors.append(f"{page.url}: {error}")),
    ]
    for event, handler in handlers:
        page.on(event, handler)
    return handlers


@pytest.fixture
def context(new_context):
    """This test's context at 1280 x 900 (a kept one, made fresh; see Tab)."""
    return new_context(viewport={"width": 1280, "height": 900})


@pytest.fixture
def first_visit(browser):
    """A new context, its cache empty: what a first-time visitor's browser fetches."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_init_script(RECORD_CSP)
    yield ctx
    ctx.close()


@pytest.fixture
def visits(server: Server) -> Visits:
    """The record of what the browser did in this test."""
    return Visits(server.origin)


@dataclass
class Tab:
    """A context and its page, kept for the tests that ask for the same context options:
    opening a new page costs Chromium about two CPU seconds here, loading one in an open
    page a fraction of that."""

    context: object
    page: object
    in_use: bool = False


@pytest.fixture(scope="session")
def tabs(browser) -> Iterator[dict[str, Tab]]:
    """The kept tabs of this test process, by their context options."""
    kept: dict[str, Tab] = {}
    yield kept
    for tab in kept.values():
        tab.context.close()


def _fresh(tab: Tab, url: str) -> None:
    """Make a kept tab as a new one would be for ``url``: its origin's storage and cookies
    cleared, no media emulated, the mouse in the corner."""
    parts = urlsplit(url)
    tab.context.clear_cookies()
    tab.page.goto(f"{parts.scheme}://{parts.netloc}/robots.txt")  # same origin, no script
    tab.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    tab.page.emulate_media(media="null")
    tab.page.mouse.move(0, 0)


@pytest.fixture
def new_context(browser, tabs: dict[str, Tab]):
    """A context with other options (viewport, colour scheme, phone): the kept one for those
    options if this test has not taken it yet, else a new one closed at the end of the test."""
    made, taken = [], []

    def run(**options):
        key = repr(sorted(options.items()))
        tab = tabs.get(key)
        if tab is None:
            ctx = browser.new_context(**options)
            ctx.add_init_script(RECORD_CSP)
            tab = tabs[key] = Tab(ctx, ctx.new_page())
        if not tab.in_use:
            tab.in_use = True
            taken.append(tab)
            return tab.context
        ctx = browser.new_context(**options)
        ctx.add_init_script(RECORD_CSP)
        made.append(ctx)
        return ctx

    yield run
    for tab in taken:
        tab.in_use = False
    for ctx in made:
        ctx.close()


@pytest.fixture
def open_page(context, visits: Visits, tabs: dict[str, Tab]):
    """Open a URL in a watched page of this test's context (or of ``ctx``) and wait until it
    has loaded. A kept context's page is reused once per test, made fresh first."""
    reused: list[Tab] = []
    watched: list[tuple[object, list]] = []
    opened: list = []

    def run(url: str, ctx=None, wait_until: str = "load"):
        ctx = ctx or context
        tab = next((t for t in tabs.values() if t.context is ctx), None)
        if tab is not None and tab not in reused:
            reused.append(tab)
            _fresh(tab, url)
            page = tab.page
        else:
            page = ctx.new_page()
            opened.append(page)
        watched.append((page, _watch(page, visits)))
        page.goto(url, wait_until=wait_until)
        return page

    yield run
    for page, handlers in watched:
        for event, handler in handlers:
            page.remove_listener(event, handler)
    for page in opened:
        if not page.is_closed():
            page.close()


AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_violations():
    """Run the vendored axe-core on a page with the WCAG 2.1 A/AA rules; describe violations."""
    source = AXE.read_text(encoding="utf-8")

    def run(page, exclude: tuple[str, ...] = ()) -> list[str]:
        """The violations on ``page``, leaving out the elements ``exclude`` selects."""
        # evaluate() is not subject to the page's CSP, unlike an injected <script>.
        page.evaluate(source)
        found = page.evaluate(
            """async ([tags, exclude]) => {
              const context = exclude.length ? {exclude: exclude.map((s) => [s])} : document;
              // Only violations are wanted: axe then skips collecting the passes (faster).
              const r = await axe.run(context, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
              });
              return r.violations.map(v => `${v.id}: ${v.help} -- ` + v.nodes.map(
                n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')
              ).join(' | '));
            }""",
            [WCAG_TAGS, list(exclude)],
        )
        return [f"{page.url}: {item}" for item in found]

    return run
