"""Write the site's publishing files: robots.txt and, for a custom domain, CNAME."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from site287g.views.seo import safe_url

# A host name such as www.example.org: letters, digits, hyphens, dots; no scheme, no path.
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Render overrides/robots.txt as a page of its own."""
    # Static templates are rendered with the site's context and never copied as they are.
    config.theme.static_templates.add("robots.txt")
    return config


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """Give robots.txt the sitemap's address."""
    site_url = config.site_url or ""
    if template_name == "robots.txt":
        context["robots"] = {"sitemap": safe_url(f"{site_url}sitemap.xml")}
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write site/CNAME when the CNAME setting names a custom domain (for `make deploy`)."""
    cname = os.environ.get("CNAME", "").strip().lower()
    if not cname:
        return
    if not HOST.match(cname):
        raise PluginError(f"CNAME={cname!r} is not a host name such as www.example.org")
    Path(config.site_dir, "CNAME").write_text(cname + "\n", encoding="utf-8")
