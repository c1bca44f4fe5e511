"""`mkdocs serve`: when a rebuild fails, keep serving the last good site and say why, until
the next save fixes it. (Mistakes in data/ never fail a rebuild: the build state goes on with
the last good data and prints the mistakes; this covers every other failure.)"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.site287g")


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable
) -> LiveReloadServer:
    """Wrap the server's rebuild: on failure, put the last good site back and carry on."""
    rebuild = server.builder
    site = Path(config.site_dir)

    def rebuild_or_keep_last_good() -> None:
        # The last good site is set aside by a rename (instant, on the same file system); the
        # build writes a new one in its place.
        aside = Path(tempfile.mkdtemp(prefix="site287g-last-good-", dir=site.parent))
        backup = aside / "site"
        site.rename(backup)
        try:
            rebuild()
        except Exception as exc:  # noqa: BLE001 - any failure: show it, keep the old site
            shutil.rmtree(site, ignore_errors=True)
            backup.rename(site)
            shutil.rmtree(aside, ignore_errors=True)
            log.error(
                f"The rebuild failed ({exc}); still showing the last good site. Fix the "
                "problem and save again."
            )
        else:  # the old site goes while the browser reloads the new one (and before the
            # server exits: the temporary folder may be in memory)
            threading.Thread(target=shutil.rmtree, args=(aside, True)).start()

    server.builder = rebuild_or_keep_last_good
    return server
