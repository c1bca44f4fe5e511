"""Check every page the data links to exists, generated pages included; keep the files."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from site287g.adapter import state as build
from site287g.data import DataErrors
from site287g.data.references import broken_page_links


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Runs after the hooks that generate pages: a ``page:`` may name any of them."""
    pages = {f.src_uri for f in files.documentation_pages()}
    errors = broken_page_links(build.site_data(config), pages)
    if errors:
        raise PluginError(DataErrors(errors).report())
    build.remember_files(config, files)
    return files
