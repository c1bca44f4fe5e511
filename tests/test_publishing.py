"""Publishing: the site works under a sub-path and tells search engines and link previews about
itself (canonical links, Open Graph, robots.txt, sitemap, FAQPage JSON-LD, last-updated dates,
edit links, CNAME). Built from the tiny site (tests/tiny), which has the real pages and data
files but only a few agreements and no agency history."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from .conftest import ROOT, Build, build_project, tiny_project
from .html import content, page, text
from .pages import SITEMAP_NS

SITE_URL = "https://example.github.io/x/"
SERVE_URL = "http://127.0.0.1:8000/"  # the address `make serve` serves the site at
DATA = ROOT / "data"
AS_OF = yaml.safe_load((DATA / "site.yml").read_text(encoding="utf-8"))["content_as_of"]
FAQ = yaml.safe_load((DATA / "faq.yml").read_text(encoding="utf-8"))
PAGES = [
    "",
    "models/",
    "models/jail-enforcement-model/",
    "models/task-force-model/",
    "models/warrant-service-officer/",
    "training/",
    "sign-up/",
    "faq/",
    "about/",
]


def overlay(tmp: Path, files: dict[str, str]) -> Path:
    """Write a fixture overlay: relative path -> text."""
    for name, body in files.items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_text(body, encoding="utf-8")
    return tmp


@pytest.fixture(scope="module")
def sub_build(shared_build) -> Build:
    """The tiny site built for https://example.github.io/x/ (a project page on GitHub Pages)."""
    build = shared_build("sub", tiny_project, SITE_URL=SITE_URL, CNAME="www.example.org")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def sub_site(sub_build: Build) -> Path:
    """The site folder of that build."""
    return sub_build.site


def meta(soup, prop: str) -> str | None:
    """The content of <meta property=...> or <meta name=...>."""
    tag = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
    return tag["content"] if tag else None


@pytest.mark.parametrize("url", PAGES, ids=lambda u: u or "home")
def test_canonical_and_og_url_under_sub_path(sub_site: Path, url: str) -> None:
    """Canonical link and og:url are the page's absolute address under the sub-path."""
    soup = page(sub_site, url)
    expected = SITE_URL + url
    assert soup.find("link", rel="canonical")["href"] == expected
    assert meta(soup, "og:url") == expected


@pytest.mark.parametrize("url", PAGES, ids=lambda u: u or "home")
def test_sharing_tags(sub_site: Path, url: str) -> None:
    """Open Graph and Twitter card tags repeat the page's title and description; no image."""
    soup = page(sub_site, url)
    description = meta(soup, "description")
    assert description
    assert meta(soup, "og:description") == description == meta(soup, "twitter:description")
    title = text(soup.find("h1"))
    assert meta(soup, "og:title") == meta(soup, "twitter:title")
    assert meta(soup, "og:title") in soup.title.text
    assert title
    assert meta(soup, "og:site_name") == "287(g) Program"
    assert meta(soup, "og:type") == ("website" if url == "" else "article")
    assert meta(soup, "twitter:card") == "summary"
    assert meta(soup, "og:image") is None and meta(soup, "twitter:image") is None
    if url:
        assert meta(soup, "article:modified_time") == AS_OF


@pytest.mark.parametrize("url", PAGES, ids=lambda u: u or "home")
def test_last_updated_is_shown(sub_site: Path, url: str) -> None:
    """Each page says when its content was last updated: the data's "as of" date."""
    time = content(page(sub_site, url)).select_one(".g287-updated time")
    assert time["datetime"] == AS_OF
    assert text(time.parent).startswith("Last updated:")


def test_404_assets_under_sub_path(sub_site: Path) -> None:
    """404.html is served for any missing path: its links must be absolute under /x/."""
    soup = page(sub_site, "404.html")
    refs = [t.get("href") or t.get("src") for t in soup.find_all(["link", "script", "a", "img"])]
    local = [r for r in refs if r and not urlparse(r).scheme and not r.startswith(("#", "mailto:"))]
    assets = [r for r in local if "/assets/" in r]
    assert len(assets) >= 3, refs
    assert all(r.startswith("/x/") for r in local), [r for r in local if not r.startswith("/x/")]


def test_robots_txt(sub_site: Path) -> None:
    """robots.txt allows everything and names the sitemap by its absolute address."""
    lines = (sub_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines == ["User-agent: *", "Allow: /", "", f"Sitemap: {SITE_URL}sitemap.xml"]


def test_sitemap(sub_site: Path) -> None:
    """The sitemap lists every page under the sub-path, dated by its data; the .gz matches."""
    from bs4 import BeautifulSoup

    raw = (sub_site / "sitemap.xml").read_bytes()
    soup = BeautifulSoup(raw, "xml")
    locs = [loc.text for loc in soup.find_all("loc")]
    built = [p.parent.relative_to(sub_site).as_posix() for p in sub_site.rglob("index.html")]
    pages = [("" if u == "." else u + "/") for u in built]
    assert set(PAGES) <= set(pages)
    assert sorted(locs) == sorted(SITE_URL + u for u in pages)
    assert {m.text for m in soup.find_all("lastmod")} == {AS_OF}
    packed = (sub_site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == raw
    mtime = int.from_bytes(packed[4:8], "little")
    assert mtime == int(datetime.fromisoformat(f"{AS_OF}T00:00:00+00:00").timestamp())


def test_faq_structured_data(sub_site: Path) -> None:
    """The FAQ carries schema.org FAQPage JSON-LD: each question with its answer, as in the YAML."""
    scripts = page(sub_site, "faq/").find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    questions = data["mainEntity"]
    assert len(questions) == len(FAQ["questions"]) == 4
    for got, want in zip(questions, FAQ["questions"], strict=True):
        assert got["@type"] == "Question"
        assert got["name"] == want["question"]
        assert got["acceptedAnswer"]["@type"] == "Answer"
        assert got["acceptedAnswer"]["text"] == "\n\n".join(want["answer"])
        assert got["url"] == f"{SITE_URL}faq/#{want['id']}"


def test_only_the_faq_has_faq_data(sub_site: Path) -> None:
    """FAQPage markup belongs to the FAQ page alone."""
    for url in PAGES:
        if url != "faq/":
            assert not page(sub_site, url).find_all("script", type="application/ld+json")


def test_cname_written(sub_site: Path) -> None:
    """CNAME=www.example.org writes site/CNAME for a custom domain."""
    assert (sub_site / "CNAME").read_text(encoding="utf-8") == "www.example.org\n"


def test_no_edit_link_without_repository(sub_site: Path) -> None:
    """data/site.yml names no repository: no page offers an edit link."""
    for url in PAGES:
        assert page(sub_site, url).find("a", rel="edit") is None


def test_no_feed_without_history(sub_build: Build) -> None:
    """No agency history in data/: no feed file and no page links to one."""
    assert (sub_build.project / "data" / "agencies" / "lists.yml").exists()
    assert not (sub_build.project / "data" / "agencies" / "history.yml").exists()
    assert not (sub_build.site / "feed.xml").exists()
    for url in PAGES:
        assert page(sub_build.site, url).find("link", type="application/atom+xml") is None


def test_edit_links_and_updated_override(tmp_path: Path) -> None:
    """With a repository in data/site.yml each page links to its data file; a page's
    ``updated`` front matter replaces the site date on the page and in the sitemap."""
    site_yml = (DATA / "site.yml").read_text(encoding="utf-8")
    site_yml += "repository:\n  url: https://github.com/example/site287g\n  branch: publish\n"
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    about = about.replace("data: site\n", "data: site\nupdated: 2026-02-03\n", 1)
    files = overlay(tmp_path / "overlay", {"data/site.yml": site_yml, "docs/about.md": about})
    build = build_project(tiny_project(tmp_path / "project", files), SITE_URL=SITE_URL)
    assert build.returncode == 0, build.output
    edit = "https://github.com/example/site287g/edit/publish/data/{}.yml"
    expected = {
        "": "program",
        "faq/": "faq",
        "models/task-force-model/": "models",
        "about/": "site",
    }
    for url, name in expected.items():
        assert page(build.site, url).find("a", rel="edit")["href"] == edit.format(name)
    soup = page(build.site, "about/")
    assert meta(soup, "article:modified_time") == "2026-02-03"
    assert content(soup).select_one(".g287-updated time")["datetime"] == "2026-02-03"
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}about/</loc>\n         <lastmod>2026-02-03</lastmod>" in sitemap


@pytest.mark.parametrize(
    ("env", "front", "message"),
    [
        ({"CNAME": "https://www.example.org/"}, "", "is not a host name"),
        ({}, "updated: soon\n", "updated date 'soon' is not a date written YYYY-MM-DD"),
    ],
    ids=["bad-cname", "bad-updated"],
)
def test_bad_publishing_settings_fail_clearly(
    tmp_path: Path, env: dict[str, str], front: str, message: str
) -> None:
    """A wrong CNAME or updated date stops the strict build with one clear line."""
    faq = (ROOT / "docs" / "faq.md").read_text(encoding="utf-8")
    files = overlay(tmp_path / "overlay", {"docs/faq.md": faq.replace("---\n", "---\n" + front, 1)})
    build = build_project(tiny_project(tmp_path / "project", files), **env)
    assert build.returncode != 0
    assert message in build.output
    assert "Traceback" not in build.output


def addresses(site: Path) -> list[str]:
    """Every absolute address of the site in its pages (canonical, og:url), sitemap.xml and
    robots.txt."""
    found = [loc.text for loc in ET.parse(site / "sitemap.xml").iterfind(".//sm:loc", SITEMAP_NS)]
    for url in PAGES:
        soup = page(site, url)
        found += [soup.find("link", rel="canonical")["href"], meta(soup, "og:url")]
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    return found + [
        line.split(" ", 1)[1] for line in robots.splitlines() if line.startswith("Sitemap:")
    ]


@pytest.mark.parametrize("env", ["SITE_URL", "none"])
def test_site_url_has_one_setting(env: str, sub_site: Path, tiny_site: Path) -> None:
    """SITE_URL alone sets the site's address everywhere; without it the site is built for
    `make serve` at http://127.0.0.1:8000/."""
    site, base = (sub_site, SITE_URL) if env == "SITE_URL" else (tiny_site, SERVE_URL)
    found = addresses(site)
    assert len(found) > 2 * len(PAGES)
    assert [a for a in found if not a.startswith(base)] == []
    other = SERVE_URL if env == "SITE_URL" else SITE_URL
    leaked = [p for p in site.rglob("*") if p.is_file() and other.encode() in p.read_bytes()]
    assert not leaked, leaked
