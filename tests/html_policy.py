"""Page checks of the Content-Security-Policy and what it forbids (see hooks/csp.py)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator

from .html_page import Page, check

# The policy hooks/csp.py writes, besides script-src ('self' and the hashes of inline scripts).
EXPECTED_POLICY = {
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


def policy(page: Page) -> tuple[dict[str, list[str]], list[str]] | None:
    """The directives of the policy and those given twice, if the policy meta is the first
    element of <head> (a meta policy covers only what follows it)."""
    head = page.root.find("head")
    first = next(iter(head), None) if head is not None else None
    if first is None or first.tag != "meta":
        return None
    if (first.get("http-equiv") or "").lower() != "content-security-policy":
        return None
    directives: dict[str, list[str]] = {}
    twice = []
    for part in first.get("content", "").split(";"):
        name, *values = part.split() or [""]
        if name in directives:
            twice.append(name)
        directives[name] = values
    return directives, twice


@check
def policy_is_first_and_strict(page: Page) -> Iterator[str]:
    """The Content-Security-Policy is the first element of <head> and allows only the site's
    own origin: scripts by 'self' and sha256 hashes, nothing 'unsafe', no directive twice."""
    found = policy(page)
    if found is None:
        yield "the first element of <head> is not the Content-Security-Policy meta"
        return
    directives, twice = found
    yield from (f"{name} is given twice" for name in twice)
    for name, values in EXPECTED_POLICY.items():
        if directives.get(name) != values:
            yield f"{name} is {directives.get(name)}, not {values}"
    script = directives.get("script-src", [])
    if script[:1] != ["'self'"] or not all(v.startswith("'sha256-") for v in script[1:]):
        yield f"script-src is {script}"
    yield from (f"{n} allows {v}" for n, v in directives.items() if "unsafe" in " ".join(v))


def inline_script_hashes(page: Page) -> set[str]:
    """The sha256 source expression of every inline script a browser would run."""
    hashes = set()
    for script in page.root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if script.get("src") is None and kind in SCRIPT_TYPES:
            digest = hashlib.sha256((script.text or "").encode()).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


@check
def inline_scripts_are_allowed_by_hash_exactly(page: Page) -> Iterator[str]:
    """Each inline script's hash is in the policy, and no hash of a script the page lacks."""
    hashes = inline_script_hashes(page)
    if not hashes and not page.root.xpath("head/meta[@http-equiv='refresh']"):
        yield "no inline script, though Material writes some"  # on each page but a moved note
    found = policy(page)
    listed = set(found[0].get("script-src", [])[1:]) if found else set()
    if listed != hashes:
        yield f"hashes listed but not on the page {listed - hashes}, not listed {hashes - listed}"


@check
def no_inline_styles_or_handlers(page: Page) -> Iterator[str]:
    """No style="" attribute and no on...="" handler, which the policy would block."""
    for element in page.root.xpath("//*[@style]"):
        yield f"style attribute on <{element.tag} {dict(element.attrib)}>"
    for attribute in page.root.xpath("//@*[starts-with(name(), 'on')]"):
        yield f"event handler {attribute.attrname} on <{attribute.getparent().tag}>"


@check
def charset_early_and_referrer_policy(page: Page) -> Iterator[str]:
    """The charset comes within the first 1024 bytes; referrers carry the origin at most."""
    if b'<meta charset="utf-8">' not in page.raw[:1024]:
        yield "no <meta charset=utf-8> in the first 1024 bytes"
    referrer = page.root.xpath("head/meta[@name='referrer']/@content")
    if referrer != ["strict-origin-when-cross-origin"]:
        yield f"referrer policy {referrer}"
