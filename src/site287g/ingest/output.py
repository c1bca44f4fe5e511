"""The texts of every file under data/agencies/ that a replay or an import writes."""

from __future__ import annotations

from ..data.store import document
from . import history, quality, write
from .archive import RowCache
from .catalogue import Listed
from .stored import lifecycle_doc
from .timeline import Timeline
from .totals import summary


def render(
    timelines: dict[str, Timeline],
    files: list[dict],
    current: dict[str, tuple[Listed, list[int]]],
    cache: RowCache,
) -> dict[str, str]:
    """lifecycle.yml, sources.yml, history.yml, and for each kind in ``current`` (its newest
    list and the track of each of its records) the state files, lists.yml and quality.yml."""
    records, ids = lifecycle_doc(timelines)
    out = {
        "lifecycle.yml": document("../schema/agency_lifecycle.schema.json", records, expand=2),
        "sources.yml": document(
            "../schema/agency_sources.schema.json",
            {
                "summary": summary(files, records, timelines),
                "files": files,
                "joins": joins(records),
            },
            expand=2,
        ),
    }
    lists = {kind: _lists(tl) for kind, tl in timelines.items()}
    out["history.yml"] = write.history_file(history.from_lifecycle(records, lists))
    for kind, (listed, owners) in current.items():
        recs = current_records(listed, owners, ids[kind], cache)
        out.update(write.state_files(kind, recs))
    return out


def current_records(
    listed: Listed, owners: list[int], ids: dict[int, str], cache: RowCache
) -> list[dict]:
    """The newest list's records as records.normalise gives them, with the agreements' ids."""
    norm = cache.normalise(listed.source.raw, listed.as_of.date.year + 1)
    for rec, tid in zip(norm.records, owners, strict=True):
        rec["id"] = ids[tid]
    listed.norm = norm
    return norm.records


def current_sections(listed: Listed) -> tuple[dict, dict]:
    """The lists.yml and quality.yml sections of a current list (after current_records)."""
    norm = listed.norm
    info = {
        "as_of": listed.as_of.date.isoformat(),
        "edition": listed.as_of.edition,
        "source": listed.name,
        "rows": len(norm.records),
    }
    section = quality.report(norm, listed.name, info["as_of"], listed.rows_read, listed.blank)
    return info, section


def joins(records: dict[str, list[dict]]) -> list[dict]:
    """Every identity joined by a fuzzy rule, for review: which spelling became which."""
    out = []
    for kind, recs in records.items():
        for rec in recs:
            for j in rec["joins"]:
                out.append(
                    {
                        "list": kind,
                        "id": rec["id"],
                        **j,
                        "now": {"state": rec["state"], "agency": rec["agency"]},
                    }
                )
    return sorted(out, key=lambda j: (j["list"], j["date"], j["id"]))


def _lists(tl: Timeline) -> list[dict]:
    """The accepted lists of a timeline as history.from_lifecycle wants them."""
    return [
        {
            "file": s.key,
            "date": s.date.isoformat(),
            "edition": _edition(s.order),
            "rows_placed": s.rows,
            "_order": s.order,
        }
        for s in tl.snapshots
    ]


def _edition(order: tuple) -> str | None:
    """The edition a sort key stands for."""
    return {1: "am", 2: "mid", 3: "pm"}.get(order[2])
