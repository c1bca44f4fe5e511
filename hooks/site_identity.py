"""Take the site's name and description from data/site.yml and hand site data to the theme."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from site287g.adapter import state as build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate all data before anything is built; name the site from data/site.yml."""
    site = build.site_data(config)["site"]
    # The theme prints these unescaped: hand it escaped Markup.
    config.site_name = escape(site["title"])
    config.site_description = escape(site["description"])
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Let the theme's header and footer read data/site.yml as ``site_data``."""
    env.globals["site_data"] = build.site_data(config)["site"]
    return env
