"""End-to-end behaviour of the importer: idempotence, refusals, atomic writes, stable ids."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from site287g.ingest import load, write
from site287g.ingest.importer import main, run_import
from site287g.ingest.read import ListError

from .conftest import PART_HEADER, PEND_HEADER, RAW_XLSX, ROOT, part_row, write_xlsx


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _quiet(_: str) -> None:
    """Swallow importer output."""


def test_reimport_is_byte_identical(tmp_path: Path, small_xlsx: Path) -> None:
    data = tmp_path / "data"
    run_import(small_xlsx, data_dir=data, out=_quiet)
    first = _snapshot(data)
    diff = run_import(small_xlsx, data_dir=data, out=_quiet)
    assert diff.empty()
    assert _snapshot(data) == first
    assert len(load.current(data).history) == 1


def test_reimport_of_the_real_1843_row_workbook_is_byte_identical(
    reference, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    path = RAW_XLSX / "participatingAgencies05182026am.xlsx"
    run_import(path, data_dir=data, out=_quiet)
    first = _snapshot(data)
    run_import(path, data_dir=data, out=_quiet)
    assert _snapshot(data) == first
    assert len(load.current(data).records["participating"]) == 1843


def test_swapped_list_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pending = write_xlsx(
        tmp_path / "participatingAgencies05152025am.xlsx",
        PEND_HEADER,
        [["TEXAS", "X Police Department", "Municipality", "Y County", "Task Force Model"]],
    )
    with pytest.raises(ListError, match="holds the pending list"):
        run_import(pending, kind="participating", data_dir=tmp_path / "data", out=_quiet)
    code = main([str(pending), "--list", "participating", "--data-dir", str(tmp_path / "data")])
    assert code == 2
    err = capsys.readouterr().err
    assert "error: participatingAgencies05152025am.xlsx: --list participating was given" in err
    assert "swapped" in err
    assert not (tmp_path / "data" / "agencies").exists()


def test_interrupted_write_leaves_old_data_intact(tmp_path: Path, small_xlsx: Path) -> None:
    data = tmp_path / "data"
    run_import(small_xlsx, data_dir=data, out=_quiet)
    before = _snapshot(data)
    newer = write_xlsx(
        tmp_path / "participatingAgencies04012025am.xlsx",
        PART_HEADER,
        [part_row("Bexar County Sheriff's Office")],
    )
    calls: list[Path] = []

    def failing_writer(path: Path, text: str) -> None:
        """Write two files, then fail as a full disk would."""
        if len(calls) == 2:
            raise OSError("No space left on device")
        calls.append(path)
        write._write_text(path, text)

    with pytest.raises(OSError, match="No space"):
        run_import(newer, data_dir=data, out=_quiet, writer=failing_writer, allow={"removals"})
    assert len(calls) == 2
    assert _snapshot(data) == before
    assert sorted(p.name for p in data.iterdir()) == ["agencies", "schema"]  # no temp dir left


def test_failed_swap_restores_the_old_tree(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "data" / "agencies"
    write.replace_tree(target, {"a.yml": "old\n"})
    real_replace = write.os.replace

    def flaky(src, dst):
        """Fail only the move of the new tree into place."""
        if Path(src).name == "agencies" and Path(dst) == target:
            raise OSError("simulated crash")
        real_replace(src, dst)

    monkeypatch.setattr(write.os, "replace", flaky)
    with pytest.raises(OSError, match="simulated"):
        write.replace_tree(target, {"a.yml": "new\n"})
    assert (target / "a.yml").read_text() == "old\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["agencies", "schema"]


def test_ids_are_stable_when_other_rows_change(tmp_path: Path) -> None:
    rows = [
        part_row("Ada County Sheriff's Office", state="IDAHO"),
        part_row(),
        part_row(model="Warrant Service Officer"),
    ]
    old = write_xlsx(tmp_path / "participatingAgencies03022025am.xlsx", PART_HEADER, rows)
    data = tmp_path / "data"
    run_import(old, data_dir=data, out=_quiet)
    before = {
        r["agency"] + r["model"]: r["id"] for r in load.current(data).records["participating"]
    }
    changed = [
        part_row(model="Warrant Service Officer", county="#N/A"),  # reordered + edited
        part_row("Zavala County Sheriff's Office"),  # new
        part_row(signed=dt.datetime(2025, 4, 1)),
    ]  # Ada removed, Harris JEM re-signed
    new = write_xlsx(tmp_path / "participatingAgencies04012025am.xlsx", PART_HEADER, changed)
    d = run_import(new, data_dir=data, out=_quiet, allow={"removals"})  # 1 of 3 removed
    after = {r["agency"] + r["model"]: r["id"] for r in load.current(data).records["participating"]}
    for key in after.keys() & before.keys():
        assert after[key] == before[key]
    assert [a["id"] for a in d.added] == ["tx-zavala-county-sheriffs-office-jem"]
    assert [a["id"] for a in d.removed] == ["id-ada-county-sheriffs-office-jem"]
    assert {c["id"]: c["fields"] for c in d.changed} == {
        "tx-harris-county-sheriffs-office-jem": ["signed"],
        "tx-harris-county-sheriffs-office-wso": ["county"],
    }
    last = load.current(data).history[-1]
    assert (last["as_of"], last["edition"], len(last["added"])) == ("2025-04-01", "am", 1)


def test_dry_run_writes_nothing(tmp_path: Path, small_xlsx: Path) -> None:
    lines: list[str] = []
    run_import(small_xlsx, data_dir=tmp_path / "data", dry_run=True, out=lines.append)
    assert not (tmp_path / "data" / "agencies").exists()
    assert lines[0] == (
        "participating list as of 2025-03-02am: 3 rows read, 3 placed; 3 added, 0 removed, "
        "0 changed"
    )
    assert lines[-1] == "dry run: nothing written"


def test_an_older_list_joins_the_history_and_leaves_the_current_list(
    tmp_path: Path, small_xlsx: Path
) -> None:
    """A list found later (a backfill) is merged in its place; the current list stays."""
    data = tmp_path / "data"
    run_import(small_xlsx, data_dir=data, out=_quiet)
    current = _snapshot(data / "agencies" / "participating")
    older = write_xlsx(
        tmp_path / "participatingAgencies01022025am.xlsx",
        PART_HEADER,
        [part_row("Ada County Sheriff's Office", state="IDAHO", county="Ada County")],
    )
    lines: list[str] = []
    run_import(older, data_dir=data, out=lines.append)
    assert any("an older list than the current participating one" in line for line in lines)
    assert _snapshot(data / "agencies" / "participating") == current
    lifecycle = load.read_file(data / "agencies" / "lifecycle.yml")["participating"]
    ada = next(r for r in lifecycle if r["agency"] == "Ada County Sheriff's Office")
    assert ada["first_listed"] == "2025-01-02"


def test_pending_import_keeps_the_participating_files(tmp_path: Path, small_xlsx: Path) -> None:
    data = tmp_path / "data"
    run_import(small_xlsx, data_dir=data, out=_quiet)
    pending = write_xlsx(
        tmp_path / "pendingAgencies03032025am.xlsx",
        PEND_HEADER,
        [["TEXAS", "X Police Department", "Municipality", "#N/A", "Task Force Model"]],
    )
    run_import(pending, data_dir=data, out=_quiet)
    assert len(load.current(data).records["participating"]) == 3
    (rec,) = load.current(data).records["pending"]
    assert rec["county"] is None and "signed" not in rec and rec["flags"][0]["raw"] == "#N/A"
    assert list(load.current(data).lists) == ["participating", "pending"]
    assert set(load.current(data).quality) == {"participating", "pending"}


def test_cli_prints_accounting_and_quality(tmp_path: Path, small_xlsx: Path, capsys) -> None:
    assert main([str(small_xlsx), "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "participating list as of 2025-03-02am: 3 rows read, 3 placed; 3 added, 0 removed, "
        "0 changed\ndata-quality flags: 0 in 0 kinds\n"
    )


def test_output_is_validated_against_the_schemas_before_writing(
    tmp_path: Path, small_xlsx: Path
) -> None:
    data = tmp_path / "data"
    (data / "schema").unlink()
    shutil.copytree(ROOT / "data" / "schema", data / "schema")
    run_import(small_xlsx, data_dir=data, out=_quiet)
    assert len(load.current(data).records["participating"]) == 3
    strict = data / "schema" / "vocabulary.schema.json"
    strict.write_text(strict.read_text().replace('"TX",', ""))  # pretend TX became unknown
    newer = shutil.copy(small_xlsx, tmp_path / "participatingAgencies04012025am.xlsx")
    before = _snapshot(data / "agencies")
    with pytest.raises(ListError, match=r"participating/tx.yml:\d+: state: 'TX' is not allowed"):
        run_import(Path(newer), data_dir=data, out=_quiet)
    assert _snapshot(data / "agencies") == before


def test_unreadable_or_misnamed_files_give_one_error_line(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "participatingAgencies05182026am.xlsx"
    broken.write_bytes(b"not a zip file")
    assert main([str(broken), "--data-dir", str(tmp_path / "data")]) == 2
    assert capsys.readouterr().err.startswith(
        "error: participatingAgencies05182026am.xlsx: this file is not a workbook or a CSV"
    )
    assert main([str(tmp_path / "missing.xlsx")]) == 2
    with pytest.raises(SystemExit):
        main([str(broken), "--as-of", "18/05/2026"])
    assert "expected YYYY-MM-DD" in capsys.readouterr().err
