"""Normalise the raw rows of one list into agreement records, flagged values and rejects."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..data.vocab import RECORD_KEYS, SUPPORT_TYPES
from . import normalize as norm
from .evidence import NO_EVIDENCE, model_for
from .ids import assign_ids
from .links import link
from .read import RawList

MODEL_LIST = ", ".join(SUPPORT_TYPES.values())
__all__ = ["RECORD_KEYS", "Normalised", "Rejected", "normalise"]


@dataclass
class Rejected:
    """A row that could not become a record: where, which cell, why, and all its raw cells."""

    row: int
    column: str  # the column's header as written, e.g. "SUPPORT TYPE"
    value: str  # that cell as read
    why: str
    raw: dict[str, str]

    @property
    def reason(self) -> str:
        """One line: the column, the raw value and what is wrong with it."""
        return f"{self.column} {self.value!r}: {self.why}"

    def line(self, source: str) -> str:
        """The reason with the file and row, as printed."""
        return f"{source}: row {self.row}: {self.reason}"


@dataclass
class Normalised:
    """Records (in row order) with their spreadsheet row numbers, plus rejected rows."""

    kind: str
    records: list[dict] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def normalise(raw: RawList, latest_year: int, evidence: Sequence[dict] = ()) -> Normalised:
    """Turn every raw row into a record or a rejection; nothing is dropped silently.

    `evidence`: records of neighbouring lists of the same kind, which may settle a blank model.
    """
    out = Normalised(kind=raw.kind)
    blank: list[tuple[int, dict]] = []
    for number, cells in raw.rows:
        rec, problem = _record(cells, raw, latest_year)
        if rec is not None:
            out.records.append(rec)
            out.rows.append(number)
        elif problem == ("model", ""):
            blank.append((number, cells))
        else:
            out.rejected.append(_rejected(raw, number, cells, *(problem or ("", ""))))
    for number, cells in blank:  # once every other row is known, see what the model can be
        rec = _with_model(cells, raw, latest_year, model_for(cells, out.records, evidence))
        if rec is None:
            out.rejected.append(_rejected(raw, number, cells, "model", NO_EVIDENCE))
        else:
            at = bisect.bisect(out.rows, number)
            out.records.insert(at, rec)
            out.rows.insert(at, number)
    for rec, dup in zip(out.records, assign_ids(out.records), strict=True):
        if dup:
            rec["flags"].append(dup)
    out.records = [_ordered(r) for r in out.records]
    out.rejected.sort(key=lambda r: r.row)
    return out


def _rejected(raw: RawList, number: int, cells: dict, column: str, why: str) -> Rejected:
    """A Rejected naming the column by its header in the file."""
    value = cells.get(column)
    return Rejected(
        row=number,
        column=raw.headers.get(column, column.upper()),
        value="" if value is None else str(value),
        why=why,
        raw={k: "" if v is None else str(v) for k, v in cells.items()},
    )


def _with_model(
    cells: dict, raw: RawList, latest_year: int, found: tuple[str, str] | None
) -> dict | None:
    """The record of a row without a model, with the model the evidence gives, or None."""
    if found is None:
        return None
    model, problem = found
    rec, _ = _record(cells, raw, latest_year, model)
    if rec is not None:
        rec["flags"].insert(0, norm.flag("model", cells.get("model"), problem))
    return rec


def _record(
    cells: dict, raw: RawList, latest_year: int, model: str | None = None
) -> tuple[dict | None, tuple[str, str] | None]:
    """Normalise one row; return (None, (column, why)) when it cannot be placed in the data.

    A blank model gives why "" (see evidence); `model` is the one evidence gave for it.
    """
    state, flags = norm.state(cells.get("state"))
    if state is None:
        why = "not a state or territory, and no name of one is close enough to be sure"
        return None, ("state", why)
    agency, agency_flags = norm.clean_text("agency", cells.get("agency"))
    if not agency:
        return None, ("agency", "no agency name")
    model_flags: list[norm.Flag] = []
    if model is None:
        model, model_flags = norm.model_code(cells.get("model"))
    if model is None:
        if not norm.clean_text("model", cells.get("model"))[0]:
            return None, ("model", "")
        return None, (
            "model",
            f"not a 287(g) model ({MODEL_LIST}), and none is close enough to be sure",
        )
    kind_type, type_flags = norm.agency_type(cells.get("type"), "type" in raw.columns)
    county, county_flags = (
        (None, []) if "county" not in raw.columns else norm.county(cells.get("county"))
    )
    rec: dict = {
        "state": state,
        "agency": agency,
        "type": kind_type,
        "county": county,
        "model": model,
    }
    flags += agency_flags + model_flags + type_flags + county_flags
    if raw.kind == "participating":
        rec["signed"], date_flags = norm.signed_date(cells.get("signed"), latest_year)
        flags += date_flags
    rec["moa"], pending, moa_flags = link("moa", cells.get("moa"), cells.get("moa_url"))
    if pending:
        rec["moa_pending"] = True
    rec["addendum"], _, add_flags = link(
        "addendum", cells.get("addendum"), cells.get("addendum_url")
    )
    rec["flags"] = flags + moa_flags + add_flags
    return rec, None


def _ordered(rec: dict) -> dict:
    """Fixed key order; empty flags and a false moa_pending are left out."""
    return {k: rec[k] for k in RECORD_KEYS if k in rec and not (k == "flags" and not rec[k])}
