"""Publish every generated file: the downloads (documents, agency lists) and the files pages
read in the browser (the county finder's)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from site287g.adapter.state import state


@event_priority(-50)  # late: the documents render meanwhile (adapter.state)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add each download the views made as a generated file, so pages link it like a page."""
    current = state(config)
    for download in current.downloads:
        files.append(File.generated(config, download.path, content=download.content))
    for path, content in current.site_files.items():
        files.append(File.generated(config, path, content=content))
    return files
