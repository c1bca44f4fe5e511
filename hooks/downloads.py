"""Generate the template downloads (DOCX, PDF) from data/templates as files of the site."""

from __future__ import annotations

import tempfile

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from site287g.adapter import state as build

_cache: list = [None, []]  # [the SiteData rendered, its documents]


def _documents(config: MkDocsConfig) -> list[tuple[str, str, str, bytes]]:
    """Render every template once per data change: (name, title, format, bytes)."""
    data = build.site_data(config)
    if _cache[0] is not data:
        # Imported here: the PDF library takes half a second to load, which a build stopped
        # by a data error (checked first, in on_config) need not wait for.
        from site287g.views.documents.build import build_all

        templates = {k.split("/", 1)[1]: v for k, v in data.group("templates").items()}
        facts = {name: data[name] for name in ("program", "models", "training", "signup")}
        with tempfile.TemporaryDirectory() as tmp:
            written = build_all(templates, tmp, facts)
            _cache[:] = [
                data,
                [(f.path.stem, f.title, f.format, f.path.read_bytes()) for f in written],
            ]
    return _cache[1]


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add each download as a generated file; check each template has its preview page."""
    downloads = []
    for name, title, fmt, content in _documents(config):
        uri = f"downloads/{name.replace('_', '-')}.{fmt}"
        files.append(File.generated(config, uri, content=content))
        downloads.append(build.Download(name, title, fmt, len(content), uri))
    for name in sorted({d.name for d in downloads}):
        preview = build.preview_page(name)
        if files.get_file_from_path(preview) is None:
            raise PluginError(
                f"data/templates/{name}.yml has no preview page: add docs/{preview} "
                f'containing {{{{ template_preview("{name}") }}}}'
            )
    build.remember_downloads(config, downloads)
    return files
