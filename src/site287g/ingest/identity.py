"""One agreement, one identity: ICE's spellings of a name, and the rules that join renames."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..data.vocab import STATES

# ICE's abbreviations, as whole words, and what they stand for.
_WORDS: dict[str, str] = {
    "co": "county",
    "cnty": "county",
    "dept": "department",
    "pd": "police department",
    "so": "sheriffs office",
    "ft": "fort",
    "twp": "township",
    "sheriff": "sheriffs",
}
# Words every agency name has; what is left tells two agencies apart.
_GENERIC: frozenset[str] = frozenset(
    [
        "county",
        "countys",
        "parish",
        "sheriffs",
        "office",
        "department",
        "police",
        "of",
        "the",
        "and",
        "city",
        "town",
        "township",
        "borough",
        "village",
        "state",
        "regional",
        "district",
        "services",
        "service",
    ]
)
_PLACES: frozenset[str] = frozenset(w.lower() for name in STATES for w in name.split())
_MOA_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/\d+(?:id_)?/")

Key = tuple[str, str, str]  # (state, model, canonical name)


def canon(name: str) -> str:
    """The name as compared: ASCII, lower case, no apostrophes or punctuation, and ICE's
    abbreviations spelled out ("Harris Co. Sheriff's Dept" = "harris county sheriffs
    department")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['`]", "", text.replace("\u2019", "'")).replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return " ".join(_WORDS.get(w, w) for w in words)


def key(rec: dict) -> Key:
    """The exact identity of a listed row: state, model and canonical name."""
    return rec["state"], rec["model"], canon(rec["agency"])


def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """How alike two canonical names are, 0..1 (the same words in another order = 1); 0 as
    soon as it is clear the score stays under ``at_least``."""
    if sorted(a.split()) == sorted(b.split()):
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


@lru_cache(maxsize=65536)
def distinctive(name: str) -> tuple[str, ...]:
    """The words of a canonical name that are not in every agency's name."""
    return tuple(w for w in name.split() if w not in _GENERIC)


def shares_a_word(a: str, b: str) -> bool:
    """Whether two names share a distinctive word (spelling slips allowed), or either
    has none beyond its state's name (then the MOA link decides)."""
    wa = [w for w in distinctive(a) if w not in _PLACES]
    wb = [w for w in distinctive(b) if w not in _PLACES]
    if not wa or not wb:
        return True
    return any(x == y or _close(x, y) for x in wa for y in wb)


def _close(a: str, b: str) -> bool:
    """Two words that differ by a slip ("agriculture", "aggricultural")."""
    return min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def moa_file(url: str | None) -> str | None:
    """The MOA address without the Wayback capture it was archived through."""
    return _MOA_WAYBACK.sub("", url) if url else None


@dataclass(frozen=True)
class Rule:
    """A fuzzy rule that joins a new spelling to an agreement that just left the list."""

    name: str
    text: str
    strength: int


SAME_NAME_OTHER_STATE = Rule("state_corrected", "same name, model and signing date", 4)
SAME_MOA = Rule("same_moa", "same state, model, signing date and MOA link", 3)
SIMILAR_SIGNED = Rule("similar_name", "same state, model and signing date, similar name", 2)
SIMILAR_PENDING = Rule("similar_pending", "same state and model, very similar name", 1)
RULES: tuple[Rule, ...] = (SAME_NAME_OTHER_STATE, SAME_MOA, SIMILAR_SIGNED, SIMILAR_PENDING)

NAME_THRESHOLD = 0.75  # whole names, with the same signing date
PENDING_THRESHOLD = 0.8  # distinctive words only: pending rows have no signing date


def join_rule(new: dict, old: dict, just_left: bool) -> tuple[Rule, float] | None:
    """The strongest rule that makes ``new`` (a row no agreement has) a new spelling of
    ``old`` (the latest values of an agreement missing from this list), with its score."""
    if new["model"] != old["model"]:
        return None
    a, b = canon(new["agency"]), canon(old["agency"])
    signed = new.get("signed")
    same_signed = signed is not None and signed == old.get("signed")
    if new["state"] != old["state"]:
        ok = same_signed and a == b and just_left
        return (SAME_NAME_OTHER_STATE, 1.0) if ok else None
    if same_signed:
        moa = moa_file(new.get("moa"))
        if moa and moa == moa_file(old.get("moa")) and shares_a_word(a, b):
            return SAME_MOA, similarity(a, b)
        score = similarity(a, b, NAME_THRESHOLD)
        return (SIMILAR_SIGNED, score) if score >= NAME_THRESHOLD else None
    da, db = " ".join(distinctive(a)), " ".join(distinctive(b))
    if "signed" not in new and just_left and da and db:
        score = similarity(da, db, PENDING_THRESHOLD)
        return (SIMILAR_PENDING, score) if score >= PENDING_THRESHOLD else None
    return None
