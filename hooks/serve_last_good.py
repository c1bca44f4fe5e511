"""`mkdocs serve`: when a rebuild fails, keep serving the last good site and say why, until
the next save fixes it. (Mistakes in data/ never fail a rebuild: the build state goes on with
the last good data and prints the mistakes; this covers every other failure.)"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.site287g")


def _snapshot(site: Path, into: Path) -> None:
    """A copy of the built site made of hard links: instant, and untouched by the next build,
    which deletes the old files before it writes new ones."""
    shutil.copytree(site, into, copy_function=os.link)


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable
) -> LiveReloadServer:
    """Wrap the server's rebuild: on failure, put the last good site back and carry on."""
    rebuild = server.builder
    site = Path(config.site_dir)

    def rebuild_or_keep_last_good() -> None:
        with tempfile.TemporaryDirectory(prefix="site287g-last-good-") as scratch:
            backup = Path(scratch) / "site"
            _snapshot(site, backup)
            try:
                rebuild()
            except Exception as exc:  # noqa: BLE001 - any failure: show it, keep the old site
                shutil.rmtree(site, ignore_errors=True)
                shutil.copytree(backup, site, copy_function=os.link)
                log.error(
                    f"The rebuild failed ({exc}); still showing the last good site. Fix the "
                    "problem and save again."
                )

    server.builder = rebuild_or_keep_last_good
    return server
