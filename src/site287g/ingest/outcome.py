"""What a refresh did: each list's result, and the exit code a workflow acts on."""

from __future__ import annotations

from dataclasses import dataclass, field

from .history import Diff

# Exit codes (docs-dev/refresh.md): a workflow acts on them.
NOTHING_NEW, IMPORTED, REFUSED, NETWORK = 0, 10, 20, 30


@dataclass
class ListResult:
    """What happened to one list: downloaded, skipped, imported, refused or failed."""

    kind: str
    state: str = "not checked"  # new, unchanged, older, imported, refused, failed
    url: str = ""
    rel: str = ""  # path under sources/ice; its last part is the name the importer records
    sha256: str = ""
    note: str = ""
    as_of: str = ""
    rows: int | None = None
    diff: Diff | None = None
    flags: int = 0
    warnings: list[str] = field(default_factory=list)
    report: list[str] = field(default_factory=list)
    guard: str | None = None
    override: str | None = None
    body: bytes = field(default=b"", repr=False)


@dataclass
class Outcome:
    """The whole run: exit code, each list's result, a page-level problem if any."""

    code: int
    page: str
    results: list[ListResult] = field(default_factory=list)
    problem: str = ""
    written: bool = False
