"""Match a misspelled value to the one known name it is closest to, when no other name is near."""

from __future__ import annotations

import re
from collections.abc import Mapping

SHARE = 0.4  # at most this share of the name's letters may differ
MARGIN = 2  # the next closest other name must be at least this many edits further away


def distance(a: str, b: str) -> int:
    """Levenshtein edit distance between two short texts."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def key(text: str) -> str:
    """Compare texts case-blind, with runs of spaces as one space."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def closest(text: str, names: Mapping[str, str]) -> str | None:
    """Code of the name (names: spelling -> code) nearest to text, or None if none is clearly so.

    Clearly nearest: few letters differ (SHARE of the name) and every name of another code is
    at least MARGIN edits, and half as many again, further away.
    """
    word = key(text)
    if not word:
        return None
    best: dict[str, tuple[int, int]] = {}  # code -> (edits, length of that spelling)
    for name, code in names.items():
        d = distance(word, key(name))
        if code not in best or d < best[code][0]:
            best[code] = (d, len(key(name)))
    ranked = sorted(best.items(), key=lambda item: item[1][0])
    code, (d, length) = ranked[0]
    runner_up = ranked[1][1][0] if len(ranked) > 1 else None
    if d > SHARE * length:
        return None
    if runner_up is not None and runner_up - d < max(MARGIN, d / 2):
        return None
    return code
