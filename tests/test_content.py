"""Every fact of ICE's 287(g) page is on the built site, on the page where a reader looks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import REFERENCE
from .html import content, page, squash, text

REFERENCE_PAGE = REFERENCE / "ice-287g-partner-page.txt"

# Each heading of the reference page and the page of ours that carries that section.
SECTIONS = {
    "Partner With ICE Through the 287(g) Program": [""],
    "What’s in It for Your Law Enforcement Agency?": [""],
    "3 Ways Your Agency Can Help": ["models/"],
    "287(g) Training Available to State and Local Law Enforcement": ["training/"],
    "How to Sign Up for the 287(g) Program": ["sign-up/"],
    "287(g) FAQ": ["faq/"],
    "Keeping Our Communities Safer, One Jurisdiction at a Time": [""],
}
# Lines of the saved page that are page furniture, not facts.
FURNITURE = {"Skip to main content", "287g", "Updated:"}


def reference_facts() -> list[tuple[str, str]]:
    """Split the reference page into (our page, sentence) pairs."""
    facts: list[tuple[str, str]] = []
    pages = [""]
    for raw in REFERENCE_PAGE.read_text(encoding="utf-8").splitlines():
        line = squash(raw.replace("\u2022", "").replace("\xa0", " "))
        if not line or line in FURNITURE:
            continue
        if line in SECTIONS:
            pages = SECTIONS[line]
        # One fact per sentence, so a reader-facing label such as "The Task Force Model." counts.
        for sentence in re.split(r"(?<=[.?!:])\s+(?=[A-Z“])", line):
            for target in pages:
                facts.append((target, sentence.rstrip(".:")))
    return facts


FACTS = reference_facts() if REFERENCE_PAGE.exists() else []


def test_reference_page_was_read() -> None:
    """Guard against a silently empty fact list."""
    assert REFERENCE_PAGE.exists(), f"reference page missing: {REFERENCE_PAGE}"
    assert len(FACTS) > 30


@pytest.mark.parametrize(("url", "fact"), FACTS, ids=[f"{u or 'home'}:{f[:40]}" for u, f in FACTS])
def test_fact_is_on_its_page(built_site: Path, url: str, fact: str) -> None:
    """The reference wording appears in the main content of the page for its section."""
    assert fact in text(content(page(built_site, url)))


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("jail-enforcement-model", "Jail Enforcement Model"),
        ("task-force-model", "Task Force Model"),
        ("warrant-service-officer", "Warrant Service Officer Program"),
    ],
)
def test_each_model_has_its_own_page(built_site: Path, slug: str, name: str) -> None:
    """A model page says what officers may do, where, and under whose supervision."""
    soup = page(built_site, f"models/{slug}/")
    assert text(soup.find("h1")).startswith(name)
    headings = [text(h) for h in content(soup).find_all("h2")]
    assert {"What officers may do", "Where", "Under whose supervision"} <= set(headings)
    assert "supervised and directed by ICE" in text(content(soup))


def test_faq_questions_have_stable_anchors(built_site: Path) -> None:
    """Each FAQ question is a heading with its permanent id, listed in the page's contents."""
    soup = page(built_site, "faq/")
    ids = [h["id"] for h in content(soup).find_all("h2")]
    assert ids == ["public-safety", "why-287g", "training-cost", "convince-chief-or-sheriff"]
    toc_links = {a["href"] for a in soup.select("nav.md-nav--secondary a")}
    assert {f"#{i}" for i in ids} <= toc_links


def test_submission_address_is_a_mail_link(built_site: Path) -> None:
    """The sign-up page links the submission address."""
    links = [a["href"] for a in content(page(built_site, "sign-up/")).find_all("a")]
    assert "mailto:ERO287g@ICE.dhs.gov" in links


def test_site_identity_in_header_and_footer(built_site: Path) -> None:
    """Title, publisher, source and 'content as of' come from data/site.yml on every page."""
    for url in ["", "faq/", "models/task-force-model/"]:
        soup = page(built_site, url)
        assert text(soup.select_one(".md-header__topic")) == "287(g) Program"
        footer = text(soup.select_one(".md-copyright"))
        assert "Content as of 2026-05-18" in footer
        assert "Not an official U.S. government website" in footer
        assert (
            soup.select_one(".md-copyright a")["href"]
            == "https://www.ice.gov/identify-and-arrest/287g"
        )


def test_pages_have_descriptions_from_data(built_site: Path) -> None:
    """Each page's meta description is its data file's description."""
    soup = page(built_site, "training/")
    meta = soup.find("meta", attrs={"name": "description"})["content"]
    assert meta.startswith("The training ICE gives officers")


def test_not_official_unless_data_says_so(make_site, tmp_path: Path) -> None:
    """With `official: true` the 'not an official website' notices disappear."""
    overlay = tmp_path / "overlay" / "data"
    overlay.mkdir(parents=True)
    site_yml = (Path(__file__).parent.parent / "data" / "site.yml").read_text(encoding="utf-8")
    (overlay / "site.yml").write_text(re.sub(r"official: false", "official: true", site_yml))
    build = make_site(overlay.parent)
    assert build.returncode == 0, build.output
    for url in ["", "about/"]:
        assert "not an official" not in text(page(build.site, url)).lower()


def test_home_and_faq_lead_to_the_agency_lists(built_site: Path) -> None:
    """The home page gives the list sizes and links the agency pages; the FAQ links the list."""
    home = content(page(built_site, ""))
    assert "names 1,843 agreements" in text(home)
    for a in home.select("#agencies ~ ul a"):
        assert (built_site / a["href"] / "index.html").is_file(), a["href"]
    faq = content(page(built_site, "faq/"))
    hrefs = [a["href"] for a in faq.select(".g287-links a")]
    assert "../agencies/participating/" in hrefs
