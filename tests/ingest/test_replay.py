"""A sample of the real archive replays: impossible names repaired, stale and empty files set
aside, every row accounted for, the same output twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site287g.ingest.load import read_file as read
from site287g.ingest.replay import check, replay

from .conftest import REFERENCE, with_schemas

ARCHIVE = REFERENCE / "archive"
SAMPLE = (
    "ParticipatingEntities-20210113002027.xlsx",
    "ParticipatingEntities-20210520205155.xlsx",
    "participatingAgencies03062025am.xlsx",
    "participatingAgencies-20250410231052.xlsx",
    "participatingAgencies04212025am.xlsx",  # the 2025-03-06 list again
    "participatingAgencies08292025pm.xlsx",
    "participatingAgencies090022025am.xlsx",  # nine digits
    "participatingAgencies09032025am.xlsx",
    "participatingAgencies08022025pm.xlsx",  # signed dates a month after its name
    "participatingAgencies01052026pm.xlsx",
    "participatingAgencies01062025pm.xlsx",  # January 2026 named 2025
    "pendingAgencies01062025pm.xlsx",  # ... and its pending list
    "pendingAgencies-20250221214937.xlsx",
    "pendingAgencies.xlsx",  # no date in the name
    "pendingAgencies11062025pm.xlsx",  # empty
    "pendingAgencies11072025pm.xlsx",
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The sample files linked into one folder, replayed into data/ beside it."""
    if not ARCHIVE.is_dir():
        pytest.skip(f"archive {ARCHIVE} is absent (it sits beside the repository)")
    root = tmp_path_factory.mktemp("sample")
    (root / "lists").mkdir()
    for name in SAMPLE:
        os.symlink(ARCHIVE / name, root / "lists" / name)
    replay([root / "lists"], with_schemas(root / "data"), out=lambda _: None)
    return root


def files(sample: Path) -> dict[str, dict]:
    """sources.yml's file entries by name."""
    return {f["file"]: f for f in read(sample / "data/agencies/sources.yml")["files"]}


def test_impossible_names_are_corrected_with_their_reason(sample: Path) -> None:
    got = files(sample)
    jan = got["participatingAgencies01062025pm.xlsx"]
    assert (jan["date"], jan["basis"]) == ("2026-01-06", "corrected")
    assert "previous year" in jan["note"]
    twin = got["pendingAgencies01062025pm.xlsx"]
    assert (twin["date"], twin["basis"]) == ("2026-01-06", "corrected")
    assert "participatingAgencies01062025pm.xlsx" in twin["note"]
    nine = got["participatingAgencies090022025am.xlsx"]
    assert (nine["date"], nine["edition"]) == ("2025-09-02", "am") and "nine digits" in nine["note"]
    aug = got["participatingAgencies08022025pm.xlsx"]
    assert (aug["basis"], aug["outcome"], aug["same_as"]) == (
        "content",
        "same",
        "participatingAgencies09032025am.xlsx",
    )
    undated = got["pendingAgencies.xlsx"]
    assert (undated["outcome"], undated["same_as"]) == (
        "same",
        "pendingAgencies-20250221214937.xlsx",
    )


def test_stale_and_empty_files_are_anomalies(sample: Path) -> None:
    got = files(sample)
    assert got["participatingAgencies04212025am.xlsx"]["outcome"] == "anomaly"
    assert got["participatingAgencies04212025am.xlsx"]["reason"].startswith("stale:")
    assert got["pendingAgencies11062025pm.xlsx"]["reason"] == "empty export: no rows"
    assert got["participatingAgencies01052026pm.xlsx"]["outcome"] == "list"


def test_every_row_of_every_file_is_accounted_for(sample: Path) -> None:
    summary = read(sample / "data/agencies/sources.yml")["summary"]
    assert summary["files"] == len(SAMPLE)
    assert summary["unaccounted_files"] == [] and summary["lists_not_matching_rows"] == []
    assert summary["rows_read"] == summary["rows_placed"] + summary["rows_rejected"] > 5000


def test_a_removal_in_the_table_era_is_dated_by_the_first_list_without_it(sample: Path) -> None:
    recs = read(sample / "data/agencies/lifecycle.yml")["participating"]
    [bristol] = [r for r in recs if r["id"] == "ma-bristol-county-sheriffs-office-jem"]
    assert bristol["status"] == "removed"
    assert bristol["episodes"][0]["removed"] == "2021-05-20"


def test_the_check_names_exactly_the_file_that_differs_from_the_replay(sample: Path) -> None:
    path = sample / "data/agencies/lifecycle.yml"
    text = path.read_text()
    path.write_text(text.replace('"status": "removed"', '"status": "active"', 1))
    try:
        problems = check([sample / "lists"], sample / "data", out=lambda _: None)
    finally:
        path.write_text(text)
    assert problems == ["agencies/lifecycle.yml differs from the replay"]
