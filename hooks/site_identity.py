"""Take the site's name and description from data/site.yml and hand site data to the theme."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from site287g.adapter.state import state


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check all data before anything is built; name the site from data/site.yml."""
    site = state(config).data["site"]
    # The theme prints these unescaped: hand it escaped Markup.
    config.site_name = escape(site["title"])
    config.site_description = escape(site["description"])
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Let the theme's header and footer read data/site.yml as ``site_data``."""
    env.globals["site_data"] = state(config).data["site"]
    return env
