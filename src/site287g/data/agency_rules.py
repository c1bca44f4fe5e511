"""Rules across the agency files: each record in its own state's file, ids unique within a list,
and the counts in lists.yml equal to the records found (so a lost file is noticed)."""

from __future__ import annotations

from typing import Any

from .vocab import LISTS

Path_ = tuple[str | int, ...]
Problem = tuple[str, Path_, str]  # (file key such as agencies/participating/tx, path, message)


def agency_rules(files: dict[str, Any]) -> list[Problem]:
    """Findings over every valid agency file and lists.yml, by file key."""
    found: list[Problem] = []
    counts = {kind: 0 for kind in LISTS}
    for kind in LISTS:
        seen: dict[str, str] = {}
        prefix = f"agencies/{kind}/"
        for key in sorted(k for k in files if k.startswith(prefix)):
            content = files[key]
            code = key.removeprefix(prefix).upper()
            if content["list"] != kind:
                found.append(
                    (
                        key,
                        ("list",),
                        f"says '{content['list']}' in the {kind}/ folder; write {kind}",
                    )
                )
            if content["state"] != code:
                found.append(
                    (
                        key,
                        ("state",),
                        f"says {content['state']} in {code.lower()}.yml; write {code}",
                    )
                )
            for i, rec in enumerate(content["agreements"]):
                counts[kind] += 1
                if rec["state"] != code:
                    found.append(
                        (
                            key,
                            ("agreements", i, "state"),
                            f"this agreement of {rec['state']} is in {code.lower()}.yml; move it "
                            f"to {rec['state'].lower()}.yml or correct the state",
                        )
                    )
                first = seen.get(rec["id"])
                if first is not None:
                    found.append(
                        (
                            key,
                            ("agreements", i, "id"),
                            f"id '{rec['id']}' is also used in data/{first}.yml; each agreement "
                            "is listed once",
                        )
                    )
                seen.setdefault(rec["id"], key)
    lists = files.get("agencies/lists")
    if lists is None:
        if any(counts.values()):
            found.append(("agencies/lists", (), "is missing; import a list again to restore it"))
        return found
    for kind in LISTS:
        info = lists.get(kind)
        if info is None:
            if counts[kind]:
                found.append(
                    (
                        "agencies/lists",
                        (),
                        f"has no '{kind}' entry, but data/agencies/{kind}/ "
                        "holds agreements; import the list again",
                    )
                )
            continue
        if info["rows"] != counts[kind]:
            found.append(
                (
                    "agencies/lists",
                    (kind, "rows"),
                    f"says {info['rows']:,} agreements, but the files in data/agencies/{kind}/ "
                    f"hold {counts[kind]:,}; a state file may have been deleted or edited: "
                    "restore it (git checkout data/agencies) or import the list again",
                )
            )
    return found
