"""What happened to an agreement or a request, as dated events in words, each with the ICE list
that showed it first. Plain data from one record of data/agencies/lifecycle.yml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data.vocab import TYPE_NAMES


@dataclass(frozen=True)
class Event:
    """One dated fact: when, from which ICE file, what (in words), about which agreement."""

    date: str
    file: str | None
    text: str
    agreement: str  # the agreement's (or request's) id
    kind: str  # listed, relisted, removed, missing, back, changed, requested, signed, dropped
    order: int  # within a day: listings first, then changes, then removals


def _value(field: str, value: Any) -> str:
    """A field's value as a reader sees it."""
    if value is None or value == "":
        return "none"
    if field == "type":
        return TYPE_NAMES.get(value, str(value))
    return f"“{value}”" if field in ("agency", "county") else str(value)


def _change(field: str, old: Any, new: Any) -> str | None:
    """What a change of one field says, or None for changes that say nothing to a reader."""
    if field == "moa_pending":
        return "the agreement's MOA shown as “link pending”" if new else None
    if field in ("moa", "addendum"):
        what = "MOA (the signed agreement)" if field == "moa" else "addendum"
        if not old:
            return f"{what} published"
        return f"{what} taken off the list" if not new else f"{what} link changed"
    words = {"agency": "name", "signed": "date signed", "county": "county", "type": "type",
             "state": "state"}  # fmt: skip
    label = words.get(field, field)
    return f"{label} changed from {_value(field, old)} to {_value(field, new)}"


def events(rec: dict[str, Any], kind: str, models: dict[str, str]) -> list[Event]:
    """The events of one agreement (``kind`` participating) or request (pending)."""
    model = models.get(rec["model"], rec["model"])
    what = f"{model} agreement" if kind == "participating" else f"request for the {model}"
    out: list[Event] = []
    for n, ep in enumerate(rec["episodes"]):
        if kind == "participating":
            text = f"{what} listed by ICE" if n == 0 else f"{what} listed again"
            kind_of = "listed" if n == 0 else "relisted"
            out.append(Event(ep["listed"], ep["listed_file"], text, rec["id"], kind_of, 0))
        else:
            text = f"{what} listed as pending" if n == 0 else f"{what} listed as pending again"
            out.append(Event(ep["listed"], ep["listed_file"], text, rec["id"], "requested", 0))
        if ep["removed"]:
            if kind == "pending" and rec.get("signed_as") and n == len(rec["episodes"]) - 1:
                text = f"{what} signed: it is now on the participating list"
                out.append(Event(ep["removed"], ep["removed_file"], text, rec["id"], "signed", 1))
            else:
                text = f"{what} removed from ICE's {kind} list"
                kind_of = "removed" if kind == "participating" else "dropped"
                out.append(Event(ep["removed"], ep["removed_file"], text, rec["id"], kind_of, 2))
    for gap in rec["missing"]:
        lists = "1 list" if gap["lists"] == 1 else f"{gap['lists']} lists"
        if gap["to"]:
            text = (
                f"{what} missing from ICE's list until {gap['to']} ({lists}); "
                "too short an absence to count as a removal"
            )
        elif gap["lists"] == 1:
            text = f"{what} missing from ICE's latest list"
        else:
            text = f"{what} missing from ICE's latest {lists}"
        out.append(Event(gap["from"], gap["from_file"], text, rec["id"], "missing", 2))
    for change in rec["changes"]:
        if change.get("brief"):
            continue  # undone by ICE within days: no fact a reader needs
        said = _change(change["field"], change.get("from"), change.get("to"))
        if said:
            text = f"{what}: {said}"
            out.append(Event(change["date"], change["file"], text, rec["id"], "changed", 1))
    return out
