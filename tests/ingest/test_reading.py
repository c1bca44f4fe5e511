"""Reading: the list is found below title rows and on any sheet; CSVs in UTF-8 or Windows-1252;
files that are no workbook are refused in plain words, never with a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from site287g.ingest.importer import main
from site287g.ingest.read import ListError, read_list

from .conftest import PART_HEADER, RAW_XLSX, part_row, write_book, write_xlsx

NAME = "participatingAgencies03022025am.xlsx"


def _error(path: Path) -> str:
    """The one message read_list refuses the file with."""
    with pytest.raises(ListError) as info:
        read_list(path)
    return str(info.value)


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    rows = [["287(g) Participating Agencies"], ["As of 03/02/2025"], [], PART_HEADER, part_row()]
    raw = read_list(write_book(tmp_path / NAME, {"Sheet1": rows}))
    assert (raw.header_row, raw.kind, len(raw.rows)) == (4, "participating", 1)
    assert raw.rows[0][0] == 5  # spreadsheet row numbers stay those of the sheet
    assert raw.rows[0][1]["agency"] == "Harris County Sheriff's Office"


def test_the_list_may_be_on_another_sheet(tmp_path: Path) -> None:
    sheets = {"Notes": [["Exported by ICE"], ["see next sheet"]], "Agencies": [PART_HEADER]}
    sheets["Agencies"].append(part_row())
    raw = read_list(write_book(tmp_path / NAME, sheets))
    assert (raw.sheet, raw.sheet_index, len(raw.rows)) == ("Agencies", 1, 1)


def test_two_sheets_holding_a_list_are_refused(tmp_path: Path) -> None:
    both = {"A": [PART_HEADER, part_row()], "B": [PART_HEADER, part_row()]}
    assert _error(write_book(tmp_path / NAME, both)) == (
        f"{NAME}: sheets 'A', 'B' each hold a list; save the one to import as its own file"
    )


def test_a_workbook_without_the_header_says_what_it_found(tmp_path: Path) -> None:
    sheets = {"Sheet1": [["Agency", "Where"], ["X", "Y"]], "Sheet2": []}
    assert _error(write_book(tmp_path / NAME, sheets)) == (
        f"{NAME}: no ICE list found: no row among the first 20 of any sheet has the columns "
        "STATE, LAW ENFORCEMENT AGENCY and SUPPORT TYPE (sheet 'Sheet1' starts with 'AGENCY', "
        "'WHERE'; sheet 'Sheet2' is empty)"
    )


def test_a_header_only_workbook_is_read_as_a_list_without_rows(tmp_path: Path) -> None:
    raw = read_list(write_xlsx(tmp_path / NAME, PART_HEADER, []))
    assert (raw.kind, raw.rows) == ("participating", [])


def test_windows_1252_csv_is_read(tmp_path: Path) -> None:
    text = ",".join(PART_HEADER[:7]) + "\r\nTEXAS,O\u2019Brien Police Department,Municipality,"
    text += "Harris County,Task Force Model,2025-03-01,link pending\r\n"
    path = tmp_path / "participating_2025-03-02.csv"
    path.write_bytes(text.encode("cp1252"))  # the apostrophe is byte 0x92
    assert read_list(path).rows[0][1]["agency"] == "O\u2019Brien Police Department"


def test_utf8_csv_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = "\ufeff" + ",".join(PART_HEADER[:7]) + "\nTEXAS,Cañon City Police Department,"
    text += "Municipality,Harris County,Task Force Model,2025-03-01,link pending\n"
    path = tmp_path / "participating_2025-03-02.csv"
    path.write_text(text, encoding="utf-8")
    raw = read_list(path)
    assert raw.columns[0] == "state" and raw.rows[0][1]["agency"] == "Cañon City Police Department"


def test_a_csv_in_no_known_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "participating_2025-03-02.csv"
    path.write_bytes(b"STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE\nTEXAS,\xe9\x81,x\n")
    assert _error(path) == (
        "participating_2025-03-02.csv: the text is neither UTF-8 nor Windows-1252 (byte 0x81 "
        'on line 2); save it from Excel as "CSV UTF-8"'
    )


@pytest.mark.parametrize(
    "page",
    [
        b"<!DOCTYPE html>\n<html><head><title>Access Denied</title></head></html>",
        b"\r\n  <html lang='en'><body>Request blocked</body></html>",
    ],
)
def test_a_web_page_saved_as_xlsx_is_named_as_such(tmp_path: Path, page: bytes) -> None:
    path = tmp_path / NAME
    path.write_bytes(page)
    assert _error(path) == (
        f"{NAME}: this file is a web page, not a workbook: ice.gov sends one when it blocks a "
        "download; download it again in a browser"
    )


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"")
    assert _error(path) == (
        f"{NAME}: the file is empty (0 bytes): the download did not finish; download it again"
    )


def test_a_truncated_workbook_is_refused(reference, tmp_path: Path) -> None:
    whole = (RAW_XLSX / "participatingAgencies05182026am.xlsx").read_bytes()
    path = tmp_path / NAME
    path.write_bytes(whole[: len(whole) // 2])
    message = _error(path)
    assert message.startswith(
        f"{NAME}: the workbook is damaged or incomplete (the download may have been cut off; "
    )
    assert message.endswith("); download it again")


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / NAME
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert _error(path).startswith(f"{NAME}: the workbook is damaged or incomplete")


def test_an_old_xls_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert _error(path) == (
        f"{NAME}: this is an old Excel 97-2003 workbook (.xls); open it in Excel and save it "
        "as an .xlsx workbook"
    )


def test_other_bytes_named_xlsx_are_refused(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"not a zip file")
    assert _error(path) == (
        f"{NAME}: this file is not a workbook or a CSV (an .xlsx workbook is a zip archive; it "
        "starts with b'not a zip file'); download it again"
    )


@pytest.mark.parametrize(
    "content",
    [b"", b"<html></html>", b"PK\x03\x04broken", b"\xd0\xcf\x11\xe0", b"\x00\x01\x02", b"a,b\n"],
)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_no_file_gives_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, suffix: str
) -> None:
    path = tmp_path / f"participatingAgencies03022025am{suffix}"
    path.write_bytes(content)
    assert main([str(path), "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path.name}: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "data" / "agencies").exists()
