"""Pages load only from the site itself, cleanly: no failure, console error or CSP block."""

from __future__ import annotations

# The policy the browser applies: the first element of <head>, so it covers the whole page.
POLICY = """() => {
  const first = document.head.firstElementChild;
  return first.matches('meta[http-equiv="Content-Security-Policy"]') ? first.content : null;
}"""


def test_pages_load_only_their_own_files_cleanly(page_urls, open_page, visits):
    """Every page, its search index loaded, asks nothing of other hosts and fails nowhere."""
    violations = []
    for url in page_urls:
        page = open_page(url, wait_until="networkidle")
        policy = page.evaluate(POLICY)
        assert policy and "script-src 'self' 'sha256-" in policy, f"{url}: policy {policy}"
        assert "unsafe" not in policy, f"{url}: {policy}"
        referrer = page.evaluate("document.querySelector('meta[name=referrer]')?.content")
        assert referrer == "strict-origin-when-cross-origin", f"{url}: referrer {referrer}"
        blocked = page.evaluate("window.__cspViolations")
        if not blocked and not visits.console_errors:
            # Material loads the search index in a worker: search it, so that it has to work.
            page.get_by_role("textbox", name="Search").focus()
            page.keyboard.type("287")
            page.locator(".md-search-result__item").first.wait_for()
            blocked = page.evaluate("window.__cspViolations")
        violations += [f"{url}: {v}" for v in blocked]
        page.close()
    assert not violations, "blocked by the Content-Security-Policy:\n" + "\n".join(violations)
    assert not visits.console_errors, visits.console_errors
    assert not visits.foreign_requests(), visits.foreign_requests()
    assert not visits.failures, visits.failures
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
