"""Write the Atom feeds of the changes to ICE's lists: feed.xml for the country, and
feed-<st>.xml for each state (linked from its page)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from site287g.adapter.state import state
from site287g.data.vocab import STATE_NAMES
from site287g.views.changes import changes, days
from site287g.views.feed import atom_feed
from site287g.views.plan import day_uri, state_feed
from site287g.views.search import page_url
from site287g.views.seo import safe_url


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the feeds as generated files: one entry per list date with changes."""
    current = state(config)
    agencies = current.agencies
    if agencies is None:
        return files
    site_url = safe_url(config.site_url or "")
    site = current.data["site"]

    def month_link(day) -> str:
        path = page_url(day_uri(agencies, day.date), config.use_directory_urls)
        return f"{site_url}{path}#d-{day.date}"

    scopes = [("feed.xml", None, site["title"])] + [
        (state_feed(code), code, f"{site['title']}: {name}")
        for code, name in ((c, STATE_NAMES[c]) for c in agencies.states())
    ]
    for path, code, title in scopes:
        feed = atom_feed(
            agencies.days() if code is None else days(changes(agencies.profiles, code)),
            feed_url=f"{site_url}{path}",
            title=f"{title}: changes to ICE's 287(g) lists",
            author=site["publisher"]["name"],
            home=site_url,
            link=month_link,
        )
        if feed is not None:
            xml = current.render_html("partials/agencies/feed.xml", feed=feed)
            files.append(File.generated(config, path, content=xml))
    return files
