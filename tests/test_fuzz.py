"""Editors' mistakes, made at random: whatever is done to a data file, the check either names
each problem as ``data/FILE.yml:LINE: ...`` or accepts the data, never with a traceback; and
the build agrees, leaving no half-written site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site287g.data import DataErrors, load_site
from site287g.views.pages import page_problems

from .conftest import build_project, tiny_project

MESSAGE = re.compile(r"^data/[\w/.-]+\.yml:\d+: \S")
INVISIBLE = ["\u200b", "\x00", "\x0b", "\ufeff", "\u2028", "\x85", "\ue000", "\u202e"]
ODD = ["", "- x", "[1, 2", "{a: b}", '"', "'", ": x", "*x", "&a", "!t", "%", "@x", "~", "12",
       "true", "2025-02-30", "\t", "#", "|", ">", "---", "? x", "x: y: z"]  # fmt: skip


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny whole site, the project every mutation starts from."""
    return tiny_project(tmp_path_factory.mktemp("fuzz") / "project")


def _files(base: Path) -> list[str]:
    """Every data file an editor or the importer writes, relative to data/."""
    data = base / "data"
    return sorted(
        p.relative_to(data).as_posix() for p in data.rglob("*.yml") if "schema" not in p.parts
    )


@st.composite
def mutations(draw, names: list[str]) -> tuple[str, str, int, str]:
    """(file, action, where, what): one change an editor could make to one file."""
    name = draw(st.sampled_from(names))
    action = draw(
        st.sampled_from(["delete line", "duplicate line", "insert", "replace", "truncate", "empty"])
    )
    where = draw(st.integers(0, 10_000))
    what = draw(st.sampled_from(INVISIBLE + ODD) | st.text(max_size=8))
    return name, action, where, what


def mutate(text: str, action: str, where: int, what: str) -> str:
    """The text of a file after one mutation."""
    lines = text.splitlines(keepends=True) or [""]
    at = where % len(lines)
    if action == "delete line":
        return "".join(lines[:at] + lines[at + 1 :])
    if action == "duplicate line":
        return "".join(lines[: at + 1] + lines[at:])
    if action == "insert":
        spot = where % (len(text) + 1)
        return text[:spot] + what + text[spot:]
    if action == "replace":
        line = lines[at]
        head, sep, _ = line.partition(": ")
        lines[at] = f"{head}{sep or ': '}{what}\n" if line.strip() else what + "\n"
        return "".join(lines)
    if action == "truncate":
        return text[: where % (len(text) + 1)]
    return ""


def verdict(project: Path) -> list[str] | None:
    """The data check's messages, or None when it accepts; anything else raised fails."""
    try:
        data = load_site(project / "data")
        problems = page_problems(project / "docs", data)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return [str(e) for e in problems] or None


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_every_mistake_gets_a_line_number_never_a_traceback(base: Path, data) -> None:
    """A mutated data file is accepted, or refused with file:line messages only."""
    name, action, where, what = data.draw(mutations(_files(base)))
    path = base / "data" / name
    original = path.read_bytes()
    try:
        changed = mutate(original.decode("utf-8"), action, where, what)
        path.write_bytes(changed.encode("utf-8"))
        messages = verdict(base)
    finally:
        path.write_bytes(original)
    for message in messages or []:
        assert MESSAGE.match(message), message
        assert "Traceback" not in message and "Errno" not in message


# A few mutations also go through `make check` and the build: both refuse or both accept.
SAMPLES = [
    ("faq.yml", "replace", 3, "*x"),
    ("faq.yml", "insert", 120, "\u200b"),
    ("training.yml", "truncate", 40, ""),
    ("agencies/lists.yml", "delete line", 3, ""),
    ("models.yml", "duplicate line", 12, ""),
    ("site.yml", "replace", 5, "2025-02-30"),
]


@pytest.mark.parametrize(("name", "action", "where", "what"), SAMPLES)
def test_check_and_build_agree(tmp_path: Path, name, action, where, what) -> None:
    """The data check, `make check` and the strict build give one verdict on a mutation."""
    project = tiny_project(tmp_path / "project")
    path = project / "data" / name
    path.write_text(mutate(path.read_text(encoding="utf-8"), action, where, what), "utf-8")
    expected = verdict(project)
    check = subprocess.run(
        [sys.executable, "-m", "site287g.check", str(project)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    build = build_project(project)
    assert "Traceback" not in check.stderr + build.output
    assert (check.returncode == 0) == (build.returncode == 0) == (expected is None), (
        check.stderr + build.output
    )
    for message in expected or []:
        assert message in check.stderr and message in build.output
    if build.returncode != 0:
        assert not build.site.exists()
    shutil.rmtree(project, ignore_errors=True)
