"""Build the timelines of both lists from a set of files: date, order, classify, match."""

from __future__ import annotations

from dataclasses import dataclass, field

from .archive import RowCache, Source
from .catalogue import Listed, describe, repair_dates
from .classify import Seen, classify
from .dates import AsOf
from .stored import BASIS_RANK
from .timeline import Timeline
from .tracks import Snapshot

KINDS: tuple[str, ...] = ("participating", "pending")


@dataclass
class Built:
    """Everything a replay learnt: each file's fate, and one timeline per list."""

    files: list[Listed] = field(default_factory=list)
    timelines: dict[str, Timeline] = field(default_factory=dict)
    seen: dict[str, list[Seen]] = field(default_factory=dict)
    # The newest list of each kind and the track of each of its records.
    current: dict[str, tuple[Listed, list[int]]] = field(default_factory=dict)


def build(sources: list[Source], cache: RowCache | None = None) -> Built:
    """Read, date and classify every file, and add each new list to its timeline in order."""
    cache = cache or RowCache()
    cache.learn(s.raw for s in sources if s.raw is not None)
    out = Built(timelines={k: Timeline(k) for k in KINDS}, seen={k: [] for k in KINDS})
    out.files = [describe(s, cache) for s in sources]
    repair_dates(out.files, cache)
    dated = [f for f in out.files if f.kind and f.as_of and not f.outcome]
    dated.sort(key=lambda f: (f.as_of.sort_key(), BASIS_RANK.get(f.basis, 5), f.name))
    for f in dated:
        add(out, f)
    for f in out.files:
        if f.kind and not f.outcome:
            place_by_content(out, f)
    return out


def add(out: Built, f: Listed, accept: bool = False) -> None:
    """Classify a dated file and, if it is a new list, add it to its timeline; with ``accept``
    (an editor has let it through the importer's guards) it is no anomaly."""
    seen = out.seen[f.kind]
    f.outcome, f.list_key, f.reason = classify(f, seen)
    if accept and f.outcome == "anomaly":
        f.outcome, f.list_key, f.reason = "list", f.name, None
    if f.outcome != "list":
        return
    order = f.as_of.sort_key()
    snap = Snapshot(f.name, f.as_of.date, order, f.columns, f.placed)
    at = sum(1 for s in seen if s.order <= order)
    seen.insert(at, Seen(f.name, order, f.as_of.date, f.fingerprint, f.placed, f.max_signed))
    owners = out.timelines[f.kind].add(snap, f.norm.records)
    if at == len(seen) - 1:
        out.current[f.kind] = (f, owners)


def place_by_content(out: Built, f: Listed) -> None:
    """A file without a usable date: a republication if a known list has its content."""
    same = next((s for s in out.seen[f.kind] if s.fingerprint == f.fingerprint), None)
    if f.basis != "content":
        f.basis, f.note = "content", "no date in the file name; placed by its content"
    if same is not None:
        f.outcome, f.list_key = "same", same.key
        edition = {1: "am", 2: "mid", 3: "pm"}.get(same.order[2])
        f.as_of = AsOf(same.date, edition, same.order[1])
        return
    f.outcome = "anomaly"
    f.reason = f"{f.note}; no dated list has the same content"
