"""Property tests for the normalisers: state names, model names, dates, ids."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from site287g.data.vocab import STATE_CODES, STATES, SUPPORT_TYPES
from site287g.ingest import normalize as norm
from site287g.ingest.ids import agreement_id, slug
from site287g.ingest.links import link

SPACE = st.sampled_from(["", " ", "  ", "\xa0", " \xa0"])
ID_PATTERN = re.compile(r"^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*-(jem|tfm|wso)(-[0-9]+)?$")


def _recase(text: str, data: st.DataObject) -> str:
    """Upper-, lower- or title-case a text."""
    return data.draw(st.sampled_from([text.upper(), text.lower(), text.title(), text]))


@given(st.sampled_from(sorted(STATES.items())), SPACE, SPACE, st.data())
def test_state_names_in_any_case_and_spacing(item, before, after, data) -> None:
    name, code = item
    assert norm.state_code(before + _recase(name, data) + after) == code
    assert norm.state_code(code.lower()) == code


@given(st.text(min_size=1, max_size=30))
def test_state_lookup_returns_a_known_code_or_none(text: str) -> None:
    assert norm.state_code(text) in (None, *STATE_CODES)


@given(st.sampled_from(sorted(SUPPORT_TYPES.items())), SPACE, SPACE, st.data())
def test_model_names_in_any_case_and_spacing(item, before, after, data) -> None:
    code, name = item
    assert norm.model_code(before + _recase(name, data) + after) == (code, [])


@given(st.dates(dt.date(1996, 1, 1), dt.date(2027, 12, 31)))
def test_dates_in_every_published_form(day: dt.date) -> None:
    iso = day.isoformat()
    plain = [
        dt.datetime(day.year, day.month, day.day),
        day,
        iso,
        f"{day:%m/%d/%Y}",
        f"{day.month}/{day.day}/{day.year}",
        f" {iso} ",
    ]
    for raw in plain:
        assert norm.signed_date(raw, 2027) == (iso, [])
    squeezed = f"{day.month:02d}/{day.day:02d}{day.year}"  # like ICE's 05/082025
    assert norm.signed_date(squeezed, 2027) == (
        iso,
        [norm.flag("signed", squeezed, "interpreted_date")],
    )
    serial = (day - norm.EXCEL_EPOCH).days
    assert norm.signed_date(serial, 2027)[0] == iso


@given(st.integers(0, 9999).filter(lambda y: not 1996 <= y <= 2027), st.integers(1, 12))
def test_impossible_years_are_never_accepted(year: int, month: int) -> None:
    raw = f"{year:04d}-{month:02d}-01"
    value, flags = norm.signed_date(raw, 2027)
    assert value is None and flags[-1]["problem"] == "impossible date"


@given(st.text(max_size=20))
def test_date_parser_never_crashes_and_always_explains_a_null(text: str) -> None:
    value, flags = norm.signed_date(text, 2027)
    assert value is not None or flags


@given(
    st.sampled_from(sorted(STATES.values())),
    st.text(min_size=1, max_size=60),
    st.sampled_from(list(SUPPORT_TYPES)),
)
def test_ids_always_match_the_schema_pattern(state: str, agency: str, model: str) -> None:
    assert ID_PATTERN.match(agreement_id(state, agency, model))


@given(st.text(max_size=40), SPACE, SPACE)
def test_slug_ignores_surrounding_space_and_case(name: str, before: str, after: str) -> None:
    assert slug(before + name.upper() + after) == slug(name.lower()) or not name.isascii()


@given(st.text(max_size=40))
def test_clean_text_is_idempotent_and_trimmed(text: str) -> None:
    once, _ = norm.clean_text("agency", text)
    assert norm.clean_text("agency", once) == (once, [])
    assert once == once.strip() and "  " not in once and "\n" not in once


@given(
    st.sampled_from(["link", "link ", "link\xa0", "LINK"]),
    st.from_regex(r"https://www\.ice\.gov/doclib/287gMOA/[A-Za-z0-9_]{1,20}\.pdf", fullmatch=True),
)
def test_link_cells_take_the_hyperlink(text: str, url: str) -> None:
    assert link("moa", text, url) == (url, False, [])
