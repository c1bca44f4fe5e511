"""Identical input gives byte-identical files, in this process and in a fresh one."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT, render_all


def test_build_twice_same_bytes(built, tmp_path):
    again = render_all(tmp_path)
    assert len(again) == len(built) == 9
    for key, f in again.items():
        assert f.path.read_bytes() == built[key].path.read_bytes(), f.path.name


def test_fresh_process_same_bytes(built, tmp_path):
    code = (
        "import sys; from pathlib import Path; from tests.documents.conftest import render_all; "
        "render_all(Path(sys.argv[1]))"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        check=True,
        capture_output=True,
        cwd=ROOT,
        env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"},
    )
    for (stem, fmt), f in built.items():
        assert (tmp_path / f"{stem}.{fmt}").read_bytes() == f.path.read_bytes(), f.path.name


def test_output_files_describe_themselves(built):
    f = built[("moa_tfm", "pdf")]
    assert f.format == "pdf" and f.size == f.path.stat().st_size
    assert f.title == "Memorandum of Agreement: 287(g) Task Force Model (template)"
