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
)
