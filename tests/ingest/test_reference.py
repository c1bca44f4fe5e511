"""Every reference list imports with exact row accounting; shipped data equals the newest list."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from site287g.data import load_site
from site287g.data.schema import validate
from site287g.data.vocab import MODELS
from site287g.data.yamlfile import load_data
from site287g.ingest import load
from site287g.ingest.read import read_list
from site287g.ingest.records import normalise

from .conftest import RAW_XLSX, REFERENCE, ROOT, SNAPSHOTS

ARCHIVE = REFERENCE / "archive"

DATA = ROOT / "data"
FILES = sorted(SNAPSHOTS.glob("*.csv")) + sorted(RAW_XLSX.glob("*.xlsx"))

# SOURCES.md "Counts over time": rows, JEM / TFM / WSO, states (after trimming).
COUNTS = {
    "participating_2021-01-13_wayback.csv": (150, 74, 0, 76, 26),
    "participating_2022-01-04_wayback.csv": (142, 66, 0, 76, 24),
    "participating_2023-01-02_wayback.csv": (140, 64, 0, 76, 24),
    "participating_2024-01-02_wayback.csv": (137, 62, 0, 75, 23),
    "participating_2025-01-19_wayback.csv": (135, 60, 0, 75, 21),
    "participating_2025-02-21.csv": (151, 60, 11, 80, 22),
    "participating_2025-04-10.csv": (444, 86, 178, 180, 38),
    "participating_2025-05-16am.csv": (571, 91, 275, 205, 40),
    "participating_2025-07-18pm.csv": (832, 117, 415, 300, 40),
    "participating_2025-10-01am.csv": (1035, 133, 521, 381, 41),
    "participating_2025-12-31am.csv": (1274, 145, 684, 445, 40),
    "participating_2026-05-14am.csv": (1832, 181, 1151, 500, 41),
    "participating_2026-05-18am.csv": (1843, 182, 1162, 499, 40),
    "participatingAgencies05182026am.xlsx": (1843, 182, 1162, 499, 40),
}


def _csv_data_rows(path: Path) -> int:
    """Non-empty data rows of a CSV, counted independently of the importer."""
    with path.open(newline="", encoding="utf-8") as fh:
        return sum(1 for row in list(csv.reader(fh))[1:] if any(c.strip() for c in row))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_reference_file_imports_with_exact_accounting(reference, path: Path) -> None:
    raw = read_list(path)
    norm = normalise(raw, latest_year=2027)
    assert len(raw.rows) == len(norm.records) + len(norm.rejected)
    assert norm.rejected == []
    if path.suffix == ".csv":
        assert len(raw.rows) == _csv_data_rows(path)
    assert raw.kind == ("participating" if "articipating" in path.name else "pending")
    if path.name in COUNTS:
        rows, jem, tfm, wso, states = COUNTS[path.name]
        models = Counter(r["model"] for r in norm.records)
        assert (len(norm.records), models["jem"], models["tfm"], models["wso"]) == (
            rows,
            jem,
            tfm,
            wso,
        )
        assert len({r["state"] for r in norm.records}) == states
    assert len({r["id"] for r in norm.records}) == len(norm.records)


def test_xlsx_hyperlinks_match_the_csv_url_columns(reference) -> None:
    from_xlsx = normalise(read_list(RAW_XLSX / "participatingAgencies05182026am.xlsx"), 2027)
    from_csv = normalise(read_list(SNAPSHOTS / "participating_2026-05-18am.csv"), 2027)
    assert from_xlsx.records == from_csv.records


def test_shipped_default_data_equals_newest_lists_row_for_row(reference) -> None:
    """The shipped lists are ICE's newest lists of the archive, row for row."""
    lists = load.current(DATA).lists
    newest = {"participating": "participatingAgencies05182026am.xlsx",
              "pending": "pendingAgencies02132026am.xlsx"}  # fmt: skip
    assert lists["participating"]["rows"] == 1843
    for kind, name in newest.items():
        assert lists[kind]["source"] == name
        expected = normalise(read_list(ARCHIVE / name), 2027).records
        shipped = {r["id"]: r for r in load.current(DATA).records[kind]}
        assert len(shipped) == len(expected) == lists[kind]["rows"]
        for rec in expected:
            assert shipped[rec["id"]] == rec


def test_shipped_history_runs_from_2021_to_2026(reference) -> None:
    history = load.current(DATA).history
    part = [h for h in history if h["list"] == "participating"]
    assert part[0]["as_of"] == "2021-01-13" and part[0]["rows"] == 150
    assert part[-1]["as_of"] == "2026-05-18" and part[-1]["rows"] == 1843
    assert [h["as_of"] for h in part] == sorted(h["as_of"] for h in part)


def test_shipped_agency_files_pass_the_data_check() -> None:
    """The data layer accepts every shipped agency file, and each names its schema."""
    data = load_site(DATA, parts=("agencies/",))
    assert {r["model"] for f in data.group("agencies/participating").values()
            for r in f["agreements"]} == set(MODELS)  # fmt: skip
    for path in sorted((DATA / "agencies").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=") and ".schema.json" in first


def test_schema_rejects_unknown_keys_and_values() -> None:
    """A misspelt key, an unknown model and a missing signing date are each reported."""
    good = load_data(DATA / "agencies" / "participating" / "tx.yml")
    bad = json.loads(json.dumps(good))
    bad["agreements"][0]["modle"] = "jem"
    bad["agreements"][1]["model"] = "xyz"
    del bad["agreements"][2]["signed"]
    problems = validate(bad, DATA / "schema", "agencies", "data/agencies/participating/tx.yml")
    assert len(problems) == 3, problems
