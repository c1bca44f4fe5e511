"""Past 50,000 addresses the sitemap becomes numbered sitemaps listed by a sitemap index, each
valid and within the limit, every address kept once, in order."""

from __future__ import annotations

import importlib.util

from lxml import etree

from tests.conftest import ROOT

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _split():
    """hooks/sitemaps.py's split (MkDocs loads hooks by path; so does this test)."""
    spec = importlib.util.spec_from_file_location("sitemaps_hook", ROOT / "hooks" / "sitemaps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.split, module.LIMIT


def _sitemap(count: int) -> str:
    urls = "\n".join(
        f"<url><loc>https://example.org/p{i}/</loc><lastmod>2026-05-18</lastmod></url>"
        for i in range(count)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n'
    )


def test_a_sitemap_within_the_limit_stays_as_it_is() -> None:
    split, limit = _split()
    assert split(_sitemap(limit), "https://example.org/") is None


def test_past_the_limit_the_sitemap_becomes_an_index_of_sitemaps() -> None:
    split, limit = _split()
    count = 2 * limit + 7
    files = split(_sitemap(count), "https://example.org/")
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = etree.fromstring(files["sitemap.xml"].encode())
    assert etree.QName(index).localname == "sitemapindex"
    assert [loc.text for loc in index.findall("s:sitemap/s:loc", NS)] == [
        f"https://example.org/sitemap-{n}.xml" for n in (1, 2, 3)
    ]
    seen = []
    for n in (1, 2, 3):
        part = etree.fromstring(files[f"sitemap-{n}.xml"].encode())
        locs = [loc.text for loc in part.findall("s:url/s:loc", NS)]
        assert 0 < len(locs) <= limit
        seen += locs
    assert seen == [f"https://example.org/p{i}/" for i in range(count)]
