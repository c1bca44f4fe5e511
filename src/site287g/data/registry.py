"""Which files live under data/, which schema checks each, and any rules beyond the schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import DataError

Check = Callable[[Any, str], list[DataError]]


def _template_schema(data: Any) -> str:
    """Templates name their schema by ``kind``: the overview has its own."""
    from ..views.documents.model import schema_name

    return schema_name(data) if isinstance(data, dict) else "template"


def _template_rules(data: Any, display: str) -> list[DataError]:
    """Fill-in fields declared and used, no empty section, no repeated paragraph number."""
    from ..views.documents.model import Template, validate

    return [
        DataError(e.path, e.line or 1, e.field, e.message)
        for e in validate(Template(data, display))
    ]


@dataclass(frozen=True)
class Entry:
    """A data file (or a glob of them), the schema it must satisfy and any further rules."""

    pattern: str
    schema: str | Callable[[Any], str]
    required: bool = True
    check: Check | None = None


ENTRIES: tuple[Entry, ...] = (
    Entry("site.yml", "site"),
    Entry("program.yml", "program"),
    Entry("models.yml", "models"),
    Entry("training.yml", "training"),
    Entry("signup.yml", "signup"),
    Entry("faq.yml", "faq"),
    Entry("templates/*.yml", _template_schema, check=_template_rules),
    # Agency lists, written by the importer (`make import`); absent in a fresh project.
    Entry("agencies/participating/*.yml", "agencies", required=False),
    Entry("agencies/pending/*.yml", "agencies", required=False),
    Entry("agencies/lists.yml", "agency_lists", required=False),
    Entry("agencies/history.yml", "agency_history", required=False),
    Entry("agencies/quality.yml", "agency_quality", required=False),
)
