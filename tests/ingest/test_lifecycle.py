"""Lifecycle rules on small made-up histories: each list is a CSV named by its date."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from site287g.ingest.load import read_file as read
from site287g.ingest.merge import merge_list
from site287g.ingest.replay import main, replay
from site287g.ingest.write import replace_tree

from .conftest import PART_HEADER, PEND_HEADER, ROOT, part_row, with_schemas, write_csv

START = dt.date(2025, 6, 2)


def row(agency: str, *, signed: dt.date = dt.date(2025, 5, 1), moa: str = "", **kw) -> list:
    """A participating row; moa is the hyperlink column's URL (CSV: MOA_URL)."""
    return [*part_row(agency, signed=signed, moa="link" if moa else "link pending", **kw), moa]


HARRIS = row("Harris County Sheriff's Office", moa="https://www.ice.gov/doclib/287gMOA/h.pdf")
ADA = row("Ada County Sheriff's Office", state="IDAHO", county="Ada County")
CAMP = row("Camp Hill Police Department", state="ALABAMA", county="Tallapoosa County")


def filler(n: int) -> list:
    """A row only list n has, so that consecutive lists differ (equal ones are one list)."""
    return row(f"Town {n} Police Department", state="GEORGIA", county="Cobb County")


def write_lists(folder: Path, lists: dict[int, list[list]], kind: str = "participating") -> Path:
    """One CSV per list, named participating_<START + day>am.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    header = [*PART_HEADER, "MOA_URL"] if kind == "participating" else PEND_HEADER
    for day, rows in lists.items():
        name = f"{kind}_{(START + dt.timedelta(days=day)).isoformat()}am.csv"
        write_csv(folder / name, header, rows)
    return folder


def distinct(lists: dict[int, list[list]]) -> dict[int, list[list]]:
    """The lists, each with its own filler row."""
    return {n: [*rows, filler(n)] for n, rows in lists.items()}


def run(tmp: Path, lists: dict[int, list[list]], pending: dict | None = None) -> dict:
    """Replay the lists into tmp/data and return lifecycle.yml by list and id."""
    folder = write_lists(tmp / "lists", lists)
    if pending:
        write_lists(folder, pending, "pending")
    data = tmp / "data"
    replay([folder], data, out=lambda _: None)
    doc = read(data / "agencies" / "lifecycle.yml")
    return {kind: {r["id"]: r for r in recs} for kind, recs in doc.items()}


def day(n: int) -> str:
    """The ISO date of list day n."""
    return (START + dt.timedelta(days=n)).isoformat()


def test_an_absence_shorter_than_the_rule_is_missing_not_removed(tmp_path: Path) -> None:
    lists = distinct({0: [HARRIS, ADA], 1: [ADA], 2: [ADA], 20: [HARRIS, ADA]})  # 2 lists, 1 day
    rec = run(tmp_path, lists)["participating"]["tx-harris-county-sheriffs-office-jem"]
    assert rec["status"] == "active"
    assert len(rec["episodes"]) == 1 and rec["episodes"][0]["removed"] is None
    assert [(m["from"], m["to"], m["lists"]) for m in rec["missing"]] == [(day(1), day(2), 2)]


def test_three_lists_over_fourteen_days_are_a_removal(tmp_path: Path) -> None:
    lists = distinct({0: [HARRIS, ADA], 1: [ADA], 8: [ADA], 15: [ADA]})
    rec = run(tmp_path, lists)["participating"]["tx-harris-county-sheriffs-office-jem"]
    assert rec["status"] == "removed"
    assert rec["episodes"] == [
        {
            "listed": day(0),
            "listed_file": f"participating_{day(0)}am.csv",
            "last": day(0),
            "last_file": f"participating_{day(0)}am.csv",
            "removed": day(1),
            "removed_file": f"participating_{day(1)}am.csv",
        }
    ]
    assert rec["missing"] == []


def test_many_lists_within_fourteen_days_are_no_removal(tmp_path: Path) -> None:
    lists = distinct({0: [HARRIS, ADA], 1: [ADA], 2: [ADA], 3: [ADA], 4: [ADA], 13: [ADA]})
    rec = run(tmp_path, lists)["participating"]["tx-harris-county-sheriffs-office-jem"]
    assert rec["status"] == "missing"
    assert rec["missing"][0]["to"] is None and rec["missing"][0]["lists"] == 5


def test_an_agreement_listed_again_after_a_removal_has_two_episodes(tmp_path: Path) -> None:
    lists = distinct({0: [HARRIS, ADA], 1: [ADA], 8: [ADA], 15: [ADA], 30: [HARRIS, ADA]})
    rec = run(tmp_path, lists)["participating"]["tx-harris-county-sheriffs-office-jem"]
    assert rec["status"] == "active"
    assert [(e["listed"], e["last"], e["removed"]) for e in rec["episodes"]] == [
        (day(0), day(0), day(1)),
        (day(30), None, None),
    ]


def test_a_rename_is_a_change_not_a_removal_and_an_addition(tmp_path: Path) -> None:
    renamed = row("Harris County Sherrif Office", moa="https://www.ice.gov/doclib/287gMOA/h.pdf")
    lists = {0: [HARRIS, ADA], 20: [renamed, ADA], 40: [renamed, ADA]}
    recs = run(tmp_path, lists)["participating"]
    assert len(recs) == 2
    rec = recs["tx-harris-county-sherrif-office-jem"]
    assert rec["status"] == "active" and len(rec["episodes"]) == 1
    assert rec["former_ids"] == ["tx-harris-county-sheriffs-office-jem"]
    [change] = [c for c in rec["changes"] if c["field"] == "agency"]
    assert (change["date"], change["from"], change["to"]) == (
        day(20),
        "Harris County Sheriff's Office",
        "Harris County Sherrif Office",
    )
    assert rec["joins"][0]["rule"] == "same_moa"


def test_spelling_variants_are_one_agreement_without_a_fuzzy_join(tmp_path: Path) -> None:
    variant = row("HARRIS CO. SHERIFFS OFFICE ", moa="https://www.ice.gov/doclib/287gMOA/h.pdf")
    recs = run(tmp_path, {0: [HARRIS], 20: [variant]})["participating"]
    [rec] = recs.values()
    assert rec["joins"] == [] and rec["agency"] == "HARRIS CO. SHERIFFS OFFICE"


def test_moa_link_change_is_dated_by_the_first_list_showing_it(tmp_path: Path) -> None:
    new_link = row("Harris County Sheriff's Office", moa="https://www.ice.gov/doclib/287gMOA/n.pdf")
    lists = {0: [HARRIS], 10: [HARRIS], 20: [new_link], 30: [new_link]}
    rec = run(tmp_path, lists)["participating"]["tx-harris-county-sheriffs-office-jem"]
    [change] = rec["changes"]
    assert (change["field"], change["date"], change.get("brief")) == ("moa", day(20), None)


def test_a_change_undone_at_once_is_kept_as_brief(tmp_path: Path) -> None:
    other = row("Harris County Sheriff's Office", moa="https://www.ice.gov/doclib/287gMOA/x.pdf")
    lists = {0: [HARRIS], 10: [other], 11: [HARRIS], 30: [HARRIS]}
    rec = run(tmp_path, lists)["participating"]["tx-harris-county-sheriffs-office-jem"]
    assert [c.get("brief") for c in rec["changes"]] == [True, True]


def test_a_pending_request_that_becomes_an_agreement_is_linked(tmp_path: Path) -> None:
    request = [
        "TEXAS",
        "Harris County Sheriff's Office",
        "County",
        "Harris County",
        "Jail Enforcement Model",
    ]
    recs = run(tmp_path, {20: [HARRIS], 40: [HARRIS]}, pending={0: [request], 10: [request]})
    [req] = recs["pending"].values()
    assert req["status"] == "signed"
    assert req["signed_as"] == "tx-harris-county-sheriffs-office-jem"
    assert recs["participating"][req["signed_as"]]["pending"] == req["id"]


def test_a_misnamed_january_list_gets_its_year_corrected(tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    late = [row(f"Agency {i} Police Department", signed=dt.date(2025, 12, 20)) for i in range(6)]
    header = [*PART_HEADER, "MOA_URL"]
    write_csv(folder / "participating_2025-12-30am.csv", header, [ADA])
    shutil.copy(
        write_csv(tmp_path / "x.csv", header, [ADA, *late]),
        folder / "participatingAgencies01052025pm.csv",
    )
    replay([folder], tmp_path / "data", out=lambda _: None)
    files = {f["file"]: f for f in read(tmp_path / "data/agencies/sources.yml")["files"]}
    fixed = files["participatingAgencies01052025pm.csv"]
    assert (fixed["date"], fixed["basis"], fixed["outcome"]) == ("2026-01-05", "corrected", "list")
    assert "previous year" in fixed["note"]
    lifecycle = read(tmp_path / "data/agencies/lifecycle.yml")["participating"]
    first = {r["agency"]: r["first_listed"] for r in lifecycle}
    assert first["Agency 0 Police Department"] == "2026-01-05"


def test_a_stale_republication_changes_no_lifecycle(tmp_path: Path) -> None:
    new = row("Camp Hill Police Department", state="ALABAMA", signed=dt.date(2025, 6, 25))
    lists = {0: [HARRIS, ADA], 30: [HARRIS, ADA, new], 31: [HARRIS, ADA], 40: [HARRIS, ADA, new]}
    recs = run(tmp_path, lists)["participating"]
    assert recs["al-camp-hill-police-department-jem"]["missing"] == []
    files = read(tmp_path / "data/agencies/sources.yml")["files"]
    [stale] = [f for f in files if f["outcome"] == "anomaly"]
    assert stale["file"] == f"participating_{day(31)}am.csv" and "stale" in stale["reason"]


def test_an_empty_export_is_an_anomaly_and_every_row_is_accounted(tmp_path: Path) -> None:
    recs = run(tmp_path, {0: [HARRIS, ADA], 5: [], 10: [HARRIS, ADA]})["participating"]
    assert all(r["missing"] == [] for r in recs.values())
    doc = read(tmp_path / "data/agencies/sources.yml")
    assert [f["reason"] for f in doc["files"] if f["outcome"] == "anomaly"] == [
        "empty export: no rows"
    ]
    assert doc["summary"]["rows_read"] == doc["summary"]["rows_placed"] == 4


def test_backfill_in_the_middle_equals_the_replay_and_keeps_the_current_list(
    tmp_path: Path,
) -> None:
    lists = {0: [HARRIS, ADA], 10: [ADA], 20: [HARRIS, ADA, CAMP], 30: [HARRIS, CAMP]}
    full = write_lists(tmp_path / "all", lists)
    replay([full], with_schemas(tmp_path / "full"), out=lambda _: None)
    part = tmp_path / "part"
    shutil.copytree(full, part)
    (part / f"participating_{day(10)}am.csv").unlink()
    replay([part], with_schemas(tmp_path / "inc"), out=lambda _: None)
    before = _texts(with_schemas(tmp_path / "inc") / "agencies")
    merged = merge_list(full / f"participating_{day(10)}am.csv", with_schemas(tmp_path / "inc"))
    assert merged.backfill and merged.outcome == "list"
    assert not any(k.startswith("participating/") for k in merged.files)
    replace_tree(
        with_schemas(tmp_path / "inc") / "agencies", merged.files, drop_dirs=merged.drop_dirs
    )
    after, expected = (
        _texts(with_schemas(tmp_path / "inc") / "agencies"),
        _texts(with_schemas(tmp_path / "full") / "agencies"),
    )
    assert after == expected
    assert after["participating/tx.yml"] == before["participating/tx.yml"]


def test_importing_the_next_list_equals_the_replay(tmp_path: Path) -> None:
    lists = {0: [HARRIS, ADA], 10: [ADA, CAMP], 20: [HARRIS, ADA, CAMP]}
    full = write_lists(tmp_path / "all", lists)
    replay([full], with_schemas(tmp_path / "full"), out=lambda _: None)
    part = tmp_path / "part"
    shutil.copytree(full, part)
    (part / f"participating_{day(20)}am.csv").unlink()
    replay([part], with_schemas(tmp_path / "inc"), out=lambda _: None)
    merged = merge_list(full / f"participating_{day(20)}am.csv", with_schemas(tmp_path / "inc"))
    assert not merged.backfill and merged.drop_dirs == ["participating"]
    replace_tree(
        with_schemas(tmp_path / "inc") / "agencies", merged.files, drop_dirs=merged.drop_dirs
    )
    assert _texts(with_schemas(tmp_path / "inc") / "agencies") == _texts(
        with_schemas(tmp_path / "full") / "agencies"
    )


def test_replaying_twice_gives_byte_identical_files(tmp_path: Path) -> None:
    folder = write_lists(tmp_path / "lists", {0: [HARRIS, ADA], 20: [ADA, CAMP]})
    replay([folder], with_schemas(tmp_path / "a"), out=lambda _: None)
    replay([folder], with_schemas(tmp_path / "b"), out=lambda _: None)
    replay([folder], with_schemas(tmp_path / "a"), out=lambda _: None)
    assert _texts(with_schemas(tmp_path / "a") / "agencies") == _texts(
        with_schemas(tmp_path / "b") / "agencies"
    )


def test_the_check_command_fails_when_the_data_is_not_the_replay(tmp_path: Path, capsys) -> None:
    folder = write_lists(tmp_path / "lists", {0: [HARRIS, ADA], 20: [ADA, CAMP]})
    args = [str(folder), "--data-dir", str(tmp_path / "data"), "--check"]
    assert main(args) == 1 and "lifecycle.yml is missing" in capsys.readouterr().err
    replay([folder], tmp_path / "data", out=lambda _: None)
    assert main(args) == 0


@pytest.mark.parametrize("name", ["agency_lifecycle", "agency_sources"])
def test_replayed_files_validate_against_the_new_schemas(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"  # with the project's schemas (conftest)
    folder = write_lists(tmp_path / "lists", {0: [HARRIS, ADA], 20: [ADA, CAMP]})
    replay([folder], data, out=lambda _: None)  # raises if a file breaks its schema
    assert (ROOT / "data" / "schema" / f"{name}.schema.json").exists()


def _texts(folder: Path) -> dict[str, str]:
    """Every .yml file under a folder by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*.yml"))}
