"""The project's vocabulary: every code and fixed name, defined once and imported everywhere.

Display names of the models are content and live in ``data/models.yml``; their codes are here.
``data/schema/vocabulary.schema.json`` is generated from this module (``make schemas``) so that
editors' schemas and the validator use the same lists; a test keeps the file current.
"""

from __future__ import annotations

from typing import Any

# USPS code -> name of every state, DC and territory that ICE's lists name (or may name).
STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico", "VI": "U.S. Virgin Islands",
}  # fmt: skip
STATE_CODES: tuple[str, ...] = tuple(sorted(STATE_NAMES))
# ICE's STATE column writes the name in capitals: TEXAS.
STATES: dict[str, str] = {name.upper(): code for code, name in STATE_NAMES.items()}
# Other spellings seen or likely in ICE's STATE column.
STATE_ALIASES: dict[str, str] = {
    "WASHINGTON DC": "DC",
    "WASHINGTON D.C.": "DC",
    "D.C.": "DC",
    "VIRGIN ISLANDS": "VI",
    "US VIRGIN ISLANDS": "VI",
    "COMMONWEALTH OF THE NORTHERN MARIANA ISLANDS": "MP",
    "CNMI": "MP",
}

# The two lists ICE publishes, and their titles on the site.
LISTS: dict[str, str] = {"participating": "Participating agencies", "pending": "Pending agencies"}

# Model codes; names, abbreviations and page addresses are in data/models.yml.
MODELS: tuple[str, ...] = ("jem", "tfm", "wso")
# The values of the SUPPORT TYPE column of ICE's lists: what the importer recognises and what
# the CSV and XLSX downloads write, so that a download imports back unchanged. (The names the
# site shows are in data/models.yml, from ICE's 287(g) page: "Warrant Service Officer Program".)
SUPPORT_TYPES: dict[str, str] = {
    "jem": "Jail Enforcement Model",
    "tfm": "Task Force Model",
    "wso": "Warrant Service Officer",
}
# Spellings ICE has actually published, mapped without a flag beyond "spelling variant".
MODEL_VARIANTS: dict[str, str] = {
    "warrant service office": "wso",
    "warrant services officer": "wso",
    "warrant services office": "wso",
    "jail enforcement": "jem",
    "task force": "tfm",
}

# Kind of agency (ICE's TYPE column): code -> name, as shown and as the downloads write it.
TYPE_NAMES: dict[str, str] = {
    "county": "County",
    "municipality": "Municipality",
    "state_agency": "State agency",
}
TYPES: tuple[str, ...] = tuple(TYPE_NAMES)
TYPE_VARIANTS: dict[str, str] = {"state": "state_agency", "city": "municipality"}
NOT_GIVEN = "not given"

# ICE's editions of one day, in the order they were published (a list without one comes first).
EDITIONS: tuple[str, ...] = ("am", "mid", "pm")

COUNTY_PLACEHOLDERS: frozenset[str] = frozenset({"#N/A", "#NA", "N/A", "NA", "#VALUE!", "-"})
# Words that make a COUNTY value look like a county-level name.
COUNTY_WORDS: tuple[str, ...] = (
    "county",
    "parish",
    "borough",
    "city",
    "municipality",
    "census area",
)

# Every field of an agreement record, in the order the files write them, with the word a
# reader sees for it (change logs, feeds). data/schema/agencies.schema.json lists the same keys.
RECORD_FIELDS: dict[str, str] = {
    "id": "id",
    "state": "state",
    "agency": "name",
    "type": "type",
    "county": "county",
    "model": "model",
    "signed": "date signed",
    "moa": "agreement (MOA)",
    "moa_pending": "agreement pending",
    "addendum": "addendum",
    "flags": "data-quality notes",
}
RECORD_KEYS: tuple[str, ...] = tuple(RECORD_FIELDS)
# The fields a flag can name.
FIELDS: tuple[str, ...] = (
    "state",
    "agency",
    "type",
    "county",
    "model",
    "signed",
    "moa",
    "addendum",
    "id",
)

# ICE's column headers (upper case, single spaces) -> record field; *_URL columns hold the
# hyperlink behind a "link" cell (our CSV snapshots and downloads).
ICE_COLUMNS: dict[str, str] = {
    "STATE": "state",
    "LAW ENFORCEMENT AGENCY": "agency",
    "TYPE": "type",
    "COUNTY": "county",
    "SUPPORT TYPE": "model",
    "SIGNED": "signed",
    "MOA": "moa",
    "ADDENDUM": "addendum",
    "MOA_URL": "moa_url",
    "ADDENDUM_URL": "addendum_url",
}

# Every problem a flag can name; the quality report counts by these exact phrases.
PROBLEMS: dict[str, str] = {
    "placeholder": "placeholder, no county given",
    "misspelling": "possible misspelling",
    "not_county": "not a county name (no County, Parish or similar)",
    "impossible_date": "impossible date",
    "interpreted_date": "malformed date, interpreted",
    "excel_serial": "Excel serial number, converted",
    "missing_date": "no date given",
    "unreadable_date": "unreadable date",
    "variant": "spelling variant",
    "unknown_type": "unknown agency type",
    "missing_type": "no agency type given",
    "line_break": "line break inside value, joined with a space",
    "safelinks": "Outlook SafeLinks wrapper removed",
    "url_space": "space in URL encoded as %20",
    "url_prefix": "browser-extension prefix removed from URL",
    "url_repaired": "malformed URL, repaired",
    "link_without_url": "link text without a URL",
    "two_links": "two links in one cell, only the first URL is readable",
    "bad_link": "unrecognised link cell",
    "duplicate": "duplicate agreement, id suffixed",
    "matched": "unrecognised spelling, matched to the closest name",
    "model_from_link": "no model given, taken from the MOA link",
    "model_from_list": "no model given, taken from the agency's row in a neighbouring list",
}

DATE_HINT = "a calendar date written YYYY-MM-DD, such as 2026-05-18"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
ID_HINT = "lower-case letters, digits and single hyphens, such as training-cost"
AGREEMENT_ID_PATTERN = "^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*-(" + "|".join(MODELS) + ")(-[0-9]+)?$"


def model_order(code: str) -> int:
    """Position of a model code in the fixed order jem, tfm, wso."""
    return MODELS.index(code)


def edition_order(edition: str | None) -> int:
    """Position of an edition within its day: none first, then am, mid, pm, then others."""
    return 0 if not edition else 1 + (EDITIONS.index(edition) if edition in EDITIONS else 99)


def vocabulary_schema() -> dict[str, Any]:
    """The JSON Schema fragments every other schema refers to, built from the lists above."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "vocabulary.schema.json",
        "title": "Codes shared by the data files",
        "description": "Generated from src/site287g/data/vocab.py by `make schemas`; do not edit.",
        "$defs": {
            "state": {
                "type": "string",
                "enum": list(STATE_CODES),
                "enumDescriptions": [STATE_NAMES[c] for c in STATE_CODES],
                "description": "USPS code of the state or territory (GU = Guam, "
                "MP = Northern Mariana Islands).",
            },
            "list": {
                "type": "string",
                "enum": list(LISTS),
                "description": "Which ICE list: participating (signed agreements) or pending "
                "(requested, not yet signed).",
            },
            "model": {
                "type": "string",
                "enum": list(MODELS),
                "description": "287(g) model code; data/models.yml names each model.",
            },
            "agency_type": {
                "type": ["string", "null"],
                "enum": [*TYPES, None],
                "description": "Kind of agency: "
                + ", ".join(f"{t} ({n})" for t, n in TYPE_NAMES.items())
                + "; null where the list had no TYPE column or an unusable value.",
            },
            "edition": {
                "type": ["string", "null"],
                "enum": [*EDITIONS, None],
                "description": "ICE's edition of the day (am, mid, pm), or null.",
            },
            "flag_field": {"type": "string", "enum": list(FIELDS)},
            "date": {
                "type": "string",
                "format": "date",
                "x-allowed": DATE_HINT,
                "description": "A calendar date, YYYY-MM-DD.",
            },
            "id": {"type": "string", "pattern": ID_PATTERN, "x-allowed": ID_HINT},
            "agreement_id": {
                "type": "string",
                "pattern": AGREEMENT_ID_PATTERN,
                "x-allowed": "the agreement's id as the importer wrote it, such as "
                "tx-harris-county-sheriffs-office-jem",
                "description": "Stable id: lower-case state code, slug of the agency name, "
                "model; '-2' etc. only for a repeated row. Never edit by hand.",
            },
        },
    }
