"""Fixed vocabularies of the agency lists: states, models, agency types and flag problems."""

from __future__ import annotations

# USPS codes for every STATE value ICE has used, plus DC and the territories.
STATES: dict[str, str] = {
    "ALABAMA": "AL",
    "ALASKA": "AK",
    "ARIZONA": "AZ",
    "ARKANSAS": "AR",
    "CALIFORNIA": "CA",
    "COLORADO": "CO",
    "CONNECTICUT": "CT",
    "DELAWARE": "DE",
    "FLORIDA": "FL",
    "GEORGIA": "GA",
    "HAWAII": "HI",
    "IDAHO": "ID",
    "ILLINOIS": "IL",
    "INDIANA": "IN",
    "IOWA": "IA",
    "KANSAS": "KS",
    "KENTUCKY": "KY",
    "LOUISIANA": "LA",
    "MAINE": "ME",
    "MARYLAND": "MD",
    "MASSACHUSETTS": "MA",
    "MICHIGAN": "MI",
    "MINNESOTA": "MN",
    "MISSISSIPPI": "MS",
    "MISSOURI": "MO",
    "MONTANA": "MT",
    "NEBRASKA": "NE",
    "NEVADA": "NV",
    "NEW HAMPSHIRE": "NH",
    "NEW JERSEY": "NJ",
    "NEW MEXICO": "NM",
    "NEW YORK": "NY",
    "NORTH CAROLINA": "NC",
    "NORTH DAKOTA": "ND",
    "OHIO": "OH",
    "OKLAHOMA": "OK",
    "OREGON": "OR",
    "PENNSYLVANIA": "PA",
    "RHODE ISLAND": "RI",
    "SOUTH CAROLINA": "SC",
    "SOUTH DAKOTA": "SD",
    "TENNESSEE": "TN",
    "TEXAS": "TX",
    "UTAH": "UT",
    "VERMONT": "VT",
    "VIRGINIA": "VA",
    "WASHINGTON": "WA",
    "WEST VIRGINIA": "WV",
    "WISCONSIN": "WI",
    "WYOMING": "WY",
    "DISTRICT OF COLUMBIA": "DC",
    "AMERICAN SAMOA": "AS",
    "GUAM": "GU",
    "NORTHERN MARIANA ISLANDS": "MP",
    "PUERTO RICO": "PR",
    "U.S. VIRGIN ISLANDS": "VI",
}
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
STATE_CODES: tuple[str, ...] = tuple(sorted(set(STATES.values())))

MODELS: tuple[str, ...] = ("jem", "tfm", "wso")
MODEL_NAMES: dict[str, str] = {
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

TYPES: tuple[str, ...] = ("county", "municipality", "state_agency")
TYPE_NAMES: dict[str, str] = {
    "county": "County",
    "municipality": "Municipality",
    "state_agency": "State Agency",
}
TYPE_VARIANTS: dict[str, str] = {"state": "state_agency", "city": "municipality"}

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

# The fields a flag can name (the schema's flag "field" values); records.RECORD_KEYS is the
# full key order of a record, flags and moa_pending included.
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
