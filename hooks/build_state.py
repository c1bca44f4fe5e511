"""Make and drop the build's state (site287g.adapter.state), and say why a build failed."""

from __future__ import annotations

import logging

from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority

from site287g.adapter import state

log = logging.getLogger("mkdocs.plugins.site287g")


def on_startup(*, command: str, dirty: bool) -> None:
    """Note whether this process serves the site: `mkdocs serve` keeps the last good data."""
    state.starting(command)


@event_priority(-100)  # after every other post-build step, which may still ask for the state
def on_post_build(*, config) -> None:
    """The build succeeded: drop its state (keeping its data as the last good one)."""
    state.finish(ok=True)


def on_build_error(*, error: Exception) -> None:
    """The build failed: drop its state; name an unexpected error, which is a bug."""
    state.finish(ok=False)
    if not isinstance(error, BuildError):
        log.error(
            f"the build failed unexpectedly ({type(error).__name__}: {error}); this is a bug "
            "in the site generator: please report it with the data change that caused it"
        )
