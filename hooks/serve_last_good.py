"""`mkdocs serve`: when a rebuild fails (say, a data file was saved with a mistake), keep serving
the last good site while the error stays in the terminal, until the next save fixes it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer


def _restore(backup: Path, site: Path) -> None:
    """Put the copy of the last good site back in place of a half-written one."""
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(backup, site)


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable
) -> LiveReloadServer:
    """Wrap the server's rebuild: back the site up first, restore it if the rebuild fails."""
    rebuild = server.builder
    site = Path(server.root)

    def rebuild_or_keep_last_good() -> None:
        with tempfile.TemporaryDirectory(prefix="mkdocs_last_good_") as scratch:
            backup = Path(scratch) / "site"
            shutil.copytree(site, backup)
            try:
                rebuild()
            except BaseException:
                _restore(backup, site)
                # MkDocs 1.6 holds every page request until a rebuild succeeds ("the server
                # will appear stuck"); mark the restored site as the current one instead.
                with server._epoch_cond:
                    server._wanted_epoch = server._visible_epoch
                    server._epoch_cond.notify_all()  # wake requests already waiting
                raise  # MkDocs prints the error and waits for the next change

    server.builder = rebuild_or_keep_last_good
    return server
