"""Publish every download (documents, agency lists) as a file of the site."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from site287g.adapter.state import state


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add each download the views made as a generated file, so pages link it like a page."""
    for download in state(config).downloads:
        files.append(File.generated(config, download.path, content=download.content))
    return files
