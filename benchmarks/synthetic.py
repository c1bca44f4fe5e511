"""Synthetic agency lists of any size, in the importer's file layout, for benchmarks and tests."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from site287g.data.yamlfile import load_data
from site287g.ingest import write

# Rough share of agreements per state on the 2026-05-18 list, so big states stay big.
WEIGHTS = {
    "TX": 387, "FL": 330, "PA": 102, "MO": 103, "AR": 86, "TN": 77, "OK": 69, "GA": 65,
    "AL": 61, "SC": 49, "LA": 43, "KY": 43, "MS": 39, "WV": 36, "KS": 35, "IN": 34, "NC": 29,
    "VA": 29, "WI": 23, "OH": 21, "NH": 20, "WY": 19, "UT": 16, "ND": 15, "NY": 14, "ID": 12,
    "AZ": 10, "MN": 10, "NE": 10, "MI": 8, "SD": 8, "MT": 6, "NV": 5, "AK": 2, "IA": 2,
    "NM": 2, "CO": 1, "MA": 1, "GU": 1, "MP": 2,
}  # fmt: skip
KINDS = ("Sheriff's Office", "Police Department", "Department of Corrections", "Marshal's Office")
TYPES = ("county", "municipality", "municipality", "state_agency")
MODELS = ("jem", "tfm", "tfm", "tfm", "wso", "wso")


def _records(n: int, rng: random.Random, pending: bool) -> list[dict]:
    """``n`` agreements with unique ids, realistic field shapes and a few flagged values."""
    states = list(WEIGHTS)
    weights = [WEIGHTS[s] for s in states]
    out = []
    seen: set[str] = set()
    start = dt.date(2016, 6, 1)
    while len(out) < n:
        state = rng.choices(states, weights)[0]
        k = rng.randrange(len(KINDS))
        number = rng.randrange(1, 10**6)
        agency = f"Place {number} {KINDS[k]}"
        model = rng.choice(MODELS)
        kind_slug = KINDS[k].lower().replace("'", "").replace(" ", "-")
        rid = f"{state.lower()}-place-{number}-{kind_slug}-{model}"
        if rid in seen:
            continue
        seen.add(rid)
        county = f"Place {number % 500} County"
        rec: dict = {
            "id": rid,
            "state": state,
            "agency": agency,
            "type": TYPES[k],
            "county": county,
            "model": model,
        }
        flags = []
        if rng.random() < 0.1:
            rec["county"] = None
            flags.append(
                {"field": "county", "raw": "#N/A", "problem": "placeholder, no county given"}
            )
        if not pending:
            day = start + dt.timedelta(days=int(rng.random() ** 0.3 * 3600))
            rec["signed"] = day.isoformat()
            rec["moa"] = (
                f"https://www.ice.gov/doclib/287gMOA/Place{number}{state}_{model.upper()}"
                f"_MOA_{day:%m%d%Y}.pdf"
            )
        else:
            rec["moa"] = None
        rec["addendum"] = None
        if flags:
            rec["flags"] = flags
        out.append(rec)
    return out


def write_data(data_dir: Path, n: int, seed: int = 287) -> None:
    """Replace data_dir/agencies with ``n`` participating and n/50 pending synthetic agreements,
    written by the importer's own writer (the format the loader reads fast)."""
    rng = random.Random(seed)
    root = data_dir / "agencies"
    shutil.rmtree(root, ignore_errors=True)
    lists = {
        "participating": _records(n, rng, False),
        "pending": _records(max(n // 50, 2), rng, True),
    }
    files: dict[str, str] = {}
    for kind, recs in lists.items():
        files.update(write.state_files(kind, recs))
    as_of = "2026-05-18"
    files["lists.yml"] = write.lists_file(
        {
            kind: {"as_of": as_of, "edition": "am", "source": f"synthetic-{kind}.csv",
                   "rows": len(recs)}
            for kind, recs in lists.items()
        }
    )  # fmt: skip
    # History: three imports growing the participating list to its full size.
    recs = lists["participating"]
    brief = [{k: r[k] for k in ("id", "state", "agency", "model")} for r in recs]
    cuts = [len(brief) // 4, len(brief) // 2, len(brief)]
    imports, prev = [], 0
    for date, cut in zip(("2024-01-02", "2025-07-18", as_of), cuts, strict=True):
        imports.append(
            {"list": "participating", "as_of": date, "edition": None, "source": f"s-{date}.csv",
             "rows": cut, "added": brief[prev:cut], "removed": [], "changed": []}
        )  # fmt: skip
        prev = cut
    files["history.yml"] = write.history_file(imports)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def markdown_table(data_dir: Path) -> str:
    """The same participating agreements as one static Markdown table (the baseline page)."""
    lines = [
        "# Participating agencies",
        "",
        "| State | Agency | Type | County | Model | Signed | MOA | Addendum |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for path in sorted((data_dir / "agencies" / "participating").glob("*.yml")):
        doc = load_data(path)
        for r in doc["agreements"]:
            moa = f"[MOA]({r['moa']})" if r.get("moa") else "none"
            lines.append(
                f"| {r['state']} | {r['agency']} | {r['type'] or ''} | {r['county'] or 'not given'}"
                f" | {r['model'].upper()} | {r['signed'] or ''} | {moa} | |"
            )
    return "\n".join(lines) + "\n"
