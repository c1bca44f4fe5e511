"""Every built page carries a strict Content-Security-Policy that its own inline scripts satisfy."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

EXPECTED = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def pages(site: Path) -> list[Path]:
    """Every HTML page of the built site, 404 page included."""
    found = sorted(site.rglob("*.html"))
    assert site / "404.html" in found and site / "index.html" in found
    return found


def policy(soup: BeautifulSoup) -> dict[str, list[str]]:
    """The directives of the page's policy, which must be the first element of <head>."""
    first = soup.head.find(True)
    assert first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", first
    directives = {}
    for part in first["content"].split(";"):
        name, *values = part.split()
        assert name not in directives, f"{name} given twice"
        directives[name] = values
    return directives


def inline_script_hashes(soup: BeautifulSoup) -> set[str]:
    """The sha256 source expression of every inline script a browser would run."""
    hashes = set()
    for script in soup.find_all("script"):
        if script.has_attr("src") or script.get("type", "").strip().lower() not in SCRIPT_TYPES:
            continue
        digest = hashlib.sha256((script.string or "").encode()).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


@pytest.fixture(scope="module")
def parsed(built_site: Path) -> list[tuple[Path, bytes, BeautifulSoup]]:
    return [(p, p.read_bytes(), BeautifulSoup(p.read_bytes(), "lxml")) for p in pages(built_site)]


def test_policy_allows_only_own_origin(parsed):
    for path, _, soup in parsed:
        directives = policy(soup)
        for name, values in EXPECTED.items():
            assert directives.get(name) == values, f"{path.name}: {name} {directives.get(name)}"
        script = directives["script-src"]
        assert script[0] == "'self'", path
        assert all(v.startswith("'sha256-") for v in script[1:]), f"{path}: {script}"
        assert not any("unsafe" in v for values in directives.values() for v in values), path


def test_inline_scripts_are_allowed_by_hash_exactly(parsed):
    """Each inline script's hash is listed, and no hash of a script the page lacks."""
    for path, _, soup in parsed:
        hashes = inline_script_hashes(soup)
        assert hashes, f"{path}: expected Material's inline scripts"
        assert set(policy(soup)["script-src"][1:]) == hashes, path


def test_no_inline_style_attributes_or_handlers(parsed):
    """The policy allows no inline styles or event handlers, so the HTML must have none."""
    for path, _, soup in parsed:
        styled = soup.select("[style]")
        assert not styled, f"{path}: style attributes the policy blocks: {styled[:3]}"
        handlers = [
            tag.name for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ]
        assert not handlers, f"{path}: inline event handlers on {handlers[:3]}"


def test_charset_and_referrer_policy(parsed):
    """The charset stays within the first 1024 bytes; referrers carry the origin at most."""
    for path, raw, soup in parsed:
        assert b'<meta charset="utf-8">' in raw[:1024], f"{path}: charset after byte 1024"
        referrer = soup.head.find("meta", attrs={"name": "referrer"})
        assert referrer and referrer["content"] == "strict-origin-when-cross-origin", path


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
