"""Which files live under data/ and which schema checks each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """A data file (or a glob of them) and the schema it must satisfy."""

    pattern: str
    schema: str
    required: bool = True


ENTRIES: tuple[Entry, ...] = (
    Entry("site.yml", "site"),
    Entry("program.yml", "program"),
    Entry("models.yml", "models"),
    Entry("training.yml", "training"),
    Entry("signup.yml", "signup"),
    Entry("faq.yml", "faq"),
    # Agency lists, written by the importer (`make import`); absent in a fresh project.
    Entry("agencies/participating/*.yml", "agencies", required=False),
    Entry("agencies/pending/*.yml", "agencies", required=False),
    Entry("agencies/lists.yml", "agency_lists", required=False),
    Entry("agencies/history.yml", "agency_history", required=False),
    Entry("agencies/quality.yml", "agency_quality", required=False),
)
