"""What settles a blank SUPPORT TYPE: the row's MOA link, or the agency's row in a neighbouring
list of the same kind (the current one, or a later one the editor names)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import normalize as norm
from .ids import slug

NO_EVIDENCE = (
    "no model given, and neither the row's MOA link nor the agency's row in the current list "
    "tells which (a later list that does can be named with --evidence)"
)
# ICE's MOA file names carry the model: ..._TFM_MOA_06052025.pdf, 287gJEM_EtowahCoAl2016.pdf
_IN_URL = re.compile(r"(?:(?<=287g)|(?<![a-z]))(jem|tfm|wso)(?![a-z])", re.I)


def model_for(
    cells: dict, listed: Iterable[dict], others: Iterable[dict]
) -> tuple[str, str] | None:
    """(model, flag key) for a row without a model, when the evidence names exactly one."""
    urls = [cells.get(k) for k in ("moa_url", "moa", "addendum_url", "addendum")]
    named = {
        m.lower()
        for url in urls
        if isinstance(url, str) and url.strip().lower().startswith("http")
        for m in _IN_URL.findall(url.strip().rsplit("/", 1)[-1])
    }
    if named:
        return (named.pop(), "model_from_link") if len(named) == 1 else None
    state, _ = norm.state(cells.get("state"))
    agency = slug(norm.clean_text("agency", cells.get("agency"))[0])

    def models(records: Iterable[dict]) -> set[str]:
        """Models of this row's agency among records."""
        return {r["model"] for r in records if r["state"] == state and slug(r["agency"]) == agency}

    known = models(others) - models(listed)  # a model listed in another row is not this one
    return (known.pop(), "model_from_list") if len(known) == 1 else None
