"""The agency lists as CSV, JSON and XLSX, built from the same records as the pages.

The CSV and XLSX use ICE's column names and wording (STATE, LAW ENFORCEMENT AGENCY, ...,
MOA_URL), so that `make import` reads a download back into exactly the same agreements.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from ..agencies.vocab import MODEL_NAMES
from ..agencies.vocab import TYPE_NAMES as ICE_TYPE_NAMES
from .view import LISTS, STATE_NAMES, Agencies

FOLDER = "downloads"
COLUMNS: dict[str, tuple[str, ...]] = {
    "participating": (
        "STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED",
        "MOA", "ADDENDUM", "MOA_URL", "ADDENDUM_URL",
    ),
    "pending": (
        "STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE",
        "MOA", "ADDENDUM", "MOA_URL", "ADDENDUM_URL",
    ),
}  # fmt: skip
RECORD_KEYS = (
    "id", "state", "agency", "type", "county", "model", "signed",
    "moa", "moa_pending", "addendum", "flags",
)  # fmt: skip


def ice_row(rec: dict[str, Any], kind: str) -> list[str]:
    """One agreement in ICE's columns and wording."""
    moa = "link" if rec.get("moa") else "link pending" if rec.get("moa_pending") else ""
    values = {
        "STATE": STATE_NAMES.get(rec["state"], rec["state"]).upper(),
        "LAW ENFORCEMENT AGENCY": rec["agency"],
        "TYPE": ICE_TYPE_NAMES.get(rec.get("type") or "", ""),
        "COUNTY": rec.get("county") or "",
        "SUPPORT TYPE": MODEL_NAMES[rec["model"]],
        "SIGNED": rec.get("signed") or "",
        "MOA": moa,
        "ADDENDUM": "link" if rec.get("addendum") else "",
        "MOA_URL": rec.get("moa") or "",
        "ADDENDUM_URL": rec.get("addendum") or "",
    }
    return [values[c] for c in COLUMNS[kind]]


def to_csv(records: list[dict[str, Any]], kind: str) -> bytes:
    """UTF-8 CSV (with a BOM so spreadsheet programs read the accents right)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS[kind])
    writer.writerows(ice_row(rec, kind) for rec in records)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(records: list[dict[str, Any]], kind: str, info: dict[str, Any]) -> bytes:
    """Every agreement with every field (flags included), plus the list's date and source."""
    agreements = [
        {
            k: (
                rec.get(k)
                if k not in ("flags", "moa_pending")
                else list(rec.get(k) or [])
                if k == "flags"
                else bool(rec.get(k))
            )
            for k in RECORD_KEYS
            if k != "signed" or kind == "participating"
        }
        for rec in records
    ]
    doc = {
        "list": kind,
        "as_of": info.get("as_of"),
        "edition": info.get("edition"),
        "source": info.get("source"),
        "count": len(agreements),
        "agreements": agreements,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_xlsx(records: list[dict[str, Any]], kind: str, info: dict[str, Any]) -> bytes:
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
    for number, rec in enumerate(records, start=1):
        sheet.write_row(number, 0, ice_row(rec, kind))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(records), len(columns) - 1)
    widths = {"LAW ENFORCEMENT AGENCY": 45, "COUNTY": 22, "SUPPORT TYPE": 24, "STATE": 16}
    for i, name in enumerate(columns):
        sheet.set_column(i, i, widths.get(name, 12 if not name.endswith("_URL") else 60))
    book.close()
    return buffer.getvalue()


def human_size(size: int) -> str:
    """A file size the way a reader says it: 812 bytes, 41 KB, 1.3 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def file_name(kind: str, info: dict[str, Any], suffix: str) -> str:
    """downloads/participating-agencies_2026-05-18am.csv: the importer reads the date back."""
    date = f"_{info['as_of']}{info.get('edition') or ''}" if info.get("as_of") else ""
    return f"{FOLDER}/{kind}-agencies{date}.{suffix}"


def all_files(a: Agencies) -> list[dict[str, Any]]:
    """Every download: list, label, format, size, path under the site and its bytes."""
    out: list[dict[str, Any]] = []
    for kind in LISTS:
        info = a.lists.get(kind) or {}
        records = a.records[kind]
        label = f"{kind.capitalize()} agencies"
        for suffix, fmt, content in (
            ("csv", "CSV", to_csv(records, kind)),
            ("json", "JSON", to_json(records, kind, info)),
            ("xlsx", "Excel workbook (XLSX)", to_xlsx(records, kind, info)),
        ):
            out.append(
                {
                    "list": kind,
                    "label": f"{label} ({suffix.upper()})",
                    "format": fmt,
                    "size": human_size(len(content)),
                    "bytes_count": len(content),
                    "path": file_name(kind, info, suffix),
                    "content": content,
                }
            )
    return out
