"""The policy hook finds inline scripts as a browser does.

That every built page carries a strict Content-Security-Policy, first in <head>, that its own
inline scripts satisfy, with no inline styles or handlers, is checked on every page by
tests/test_every_page.py (see tests/html_checks.py)."""

from __future__ import annotations

from pathlib import Path


def _csp_hook():
    """hooks/csp.py as a module (hooks are files MkDocs loads, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "csp_hook", Path(__file__).parent.parent / "hooks" / "csp.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_inline_scripts_found_as_a_browser_would() -> None:
    """Comments, external and JSON scripts are skipped; script text runs raw to </script."""
    html = (
        "<!-- <script>commented()</script> -->"
        "<script>a()</script>"
        "<SCRIPT type='module'>b('<p>')</SCRIPT >"
        '<script src="x.js"></script>'
        '<script type="application/json">{"c": 1}</script>'
        '<script data-x="1"  type = "text/javascript">if (x < y) d()</script>'
        "<scripts>not a script</scripts>"
        "<script>e('<!--')</script>"
    )
    assert _csp_hook().inline_scripts(html) == ["a()", "b('<p>')", "if (x < y) d()", "e('<!--')"]
