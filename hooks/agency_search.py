"""Make each agreement its own site-search result, landing on its row."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from site287g.adapter import state as build
from site287g.views import context
from site287g.views.search import entries


def on_post_build(*, config: MkDocsConfig) -> None:
    """Append one entry per agreement to Material's search index (written just before)."""
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    data = build.site_data(config)
    if not index_path.exists() or "agencies/lists" not in data.files:
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"].extend(entries(context.agencies(data), config.use_directory_urls))
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
