"""The Atom feed of agency-list changes, from data/agencies/history.yml (the importer's log)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader
from lxml import etree

from site287g.data.registry import ENTRIES
from site287g.data.yamlfile import load_yaml
from site287g.views.feed import MAX_ENTRIES, atom_feed

from .conftest import ROOT, build_project, tiny_project
from .html import page

FIXTURE = Path(__file__).parent / "fixtures" / "history.yml"
SITE = "https://example.github.io/x/"
NS = {"a": "http://www.w3.org/2005/Atom", "h": "http://www.w3.org/1999/xhtml"}


def render(history: dict) -> etree._Element:
    """Render overrides/feed.xml as MkDocs' theme environment does (no global autoescape)."""
    feed = atom_feed(
        history, site_url=SITE, title="287(g) Program", author="Maintainers", link=SITE
    )
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"))
    xml = env.get_template("feed.xml").render(feed=feed)
    assert xml.startswith("<?xml ")
    return etree.fromstring(xml.encode("utf-8"))


@pytest.fixture(scope="module")
def feed() -> etree._Element:
    """The fixture history rendered as an Atom document."""
    return render(load_yaml(FIXTURE, "tests/fixtures/history.yml"))


def test_feed_header(feed: etree._Element) -> None:
    """The feed has the elements Atom requires, with absolute addresses."""
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("a:id", namespaces=NS) == f"{SITE}feed.xml"
    assert feed.findtext("a:title", namespaces=NS) == "287(g) Program: changes to the agency lists"
    assert feed.findtext("a:author/a:name", namespaces=NS) == "Maintainers"
    assert feed.find("a:link[@rel='self']", NS).get("href") == f"{SITE}feed.xml"
    assert feed.findtext("a:updated", namespaces=NS) == "2025-03-01T00:00:00Z"


def test_entries_newest_first_with_permanent_ids(feed: etree._Element) -> None:
    """One entry per import, newest (date, then edition) first; ids are positions in the log."""
    entries = feed.findall("a:entry", NS)
    ids = [e.findtext("a:id", namespaces=NS).rsplit("#", 1)[1] for e in entries]
    assert ids == ["import-3", "import-4", "import-2", "import-1"]
    titles = [e.findtext("a:title", namespaces=NS) for e in entries]
    assert titles == [
        "Participating agencies: list of 2025-03-01 (pm)",
        "Participating agencies: list of 2025-03-01 (am)",
        "Pending agencies: list of 2025-03-01 (am)",
        "Participating agencies: list of 2025-01-19",
    ]
    for entry in entries:
        assert entry.findtext("a:updated", namespaces=NS).endswith("T00:00:00Z")
        assert entry.find("a:link", NS).get("href") == SITE


def test_changes_are_listed_and_escaped(feed: etree._Element) -> None:
    """Added, removed and changed agreements are listed; names with & and < stay text."""
    entry = feed.findall("a:entry", NS)[0]
    assert entry.findtext("a:summary", namespaces=NS) == (
        "1 added, 1 removed, 1 changed; 2 agreements in the list."
    )
    div = entry.find("a:content/h:div", NS)
    assert [h.text for h in div.findall("h:h2", NS)] == ["Added", "Removed", "Changed"]
    items = [li.text for li in div.findall(".//h:li", NS)]
    assert items == [
        "A & B <C> Police Department (TX), Task Force Model",
        "Kodiak Police Department (AK), Warrant Service Officer",
        "Clay County Sheriff's Office (FL), Jail Enforcement Model: date signed, agreement (MOA)",
    ]


def test_first_import_of_a_list_is_summarised(feed: etree._Element) -> None:
    """The first list of each kind is the starting point: counted, not listed agency by agency."""
    first = feed.findall("a:entry", NS)[-1]
    assert first.findtext("a:summary", namespaces=NS) == "First list imported: 2 agreements."
    assert first.find("a:content", NS) is None


def test_feed_is_capped() -> None:
    """A long history keeps the newest MAX_ENTRIES imports."""
    item = {"list": "pending", "edition": None, "source": "x.csv", "rows": 0}
    imports = [
        {
            **item,
            "as_of": f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}",
            "added": [],
            "removed": [],
            "changed": [],
        }
        for n in range(MAX_ENTRIES + 10)
    ]
    entries = render({"imports": imports}).findall("a:entry", NS)
    assert len(entries) == MAX_ENTRIES
    assert entries[0].findtext("a:id", namespaces=NS).endswith(f"#import-{MAX_ENTRIES + 10}")


def test_no_imports_no_feed() -> None:
    """An empty history gives no feed (the template then writes nothing)."""
    assert atom_feed({"imports": []}, site_url=SITE, title="t", author="a", link=SITE) is None


HISTORY_REGISTERED = any(e.pattern == "agencies/history.yml" for e in ENTRIES)


@pytest.mark.skipif(
    not HISTORY_REGISTERED,
    reason="data/agencies/history.yml is not a registered data file on this branch yet",
)
def test_feed_in_the_build(tmp_path: Path) -> None:
    """With a history in data/, the build writes feed.xml and every page links to it."""
    project = tiny_project(tmp_path / "project")
    (project / "data" / "agencies" / "history.yml").write_bytes(FIXTURE.read_bytes())
    build = build_project(project)
    assert build.returncode == 0, build.output
    feed = etree.fromstring((build.site / "feed.xml").read_bytes())
    assert feed.findall("a:entry", NS)
    link = page(build.site, "faq/").find("link", type="application/atom+xml")
    assert link["href"] == "../feed.xml"
