"""The MkDocs side's state of one build: made when the build starts, dropped when it ends.

Every hook and macro asks ``state(config)`` for it; a new config (each build, each rebuild of
`mkdocs serve`) makes a new state, so nothing carries over from one build to the next except,
under `mkdocs serve`, the last data that built, shown while an edit has mistakes.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import cached_property
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
from ..data.printable import UnprintableText
from ..views.agencies import Agencies
from ..views.agencies import build as build_agencies
from ..views.county_lookup import FOLDER as LOOKUP_FOLDER
from ..views.county_lookup import lookup_files
from ..views.documents.render import remember as remember_documents
from ..views.documents.render import template_downloads
from ..views.downloads import agency_downloads, lifecycle_downloads
from ..views.files import Download, human_size
from ..views.pages import page_problems
from ..views.plan import profile_uri
from ..views.search import page_url
from . import background, reuse, slots

_serving = False
_last_good: SiteData | None = None
_current: BuildState | None = None


def starting(command: str) -> None:
    """Note whether this process serves the site (`mkdocs serve`) or builds it once."""
    global _serving
    _serving = command == "serve"


def serving() -> bool:
    """Whether this build is a `mkdocs serve` build."""
    return _serving


class BuildState:
    """What one build knows: the validated data, the views made from it, rendered tables
    waiting for their page, the ids each page's headings have, and the site's files."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.project = Path(config.config_file_path).resolve().parent
        with _long_lived():
            self.data, self.agencies = _load(self.project, Path(config.docs_dir))
        self.files: Files | None = None
        # Under `mkdocs serve`, the generated pages and files an edit cannot change are taken
        # back from the last good build.
        self.pages: reuse.Pages | None = None
        if _serving:
            sources = [Path(config.config_file_path), Path(config.docs_dir)]
            sources += [Path(hook.__file__) for hook in config.hooks.values()]
            sources.append(Path(config.theme.custom_dir or self.project / "overrides"))
            self.pages = reuse.Pages(reuse.inputs(self.data, sources))
        # The files to download and those the county finder reads depend on the data alone:
        # they are made beside the rest of the build, which needs their bytes only at its end.
        # The child begins with the longest jobs (the workbooks, then the finder's files); this
        # process does the last ones left when it needs them.
        # Every file offered for download: the agency lists and lifecycle, then the documents.
        documents = template_downloads(self.data)
        self.downloads = self._agency_downloads() + documents
        jobs = {d.path: d.make for d in self.downloads if d.path.endswith(".xlsx")}
        jobs[LOOKUP_FOLDER] = self._site_files
        jobs.update((d.path, d.make) for d in self.downloads if d.path not in jobs)
        # Made from the agency data and the site's settings, which the digest of reuse covers
        # (the documents show the editors' texts: their rendering is remembered by its input).
        rendered = {d.path for d in documents}
        self._from_agencies = [name for name in jobs if name not in rendered]
        if self.pages is not None:
            kept = self.pages.made()
            for name in self._from_agencies:
                if name in kept:
                    jobs[name] = functools.partial(kept.__getitem__, name)
        self._made = background.Background(jobs)
        self.slots: dict[tuple[str, str], list[str]] = {}
        # The pages showing a download's size, by file written, with their HTML until then.
        self.unsized: dict[str, str] = {}
        self.page_ids: dict[str, set[str]] = {}
        self._urls: dict[tuple[str, str], str] = {}
        self.memo: dict[Any, Any] = {}

    @cached_property
    def jinja(self) -> Environment:
        """A Jinja environment over overrides/ that escapes every value: data is text."""
        folder = Path(self.config.theme.custom_dir or self.project / "overrides")
        return Environment(
            loader=FileSystemLoader(folder),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,  # each build has its own environment
        )

    @cached_property
    def made(self) -> tuple[dict[str, bytes], dict[str, bytes]]:
        """The bytes of each download, and the files pages read in the browser (the county
        finder's), by path in the site: waited for once, when first asked."""
        try:
            made = dict(self._made.results())
        except UnprintableText as exc:  # the data check refuses such text: a bug if it comes
            raise PluginError(str(exc)) from None
        site_files = made.pop(LOOKUP_FOLDER)
        remember_documents(self.data, made)
        return made, site_files

    @cached_property
    def sizes(self) -> dict[str, str]:
        """Each download's size as shown next to its link, by path in the site."""
        return {path: human_size(len(content)) for path, content in self.made[0].items()}

    def stop(self) -> None:
        """Drop the files still being made, if the build ended without them."""
        self._made.stop()

    def _agency_downloads(self) -> list[Download]:
        """The agency lists and the lifecycle as downloads (none without agency data)."""
        if self.agencies is None:
            return []
        return agency_downloads(self.agencies) + lifecycle_downloads(self.agencies)

    def _site_files(self) -> dict[str, bytes]:
        """The county finder's files, by path in the site."""
        if self.agencies is None:
            return {}
        paths = {
            p.id: page_url(profile_uri(p), self.config.use_directory_urls)
            for p in self.agencies.profiles
        }
        owner = {g.id: p.id for p in self.agencies.profiles for g in p.agreements}
        files = lookup_files(self.agencies.records, href=lambda i: paths.get(owner.get(i, ""), ""))
        return {f"{LOOKUP_FOLDER}/{rel}": content for rel, content in files.items()}

    def render(self, template: str, **context: Any) -> Markup:
        """A partial of overrides/ as HTML that Python-Markdown leaves alone."""
        html = self.jinja.get_template(template).render(**context)
        # One unindented block element per line start keeps Python-Markdown from touching it.
        lines = [line.strip() for line in html.splitlines()]
        return Markup("\n".join(line for line in lines if line))

    def page(self, page: Page, template: str, **context: Any) -> Markup:
        """A page's content from a partial: a placeholder for Markdown, the HTML in its place
        once Markdown has run (adapter.slots)."""
        html = self.jinja.get_template(template).render(**context)
        return slots.put(self, page.file.src_uri, html, slots.CONTENT)

    def render_html(self, template: str, **context: Any) -> str:
        """A partial of overrides/ as is, for HTML that never passes through Markdown."""
        return self.jinja.get_template(template).render(**context)

    def url(self, page: Page, src_uri: str, anchor: str = "") -> str:
        """The link from ``page`` to the page or file built from ``src_uri``; fail if absent."""
        target = self.files.get_file_from_path(src_uri) if self.files else None
        if target is None:
            raise PluginError(f"{page.file.src_uri}: links to {src_uri}, which the site lacks")
        url = self._relative(target.url or ".", page.url)
        return f"{url}#{anchor}" if anchor else url

    def _relative(self, target: str, base: str) -> str:
        """``get_relative_url(target, base)``, remembered per folder: the pages of one folder
        (``base`` a folder address) link alike to anything outside their own folder."""
        if not base.endswith("/") or target.startswith(base):
            return get_relative_url(target, base)
        key = (target, base.rstrip("/").rpartition("/")[0])
        found = self._urls.get(key)
        if found is None:
            found = self._urls[key] = get_relative_url(target, base)
        return found


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """Objects made inside last the whole build (the data and its views): the garbage collector
    does not run while they are made, and leaves them alone until the build ends (each of its
    later passes then has far less to walk through)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


def _view(data: SiteData) -> Agencies | None:
    """The agency view of the data, or None when no agency list was imported."""
    return build_agencies(data) if "agencies/lists" in data.files else None


def _load(project: Path, docs: Path) -> tuple[SiteData, Agencies | None]:
    """Load and check the data and its links to pages, with the agency view made from it;
    under `mkdocs serve`, show the errors and go on with the last good data (or the last
    committed data, on the first build)."""
    try:
        data = load_site(project / "data")
        agencies = _view(data)
        errors = page_problems(docs, data, agencies)
        if errors:
            raise DataErrors(errors)
    except DataErrors as exc:
        if not _serving:
            raise PluginError(exc.report()) from None
        fallback = _last_good or _committed(project, docs)
        if fallback is None:
            raise PluginError(exc.report()) from None
        print(
            f"\n{exc.report()}\nThe site shows the last version without mistakes until they "
            "are fixed.\n",
            file=sys.stderr,
            flush=True,
        )
        return fallback, _view(fallback)
    return data, agencies


def _committed(project: Path, docs: Path) -> SiteData | None:
    """The data of the last commit, if it is valid (the first build of `mkdocs serve`)."""
    folder = Path(tempfile.mkdtemp(prefix="site287g-committed-"))
    archive = subprocess.run(
        ["git", "archive", "HEAD", "data"], cwd=project, capture_output=True, check=False
    )
    if archive.returncode != 0:
        return None
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=False)
    try:
        data = load_site(folder / "data")
    except DataErrors:
        return None
    return None if page_problems(docs, data) else data


def state(config: MkDocsConfig) -> BuildState:
    """The state of the build ``config`` belongs to (made on first use)."""
    global _current
    if _current is None or _current.config is not config:
        _current = BuildState(config)
    return _current


def finish(ok: bool) -> None:
    """Drop the state of the build that ended; keep its data if the build succeeded."""
    global _current, _last_good
    if _current is not None:
        _current.stop()  # no child process is left running
    gc.unfreeze()  # the build's data can go once unused
    if ok and _current is not None and _serving:
        _last_good = _current.data
        if _current.pages is not None:
            made = _current._made.results()
            _current.pages.keep({name: made[name] for name in _current._from_agencies})
    _current = None
