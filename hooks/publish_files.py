"""Write the site's publishing files: robots.txt, the Atom feed of agency-list changes, CNAME."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from site287g.adapter.state import state
from site287g.views.feed import atom_feed
from site287g.views.seo import safe_url

# A host name such as www.example.org: letters, digits, hyphens, dots; no scheme, no path.
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Feed entries link to the agency pages' "What's new" page.
WHATS_NEW = "agencies/whats-new.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Render overrides/robots.txt and overrides/feed.xml as pages of their own."""
    # Static templates are rendered with the site's context and never copied as they are.
    config.theme.static_templates.update({"robots.txt", "feed.xml"})
    return config


@event_priority(-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Note where feed entries link to, after the hooks that generate pages have run."""
    target = files.get_file_from_path(WHATS_NEW)
    state(config).memo["feed_link"] = target.url if target else ""
    return files


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """Give robots.txt the sitemap's address and feed.xml its entries."""
    site_url = config.site_url or ""
    if template_name == "robots.txt":
        context["robots"] = {"sitemap": safe_url(f"{site_url}sitemap.xml")}
    elif template_name == "feed.xml":
        data = state(config).data
        history = data.files.get("agencies/history")
        context["feed"] = history and atom_feed(
            history,
            site_url=safe_url(site_url),
            title=data["site"]["title"],
            author=data["site"]["publisher"]["name"],
            link=safe_url(site_url + state(config).memo.get("feed_link", "")),
            models={m["id"]: m["name"] for m in data["models"]["models"]},
        )
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write site/CNAME when the CNAME setting names a custom domain (for `make deploy`)."""
    cname = os.environ.get("CNAME", "").strip().lower()
    if not cname:
        return
    if not HOST.match(cname):
        raise PluginError(f"CNAME={cname!r} is not a host name such as www.example.org")
    Path(config.site_dir, "CNAME").write_text(cname + "\n", encoding="utf-8")
