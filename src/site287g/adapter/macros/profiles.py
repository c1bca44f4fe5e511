"""Macros of the pages about single agencies and agreements: one page per agency, the removed
agreements, and the county finder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ...data.vocab import STATE_NAMES
from ...views.agencies import Agencies
from ...views.county_data import sources
from ...views.county_lists import county_lists, listed
from ...views.plan import ROOT, page_uri, profile_uri
from ...views.profiles import Profile
from ..state import state


def define_profile_macros(env: Any, link: Callable[..., str]) -> None:
    """Register the macros on the mkdocs-macros ``env``."""
    config = env.conf

    def agencies() -> Agencies:
        found = state(config).agencies
        if found is None:
            raise ValueError("no agency list has been imported: run make import FILE=...")
        return found

    def show(template: str, **values: Any) -> Markup:
        return state(config).page(env.page, f"partials/agencies/{template}.html", **values)

    def profile_link(profile: Profile) -> str:
        return link(profile_uri(profile))

    @env.macro
    def agency_profile(agency: str) -> Markup:
        """One agency: where it is, its agreements and requests, and their timeline."""
        a = agencies()
        profile = a.profile_by_id.get(agency)
        if profile is None:
            raise ValueError(f"agency_profile({agency!r}): no such agency in the lifecycle data")
        state_key = f"state/{profile.state.lower()}"
        as_of = (a.lists.get("participating") or {}).get("as_of")
        return show(
            "profile",
            p=profile,
            as_of=as_of,
            models=a.model_by_id,
            model_urls={m["id"]: link(page_uri(a, f"model/{m['id']}", 1)) for m in a.models},
            state_url=link(page_uri(a, state_key, 1)),
            county_url=(
                link(page_uri(a, state_key, 1), f"county-{profile.fips}")
                if profile.fips and listed(profile)
                else None
            ),
            removed_url=link(f"{ROOT}/removed.md"),
            finder_url=link(f"{ROOT}/find.md"),
        )

    @env.macro
    def agencies_removed() -> Markup:
        """Every agreement ICE took off its list, newest removal first."""
        a = agencies()
        removed = [
            (profile, agreement)
            for profile in a.profiles
            for agreement in profile.agreements
            if agreement.kind == "participating" and agreement.status == "removed"
        ]
        removed.sort(key=lambda pa: (pa[1].removed or "", pa[0].name), reverse=True)
        return show(
            "removed",
            removed=removed,
            urls={p.id: profile_link(p) for p, _ in removed},
            models=a.model_by_id,
            state_names=sorted({p.state_name for p, _ in removed}),
            all_models=a.models,
            script_url=link("assets/javascripts/agency-table.js"),
        )

    @env.macro
    def county_finder() -> Markup:
        """The county finder: a search by county name or ZIP code (in the browser, from the
        site's own files), and without JavaScript the county lists of every state."""
        a = agencies()
        states = [
            {
                "name": STATE_NAMES[code],
                "url": link(page_uri(a, f"state/{code.lower()}", 1)),
                # A state page lists its counties when it has placed agencies.
                "counties": bool(county_lists(a.profiles_in(code), code)),
            }
            for code in a.states()
        ]
        return show(
            "finder",
            states=states,
            sources=sources(),
            root=get_relative_url(".", env.page.url).rstrip("/") + "/",
            models={m["id"]: m["name"] for m in a.models},
            script_url=link("assets/javascripts/county-finder.js"),
        )
