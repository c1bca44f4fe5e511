"""Generate the agency pages from data/agencies (and the old addresses of renamed agencies),
and put the tables into them."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from site287g.adapter import slots
from site287g.adapter.state import state
from site287g.views.plan import moved_pages, nav_section, plan, profile_uri
from site287g.views.search import page_url

SECTION = "Agencies"
# The template of a page whose HTML the last build made (adapter/reuse.py): renders nothing.
REUSED = "reused.html"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add one page per list, state and model, the overview and what's new."""
    agencies = state(config).agencies
    if agencies is None:
        return files  # no agency list imported yet: no agency pages
    pages = plan(agencies)
    state(config).memo["planned"] = {page.src_uri: page for page in pages}
    for page in pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(
            File.generated(config, page.src_uri, content=page.markdown(), inclusion=inclusion)
        )
    _add_to_nav(config, nav_section(pages))
    # An agency renamed since a link to its page was made: its old address leads to the new.
    taken = {page.src_uri for page in pages}
    language = state(config).data["site"]["language"]
    for old, profile in moved_pages(agencies.profiles):
        if old not in taken:
            new = page_url(profile_uri(profile), True)
            html = state(config).render_html(
                "partials/agencies/moved.html",
                target=get_relative_url(new, page_url(old, True)),
                name=f"{profile.name} ({profile.state_name})",
                language=language,
            )
            files.append(File.generated(config, _static_path(old, config), content=html))
    return files


def _static_path(src_uri: str, config: MkDocsConfig) -> str:
    """Where a page built from ``src_uri`` would be written (as MkDocs would write it)."""
    url = page_url(src_uri, config.use_directory_urls)
    return url + "index.html" if url.endswith("/") else url


def _add_to_nav(config: MkDocsConfig, section: dict) -> None:
    """Put the Agencies section into the nav after Models (or last)."""
    nav = [item for item in config.nav or [] if not (isinstance(item, dict) and SECTION in item)]
    after = next(
        (i + 1 for i, item in enumerate(nav) if isinstance(item, dict) and "Models" in item),
        len(nav),
    )
    nav.insert(after, section)
    config.nav = nav


@event_priority(-50)  # after mkdocs-macros, which sets the page its macros link from
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Call the macro a generated page names (mkdocs-macros leaves these pages alone)."""
    current = state(config)
    planned = current.memo.get("planned", {}).get(page.file.src_uri)
    if planned is None:
        return markdown
    if current.pages and current.pages.reuse(page.file.src_uri, page.file.content_string):
        page.meta["template"] = REUSED  # its HTML is the last build's (on_post_page)
        return ""
    macro = config.plugins["macros"].macros[planned.macro]
    try:
        html = macro(*planned.args)
    except ValueError as exc:  # a macro's "no such page" or "no such agency"
        raise PluginError(f"{page.file.src_uri}: {planned.call}: {exc}") from None
    return markdown.replace(f"{{{{ {planned.call} }}}}", str(html), 1)


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    """Forget tables left over from an earlier rendering of this page."""
    slots.reset(state(config), page.file.src_uri)
    return page


@event_priority(100)  # first: the hooks after it read the page's HTML
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put each page's content in place of its placeholder, once Markdown has run."""
    current = state(config)
    html = slots.fill(current, page.file.src_uri, html, slots.CONTENT)
    if current.pages and page.file.src_uri in current.memo.get("planned", {}):
        return current.pages.content(page.file.src_uri, html)
    return html


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Put each table in place of its placeholder, once search has indexed the page."""
    if page.content and "data-g287-table" in page.content:
        page.content = slots.fill(state(config), page.file.src_uri, page.content)
    return context


@event_priority(-200)  # after every other hook: the HTML as written
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Under `mkdocs serve`, give a reused page its last HTML, and note each page made."""
    current = state(config)
    if current.pages and page.file.src_uri in current.memo.get("planned", {}):
        return current.pages.output(page.file.src_uri, page.file.content_string, output)
    return output
