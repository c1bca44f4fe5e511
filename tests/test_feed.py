"""The Atom feeds of the changes to ICE's lists: the country's and each state's, one entry per
list date with a stable id, built from the agreements' lifecycles."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from site287g.views.changes import changes, days
from site287g.views.feed import MAX_ENTRIES, atom_feed
from site287g.views.profiles import profiles

from .html import page

NS = {"a": "http://www.w3.org/2005/Atom", "h": "http://www.w3.org/1999/xhtml"}
MODELS = {"jem": "Jail Enforcement Model", "tfm": "Task Force Model", "wso": "WSO"}


def record(rid: str, agency: str, listed: str, **extra) -> dict:
    """One participating lifecycle record listed on ``listed``."""
    episode = {
        "listed": listed,
        "listed_file": f"participating_{listed}.xlsx",
        "last": extra.pop("last", None),
        "last_file": None,
        "removed": extra.pop("removed", None),
        "removed_file": extra.pop("removed_file", None),
    }
    return {
        "id": rid, "state": rid[:2].upper(), "agency": agency, "model": rid.rsplit("-", 1)[1],
        "status": "removed" if episode["removed"] else "active", "first_listed": listed,
        "type": "county", "county": None, "signed": listed, "moa": None, "moa_pending": False,
        "addendum": None, "episodes": [episode], "missing": [], "changes": [], "joins": [],
        "former_ids": [], "pending": None, **extra,
    }  # fmt: skip


LIFECYCLE = {
    "participating": [
        record(
            "tx-harris-county-sheriffs-office-jem",
            "Harris County Sheriff's Office",
            "2025-03-01",
            removed="2025-05-01",
            removed_file="participating_2025-05-01.xlsx",
        ),
        record("tx-ore-city-police-department-tfm", "Ore City Police Department", "2025-05-01"),
        record("fl-bay-county-sheriffs-office-wso", "Bay County Sheriff's Office", "2025-05-01"),
    ],  # fmt: skip
    "pending": [],
}


def render(found, path: str = "feed.xml") -> etree._Element:
    """A feed rendered with the site's own partial, parsed as XML."""
    from jinja2 import Environment, FileSystemLoader

    from .conftest import ROOT

    site = "https://example.github.io/x/"
    feed = atom_feed(
        found, feed_url=site + path, title="t", author="a", home=site,
        link=lambda d: f"{site}agencies/whats-new/{d.month}/#d-{d.date}",
    )  # fmt: skip
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=True)
    xml = env.get_template("partials/agencies/feed.xml").render(feed=feed)
    return etree.fromstring(xml.lstrip().encode("utf-8"))


@pytest.fixture(scope="module")
def every() -> list:
    """The days of the made-up lifecycles, newest first."""
    return days(changes(profiles(LIFECYCLE, MODELS)))


def test_one_entry_per_list_date_newest_first(every) -> None:
    """Each date with a change is one entry; its id is made from the date (stable through
    re-imports and backfills); it lists what was added and removed."""
    feed = render(every)
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:id", namespaces=NS) for e in entries] == [
        "https://example.github.io/x/feed.xml#2025-05-01",
        "https://example.github.io/x/feed.xml#2025-03-01",
    ]
    lines = [li.text for li in entries[0].iterfind(".//h:li", NS)]
    assert "Harris County Sheriff's Office (Texas): Jail Enforcement Model agreement removed " \
        "from ICE's participating list" in lines  # fmt: skip
    assert (
        entries[0]
        .findtext("a:summary", namespaces=NS)
        .startswith("2 agreements added, 1 agreement removed")
    )


def test_a_state_feed_holds_only_its_state() -> None:
    """A state's feed names only that state's agencies."""
    florida = render(days(changes(profiles(LIFECYCLE, MODELS), "FL")), "feed-fl.xml")
    text = etree.tostring(florida, encoding="unicode")
    assert "Bay County Sheriff" in text and "Harris County" not in text


def test_feed_is_capped() -> None:
    """Readers get the newest MAX_ENTRIES dates; the what's-new pages keep every day."""
    many = [
        record(f"tx-place-{n}-police-department-tfm", f"Place {n} Police Department",
               f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}")
        for n in range(MAX_ENTRIES + 10)
    ]  # fmt: skip
    found = days(changes(profiles({"participating": many, "pending": []}, MODELS)))
    assert len(render(found).findall("a:entry", NS)) == MAX_ENTRIES


def test_no_changes_no_feed() -> None:
    """Nothing changed: no feed."""
    assert atom_feed([], feed_url="x", title="t", author="a", home="h", link=str) is None


def test_feeds_in_the_build(built_site: Path) -> None:
    """The build writes the country's feed and one per state; every page announces the
    country's, and a state's page its own too."""
    feed = etree.fromstring((built_site / "feed.xml").read_bytes())
    assert len(feed.findall("a:entry", NS)) == MAX_ENTRIES
    texas = etree.fromstring((built_site / "feed-tx.xml").read_bytes())
    assert "(Texas)" in etree.tostring(texas, encoding="unicode")
    links = page(built_site, "agencies/states/tx/").find_all("link", type="application/atom+xml")
    assert [link["href"] for link in links] == ["../../../feed.xml", "../../../feed-tx.xml"]
    assert page(built_site, "faq/").find("link", type="application/atom+xml")["href"] == (
        "../feed.xml"
    )
