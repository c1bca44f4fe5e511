"""Checks of every built page without a browser: each page is parsed once (lxml), every check
runs on the parsed page, and only the problems are kept, so thousands of pages stay cheap.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from .pages import html_file, sitemap

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
# The attribute by which an element names a file the browser fetches, or a page to follow.
FETCHED = {"link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
FOLLOWED = {"a": "href", "area": "href"}
# Links a browser follows or shows rather than fetches (all others are fetched).
NOT_FETCHED = {"canonical", "alternate", "prev", "next", "edit", "author", "license"}


@dataclass
class Site:
    """What the checks know of the whole built site."""

    root: Path
    language: str  # data/site.yml's language
    files: set[str]  # every file, by path below the root
    addresses: dict[str, str]  # HTML file of each sitemap page -> its address
    address: str  # the site's address, like http://127.0.0.1:8000/ or https://host/x/
    prefix: str  # its path, like / or /x/
    ids: dict[str, set[str]] = field(default_factory=dict)  # HTML file -> its ids
    fragments: list[tuple[str, str, str]] = field(default_factory=list)  # from, to, id


@dataclass(frozen=True)
class Page:
    """One parsed page: its file below the site root, its bytes and its element tree."""

    name: str
    raw: bytes
    root: etree._Element
    site: Site


Check = Callable[[Page], Iterator[str]]
CHECKS: dict[str, Check] = {}
PARSER = etree.HTMLParser()
FRAGMENTS = "links-to-parts-of-pages-find-them"


def check(func: Check) -> Check:
    """Register a check of one page under its name, with dashes."""
    CHECKS[func.__name__.replace("_", "-")] = func
    return func


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
    if not hashes:
        yield "no inline script, though Material writes some"
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


@check
def language_title_description_one_h1(page: Page) -> Iterator[str]:
    """<html lang> is the site's language; the page has a title, a meta description, a
    viewport and one h1."""
    if page.root.get("lang") != page.site.language:
        yield f"lang is {page.root.get('lang')!r}, not {page.site.language!r}"
    if not (page.root.findtext("head/title") or "").strip():
        yield "no title"
    if not "".join(page.root.xpath("head/meta[@name='description']/@content")).strip():
        yield "no meta description"
    if not page.root.xpath("head/meta[@name='viewport']"):
        yield "no viewport meta"
    headings = len(page.root.findall(".//h1"))
    if headings != 1:
        yield f"{headings} h1 headings, not one"


@check
def canonical_is_the_sitemap_address(page: Page) -> Iterator[str]:
    """A page of the sitemap names the address the sitemap lists as its canonical one."""
    address = page.site.addresses.get(page.name)
    if address is not None:
        canonical = page.root.xpath("head/link[@rel='canonical']/@href")
        if canonical != [address]:
            yield f"canonical {canonical}, but the sitemap lists {address}"


def _addresses(page: Page) -> Iterator[tuple[str, bool, str]]:
    """(tag, fetched?, address) of each element naming a file or page (srcset: each one)."""
    for tag, attribute in (FETCHED | FOLLOWED).items():
        for element in page.root.iter(tag):
            rel = set((element.get("rel") or "").lower().split())
            fetched = tag in FETCHED and not (tag == "link" and rel & NOT_FETCHED)
            if (element.get(attribute) or "").strip():
                yield tag, fetched, element.get(attribute).strip()
            for candidate in (element.get("srcset") or "").split(","):
                if candidate.strip():
                    yield tag, fetched, candidate.split()[0]


@functools.cache
def _below(prefix: str, page: str, address: str) -> str | None:
    """The path below the site's root that an address on a page leads to, or None."""
    here = prefix + page.rpartition("/")[0] + ("/" if "/" in page else "")
    path = unquote(urlsplit(urljoin(here, address)).path)
    return path[len(prefix) :] if path.startswith(prefix) else None


def _resolve(page: Page, address: str) -> str | None:
    """The file of the built site an address inside the site leads to, or None."""
    path = _below(page.site.prefix, page.name, address)
    if path is None:
        return None
    for name in (path, (path.rstrip("/") + "/index.html").lstrip("/")):
        if name in page.site.files:
            return name
    return None


@check
def assets_and_links_resolve(page: Page) -> Iterator[str]:
    """Every asset a page loads is the site's own file; every link inside the site leads to a
    file of the built site (links to a part of a page are checked once all pages are read)."""
    for tag, fetched, address in _addresses(page):
        if address.startswith(page.site.address):
            address = page.site.prefix + address[len(page.site.address) :]
        elif ":" in address.split("/", 1)[0] or address.startswith("//"):  # another host
            if fetched and not address.startswith("data:"):
                yield f"<{tag}> loads {address} from another host"
            continue
        path, _, fragment = address.partition("#")
        target = _resolve(page, path) if path else page.name
        if target is None:
            yield f"<{tag}> {address} leads to no file of the site"
        elif fragment and target.endswith(".html"):
            page.site.fragments.append((page.name, target, unquote(fragment)))


def run_checks(site_dir: Path, language: str) -> tuple[dict[str, list[str]], int]:
    """Run every check on every HTML file of a built site: (problems by check, pages read)."""
    pages = sitemap(site_dir)
    some_path, some_address = next(iter(pages.items()))
    address_path = urlsplit(some_address).path
    site = Site(
        root=site_dir,
        language=language,
        files={p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()},
        addresses={html_file(Path(), path).as_posix(): loc for path, loc in pages.items()},
        address=some_address[: len(some_address) - len(some_path)],
        prefix=address_path[: len(address_path) - len(some_path)],
    )
    problems: dict[str, list[str]] = {name: [] for name in [*CHECKS, FRAGMENTS]}
    names = sorted(name for name in site.files if name.endswith(".html"))
    for name in names:
        raw = (site_dir / name).read_bytes()
        page = Page(name, raw, etree.fromstring(raw, PARSER), site)
        site.ids[name] = set(page.root.xpath("//@id | //a/@name"))
        for check_name, func in CHECKS.items():
            problems[check_name] += [f"{name}: {problem}" for problem in func(page)]
    for source, target, fragment in site.fragments:
        if fragment not in site.ids[target]:
            problems[FRAGMENTS].append(f"{source}: {target} has no id {fragment!r}")
    return problems, len(names)
