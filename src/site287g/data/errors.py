"""Errors a content editor can act on: file, line, field, what is wrong, what is allowed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, printed as ``data/FILE.yml:LINE: field: message``."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"


class DataErrors(Exception):
    """Every problem found in the data, raised once after all files were checked."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        """Return all errors, one per line, with a count first."""
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in the data files:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])
