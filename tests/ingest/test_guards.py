"""Guards against ICE's export glitches: each refuses with nothing written, says what looks
wrong and how to override; an automated caller tells a refusal from an unreadable file."""

from __future__ import annotations

from pathlib import Path

import pytest

from site287g.ingest import load
from site287g.ingest.guards import ImportRefused
from site287g.ingest.importer import main, run_import
from site287g.ingest.read import ListError

from .conftest import PART_HEADER, PEND_HEADER, part_row, pend_row, write_csv, write_xlsx

OLD = "participatingAgencies03022025am.xlsx"
NEW = "participatingAgencies04012025am.xlsx"


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _quiet(_: str) -> None:
    """Swallow importer output."""


def _agencies(n: int, start: int = 0) -> list[list]:
    """n participating rows for distinct made-up police departments."""
    return [part_row(f"Town {i} Police Department") for i in range(start, start + n)]


def _data_with(tmp_path: Path, rows: list[list]) -> Path:
    """A data dir holding one imported participating list of these rows."""
    data = tmp_path / "data"
    run_import(write_xlsx(tmp_path / OLD, PART_HEADER, rows), data_dir=data, out=_quiet)
    return data


def _refusal(path: Path, data: Path, **kw: object) -> ImportRefused:
    """The ImportRefused of one import, after checking that data/ was left as it was."""
    before = _snapshot(data) if data.exists() else None
    with pytest.raises(ImportRefused) as info:
        run_import(path, data_dir=data, out=_quiet, **kw)
    assert (_snapshot(data) if data.exists() else None) == before
    return info.value


def test_header_only_list_is_refused_and_data_stays_byte_identical(tmp_path: Path) -> None:
    data = _data_with(tmp_path, _agencies(3))
    err = _refusal(write_xlsx(tmp_path / NEW, PART_HEADER, []), data)
    assert str(err) == (
        f"{NEW}: refused, nothing written: this list looks wrong:\n"
        "  - the list has no rows (only a header): ICE's export sometimes comes out empty\n"
        "  - it would remove 3 of the 3 current participating agreements (100%); a "
        "participating list is refused when it loses more than 10%: the export may be cut off "
        "or an old list served again\n"
        "Check the file against ice.gov. If it is right, import it anyway with "
        "--allow empty,removals (make import FILE=... ALLOW=empty,removals)"
    )
    assert (err.guard, err.guards) == ("empty", ("empty", "removals"))
    assert (err.option, err.make) == ("--allow empty,removals", "ALLOW=empty,removals")
    assert isinstance(err, ListError)


def test_a_first_import_of_an_empty_list_is_refused_too(tmp_path: Path) -> None:
    err = _refusal(write_xlsx(tmp_path / NEW, PART_HEADER, []), tmp_path / "data")
    assert err.guards == ("empty",)
    assert not (tmp_path / "data" / "agencies").exists()


def test_removing_more_than_a_tenth_is_refused(tmp_path: Path) -> None:
    data = _data_with(tmp_path, _agencies(20))
    err = _refusal(write_xlsx(tmp_path / NEW, PART_HEADER, _agencies(17, start=3)), data)
    assert err.guards == ("removals",)
    assert "it would remove 3 of the 20 current participating agreements (15%)" in str(err)


def test_removing_a_tenth_passes(tmp_path: Path) -> None:
    data = _data_with(tmp_path, _agencies(20))
    d = run_import(
        write_xlsx(tmp_path / NEW, PART_HEADER, _agencies(18, 2)), data_dir=data, out=_quiet
    )
    assert len(d.removed) == 2


def test_allowed_removals_are_written(tmp_path: Path) -> None:
    data = _data_with(tmp_path, _agencies(20))
    new = write_xlsx(tmp_path / NEW, PART_HEADER, _agencies(5))
    run_import(new, data_dir=data, out=_quiet, allow={"removals"})
    assert len(load.current(data).records["participating"]) == 5
    assert load.current(data).lists["participating"]["source"] == NEW


def test_exactly_1000_rows_when_the_current_list_is_longer_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = write_csv(tmp_path / "participating_2025-09-08pm.csv", PART_HEADER[:7], _agencies(1005))
    run_import(old, data_dir=data, out=_quiet)
    cut = write_csv(tmp_path / "participating_2025-09-09pm.csv", PART_HEADER[:7], _agencies(1000))
    err = _refusal(cut, data)
    assert err.guards == ("cut-off",)
    assert (
        "  - the list has exactly 1,000 rows while the current one has 1,005: ICE's export may "
        "have stopped at 1,000\n"
    ) in str(err)


def test_exactly_1000_rows_after_a_shorter_list_only_warns(tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = write_csv(tmp_path / "participating_2025-09-08pm.csv", PART_HEADER[:7], _agencies(998))
    run_import(old, data_dir=data, out=_quiet)
    lines: list[str] = []
    new = write_csv(tmp_path / "participating_2025-09-09pm.csv", PART_HEADER[:7], _agencies(1000))
    run_import(new, data_dir=data, out=lines.append)
    assert "WARNING: exactly 1000 rows; ICE's export may have been cut off at 1000" in lines


def test_a_pending_list_may_turn_over_completely(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = [pend_row(f"Town {i} Police Department") for i in range(12)]
    run_import(
        write_xlsx(tmp_path / "pendingAgencies05152025am.xlsx", PEND_HEADER, first),
        data_dir=data,
        out=_quiet,
    )
    signed = [pend_row(f"Village {i} Police Department") for i in range(4)]
    new = write_xlsx(tmp_path / "pendingAgencies05162025am.xlsx", PEND_HEADER, signed)
    d = run_import(new, data_dir=data, out=_quiet)
    assert (len(d.removed), len(d.added)) == (12, 4)


def test_the_command_line_exits_3_for_a_refusal_and_takes_allow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data_with(tmp_path, _agencies(3))
    empty = write_xlsx(tmp_path / NEW, PART_HEADER, [])
    assert main([str(empty), "--data-dir", str(data)]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"error: {NEW}: refused, nothing written: this list looks wrong:\n")
    assert (
        main([str(empty), "--data-dir", str(data), "--allow", "empty", "--allow", "removals"]) == 0
    )
    assert load.current(data).records["participating"] == []
    with pytest.raises(SystemExit):
        main([str(empty), "--allow", "everything"])
    assert "unknown guard everything; the guards are unplaced, empty, removals, cut-off" in (
        capsys.readouterr().err
    )


def test_an_empty_pending_list_is_recorded_as_an_anomaly(tmp_path: Path) -> None:
    """ICE published seven empty pending lists in November 2025, each followed by a full one:
    an empty list is kept in the report as an anomaly and changes no request."""
    data = tmp_path / "data"
    first = write_xlsx(tmp_path / "pendingAgencies11062025am.xlsx", PEND_HEADER, [pend_row()])
    run_import(first, data_dir=data, out=_quiet)
    lines: list[str] = []
    empty = write_xlsx(tmp_path / "pendingAgencies11062025pm.xlsx", PEND_HEADER, [])
    run_import(empty, data_dir=data, out=lines.append)
    assert len(load.current(data).records["pending"]) == 1
    assert "recorded as an anomaly, no agreement changes: empty export: no rows" in lines
    assert (
        "WARNING: the pending list has no rows; ICE has published it empty before (November "
        "2025), but check it on ice.gov"
    ) in lines
