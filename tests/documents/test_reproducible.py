"""Identical input gives byte-identical files, in this process and in a fresh one."""

from __future__ import annotations

import subprocess
import sys

from site287g.views.documents.build import build_all

from .conftest import TEMPLATE_DIR, facts


def test_build_twice_same_bytes(templates, built, tmp_path):
    again = build_all(templates, tmp_path, facts())
    assert len(again) == len(built) == 9
    for f in again:
        assert f.path.read_bytes() == built[(f.path.stem, f.format)].path.read_bytes(), f.path.name


def test_fresh_process_same_bytes(built, tmp_path):
    subprocess.run(
        [sys.executable, "-m", "site287g.views.documents.build", str(TEMPLATE_DIR), str(tmp_path)],
        check=True,
        capture_output=True,
        env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"},
    )
    for (stem, fmt), f in built.items():
        assert (tmp_path / f"{stem}.{fmt}").read_bytes() == f.path.read_bytes(), f.path.name


def test_output_files_describe_themselves(built):
    f = built[("moa_tfm", "pdf")]
    assert f.format == "pdf" and f.size == f.path.stat().st_size
    assert f.title == "Memorandum of Agreement: 287(g) Task Force Model (template)"
