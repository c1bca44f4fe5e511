"""`make serve` while editing: a broken data file is reported in the terminal, the last good
site keeps being served, and the fix is picked up by itself."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import MKDOCS, tiny_project

QUESTION = "Why is It Called the 287(g) Program?"


class Serve:
    """`mkdocs serve --strict` of a project copy on a free 127.0.0.1 port, output collected."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "PYTHONUNBUFFERED": "1"}
        # As `make serve` does: no __pycache__ written into the watched src/ (a rebuild each)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("SITE_URL", None)
        self.proc = subprocess.Popen(
            [*MKDOCS, "serve", "--strict", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        """Everything the server printed so far."""
        return "".join(self.lines)

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
        """Poll ``condition`` until it holds; fail naming ``what`` with the output so far."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            assert self.proc.poll() is None, f"mkdocs serve exited:\n{self.output}"
            time.sleep(0.25)
        pytest.fail(f"timed out waiting for {what}; output:\n{self.output}")

    def get(self, path: str) -> tuple[int, str]:
        """Fetch a page from the server."""
        url = f"http://127.0.0.1:{self.port}/{path}"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, ""

    def stop(self) -> None:
        """End the server (and only it)."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Serve, Path]]:
    """The tiny site being served, and its folder."""
    project = tiny_project(tmp_path / "project")
    server = Serve(project)
    try:
        server.wait(lambda: "Serving on" in server.output, "the first build")
        yield server, project
    finally:
        server.stop()


def edit(path: Path, old: str, new: str) -> None:
    """Change one piece of text in a file, as an editor saving it would."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_broken_data_keeps_last_good_site(served: tuple[Serve, Path]) -> None:
    """Break data/faq.yml: the error is printed, /faq/ still serves; fix it: the page updates."""
    server, project = served
    faq = project / "data" / "faq.yml"
    assert QUESTION in server.get("faq/")[1]

    lines = faq.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if QUESTION in text)
    edit(faq, f'question: "{QUESTION}"', f'questoin: "{QUESTION}"')
    message = f"data/faq.yml:{line}: questions[2].questoin: unknown field 'questoin'"
    server.wait(lambda: message in server.output, "the data error in the terminal")
    status, body = server.get("faq/")
    assert status == 200
    assert QUESTION in body
    assert "Traceback" not in server.output

    edited = "Why Is It Called 287(g)?"
    edit(faq, f'questoin: "{QUESTION}"', f'question: "{edited}"')
    server.wait(lambda: edited in server.get("faq/")[1], "the fixed page")
    assert QUESTION not in server.get("faq/")[1]


def test_failure_mid_build_keeps_whole_site(served: tuple[Serve, Path]) -> None:
    """An error found while pages are written (after MkDocs emptied the site folder) still
    leaves every page of the last good site served."""
    server, project = served
    model_page = project / "docs" / "models" / "task-force-model.md"
    edit(model_page, "model: tfm\n", "model: nope\n")
    server.wait(
        lambda: "front matter 'model: nope' names no model" in server.output, "the page error"
    )
    for path in ("", "faq/", "models/task-force-model/"):
        status, body = server.get(path)
        assert status == 200 and "Last updated" in body, path
    edit(model_page, "model: nope\n", "model: tfm\n")
    server.wait(lambda: server.output.count("Reloading browsers") >= 1, "the rebuild")
    assert QUESTION in server.get("faq/")[1]


def without_reload(html: str) -> str:
    """A served page without the live-reload script, which differs on every request."""
    return re.sub(r"<script>\s*var livereload = .*?</script>", "", html, flags=re.DOTALL)


def test_an_edit_reaches_every_page_it_changes(served: tuple[Serve, Path]) -> None:
    """An answer of the FAQ changes the FAQ page and leaves an agency list page as it was; the
    FAQ's title, which the navigation of every page shows, and the site's name reach it."""
    server, project = served
    faq, site = project / "data" / "faq.yml", project / "data" / "site.yml"
    listing = "agencies/participating/"
    status, before = server.get(listing)
    assert status == 200 and "287(g) FAQ" in before

    edited = "Why Is It Called 287(g)?"
    edit(faq, f'question: "{QUESTION}"', f'question: "{edited}"')
    server.wait(lambda: edited in server.get("faq/")[1], "the edited answer")
    assert without_reload(server.get(listing)[1]) == without_reload(before)

    edit(faq, 'title: "287(g) FAQ"', 'title: "Questions and Answers"')
    server.wait(
        lambda: "Questions and Answers" in server.get(listing)[1], "the new title in the nav"
    )
    assert "287(g) FAQ" not in server.get(listing)[1]

    edit(site, 'title: "287(g) Program"', 'title: "The 287(g) Program"')
    server.wait(lambda: "The 287(g) Program" in server.get(listing)[1], "the new site name")


def test_an_agency_edit_reaches_the_downloads(served: tuple[Serve, Path]) -> None:
    """After an edit that leaves the agency files as they were (the FAQ), an edit of an
    agreement reaches the participating list's CSV as well as its page."""
    server, project = served
    listing = "agencies/participating/"
    csv_href = re.search(r'href="([^"]+\.csv)" download', server.get(listing)[1])[1]
    csv_path = re.sub(r"^(\.\./)+", "", csv_href)
    assert "2025-09-22" in server.get(csv_path)[1]

    edited = "Why Is It Called 287(g)?"
    edit(project / "data" / "faq.yml", f'question: "{QUESTION}"', f'question: "{edited}"')
    server.wait(lambda: edited in server.get("faq/")[1], "the edited answer")
    assert "2025-09-22" in server.get(csv_path)[1]

    gu = project / "data" / "agencies" / "participating" / "gu.yml"
    edit(gu, "signed: '2025-09-22'", "signed: '2025-09-23'")
    server.wait(lambda: "2025-09-23" in server.get(csv_path)[1], "the edited date in the CSV")
    assert "2025-09-22" not in server.get(csv_path)[1]
