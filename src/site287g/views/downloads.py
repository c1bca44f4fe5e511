"""The agency lists as CSV, JSON and XLSX, built from the same records as the pages.

The CSV and XLSX use ICE's column names and wording (STATE, LAW ENFORCEMENT AGENCY, ...,
MOA_URL), so that `make import` reads a download back into exactly the same agreements.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Iterable
from typing import Any

from ..data.vocab import ICE_COLUMNS, LISTS, RECORD_KEYS, STATE_NAMES, SUPPORT_TYPES, TYPE_NAMES
from .agencies import Agencies
from .files import FOLDER, Download

# ICE's columns, in ICE's order; the pending list has no SIGNED column.
COLUMNS: dict[str, tuple[str, ...]] = {
    kind: tuple(c for c in ICE_COLUMNS if kind == "participating" or c != "SIGNED")
    for kind in LISTS
}


def ice_row(rec: dict[str, Any], kind: str) -> list[str]:
    """One agreement in ICE's columns and wording."""
    moa = "link" if rec.get("moa") else "link pending" if rec.get("moa_pending") else ""
    values = {
        "STATE": STATE_NAMES.get(rec["state"], rec["state"]).upper(),
        "LAW ENFORCEMENT AGENCY": rec["agency"],
        "TYPE": TYPE_NAMES.get(rec.get("type") or "", ""),
        "COUNTY": rec.get("county") or "",
        "SUPPORT TYPE": SUPPORT_TYPES[rec["model"]],
        "SIGNED": rec.get("signed") or "",
        "MOA": moa,
        "ADDENDUM": "link" if rec.get("addendum") else "",
        "MOA_URL": rec.get("moa") or "",
        "ADDENDUM_URL": rec.get("addendum") or "",
    }
    return [values[c] for c in COLUMNS[kind]]


def to_csv(rows: list[list[str]], kind: str) -> bytes:
    """UTF-8 CSV of ice_row() rows (with a BOM so spreadsheets read the accents right)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS[kind])
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(records: list[dict[str, Any]], kind: str, info: dict[str, Any]) -> bytes:
    """Every agreement with every field (flags included), plus the list's date and source.

    One agreement per line: readable, and json's fast C encoder (indent= would disable it).
    """
    keys = [k for k in RECORD_KEYS if k != "signed" or kind == "participating"]
    head = {
        "list": kind,
        "as_of": info.get("as_of"),
        "edition": info.get("edition"),
        "source": info.get("source"),
        "count": len(records),
    }
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "agreements": [']
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for i, rec in enumerate(records):
        full = {k: rec.get(k) for k in keys}
        full["moa_pending"] = bool(full["moa_pending"])
        full["flags"] = full["flags"] or []
        lines.append(dumps(full) + ("," if i + 1 < len(records) else ""))
    lines.append("]}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_xlsx(rows: list[list[str]], kind: str, info: dict[str, Any]) -> bytes:
    """One sheet in ICE's columns; fixed document properties so each build is byte-identical."""
    import xlsxwriter  # imported here: only the build needs it

    buffer = io.BytesIO()
    # strings_to_urls off: a sheet holds at most 65,530 links, and the URLs have their columns.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False})
    day = dt.date.fromisoformat(info["as_of"]) if info.get("as_of") else dt.date(2000, 1, 1)
    book.set_properties(
        {
            "title": f"287(g) {kind} agencies",
            "subject": f"ICE's {kind} agencies list as of {info.get('as_of') or 'unknown'}",
            "created": dt.datetime(day.year, day.month, day.day),
        }
    )
    sheet = book.add_worksheet(kind.capitalize())
    bold = book.add_format({"bold": True})
    columns = COLUMNS[kind]
    sheet.write_row(0, 0, columns, bold)
    # Every value is text, written as text (never read as a formula); empty cells stay blank.
    write = sheet.write_string
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if value:
                write(number, column, value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(columns) - 1)
    widths = {"LAW ENFORCEMENT AGENCY": 45, "COUNTY": 22, "SUPPORT TYPE": 24, "STATE": 16}
    for i, name in enumerate(columns):
        sheet.set_column(i, i, widths.get(name, 12 if not name.endswith("_URL") else 60))
    book.close()
    return buffer.getvalue()


def file_name(kind: str, info: dict[str, Any], suffix: str) -> str:
    """downloads/participating-agencies_2026-05-18am.csv: the importer reads the date back."""
    date = f"_{info['as_of']}{info.get('edition') or ''}" if info.get("as_of") else ""
    return f"{FOLDER}/{kind}-agencies{date}.{suffix}"


def agency_downloads(a: Agencies) -> list[Download]:
    """Each list as CSV, JSON and XLSX (ICE's columns in CSV and XLSX), from the same records."""
    return [
        download
        for kind in LISTS
        for download in _list_downloads(kind, a.records[kind], a.lists.get(kind) or {})
    ]


def _list_downloads(kind: str, records: list[dict[str, Any]], info: dict) -> list[Download]:
    """One list's downloads; the CSV and the XLSX share its rows in ICE's columns."""
    rows = functools.cache(lambda: [ice_row(rec, kind) for rec in records])
    makers = (
        ("csv", "CSV", lambda: to_csv(rows(), kind)),
        ("json", "JSON", lambda: to_json(records, kind, info)),
        ("xlsx", "Excel workbook (XLSX)", lambda: to_xlsx(rows(), kind, info)),
    )
    return [
        Download(
            file_name(kind, info, suffix), kind, f"{LISTS[kind]} ({suffix.upper()})", fmt, make
        )
        for suffix, fmt, make in makers
    ]


# The lifecycle table: one row per agreement (or request) ever listed; what each column holds.
LIFECYCLE_COLUMNS: dict[str, str] = {
    "id": "the agreement's id (state, agency's latest name, model)",
    "list": "participating (an agreement) or pending (a request)",
    "agency": "the agency's latest name",
    "state": "USPS code of the state or territory",
    "county": "the county (as placed; empty when state-wide or not placed)",
    "county_fips": "the county's 5-digit FIPS code",
    "model": "jem, tfm or wso",
    "status": "active, missing (off the latest lists, too briefly to count as removed), "
    "removed; for requests pending, signed or removed",
    "first_listed": "date of the first list that showed it",
    "last_listed": "date of the last list that showed it (empty: on the latest list)",
    "removed": "date of the first list without it, once that counts as a removal",
    "signed": "date signed, as ICE gives it",
    "moa": "address of the signed agreement (PDF)",
    "first_file": "ICE's file that first listed it",
    "removed_file": "ICE's file that first left it out (the removal)",
}
CHANGE_COLUMNS: dict[str, str] = {
    "date": "date of the first list that showed the change",
    "file": "that list's file",
    "state": "USPS code",
    "agency": "the agency's latest name",
    "agreement": "the agreement's id",
    "event": "listed, relisted, removed, missing, changed, requested, signed or dropped",
    "text": "the change in words",
}


def _csv(columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> bytes:
    """UTF-8 CSV with a header row (and a BOM, for spreadsheets)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def lifecycle_downloads(a: Agencies) -> list[Download]:
    """The lifecycle of every agreement ever listed (CSV and JSON) and every change (CSV)."""
    rows = functools.cache(lambda: _lifecycle_rows(a))
    files = (
        ("lifecycle.csv", "Lifecycle of every agreement (CSV)", "CSV",
         lambda: _csv(LIFECYCLE_COLUMNS, (r.values() for r in rows()))),
        ("lifecycle.json", "Lifecycle of every agreement (JSON)", "JSON",
         lambda: _lifecycle_json(a, rows())),
        ("changes.csv", "Every change, day by day (CSV)", "CSV",
         lambda: _csv(CHANGE_COLUMNS, _changes(a))),
    )  # fmt: skip
    return [
        Download(f"{FOLDER}/{name}", "lifecycle", label, fmt, make)
        for name, label, fmt, make in files
    ]


def _lifecycle_rows(a: Agencies) -> list[dict[str, Any]]:
    """One row per agreement (or request) ever listed, in state and agency order."""
    rows = []
    for p in a.profiles:
        county = None if p.statewide else p.county
        for g in p.agreements:
            first, removed = _files(a, g.id, g.kind)
            values = {
                "id": g.id, "list": g.kind, "agency": p.name, "state": p.state,
                "county": county, "county_fips": p.fips, "model": g.model, "status": g.status,
                "first_listed": g.first_listed, "last_listed": g.last_listed,
                "removed": g.removed, "signed": g.signed, "moa": g.moa,
                "first_file": first, "removed_file": removed,
            }  # fmt: skip
            rows.append(values)
    rows.sort(key=lambda r: (r["state"], r["agency"].casefold(), r["id"], r["list"]))
    return rows


def _lifecycle_json(a: Agencies, rows: list[dict[str, Any]]) -> bytes:
    """The lifecycle rows as JSON, one agreement per line, with the columns described."""
    head = {
        "as_of": (a.lists.get("participating") or {}).get("as_of"),
        "columns": LIFECYCLE_COLUMNS,
    }
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "agreements": [']
    lines += [json.dumps(r, ensure_ascii=False) + "," for r in rows]
    if rows:
        lines[-1] = lines[-1].removesuffix(",")
    lines.append("]}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _changes(a: Agencies) -> list[list[Any]]:
    """Every change of every agency, by date."""
    changes = [
        [e.date, e.file, p.state, p.name, e.agreement, e.kind, e.text]
        for p in a.profiles
        for e in p.events
    ]
    changes.sort(key=lambda c: (c[0], c[2], c[3], c[4]))
    return changes


def _files(a: Agencies, agreement: str, kind: str) -> tuple[str | None, str | None]:
    """ICE's files that first listed an agreement and that removed it (its last episode)."""
    key = ("lifecycle", kind)
    if key not in a.memo:
        a.memo[key] = {r["id"]: r for r in a.lifecycle.get(kind, [])}
    index = a.memo[key]
    rec = index.get(agreement)
    if rec is None:
        return None, None
    return rec["episodes"][0]["listed_file"], rec["episodes"][-1]["removed_file"]
