"""The texts of every file one import rewrites: the state files, lists, quality and history."""

from __future__ import annotations

from pathlib import Path

from . import history as hist
from . import load, quality, write
from .dates import AsOf
from .read import RawList
from .records import Normalised


def files(
    raw: RawList, norm: Normalised, as_of: AsOf, d: hist.Diff, data_dir: Path, lists: dict
) -> tuple[dict[str, str], dict]:
    """Texts of every file this import rewrites, and this list's quality section."""
    date, kind = as_of.date.isoformat(), raw.kind
    entry = hist.entry(kind, date, as_of.edition, raw.source, len(norm.records), d)
    history = hist.append(load.load_history(data_dir), entry)
    section = quality.report(norm, raw.source, date, len(raw.rows), raw.blank_rows)
    reports = {**load.load_quality(data_dir), kind: section}
    lists = {
        **lists,
        kind: {
            "as_of": date,
            "edition": as_of.edition,
            "source": raw.source,
            "rows": len(norm.records),
        },
    }
    files = write.state_files(kind, norm.records)
    files["lists.yml"] = write.with_schema(
        "../schema/agency_lists.schema.json", write.dump(in_list_order(lists))
    )
    files["quality.yml"] = write.with_schema(
        "../schema/agency_quality.schema.json", write.dump(in_list_order(reports))
    )
    files["history.yml"] = hist.render(history)
    return files, section


def in_list_order(sections: dict) -> dict:
    """Participating first, then pending, whatever order they were loaded in."""
    return {k: sections[k] for k in load.LISTS if k in sections}
