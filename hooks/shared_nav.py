"""Render the site navigation and the header once per folder for the pages the navigation
does not list; write the navigation without Material's indentation; render the blocks that
link only to the site's assets once per depth.

The theme renders the whole navigation into every page, which at thousands of agency pages is
most of the build. For a page the navigation does not list, nothing in it is marked as the
current page, and its links depend only on the page's folder: so pages of one folder (an
agency page beside the other agencies of its state) share one rendering (``overrides/main.html``
asks ``shared_nav``). The header's links depend on the folder too, and it names the page: the
pages of a folder share it with their own title put in (``shared_header``).
"""

from __future__ import annotations

import bisect
import posixpath
import re

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from site287g.adapter.state import state

# Material's navigation templates leave about half the navigation's bytes in indentation and
# blank lines. A run of white space holding a line break shows in a browser as one space (the
# navigation holds no preformatted text): each such run is written as one line break.
BLANK_LINES = re.compile(r"\s*\n\s*")
# Where Material's header names the page (partials/header.html), and the mark kept there.
TOPIC = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*')
TITLE = "\x00page title\x00"


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Note the address of every page the navigation lists."""
    state(config).memo["nav_urls"] = {page.url for page in nav.pages}
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give the theme ``shared_nav(page, html=None)``."""
    held: dict[str, Markup] = {}
    listed: set[str] = state(config).memo["nav_urls"]
    ordered = sorted(listed)
    keys: dict[str | None, str | None] = {}

    def lists_inside(url: str) -> bool:
        """Whether the navigation lists a page inside the folder of the page at ``url``."""
        at = bisect.bisect_left(ordered, url)
        return bool(url) and at < len(ordered) and ordered[at].startswith(url)

    def folder(url: str | None) -> str | None:
        """The folder whose rendering the page at ``url`` shares, or None if it may not."""
        if url not in keys:
            shares = (
                url is not None
                and url not in listed
                # a listed page inside this page's folder would get a link that differs
                and not lists_inside(url)
            )
            keys[url] = posixpath.dirname(url.rstrip("/")) if shares else None
        return keys[url]

    def shared_nav(page, html: str | None = None) -> Markup:
        """With ``html``: keep it for the page's folder and return it. Without: the kept
        rendering for the page's folder, or "" when there is none or the page may not share.
        """
        key = folder(page.url if page is not None else None)
        if html is None:
            return held.get(key, Markup("")) if key is not None else Markup("")
        html = Markup(BLANK_LINES.sub("\n", html))
        if key is not None:
            held[key] = html
        return html

    headers: dict[str, str] = {}

    def shared_header(page, html: str | None = None) -> Markup:
        """As ``shared_nav``, for the header, which names the page as Material does."""
        key = folder(page.url if page is not None else None)
        title = str((page.meta or {}).get("title") or page.title or "") if page else ""
        if html is None:
            kept = headers.get(key) if key is not None and title else None
            return Markup(kept.replace(TITLE, title, 1)) if kept else Markup("")
        topic = TOPIC.search(html)
        if key is not None and title and topic and html.startswith(title, topic.end()):
            headers.setdefault(key, html[: topic.end()] + TITLE + html[topic.end() + len(title) :])
        return Markup(html)

    blocks: dict[tuple[str, str], Markup] = {}

    def shared_block(name: str, page, base_url: str, html: str | None = None) -> Markup:
        """As ``shared_nav``, for a block of the theme whose links lead to the site's assets
        and depend only on how deep the page is (``base_url``): the stylesheets, the scripts
        and their settings; and the footer of a page without a previous or next page."""
        shares = page is None or not page.url.startswith("assets/")
        if name == "footer" and page is not None:
            shares = shares and not (page.previous_page or page.next_page)
        if html is None:
            return blocks.get((name, base_url), Markup("")) if shares else Markup("")
        if shares:
            blocks[name, base_url] = Markup(html)
        return Markup(html)

    env.globals["shared_nav"] = shared_nav
    env.globals["shared_header"] = shared_header
    env.globals["shared_block"] = shared_block
    return env
