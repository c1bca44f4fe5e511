"""Which agency pages the build generates, their source paths, titles and the macro they call."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.vocab import LISTS, STATE_NAMES
from .agencies import Agencies
from .profiles import Profile
from .seo import MONTHS

ROOT = "agencies"


@dataclass(frozen=True)
class PlannedPage:
    """One generated Markdown page: where it lives, its title and the macro call it holds."""

    src_uri: str
    title: str
    description: str
    macro: str
    args: tuple = ()
    in_nav: bool = True
    section: str = ""  # nav sub-section ("" = directly under Agencies)
    searched: bool = True  # False: the search hook adds the page's own compact entry
    feed: str = ""  # the page's own Atom feed (a state's), announced in its head

    @property
    def call(self) -> str:
        """The macro call, as a page would write it: agency_state('TX', 2)."""
        return f"{self.macro}({', '.join(map(repr, self.args))})"

    def markdown(self) -> str:
        """The page's source: one macro call, without front matter (``meta`` gives the page's
        settings: reading front matter is a YAML parse per page)."""
        return f"{{{{ {self.call} }}}}\n"

    def meta(self) -> dict:
        """The page's settings, as front matter would give them. mkdocs-macros leaves the page
        alone (``render_macros: false``): the build calls the macro itself
        (hooks/agency_pages.py), which spares compiling each page's text as a template."""
        meta: dict = {"title": self.title, "description": self.description}
        meta["render_macros"] = False
        if not self.searched:
            meta["search"] = {"exclude": True}
        if self.feed:
            meta["feed"] = self.feed
        return meta


def month_uri(month: str, number: int = 1) -> str:
    """Source path of page ``number`` (1-based) of one month's changes:
    agencies/whats-new/2026-05.md, agencies/whats-new/2026-05/page-2.md."""
    base = f"{ROOT}/whats-new/{month}"
    return f"{base}.md" if number == 1 else f"{base}/page-{number}.md"


def day_uri(agencies: Agencies, date: str) -> str:
    """Source path of the month page where the changes of list date ``date`` begin."""
    return month_uri(date[:7], agencies.day_page(date))


def state_feed(code: str) -> str:
    """Path of a state's Atom feed in the site: feed-tx.xml. At the site's root, beside
    sitemap.xml: Material's theme takes each <link rel="alternate"> of a page for a version of
    the site and fetches sitemap.xml from its folder."""
    return f"feed-{code.lower()}.xml"


def month_pages(agencies: Agencies) -> list[PlannedPage]:
    """One page per month with changes (more for a long month), outside the navigation
    (what's new links them)."""
    return [
        PlannedPage(
            month_uri(month, n),
            f"Changes to ICE's lists in {month_name(month)}" + ("" if n == 1 else f" (page {n})"),
            f"Every agreement added to, removed from or changed in ICE's 287(g) lists in "
            f"{month_name(month)}, day by day.",
            "agencies_month",
            (month, n),
            in_nav=False,
        )
        for month, pages in agencies.month_pages().items()
        for n in range(1, len(pages) + 1)
    ]


def month_name(month: str) -> str:
    """May 2026 (whatever the build machine's locale)."""
    return f"{MONTHS[int(month[5:7]) - 1]} {month[:4]}"


def profile_uri(profile: Profile) -> str:
    """Source path of an agency's page: agencies/states/tx/harris-county-sheriffs-office.md."""
    return f"{ROOT}/states/{profile.state.lower()}/{profile.id.split('-', 1)[1]}.md"


def moved_pages(profiles: list[Profile]) -> list[tuple[str, Profile]]:
    """(old source path, the agency) for every former id of a renamed agency."""
    return [
        (f"{ROOT}/states/{p.state.lower()}/{old.split('-', 1)[1]}.md", p)
        for p in profiles
        for old in p.former_ids
    ]


def profile_pages(profiles: list[Profile]) -> list[PlannedPage]:
    """One page per agency, outside the navigation (state pages and tables lead to them)."""
    return [
        PlannedPage(
            profile_uri(p),
            f"{p.name} ({p.state_name})",
            f"{p.name}, {p.state_name}: its 287(g) agreements with ICE, when each was listed, "
            "changed or removed, and the signed agreements.",
            "agency_profile",
            (p.id,),
            in_nav=False,
            searched=False,
        )
        for p in profiles
    ]


def page_uri(agencies: Agencies, key: str, number: int) -> str:
    """Source path of page ``number`` (1-based) of a listing such as ``state/tx``."""
    parts = key.split("/")
    if parts[0] in LISTS:
        base = f"{ROOT}/{parts[0]}"
    elif parts[0] == "state":
        base = f"{ROOT}/states/{parts[1]}"
    else:
        base = f"{ROOT}/models/{agencies.model_by_id[parts[1]]['slug']}"
    return f"{base}.md" if number == 1 else f"{base}/page-{number}.md"


def plan(agencies: Agencies) -> list[PlannedPage]:
    """Every generated agency page, in navigation order, then one page per agency."""
    out = [
        PlannedPage(
            f"{ROOT}/index.md",
            "Agencies",
            "Which law enforcement agencies have signed 287(g) agreements, where, which "
            "model and since when: maps, charts and downloads.",
            "agencies_overview",
        )
    ]
    for kind in LISTS:
        listing = agencies.listing(kind)
        for n in range(1, len(listing.pages) + 1):
            out.append(
                PlannedPage(
                    page_uri(agencies, kind, n),
                    listing.title + ("" if n == 1 else f" (page {n})"),
                    f"Every agreement on ICE's {kind} agencies list: state, agency, type, "
                    "county, model, date signed and links to the agreements.",
                    "agency_listing",
                    (kind, n),
                    in_nav=n == 1,
                )
            )
    out.append(
        PlannedPage(
            f"{ROOT}/whats-new.md",
            "What's new",
            "Agreements added to and removed from ICE's 287(g) lists, newest first.",
            "agencies_whats_new",
        )
    )
    out.append(
        PlannedPage(
            f"{ROOT}/removed.md",
            "Removed agreements",
            "Every 287(g) agreement ICE took off its list since 2021, newest first, with the "
            "dates it was listed and removed.",
            "agencies_removed",
        )
    )
    out.append(
        PlannedPage(
            f"{ROOT}/find.md",
            "Find your county",
            "The 287(g) agreements of your county: search by county name or ZIP code.",
            "county_finder",
        )
    )
    for code in agencies.states():
        key = f"state/{code.lower()}"
        pages = len(agencies.listing(f"{key}/participating").pages)
        for n in range(1, pages + 1):
            out.append(
                PlannedPage(
                    page_uri(agencies, key, n),
                    STATE_NAMES[code] + ("" if n == 1 else f" (page {n})"),
                    f"287(g) agreements in {STATE_NAMES[code]}: counts by model and type, "
                    "every agreement and links to the signed agreements.",
                    "agency_state",
                    (code, n),
                    in_nav=n == 1,
                    section="States and territories",
                    feed=state_feed(code),
                )
            )
    for model in agencies.models:
        key = f"model/{model['id']}"
        for n in range(1, len(agencies.listing(key).pages) + 1):
            out.append(
                PlannedPage(
                    page_uri(agencies, key, n),
                    f"{model['name']} agreements" + ("" if n == 1 else f" (page {n})"),
                    f"Every agency with a {model['name']} agreement.",
                    "agency_model",
                    (model["id"], n),
                    in_nav=n == 1,
                    section="By model",
                )
            )
    return out + month_pages(agencies) + profile_pages(agencies.profiles)


def nav_section(pages: list[PlannedPage]) -> dict[str, list]:
    """The Agencies entry for mkdocs.yml's nav: pages, then sub-sections."""
    items: list = []
    sections: dict[str, list] = {}
    for p in pages:
        if not p.in_nav:
            continue
        if p.section:
            if p.section not in sections:
                sections[p.section] = []
                items.append({p.section: sections[p.section]})
            sections[p.section].append(p.src_uri)
        else:
            items.append(p.src_uri)
    return {"Agencies": items}
