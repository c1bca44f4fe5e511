"""The texts of every file under data/agencies/ that a replay or an import writes."""

from __future__ import annotations

from ..data.vocab import MODELS
from . import history, jsonyaml, quality
from .archive import RowCache
from .catalogue import Listed
from .records import RECORD_KEYS
from .store import lifecycle_doc
from .summary import summary
from .timeline import Timeline

LISTS: tuple[str, ...] = ("participating", "pending")


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
        "lifecycle.yml": jsonyaml.dumps("../schema/agency_lifecycle.schema.json", records),
        "sources.yml": jsonyaml.dumps(
            "../schema/agency_sources.schema.json",
            {
                "summary": summary(files, records, timelines),
                "files": files,
                "joins": joins(records),
            },
        ),
    }
    lists = {kind: _lists(tl) for kind, tl in timelines.items()}
    out["history.yml"] = history.render_entries(history.from_lifecycle(records, lists))
    for kind, (listed, owners) in current.items():
        recs = current_records(listed, owners, ids[kind], cache)
        out.update(state_files(kind, recs))
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


def state_files(kind: str, records: list[dict]) -> dict[str, str]:
    """One <st>.yml per state: records sorted by agency, then model, one per line."""
    by_state: dict[str, list[dict]] = {}
    for rec in records:
        by_state.setdefault(rec["state"], []).append({k: rec[k] for k in RECORD_KEYS if k in rec})
    out = {}
    for state, recs in sorted(by_state.items()):
        recs.sort(key=lambda r: (r["agency"].casefold(), MODELS.index(r["model"]), r["id"]))
        out[f"{kind}/{state.lower()}.yml"] = jsonyaml.dumps(
            "../../schema/agencies.schema.json", {"list": kind, "state": state, "agreements": recs}
        )
    return out


def lists_file(current: dict[str, dict]) -> str:
    """lists.yml: date, edition, source and rows of each current list."""
    return jsonyaml.dumps(
        "../schema/agency_lists.schema.json", {k: current[k] for k in LISTS if k in current}
    )


def quality_file(sections: dict[str, dict]) -> str:
    """quality.yml: the current lists' row accounting and flagged values."""
    return jsonyaml.dumps(
        "../schema/agency_quality.schema.json", {k: sections[k] for k in LISTS if k in sections}
    )


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
