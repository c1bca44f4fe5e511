"""Numbers and geometry for the agency charts; the SVG itself is in overrides/partials/agencies.

No chart library: each function returns plain data (positions, labels, colours) that a Jinja
partial turns into accessible inline SVG, plus the same numbers for a table.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..data.vocab import STATE_NAMES
from .agencies import Agencies

# Tile-grid map: (row, column) of each state; territories on their own bottom row.
TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (0, 10),
    "VT": (1, 9), "NH": (1, 10),
    "WA": (2, 0), "ID": (2, 1), "MT": (2, 2), "ND": (2, 3), "MN": (2, 4), "IL": (2, 5),
    "WI": (2, 6), "MI": (2, 7), "NY": (2, 8), "RI": (2, 9), "MA": (2, 10),
    "OR": (3, 0), "NV": (3, 1), "WY": (3, 2), "SD": (3, 3), "IA": (3, 4), "IN": (3, 5),
    "OH": (3, 6), "PA": (3, 7), "NJ": (3, 8), "CT": (3, 9),
    "CA": (4, 0), "UT": (4, 1), "CO": (4, 2), "NE": (4, 3), "MO": (4, 4), "KY": (4, 5),
    "WV": (4, 6), "VA": (4, 7), "MD": (4, 8), "DE": (4, 9),
    "AZ": (5, 1), "NM": (5, 2), "KS": (5, 3), "AR": (5, 4), "TN": (5, 5), "NC": (5, 6),
    "SC": (5, 7), "DC": (5, 8),
    "OK": (6, 3), "LA": (6, 4), "MS": (6, 5), "AL": (6, 6), "GA": (6, 7),
    "HI": (7, 0), "TX": (7, 3), "FL": (7, 8),
    "GU": (8, 0), "MP": (8, 1), "AS": (8, 2), "PR": (8, 9), "VI": (8, 10),
}  # fmt: skip
TILE = 52  # tile size in SVG units, gap included
# Light to dark; the text colour of each is picked for the higher contrast (always >= 4.5:1).
PALETTE = ("#f1f3f9", "#c5cae9", "#7986cb", "#3f51b5", "#283593", "#141c57")
NICE = (1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000)
# One line style per model, in the order data/models.yml lists the models.
SERIES_STYLES = (
    {"color": "#1a237e", "dash": ""},
    {"color": "#b71c1c", "dash": "8 4"},
    {"color": "#1b5e20", "dash": "2 3"},
    {"color": "#4a148c", "dash": "1 2"},
)
FIRST_YEAR = 2021


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill``."""
    return "#000000" if contrast(fill, "#000000") >= contrast(fill, "#ffffff") else "#ffffff"


def bins(largest: int) -> list[int]:
    """Lower bounds of the coloured classes: 0, 1, then up to four nice steps below the max."""
    steps = [n for n in NICE[1:] if n < largest]
    return [0, 1, *steps[-(len(PALETTE) - 2) :]]


def tile_map(a: Agencies, state_urls: dict[str, str]) -> dict[str, Any]:
    """Tiles for every state and territory, coloured by number of agreements, with legend."""
    counts = a.state_counts()
    lows = bins(max(counts.values(), default=0))
    legend = []
    for i, low in enumerate(lows):
        high = lows[i + 1] - 1 if i + 1 < len(lows) else None
        label = str(low) if high == low else f"{low}–{high}" if high is not None else f"{low}+"
        legend.append({"fill": PALETTE[i], "text": text_colour(PALETTE[i]), "label": label})
    tiles = []
    for code, (row, col) in TILES.items():
        n = counts.get(code, 0)
        cls = max(i for i, low in enumerate(lows) if n >= low)
        tiles.append(
            {
                "code": code,
                "name": STATE_NAMES[code],
                "count": n,
                "x": col * TILE,
                "y": row * TILE + (TILE // 2 if row == 8 else 0),
                "fill": PALETTE[cls],
                "text": text_colour(PALETTE[cls]),
                "url": state_urls.get(code),
            }
        )
    unplaced = sorted(set(counts) - set(TILES))
    if unplaced:
        raise ValueError(f"no map tile for {', '.join(unplaced)}")
    pending = a.state_counts("pending")
    table = [
        {
            "code": code,
            "name": STATE_NAMES[code],
            "url": state_urls.get(code),
            "count": counts.get(code, 0),
            "models": Counter(
                r.model for r in a.listing(f"state/{code.lower()}/participating").rows
            ),
            "pending": pending.get(code, 0),
        }
        for code in a.states()
    ]
    return {
        "tiles": tiles,
        "legend": legend,
        "width": 11 * TILE,
        "height": 9 * TILE + TILE // 2,
        "size": TILE - 4,
        "table": table,
        "states_with": sum(1 for c in counts.values() if c),
        "models": a.models,
    }


def _nice_max(value: int) -> int:
    """The smallest 1/2/5 x 10^k at or above ``value`` (at least 1)."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return max(m * step, 1)
        step *= 10


def listed_spans(record: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The (from, until) dates an agreement was on ICE's participating list, from its
    lifecycle: each episode from its listing to its removal, short absences bridged, except an
    absence still open, which ends the last span (the agreement is not on the current list)."""
    spans = [(e["listed"], e["removed"]) for e in record["episodes"]]
    if record["status"] == "missing" and spans:
        spans[-1] = (spans[-1][0], record["missing"][-1]["from"])
    return spans


def growth_series(a: Agencies) -> list[dict[str, Any]]:
    """Agreements by model on the participating list at each date it changed, from the
    lifecycles (so the last point is the current list)."""
    spans = [
        (r["model"], span) for r in a.lifecycle.get("participating", []) for span in listed_spans(r)
    ]
    starts: dict[str, Counter] = {}
    for model, (start, end) in spans:
        starts.setdefault(start, Counter())[model] += 1
        if end:
            starts.setdefault(end, Counter())[model] -= 1
    live: Counter = Counter()
    series = []
    for date in sorted(starts):
        live.update(starts[date])
        if date >= f"{FIRST_YEAR}-01-01":
            series.append(
                {
                    "date": date,
                    **{m["id"]: live[m["id"]] for m in a.models},
                    "total": sum(live[m["id"]] for m in a.models),
                }
            )
    return series


def growth(a: Agencies) -> dict[str, Any]:
    """Line chart geometry for growth_series: one polyline per model, with axis ticks."""
    series = growth_series(a)
    width, height, left, bottom, top, right = 640, 300, 56, 36, 16, 90
    if not series:
        return {"series": [], "table": [], "lines": []}
    start = dt.date(FIRST_YEAR, 1, 1)
    end = max(dt.date.fromisoformat(series[-1]["date"]), start + dt.timedelta(days=1))
    span = (end - start).days
    top_value = _nice_max(max(max(p[m["id"]] for m in a.models) for p in series))

    def x(date: str) -> float:
        return round(
            left + (dt.date.fromisoformat(date) - start).days / span * (width - left - right), 1
        )

    def y(value: int) -> float:
        return round(top + (1 - value / top_value) * (height - top - bottom), 1)

    lines = []
    for i, m in enumerate(a.models):
        pts = [(x(p["date"]), y(p[m["id"]])) for p in series]
        last = series[-1][m["id"]]
        lines.append(
            {
                "id": m["id"],
                "name": m["name"],
                "abbr": m["abbreviation"],
                "points": " ".join(f"{px},{py}" for px, py in pts),
                "dots": pts,
                "last": last,
                "label_y": pts[-1][1],
                **SERIES_STYLES[i % len(SERIES_STYLES)],
            }
        )
    # Keep end labels from overlapping: at least 14 units apart, in value order.
    ordered = sorted(lines, key=lambda item: item["label_y"])
    for above, below in zip(ordered, ordered[1:], strict=False):
        below["label_y"] = max(below["label_y"], above["label_y"] + 14)
    years = range(FIRST_YEAR, end.year + 1)
    return {
        "width": width,
        "height": height,
        "plot": {"left": left, "right": width - right, "top": top, "bottom": height - bottom},
        "lines": lines,
        "label_x": x(series[-1]["date"]) + 8,
        "x_ticks": [{"x": x(f"{yr}-01-01"), "label": str(yr)} for yr in years],
        "y_ticks": [{"y": y(v), "label": f"{v:,}"} for v in (top_value * k // 4 for k in range(5))],
        "table": series,
        "models": a.models,
        "first": series[0]["date"],
        "last": series[-1]["date"],
    }


def per_month(a: Agencies) -> dict[str, Any]:
    """Bars of agreements signed per month from January 2021 to the list's month."""
    signed = [r.signed.text for r in a.rows["participating"] if r.signed.text]
    as_of = (a.lists.get("participating") or {}).get("as_of") or max(signed, default="2021-01")
    by_month = Counter(s[:7] for s in signed)
    months = []
    year, month = FIRST_YEAR, 1
    while f"{year:04d}-{month:02d}" <= as_of[:7]:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    earlier = sum(n for m, n in by_month.items() if m < f"{FIRST_YEAR}-01")
    later = sum(n for m, n in by_month.items() if months and m > months[-1])
    width, height, left, bottom, top = 640, 260, 48, 36, 12
    top_value = _nice_max(max((by_month[m] for m in months), default=1))
    step = (width - left - 8) / max(len(months), 1)
    bars = []
    for i, m in enumerate(months):
        h = by_month[m] / top_value * (height - top - bottom)
        bars.append(
            {
                "month": m,
                "count": by_month[m],
                "x": round(left + i * step + step * 0.1, 1),
                "w": round(step * 0.8, 1),
                "y": round(height - bottom - h, 1),
                "h": round(h, 1),
            }
        )
    return {
        "width": width,
        "height": height,
        "plot": {"left": left, "right": width - 8, "top": top, "bottom": height - bottom},
        "bars": bars,
        "x_ticks": [
            {"x": b["x"] + b["w"] / 2, "label": b["month"][:4]}
            for b in bars
            if b["month"][5:] == "01"
        ],
        "y_ticks": [
            {
                "y": round(top + (1 - k / 4) * (height - top - bottom), 1),
                "label": f"{top_value * k // 4:,}",
            }
            for k in range(5)
        ],
        "earlier": earlier,
        "later": later,
        "undated": sum(1 for r in a.rows["participating"] if not r.signed.text),
        "busiest": max(bars, key=lambda b: b["count"]) if bars else None,
        "total": len(signed),
    }
