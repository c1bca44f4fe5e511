"""Ids made from names: the slug of an agency's name, an agreement's id, an agency's id."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """Lower-case ASCII slug: apostrophes dropped, & as "and", other runs of symbols as '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['\u2019`]", "", ascii_text.lower()).replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def agreement_id(state: str, agency: str, model: str) -> str:
    """The id of one agreement, e.g. tx-harris-county-sheriffs-office-jem."""
    return f"{state.lower()}-{slug(agency) or 'agency'}-{model}"


def agency_id(state: str, agency: str) -> str:
    """The id of one agency, e.g. tx-harris-county-sheriffs-office (its page's address)."""
    return f"{state.lower()}-{slug(agency) or 'agency'}"


_MODEL_SUFFIX = re.compile(r"-[a-z]+(-[0-9]+)?$")


def agency_of(agreement: str) -> str:
    """The agency part of an agreement's id: tx-harris-county-sheriffs-office-jem-2 gives
    tx-harris-county-sheriffs-office."""
    return _MODEL_SUFFIX.sub("", agreement)
