"""Page checks of the markup every page needs, and of where its links and assets lead."""

from __future__ import annotations

import functools
import json
import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urljoin, urlsplit

from .html_page import Page, check

# The attribute by which an element names a file the browser fetches, or a page to follow.
FETCHED = {"link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
FOLLOWED = {"a": "href", "area": "href"}
# Links a browser follows or shows rather than fetches (all others are fetched).
NOT_FETCHED = {"canonical", "alternate", "prev", "next", "edit", "author", "license"}


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
def header_names_the_page(page: Page) -> Iterator[str]:
    """The header names the page its <title> names (pages of one folder share one rendering
    of the header, each with its own title put in)."""
    title = " ".join((page.root.findtext("head/title") or "").split())
    for topic in page.root.xpath("//div[@data-md-component='header-topic']"):
        named = " ".join("".join(topic.itertext()).split())
        if named and title != named and not title.startswith(f"{named} - "):
            yield f"the header names {named!r}, the title is {title!r}"


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


@check
def theme_settings_lead_to_the_site(page: Page) -> Iterator[str]:
    """The theme's settings (pages of one depth share one rendering of them) name the site's
    root as the page's base, relative to the page as every link is (the 404 page, served at
    any depth, names it from the host's root), and the search worker as a file of the site."""
    for text in page.root.xpath("//script[@id='__config']/text()"):
        settings = json.loads(text)
        if page.name == "404.html":
            root = _below(page.site.prefix, page.name, settings["base"].rstrip("/") + "/") == ""
        else:
            root = settings["base"] == posixpath.relpath(".", posixpath.dirname(page.name) or ".")
        if not root:
            yield f"the theme's base {settings['base']!r} is not the site's root"
        if _resolve(page, settings["search"]) is None:
            yield f"the theme's search worker {settings['search']!r} is no file of the site"


@check
def navigation_leads_to_the_same_pages(page: Page) -> Iterator[str]:
    """The site navigation leads to the same pages, in the same order, from every page (the
    links are relative, and pages of one folder share one rendering of it)."""
    hrefs = page.root.xpath("//div[@data-md-type='navigation']//a/@href")
    leads = [
        _resolve(page, href.partition("#")[0]) or href for href in hrefs if not href.startswith("#")
    ]
    if not leads:
        return
    if not page.site.navigation:
        page.site.navigation.extend(leads)
    elif leads != page.site.navigation:
        first = next(
            (
                i
                for i, (a, b) in enumerate(zip(leads, page.site.navigation, strict=False))
                if a != b
            ),
            min(len(leads), len(page.site.navigation)),
        )
        yield f"the navigation's link {first + 1} leads elsewhere than on other pages"
