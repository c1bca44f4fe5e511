"""Pages load only from the site itself, cleanly: no failure, console error or CSP block."""

from __future__ import annotations

from tests.pages import NOT_FOUND

# The policy the browser applies: the first element of <head>, so it covers the whole page.
POLICY = """() => {
  const first = document.head.firstElementChild;
  return first.matches('meta[http-equiv="Content-Security-Policy"]') ? first.content : null;
}"""


def test_page_loads_only_its_own_files_cleanly(kind, kind_url, open_page, first_visit, visits):
    """A page of each kind, its search index loaded, asks nothing of other hosts, fails nowhere
    and breaks no rule of its policy, on a first visit."""
    page = open_page(kind_url, first_visit, wait_until="networkidle")
    policy = page.evaluate(POLICY)
    assert policy and "script-src 'self' 'sha256-" in policy, f"{kind_url}: policy {policy}"
    assert "unsafe" not in policy, f"{kind_url}: {policy}"
    referrer = page.evaluate("document.querySelector('meta[name=referrer]')?.content")
    assert referrer == "strict-origin-when-cross-origin", f"{kind_url}: referrer {referrer}"
    blocked = page.evaluate("window.__cspViolations")
    if not blocked and not visits.console_errors:
        # Material loads the search index in a worker: search it, so that it has to work.
        page.get_by_role("textbox", name="Search").focus()
        page.keyboard.type("287")
        page.locator(".md-search-result__item").first.wait_for()
        blocked = page.evaluate("window.__cspViolations")
    assert not blocked, "blocked by the Content-Security-Policy:\n" + "\n".join(blocked)
    failures, errors = visits.failures, visits.console_errors
    if kind == NOT_FOUND:  # sent with status 404, as a static host sends it: that alone
        failures = [f for f in failures if f != f"{kind_url}: HTTP 404"]
        errors = [e for e in errors if not e.startswith(f"{kind_url}: Failed to load resource")]
        assert len(failures) + len(errors) < len(visits.failures) + len(visits.console_errors)
    assert not errors, errors
    assert not visits.foreign_requests(), visits.foreign_requests()
    assert not failures, failures
    assert any(url.endswith("search_index.json") for url in visits.requests)


def test_policy_blocks_injected_inline_code(server, open_page):
    """An inline script or style slipped into a page is refused, and the refusal is seen."""
    page = open_page(server.base)
    page.evaluate(
        """() => {
          window.__ran = false;
          const script = document.createElement('script');
          script.textContent = 'window.__ran = true';
          document.body.append(script);
          const style = document.createElement('style');
          style.textContent = 'body { background: rgb(1, 2, 3) !important }';
          document.head.append(style);
        }"""
    )
    page.wait_for_function("() => window.__cspViolations.length >= 2")
    assert page.evaluate("window.__ran") is False
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(1, 2, 3)"
    blocked = " ".join(page.evaluate("window.__cspViolations"))
    assert "script-src" in blocked and "style-src" in blocked
