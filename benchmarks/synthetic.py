"""Synthetic agency lists of any size, for benchmarks and tests.

* write_data: the current lists only, in the importer's file layout (no lifecycles, so no page
  per agency): a big table without thousands of pages around it.
* write_replayed: ICE-shaped CSV lists at five dates, replayed by the importer into the full
  data/agencies/ (lifecycles included), so the build makes every page a real one would: one
  per agency, removed agreements, months, feeds.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from site287g.data.vocab import STATE_NAMES, SUPPORT_TYPES
from site287g.data.yamlfile import load_data
from site287g.ingest import write
from site287g.ingest.replay import replay
from site287g.views.county_data import counties

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


def markdown_table(title: str, records: list[dict]) -> str:
    """Agreements as one static Markdown page with a table (the baseline's pages)."""
    lines = [
        f"# {title}",
        "",
        "| State | Agency | Type | County | Model | Signed | MOA | Addendum |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in records:
        moa = f"[MOA]({r['moa']})" if r.get("moa") else "none"
        lines.append(
            f"| {r['state']} | {r['agency']} | {r['type'] or ''} | {r['county'] or 'not given'}"
            f" | {r['model'].upper()} | {r.get('signed') or ''} | {moa} | |"
        )
    return "\n".join(lines) + "\n"


def records(data_dir: Path, kind: str = "participating") -> list[dict]:
    """Every agreement of one current list, state by state."""
    found: list[dict] = []
    for path in sorted((data_dir / "agencies" / kind).glob("*.yml")):
        found += load_data(path)["agreements"]
    return found


# Models per agency: one, two or all three (about 2.1 agreements per agency).
MODEL_COUNTS = {1: 0.3, 2: 0.3, 3: 0.4}
ICE_TYPES = {"county": "County", "municipality": "Municipality", "state_agency": "State"}
# The five list dates: growth to full size, and a few agreements left out of the last three
# lists (long enough to count as removed).
LIST_DATES = ("2025-01-20", "2025-07-18", "2026-04-01", "2026-04-20", "2026-05-18")


def _ice_rows(n: int, rng: random.Random, pending: bool) -> list[dict[str, str]]:
    """``n`` rows as ICE writes them: agencies with one to three models, real county names."""
    by_state: dict[str, list[str]] = defaultdict(list)
    for county in counties().values():
        by_state[county.state].append(county.name)
    states = [s for s in WEIGHTS if by_state[s]]
    weights = [WEIGHTS[s] for s in states]
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, int, int]] = set()
    start = dt.date(2016, 6, 1)
    while len(rows) < n:
        state = rng.choices(states, weights)[0]
        k = rng.randrange(len(KINDS))
        number = rng.randrange(1, 10**6)
        if (state, number, k) in seen:
            continue
        seen.add((state, number, k))
        county = "" if TYPES[k] == "state_agency" else rng.choice(by_state[state])
        count = rng.choices(list(MODEL_COUNTS), list(MODEL_COUNTS.values()))[0]
        for model in rng.sample(list(SUPPORT_TYPES), count):
            row = {
                "STATE": STATE_NAMES[state].upper(),
                "LAW ENFORCEMENT AGENCY": f"Place {number} {KINDS[k]}",
                "TYPE": ICE_TYPES[TYPES[k]],
                "COUNTY": county,
                "SUPPORT TYPE": SUPPORT_TYPES[model],
            }
            if not pending:
                day = start + dt.timedelta(days=int(rng.random() ** 0.3 * 3200))
                row |= {
                    "SIGNED": day.isoformat(),
                    "MOA": "link",
                    "ADDENDUM": "",
                    "MOA_URL": f"https://www.ice.gov/doclib/287gMOA/Place{number}{state}_"
                    f"{model.upper()}_MOA_{day:%m%d%Y}.pdf",
                    "ADDENDUM_URL": "",
                }
            rows.append(row)
    return rows[:n]


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)


def write_lists(folder: Path, n: int, seed: int = 287) -> None:
    """Five participating lists growing to ``n`` rows (1% of the early rows left out of the
    last three) and a pending list of n/50 rows, as CSV files named like the snapshots."""
    rng = random.Random(seed)
    rows = _ice_rows(n + n // 100, rng, pending=False)
    current, gone = rows[:n], rows[n:]
    sizes = (n // 4, n // 2, n - n // 50, n - n // 100, n)
    for i, (date, size) in enumerate(zip(LIST_DATES, sizes, strict=True)):
        listed = current[:size] + (gone if i < 2 else [])
        _write_csv(folder / f"participating_{date}am.csv", listed)
    pending = _ice_rows(max(n // 50, 2), rng, pending=True)
    _write_csv(folder / f"pending_{LIST_DATES[-1]}am.csv", pending)


def write_replayed(data_dir: Path, n: int, seed: int = 287) -> None:
    """Replace data_dir/agencies with the replay of write_lists' lists."""
    with tempfile.TemporaryDirectory(prefix="synthetic-lists-") as tmp:
        write_lists(Path(tmp), n, seed)
        replay([Path(tmp)], data_dir, out=lambda line: None)
