"""Keep the sitemap valid however many pages the site has: past 50,000 addresses (the limit of
one sitemap file), split it into numbered files listed by a sitemap index."""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

LIMIT = 50_000
_URL = re.compile(r"<url>.*?</url>", re.DOTALL)
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def split(xml: str, base: str, limit: int = LIMIT) -> dict[str, str] | None:
    """The files replacing one sitemap with more than ``limit`` addresses (by file name), or
    None when it is within the limit."""
    urls = _URL.findall(xml)
    if len(urls) <= limit:
        return None
    files = {}
    parts = [urls[i : i + limit] for i in range(0, len(urls), limit)]
    for n, part in enumerate(parts, 1):
        files[f"sitemap-{n}.xml"] = f"{HEAD}<urlset {NS}>\n" + "\n".join(part) + "\n</urlset>\n"
    index = "\n".join(
        f"<sitemap><loc>{base}sitemap-{n}.xml</loc></sitemap>" for n in range(1, len(parts) + 1)
    )
    files["sitemap.xml"] = f"{HEAD}<sitemapindex {NS}>\n{index}\n</sitemapindex>\n"
    return files


@event_priority(-90)  # after MkDocs wrote sitemap.xml (before the build state is dropped)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Split site/sitemap.xml when it lists more addresses than one sitemap may."""
    site = Path(config.site_dir)
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return
    files = split(sitemap.read_text(encoding="utf-8"), config.site_url or "")
    if files is None:
        return
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None
    for name, text in files.items():
        (site / name).write_text(text, encoding="utf-8")
    with gzip.GzipFile(site / "sitemap.xml.gz", "wb", mtime=epoch) as out:
        out.write(files["sitemap.xml"].encode("utf-8"))
