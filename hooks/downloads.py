"""Publish every generated file: the downloads (documents, agency lists) and the files pages
read in the browser (the county finder's).

They are made beside the build (adapter.background) while the pages are rendered: the
downloads join the site's files at once, so pages link them the checked way; their bytes,
the finder's files, and the sizes shown next to the links are written once every page is,
so the build never waits for them before it has to; so is each size in the search index.
"""

from __future__ import annotations

import json
from pathlib import Path

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


@event_priority(-300)  # after every other hook: the page as written, sizes still to come
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Note the pages that show a download's size, to be written again once it is known."""
    if slots.has_sizes(page.content or ""):
        state(config).unsized[page.file.abs_dest_path] = output
    return output


@event_priority(-40)  # after the search plugin has written its index, before agency entries
def on_post_build(*, config: MkDocsConfig) -> None:
    """Every page is written and indexed: write each download's bytes and the county finder's
    files, and put each size in its page and in the search index."""
    build = state(config)
    made, site_files = build.made
    site = Path(config.site_dir)
    for path, content in {**made, **site_files}.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for dest, output in build.unsized.items():
        html = slots.fill_sizes(output, build.sizes)
        Path(dest).write_bytes(html.encode("utf-8", errors="xmlcharrefreplace"))
    index_path = site / "search" / "search_index.json"
    if build.unsized and index_path.exists():
        index = json.loads(index_path.read_text(encoding="utf-8"))
        for doc in index["docs"]:
            doc["title"] = slots.fill_sizes(doc["title"], build.sizes)
            doc["text"] = slots.fill_sizes(doc["text"], build.sizes)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        index_path.write_text(text, encoding="utf-8")
