"""Make each agreement its own site-search result, landing on its row."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from site287g.adapter.state import state
from site287g.views.search import entries


@event_priority(-50)  # after the search plugin has written its index
def on_post_build(*, config: MkDocsConfig) -> None:
    """Append one entry per agreement to Material's search index."""
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    agencies = state(config).agencies
    if not index_path.exists() or agencies is None:
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"].extend(entries(agencies, config.use_directory_urls))
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
