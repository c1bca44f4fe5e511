"""Render the site navigation once per folder for the pages it does not list.

The theme renders the whole navigation into every page, which at thousands of agency pages is
most of the build. For a page the navigation does not list, nothing in it is marked as the
current page, and its links depend only on the page's folder: so pages of one folder (an
agency page beside the other agencies of its state) share one rendering (``overrides/main.html``
asks ``shared_nav``).
"""

from __future__ import annotations

import posixpath

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from site287g.adapter.state import state


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Note the address of every page the navigation lists."""
    state(config).memo["nav_urls"] = {page.url for page in nav.pages}
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give the theme ``shared_nav(page, html=None)``."""
    held: dict[str, Markup] = {}
    listed: set[str] = state(config).memo["nav_urls"]
    keys: dict[str | None, str | None] = {}

    def folder(url: str | None) -> str | None:
        """The folder whose rendering the page at ``url`` shares, or None if it may not."""
        if url not in keys:
            shares = (
                url is not None
                and url not in listed
                # a listed page inside this page's folder would get a link that differs
                and not any(other.startswith(url) for other in listed if url)
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
        if key is not None:
            held[key] = Markup(html)
        return Markup(html)

    env.globals["shared_nav"] = shared_nav
    return env
