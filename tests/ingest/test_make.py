"""mk/import.mk: `make import FILE=... [LIST=...]` runs the importer; no FILE prints usage."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PART_HEADER, ROOT, write_xlsx

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make(tmp_path: Path, *args: str, silent: bool = True) -> subprocess.CompletedProcess[str]:
    """Run make with a stand-in for main's Makefile (VENV_PY and a `venv` target)."""
    makefile = tmp_path / "Makefile"
    makefile.write_text(
        f"VENV_PY := {sys.executable}\n.PHONY: venv\nvenv:\n\t@true\ninclude {ROOT}/mk/*.mk\n"
    )
    return subprocess.run(
        ["make", "--no-print-directory", *(["-s"] if silent else []), "-f", str(makefile), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_import_without_file_prints_usage(tmp_path: Path) -> None:
    result = _make(tmp_path, "import")
    assert result.returncode != 0
    assert "usage: make import FILE=path.xlsx" in result.stderr


def test_import_target_runs_the_importer(tmp_path: Path, small_xlsx: Path) -> None:
    data = tmp_path / "data"
    result = _make(
        tmp_path, "import", f"FILE={small_xlsx}", "LIST=participating", f"DATA_DIR={data}"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "participating list as of 2025-03-02am: 3 rows read, 3 placed; 3 added"
    )
    assert (data / "agencies" / "participating" / "tx.yml").exists()


def test_import_target_passes_the_swapped_list_refusal_through(
    tmp_path: Path, small_xlsx: Path
) -> None:
    result = _make(
        tmp_path, "import", f"FILE={small_xlsx}", "LIST=pending", f"DATA_DIR={tmp_path / 'data'}"
    )
    assert result.returncode != 0
    assert "holds the participating list" in result.stderr


def test_import_echoes_no_command_and_passes_allow_through(
    tmp_path: Path, small_xlsx: Path
) -> None:
    data = f"DATA_DIR={tmp_path / 'data'}"
    assert _make(tmp_path, "import", f"FILE={small_xlsx}", data).returncode == 0
    empty = write_xlsx(tmp_path / "participatingAgencies04012025am.xlsx", PART_HEADER, [])
    refused = _make(tmp_path, "import", f"FILE={empty}", data, silent=False)
    assert refused.returncode != 0
    assert "--allow empty,removals (make import FILE=... ALLOW=empty,removals)" in refused.stderr
    allowed = _make(tmp_path, "import", f"FILE={empty}", data, "ALLOW=empty,removals", silent=False)
    assert allowed.returncode == 0, allowed.stderr
    assert allowed.stdout.startswith(
        "participating list as of 2025-04-01am: 0 rows read, 0 placed; 0 added, 3 removed"
    )
    for result in (refused, allowed):
        assert "site287g" not in result.stdout + result.stderr  # no command line echoed
