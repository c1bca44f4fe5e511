"""Load, validate and hand on the site's YAML data. Plain Python: never imports MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, DataErrors
from .registry import ENTRIES, NOT_DATA
from .schema import validate
from .yamlfile import load_yaml

__all__ = ["DataError", "DataErrors", "SiteData", "load_site"]


@dataclass
class SiteData:
    """Every validated data file, keyed by its path under data/ without ``.yml``."""

    root: Path
    files: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.files[name]

    def group(self, prefix: str) -> dict[str, Any]:
        """Return the files under a folder, such as ``agencies/participating``."""
        start = prefix.rstrip("/") + "/"
        return {k: v for k, v in sorted(self.files.items()) if k.startswith(start)}


def _display(root: Path, path: Path) -> str:
    """Name a data file the way an editor sees it: ``data/faq.yml``."""
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def load_site(root: Path | str) -> SiteData:
    """Load and validate every data file; raise DataErrors listing all problems at once."""
    root = Path(root)
    schema_dir = root / "schema"
    data = SiteData(root)
    errors: list[DataError] = []
    known: set[Path] = set()
    for entry in ENTRIES:
        paths = sorted(root.glob(entry.pattern))
        if not paths and entry.required:
            errors.append(
                DataError(
                    f"{root.name}/{entry.pattern}", 1, "", "this required data file is missing"
                )
            )
        for path in paths:
            known.add(path)
            display = _display(root, path)
            try:
                loaded = load_yaml(path, display)
            except DataErrors as exc:
                errors.extend(exc.errors)
                continue
            schema = entry.schema if isinstance(entry.schema, str) else entry.schema(loaded)
            problems = validate(loaded, schema_dir, schema, display)
            if not problems and entry.check is not None:
                problems = entry.check(loaded, display)
            errors.extend(problems)
            if not problems:
                data.files[path.relative_to(root).with_suffix("").as_posix()] = loaded
    for path in sorted(root.rglob("*")):
        if path.relative_to(root).parts[0] in NOT_DATA:
            continue
        if path.suffix in {".yml", ".yaml"} and path not in known:
            errors.append(
                DataError(
                    _display(root, path),
                    1,
                    "",
                    "unknown data file; see the editor's guide for the files "
                    "the site reads, or move it out of data/",
                )
            )
    if errors:
        raise DataErrors(errors)
    return data
