"""Browser fixtures: the built site on a local server, Debian's Chromium through playwright.

One browser per session, one context per test. Every page a test opens is recorded: each
request, each failed request or error response, each console error and each Content-Security-
Policy violation, so a test can assert that a visitor's browser saw none of them.
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


def _watch(page, visits: Visits) -> None:
    """Record requests, failures and console errors of ``page``."""

    def on_response(response) -> None:
        if response.status >= 400:
            visits.failures.append(f"{response.url}: HTTP {response.status}")

    def on_console(message) -> None:
        if message.type == "error":
            visits.console_errors.append(f"{page.url}: {message.text}")

    page.on("request", lambda request: visits.requests.append(request.url))
    page.on("requestfailed", lambda r: visits.failures.append(f"{r.url}: {r.failure}"))
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: visits.console_errors.append(f"{page.url}: {error}"))


@pytest.fixture
def context(browser, server: Server):
    """A fresh browser context (own storage) for one test, with CSP violations recorded."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_init_script(RECORD_CSP)
    yield ctx
    ctx.close()


@pytest.fixture
def visits(server: Server) -> Visits:
    """The record of what the browser did in this test."""
    return Visits(server.origin)


@pytest.fixture
def open_page(context, visits: Visits):
    """Open a URL in a new watched page of this test's context and wait until it has loaded."""

    def run(url: str, ctx=None, wait_until: str = "load"):
        page = (ctx or context).new_page()
        _watch(page, visits)
        page.goto(url, wait_until=wait_until)
        return page

    return run


@pytest.fixture
def new_context(browser):
    """Make extra contexts (other viewport, colour scheme); closed at the end of the test."""
    made = []

    def run(**options):
        ctx = browser.new_context(**options)
        ctx.add_init_script(RECORD_CSP)
        made.append(ctx)
        return ctx

    yield run
    for ctx in made:
        ctx.close()


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
