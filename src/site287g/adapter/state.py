"""The MkDocs side of the data layer: load data once per change, render partials safely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..data import DataErrors, SiteData, load_site

_loaded: dict[Path, tuple[tuple, SiteData]] = {}
_envs: dict[Path, Environment] = {}
_files: dict[str, Files] = {}
_downloads: dict[str, list[Download]] = {}


@dataclass(frozen=True)
class Download:
    """A generated download: template name, title, format, size in bytes, path in the site."""

    name: str
    title: str
    format: str
    size: int
    src_uri: str

    @property
    def size_text(self) -> str:
        """The size as a reader wants it: ``26 KB``."""
        return (
            f"{max(1, round(self.size / 1024))} KB"
            if self.size < 1024 * 1024
            else (f"{self.size / 1024 / 1024:.1f} MB")
        )


def preview_page(template: str) -> str:
    """The docs page that previews a template: ``templates/moa-jem.md``."""
    return f"templates/{template.replace('_', '-')}.md"


def remember_downloads(config: MkDocsConfig, downloads: list[Download]) -> None:
    """Keep this build's downloads for the pages that list them."""
    _downloads[config.config_file_path] = downloads


def downloads(config: MkDocsConfig) -> list[Download]:
    """This build's downloads, in name then format order."""
    return _downloads.get(config.config_file_path, [])


def project_dir(config: MkDocsConfig) -> Path:
    """Return the folder that holds mkdocs.yml."""
    return Path(config.config_file_path).resolve().parent


# The config of the build under way and its data (see site_data).
_current: list = [None, None]


def _fingerprint(root: Path) -> tuple:
    """Describe every file under data/ by name, size and mtime, to notice edits cheaply."""
    return tuple(
        (str(p), p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    )


def site_data(config: MkDocsConfig) -> SiteData:
    """Load and validate data/ (once per change); stop the build with every error listed.

    Within one build (one config object) the answer is kept: hooks and macros ask hundreds of
    times, and looking at every data file each time cost seconds at 50,000 agreements. Each
    build (`mkdocs serve` makes a new config for every rebuild) looks for edits once."""
    if _current[0] is config:
        return _current[1]
    root = project_dir(config) / "data"
    fingerprint = _fingerprint(root)
    cached = _loaded.get(root)
    if cached and cached[0] == fingerprint:
        data = cached[1]
    else:
        try:
            data = load_site(root)
        except DataErrors as exc:
            raise PluginError(exc.report()) from None
        _loaded[root] = (fingerprint, data)
    _current[:] = [config, data]
    return data


def _environment(config: MkDocsConfig) -> Environment:
    """A Jinja environment over overrides/ that escapes every value: data is text, not code."""
    folder = Path(config.theme.custom_dir or project_dir(config) / "overrides")
    env = _envs.get(folder)
    if env is None:
        env = Environment(
            loader=FileSystemLoader(folder),
            autoescape=True,
            undefined=StrictUndefined,
            auto_reload=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        _envs[folder] = env
    return env


def render(config: MkDocsConfig, template: str, **context: Any) -> Markup:
    """Render a partial from overrides/ to HTML that Markdown leaves alone."""
    html = _environment(config).get_template(template).render(**context)
    # One unindented block element per line start keeps Python-Markdown from touching it.
    lines = [line.strip() for line in html.splitlines()]
    return Markup("\n".join(line for line in lines if line))


def render_html(config: MkDocsConfig, template: str, **context: Any) -> str:
    """Render a partial from overrides/ as is, for HTML that never passes through Markdown."""
    return _environment(config).get_template(template).render(**context)


def remember_files(config: MkDocsConfig, files: Files) -> None:
    """Keep this build's files so data can link to pages by their source path."""
    _files[config.config_file_path] = files


def page_url(config: MkDocsConfig, page: Page, src_path: str, anchor: str = "") -> str:
    """Return the link from ``page`` to the page built from ``src_path``; fail if it is absent."""
    files = _files.get(config.config_file_path)
    target = files.get_file_from_path(src_path) if files else None
    if target is None:
        raise PluginError(f"{page.file.src_uri}: links to docs/{src_path}, which does not exist")
    url = get_relative_url(target.url or ".", page.url)
    return f"{url}#{anchor}" if anchor else url
