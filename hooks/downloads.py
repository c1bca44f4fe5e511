"""Publish every generated file: the downloads (documents, agency lists) and the files pages
read in the browser (the county finder's).

They are made beside the build (adapter.background): the downloads join the site's files at
once, so pages link them the checked way, and get their bytes and sizes once made, before
any file is written or any page indexed.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from site287g.adapter import slots
from site287g.adapter.state import state


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add each download the views offer as a generated file, its bytes still to come."""
    for download in state(config).downloads:
        files.append(File.generated(config, download.path, content=b""))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every page has been read, no file written yet: give each download its bytes, and add
    the county finder's files."""
    made, site_files = state(config).made
    for path, content in made.items():
        files.get_file_from_path(path).content_bytes = content
    for path, content in site_files.items():
        files.append(File.generated(config, path, content=content))
    return env


@event_priority(50)  # before search indexes the page
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Show each download's size in place of its placeholder."""
    if page.content:
        page.content = slots.fill_sizes(page.content, state(config).sizes)
    return context
