"""Which files live under data/, which schema checks each, and the rules beyond the schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .templates import schema_name, template_rules
from .text import document_rules

Finding = tuple[tuple[str | int, ...], str]
Rule = Callable[[Any], list[Finding]]


@dataclass(frozen=True)
class Entry:
    """A data file (or a glob of them), the schema it must satisfy and any further rules."""

    pattern: str
    schema: str | Callable[[Any], str]
    required: bool = True
    rules: tuple[Rule, ...] = field(default=())

    def schema_for(self, data: Any) -> str:
        """The schema that governs this file's content."""
        return self.schema if isinstance(self.schema, str) else self.schema(data)


ENTRIES: tuple[Entry, ...] = (
    Entry("site.yml", "site"),
    # The one-page overview (PDF) prints program, models, training and signup text.
    Entry("program.yml", "program", rules=(document_rules,)),
    Entry("models.yml", "models", rules=(document_rules,)),
    Entry("training.yml", "training", rules=(document_rules,)),
    Entry("signup.yml", "signup", rules=(document_rules,)),
    Entry("faq.yml", "faq"),
    Entry("templates/*.yml", schema_name, rules=(template_rules, document_rules)),
    # Agency lists, written by the importer (`make import`); absent in a fresh project.
    Entry("agencies/participating/*.yml", "agencies", required=False),
    Entry("agencies/pending/*.yml", "agencies", required=False),
    Entry("agencies/lists.yml", "agency_lists", required=False),
    Entry("agencies/history.yml", "agency_history", required=False),
    Entry("agencies/quality.yml", "agency_quality", required=False),
    Entry("agencies/lifecycle.yml", "agency_lifecycle", required=False),
    Entry("agencies/sources.yml", "agency_sources", required=False),
)
