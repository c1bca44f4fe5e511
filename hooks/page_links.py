"""Keep the site's files for links from data, and check each data link's anchor exists."""

from __future__ import annotations

import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site287g.adapter.state import serving, state
from site287g.data import DataErrors
from site287g.views.pages import check_pages

ID = re.compile(r"""\sid=["']([^"']+)["']""")


@event_priority(-100)  # after the hooks that add generated pages and downloads
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Remember every file of the site: macros link to pages and downloads through them."""
    state(config).files = files
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note the ids a page has, for links to ``page.md#id``."""
    state(config).page_ids[page.file.src_uri] = set(ID.findall(html))
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every page's content exists now, none is written yet: check the anchors of links."""
    current = state(config)
    errors = check_pages(current.data, current.page_ids)
    if errors and serving():
        print(DataErrors(errors).report(), flush=True)
    elif errors:
        raise PluginError(DataErrors(errors).report())
    return env
