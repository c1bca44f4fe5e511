"""Macros of the agency pages: lists, state and model pages, overview with charts, what's new."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ...data.vocab import NOT_GIVEN, STATE_NAMES, TYPE_NAMES
from ...views import changes, charts
from ...views.agencies import PREVIEW_ROWS, Agencies, Listing
from ...views.county_lists import county_lists
from ...views.downloads import CHANGE_COLUMNS, LIFECYCLE_COLUMNS
from ...views.plan import ROOT, day_uri, month_name, month_uri, page_uri, profile_uri
from ...views.search import page_url
from .. import slots
from ..state import state

# Where rows.html writes the path from the page to the site's root (an attribute value never
# holds it otherwise: data is escaped, and this starts with a double quote).
ROOT_TOKEN = 'href="@@ROOT@@'


def define_agency_macros(env: Any, link: Callable[..., str]) -> None:
    """Register the agency macros on the mkdocs-macros ``env``."""
    config = env.conf

    def show(template: str, **values: Any) -> Markup:
        return state(config).page(env.page, f"partials/agencies/{template}.html", **values)

    def agencies() -> Agencies:
        found = state(config).agencies
        if found is None:
            raise ValueError("no agency list has been imported: run make import FILE=...")
        return found

    def downloads(kind: str) -> list[dict[str, str]]:
        return [
            {"url": link(d.path), "label": d.label, "format": d.format, "size": slots.size(d.path)}
            for d in state(config).downloads
            if d.group == kind
        ]

    def profile_paths() -> dict[str, str]:
        """The address of each agency's page from the site's root, by agency id."""
        memo = state(config).memo
        if "profile_paths" not in memo:
            memo["profile_paths"] = {
                p.id: page_url(profile_uri(p), config.use_directory_urls)
                for p in agencies().profiles
            }
        return memo["profile_paths"]

    def row_html(kind: str) -> dict[str, str]:
        """Every row of a list rendered once (one per line), by agreement id."""
        memo = state(config).memo
        key = ("rows", kind)
        if key not in memo:
            rows = agencies().rows[kind]
            html = state(config).render_html(
                "partials/agencies/rows.html", rows=rows, kind=kind, profiles=profile_paths()
            )
            lines = html.rstrip("\n").split("\n") if rows else []
            if len(lines) != len(rows):
                raise ValueError(f"rows.html gave {len(lines)} lines for {len(rows)} rows")
            memo[key] = {r.id: line for r, line in zip(rows, lines, strict=True)}
        return memo[key]

    def table(listing: Listing, number: int, caption: str) -> dict[str, Any]:
        """Render one page of a listing into a slot; return what the page template needs."""
        a = agencies()
        pages = listing.pages
        if not 1 <= number <= len(pages):
            raise ValueError(f"{listing.key}: there is no page {number}")
        rows = pages[number - 1]
        table_id = "agreements-" + listing.key.replace("/", "-")
        page_urls = [link(page_uri(a, listing.key, n)) for n in range(1, len(pages) + 1)]
        first = (number - 1) * listing.per_page + 1
        # Tables up to twice the preview are shown whole: hiding a few rows would save nothing.
        preview = PREVIEW_ROWS if len(rows) > 2 * PREVIEW_ROWS else 0
        # One rendering of each row serves every page: the State column stays on state pages
        # too (the state filter is left out there instead).
        lines = row_html(listing.kind)
        ids = [r.id for r in rows]
        noun = "agreements" if listing.kind == "participating" else "pending requests"
        # Rows link to agency pages from the site's root: make that relative to this page.
        root = get_relative_url(".", env.page.url).rstrip("/") + "/"
        html = (
            state(config)
            .render_html(
                "partials/agencies/table.html",
                table_id=table_id,
                kind=listing.kind,
                total=len(listing.rows),
                page_urls=page_urls,
                number=number,
                caption=caption,
                preview=preview,
                shown=len(rows),
                noun=noun,
                models=a.models,
                # A long page: the rows past the preview go in a second row group (agencies.css).
                body=Markup("\n".join(map(lines.__getitem__, ids[: preview or None]))),
                rest=Markup("\n".join(map(lines.__getitem__, ids[preview:]))) if preview else "",
            )
            .replace(ROOT_TOKEN, f'href="{root}')
        )
        memo = state(config).memo
        facts_key = ("facts", listing.key)
        if facts_key not in memo:
            memo[facts_key] = {
                "state_names": sorted({r.state_name for r in listing.rows}),
                "flagged": any(
                    r.agency.notes or r.type.notes or r.county.notes or r.signed.notes
                    for r in listing.rows
                ),
            }
        facts = memo[facts_key]
        return {
            "table_id": table_id,
            "kind": listing.kind,
            "table": slots.put(state(config), env.page.file.src_uri, html),
            "total": len(listing.rows),
            "pages": len(pages),
            "per_page": listing.per_page,
            "preview": preview,
            "noun": noun,
            "number": number,
            "first": first if rows else 0,
            "last": first + len(rows) - 1,
            "links": [{"url": u, "label": str(n)} for n, u in enumerate(page_urls, 1)],
            "label": f"Pages of the table: {caption}",
            "state_filter": listing.state_filter,
            "state_names": facts["state_names"],
            "models": a.models,
            "type_names": [*TYPE_NAMES.values(), NOT_GIVEN],
            "flagged": facts["flagged"],
            "script_url": link("assets/javascripts/agency-table.js"),
        }

    def list_info(kind: str) -> dict[str, Any]:
        info = agencies().lists.get(kind) or {}
        return {"as_of": info.get("as_of"), "source": info.get("source")}

    @env.macro
    def agency_listing(kind: str, number: int = 1) -> Markup:
        """Participating or pending agencies: every agreement, filterable, paginated."""
        listing = agencies().listing(kind)
        info = list_info(kind)
        lead = (
            "Every law enforcement agency that has signed a 287(g) agreement with ICE, one row "
            "per agreement: an agency with two models has two rows."
            if kind == "participating"
            else "Agencies that have asked to join the 287(g) Program and whose agreement is "
            "not signed yet, one row per requested model."
        )
        caption = f"{listing.title}: {len(listing.rows):,} " + (
            "agreements" if kind == "participating" else "requests"
        )
        return show(
            "listing",
            kind=kind,
            title=listing.title,
            lead=lead,
            **info,
            downloads=downloads(kind),
            what=f"the {kind} list",
            whats_new_url=link(f"{ROOT}/whats-new.md"),
            overview_url=link(f"{ROOT}/index.md"),
            main=table(listing, number, caption),
        )

    @env.macro
    def agency_state(code: str, number: int = 1) -> Markup:
        """One state or territory: counts by model and type, its agreements, pending requests."""
        a = agencies()
        name = STATE_NAMES[code]
        key = f"state/{code.lower()}"
        own = a.profiles_in(code)
        listing = a.listing(f"{key}/participating")
        pending = a.listing(f"{key}/pending")
        parts = table(listing, number, f"287(g) agreements in {name}: {len(listing.rows):,}")
        pending_parts = (
            table(pending, 1, f"Pending requests in {name}: {len(pending.rows):,}")
            if pending.rows and number == 1
            else None
        )
        return show(
            "state",
            name=name,
            code=code,
            number=number,
            counts=a.counts(listing.rows),
            pending_count=len(pending.rows),
            model_urls={m["id"]: link(page_uri(a, f"model/{m['id']}", 1)) for m in a.models},
            participating_url=link(page_uri(a, "participating", 1)),
            pending_url=link(page_uri(a, "pending", 1)),
            as_of=list_info("participating")["as_of"],
            main=parts,
            pending=pending_parts,
            counties=county_lists(own, code) if number == 1 else [],
            removed=[p for p in own if p.status == "removed"] if number == 1 else [],
            profile_urls={p.id: link(profile_uri(p)) for p in own},
            finder_url=link(f"{ROOT}/find.md"),
        )

    @env.macro
    def agency_model(model_id: str, number: int = 1) -> Markup:
        """Every agreement under one model."""
        a = agencies()
        model = a.model_by_id[model_id]
        listing = a.listing(f"model/{model_id}")
        caption = f"{model['name']} agreements: {len(listing.rows):,}"
        return show(
            "model",
            model=model,
            model_url=link(f"models/{model['slug']}.md"),
            as_of=list_info("participating")["as_of"],
            main=table(listing, number, caption),
        )

    @env.macro
    def agencies_overview() -> Markup:
        """Counts, the tile map, growth and signings per month, and links to every list."""
        a = agencies()
        states = {code: link(page_uri(a, f"state/{code.lower()}", 1)) for code in a.states()}
        return show(
            "overview",
            counts=a.counts(a.rows["participating"]),
            total=len(a.rows["participating"]),
            pending_total=len(a.rows["pending"]),
            lists=a.lists,
            tile_map=charts.tile_map(a, states),
            growth=charts.growth(a),
            months=charts.per_month(a),
            participating_url=link(page_uri(a, "participating", 1)),
            pending_url=link(page_uri(a, "pending", 1)),
            whats_new_url=link(f"{ROOT}/whats-new.md"),
            downloads=downloads("participating") + downloads("pending"),
            lifecycle=downloads("lifecycle"),
            lifecycle_columns=LIFECYCLE_COLUMNS,
            change_columns=CHANGE_COLUMNS,
            removed_url=link(f"{ROOT}/removed.md"),
        )

    def day_context(shown: list[changes.Shown]) -> dict[str, Any]:
        """What the day-by-day partial needs: the days, and each day's list of changes (each
        linking its agency's page) in a slot filled once search has indexed the page, as a
        table is: the index keeps each day's heading and counts, not every agency named."""
        a = agencies()
        ids = {c.profile.id for s in shown for c in s.changes}
        urls = {i: link(profile_uri(a.profile_by_id[i])) for i in sorted(ids)}
        build = state(config)
        lists = [
            slots.put(
                build,
                env.page.file.src_uri,
                build.render_html(
                    "partials/agencies/changes.html", changes=s.changes, profile_urls=urls
                ),
            )
            for s in shown
        ]
        return {"days": shown, "lists": lists}

    @env.macro
    def agencies_whats_new(days_back: int = 31) -> Markup:
        """The changes of the latest weeks, day by day (at most a page of them), and the months
        before them."""
        a = agencies()
        every = a.days()
        as_of = (a.lists.get("participating") or {}).get("as_of") or (
            every[0].date if every else ""
        )
        recent = changes.since(every, as_of, days_back) if as_of else []
        pages = changes.paginate(recent)
        return show(
            "whats-new",
            days_back=days_back,
            as_of=as_of,
            months=[{"label": month_name(m), "url": link(month_uri(m))} for m in a.month_pages()],
            feed_url=link("feed.xml") if every else None,
            total=sum(len(d.changes) for d in recent),
            more_url=link(day_uri(a, pages[1][0].date)) if len(pages) > 1 else None,
            **day_context(pages[0] if pages else []),
        )

    @env.macro
    def agencies_month(month: str, number: int = 1) -> Markup:
        """Every change of one month, day by day: page ``number`` of them."""
        a = agencies()
        pages = a.month_pages().get(month, [])
        if not 1 <= number <= len(pages):
            raise ValueError(f"agencies_month({month!r}, {number}): there is no such page")
        shown = pages[number - 1]
        before = sum(len(s.changes) for page in pages[: number - 1] for s in page)
        return show(
            "month",
            month=month_name(month),
            whats_new_url=link(f"{ROOT}/whats-new.md"),
            pager={
                "number": number,
                "links": [
                    {"url": link(month_uri(month, n)), "label": str(n)}
                    for n in range(1, len(pages) + 1)
                ],
                "first": before + 1,
                "last": before + sum(len(s.changes) for s in shown),
                "total": sum(len(s.changes) for page in pages for s in page),
                "label": f"Pages of the changes in {month_name(month)}",
                "unit": "changes",
            },
            **day_context(shown),
        )


def model_agreements(config: Any, link: Callable[..., str], model_id: str) -> dict | None:
    """Link and count of a model's agreements listing, or None without agency data."""
    a = state(config).agencies
    if a is None:
        return None
    return {
        "url": link(page_uri(a, f"model/{model_id}", 1)),
        "count": len(a.listing(f"model/{model_id}").rows),
    }
