"""make refresh against a stand-in for ice.gov on 127.0.0.1: links, downloads, skips, refusals."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site287g.data.vocab import STATE_NAMES, SUPPORT_TYPES, TYPE_NAMES
from site287g.ingest import load, originals
from site287g.ingest.fetch import FetchError, Response
from site287g.ingest.icepage import Link, PageError, file_name, find_links
from site287g.ingest.importer import run_import
from site287g.ingest.refresh import main

from .conftest import PART_HEADER, PEND_HEADER, ROOT, write_xlsx

DOCLIB = "/doclib/about/offices/ero/287g"
Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


class Ice:
    """A local web server that answers like ice.gov: routes map a path to a response."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, str]] = []  # (path, User-Agent) of every request
        ice = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                """Answer from the routes; 404 for anything else."""
                ice.seen.append((self.path, self.headers.get("User-Agent", "")))
                route = ice.routes.get(self.path, (404, {}, b"not found"))
                if callable(route):
                    return route(self)
                status, headers, body = route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                """Keep the test output clean."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.server.handle_error = lambda *a: None  # a client that gave up is no test failure
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, links: list[tuple[str, str]]) -> str:
        """Serve a 287(g) page with the given (href, text) workbook links; return its URL."""
        anchors = "\n".join(
            f'<p><a href="{href}"><span>{text}</span></a> (XLSX)</p>' for href, text in links
        )
        html = f"""<!DOCTYPE html><html><head><title>Partner With ICE Through the 287(g)
        Program | ICE</title></head><body><nav><a href="/identify-and-arrest/287g">287(g)</a>
        <a href="/about">About ICE</a></nav><h1>Partner With ICE Through the 287(g) Program</h1>
        <p>You can also view all 287(g) participating agencies <a href="/287g-map">here</a>.</p>
        {anchors}
        <a href="/doclib/about/offices/ero/pdf/287gProgramOverview.pdf">287(g) fact sheet</a>
        </body></html>"""
        self.routes["/identify-and-arrest/287g"] = (
            200,
            {"Content-Type": "text/html"},
            html.encode(),
        )
        return self.base + "/identify-and-arrest/287g"

    def workbook(self, path: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        """Serve a workbook at path."""
        ctype = {
            "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
        self.routes[path] = (200, {**ctype, **(headers or {})}, body)


@pytest.fixture
def ice(monkeypatch: pytest.MonkeyPatch) -> Iterator[Ice]:
    """The stand-in server, running for one test."""
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    server = Ice()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def _real(kind: str) -> list[dict]:
    """Real agreements of one list from data/agencies, in a stable order."""
    recs = load.current(ROOT / "data").records[kind]
    return sorted(recs, key=lambda r: r["id"])


def _xlsx(path: Path, kind: str, recs: list[dict], header: list[str] | None = None) -> bytes:
    """An ICE-shaped workbook of real agreements (MOA cells hyperlinked "link", as ICE does)."""
    rows, links = [], {}
    for i, r in enumerate(recs):
        row = [
            STATE_NAMES[r["state"]],
            r["agency"],
            TYPE_NAMES.get(r.get("type") or "", ""),
            r.get("county") or "#N/A",
            SUPPORT_TYPES[r["model"]],
        ]
        if kind == "participating":
            signed = dt.datetime.fromisoformat(r["signed"]) if r.get("signed") else None
            row += [signed, "link" if r.get("moa") else None, "link" if r.get("addendum") else None]
            links.update({(i, "MOA"): r["moa"]} if r.get("moa") else {})
            links.update({(i, "ADDENDUM"): r["addendum"]} if r.get("addendum") else {})
        rows.append(row)
    header = header or (PART_HEADER if kind == "participating" else PEND_HEADER)
    return write_xlsx(path, header, rows, links).read_bytes()


PART, PEND = _real("participating"), _real("pending")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data/ folder with the schemas and both lists imported as of 2026-05-01."""
    folder = tmp_path / "data"
    (folder / "schema").unlink()  # the package's link to data/schema: a copy of our own here
    shutil.copytree(ROOT / "data" / "schema", folder / "schema")
    for kind, recs in (("participating", PART[:40]), ("pending", PEND[:4])):
        path = tmp_path / "seed" / f"{kind}Agencies05012026am.xlsx"
        path.parent.mkdir(exist_ok=True)
        _xlsx(path, kind, recs)
        run_import(path, data_dir=folder, out=lambda _: None)
    return folder


def _book(tmp_path: Path, kind: str, recs: list[dict], name: str = "book.xlsx", **kw) -> bytes:
    """Bytes of an ICE-shaped workbook."""
    (tmp_path / "books").mkdir(exist_ok=True)
    return _xlsx(tmp_path / "books" / name, kind, recs, **kw)


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes ({} if it does not exist)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _run(page: str, data: Path, *extra: str) -> int:
    """The command line with short timeouts and no waiting between attempts."""
    sources = data.parent / "sources" / "ice"
    args = ["--page", page, "--data-dir", str(data), "--sources", str(sources)]
    return main([*args, "--timeout", "5", "--attempts", "1", "--backoff", "0", *extra])


def _serve_new_lists(ice: Ice, tmp_path: Path) -> str:
    """Both lists as of 2026-05-20am, each two agreements in and two out; pending link first."""
    ice.workbook(f"{DOCLIB}/pendingAgencies05202026am.xlsx", _book(tmp_path, "pending", PEND[2:6]))
    ice.workbook(
        f"{DOCLIB}/participatingAgencies05202026am.xlsx",
        _book(tmp_path, "participating", PART[2:42], "p.xlsx"),
    )
    return ice.page(
        [
            (f"{DOCLIB}/pendingAgencies05202026am.xlsx", "Pending Agencies"),
            (f"{DOCLIB}/participatingAgencies05202026am.xlsx", "Participating Agencies"),
        ]
    )


def test_new_lists_are_imported_and_kept_as_they_came(
    ice: Ice, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _serve_new_lists(ice, tmp_path)
    summary = tmp_path / "summary.md"
    assert _run(page, data, "--summary", str(summary)) == 10
    lists = load.current(data).lists
    assert lists["participating"]["source"] == "participatingAgencies05202026am.xlsx"
    assert (lists["participating"]["as_of"], lists["pending"]["as_of"]) == ("2026-05-20",) * 2
    ids = {r["id"] for r in load.current(data).records["participating"]}
    assert ids == {r["id"] for r in PART[2:42]}
    kept = tmp_path / "sources" / "ice" / "participating" / "participatingAgencies05202026am.xlsx"
    served = ice.routes[f"{DOCLIB}/participatingAgencies05202026am.xlsx"][2]
    assert kept.read_bytes() == served
    assert originals.known(kept.parents[1])[originals.sha256(served)] == (
        "participating/participatingAgencies05202026am.xlsx"
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## ICE lists as of 2026-05-20am: participating, pending")
    assert (
        "| participating | `participatingAgencies05202026am.xlsx` | 2026-05-20am | 40 | 2 | 2 |"
        in text
    )
    assert text in capsys.readouterr().out
    assert all("Mozilla/" in agent for _, agent in ice.seen)


def test_an_unchanged_file_is_skipped(ice: Ice, data: Path, tmp_path: Path) -> None:
    page = _serve_new_lists(ice, tmp_path)
    assert _run(page, data) == 10
    before = _files(tmp_path)
    summary = tmp_path / "again.md"
    assert _run(page, data, "--summary", str(summary)) == 0
    after = _files(tmp_path)
    assert {k: v for k, v in after.items() if k != "again.md"} == before
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## No new ICE list")
    assert text.count("| unchanged |") == 2


def test_a_file_ice_replaced_under_the_same_name_is_kept_beside_the_first(
    ice: Ice, data: Path, tmp_path: Path
) -> None:
    page = _serve_new_lists(ice, tmp_path)
    assert _run(page, data) == 10
    path = f"{DOCLIB}/participatingAgencies05202026am.xlsx"
    second = _book(tmp_path, "participating", PART[3:43], "again.xlsx")
    ice.workbook(path, second)
    assert _run(page, data, "--lists", "participating") == 10
    name = f"participatingAgencies05202026am-{originals.sha256(second)[:8]}.xlsx"
    folder = tmp_path / "sources" / "ice" / "participating"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["participatingAgencies05202026am.xlsx", name]
    )
    assert (folder / name).read_bytes() == second
    assert load.current(data).lists["participating"]["source"] == name


def test_redirect_and_content_disposition_give_the_file_names(
    ice: Ice, data: Path, tmp_path: Path
) -> None:
    name = "participatingAgencies05202026pm.xlsx"
    ice.routes["/file-download/download/public/5101"] = (302, {"Location": f"{DOCLIB}/{name}"}, b"")
    ice.workbook(f"{DOCLIB}/{name}", _book(tmp_path, "participating", PART[:42]))
    ice.workbook(
        "/file-download/download/public/5102",
        _book(tmp_path, "pending", PEND[:5], "q.xlsx"),
        {"Content-Disposition": "attachment; filename*=UTF-8''pendingAgencies05192026pm.xlsx"},
    )
    page = ice.page(
        [
            ("/file-download/download/public/5101", "287(g) Participating Agencies"),
            ("/file-download/download/public/5102", "287(g) Pending Agencies"),
        ]
    )
    assert _run(page, data) == 10
    lists = load.current(data).lists
    assert lists["participating"]["source"] == name
    assert (lists["participating"]["as_of"], lists["participating"]["edition"]) == (
        "2026-05-20",
        "pm",
    )
    assert lists["pending"]["source"] == "pendingAgencies05192026pm.xlsx"
    assert (tmp_path / "sources/ice/pending/pendingAgencies05192026pm.xlsx").is_file()


def test_a_block_page_with_status_200_is_no_workbook(
    ice: Ice, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _serve_new_lists(ice, tmp_path)
    block = b"<html><head><title>Access Denied</title></head><body>Reference #18.2f</body></html>"
    ice.routes[f"{DOCLIB}/participatingAgencies05202026am.xlsx"] = (
        200,
        {"Content-Type": "text/html"},
        block,
    )
    before = _files(data)
    assert _run(page, data) == 30
    out = capsys.readouterr().out
    assert "an HTML page titled 'Access Denied'" in out and "not a workbook" in out
    assert _files(data) == before
    assert not (tmp_path / "sources").exists()


def test_a_browser_user_agent_gets_past_ices_403(
    ice: Ice, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _serve_new_lists(ice, tmp_path)
    served = dict(ice.routes)

    def forbid_robots(path: str) -> Route:
        """The route of path, answering 403 to a client without a browser User-Agent."""

        def answer(handler: BaseHTTPRequestHandler) -> None:
            """403 for robots, else what path serves."""
            if "Mozilla/" not in handler.headers.get("User-Agent", ""):
                handler.send_error(403, "Forbidden")
                return
            status, headers, body = served[path]
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(body)

        return answer

    ice.routes.update({path: forbid_robots(path) for path in served})
    assert _run(page, data, "--user-agent", "Python-urllib/3.11") == 30
    assert (
        "HTTP 403 Forbidden; ice.gov refuses clients it takes for robots" in capsys.readouterr().out
    )
    assert _run(page, data) == 10


def test_a_timeout_is_tried_again_then_reported(
    ice: Ice, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _serve_new_lists(ice, tmp_path)
    path = f"{DOCLIB}/pendingAgencies05202026am.xlsx"
    ice.routes[path] = lambda handler: time.sleep(1.5)
    before = _files(data)
    code = main(
        [
            "--page",
            page,
            "--data-dir",
            str(data),
            "--sources",
            str(tmp_path / "s"),
            "--timeout",
            "0.3",
            "--attempts",
            "2",
            "--backoff",
            "0",
        ]
    )
    assert code == 30
    assert (
        "no answer in time (timed out) (2 attempts, 0.3 s timeout each)" in capsys.readouterr().out
    )
    assert [p for p, _ in ice.seen].count(path) == 2
    assert _files(data) == before


def test_a_swapped_pair_is_refused_and_nothing_written(
    ice: Ice, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _serve_new_lists(ice, tmp_path)
    part, pend = (f"{DOCLIB}/{k}Agencies05202026am.xlsx" for k in ("participating", "pending"))
    ice.routes[part], ice.routes[pend] = ice.routes[pend], ice.routes[part]
    before = _files(data)
    assert _run(page, data) == 20
    out = capsys.readouterr().out
    assert "## ICE participating list refused: participatingAgencies05202026am.xlsx" in out
    assert "holds the pending list" in out
    assert _files(data) == before
    assert not (tmp_path / "sources").exists()


def test_a_header_only_workbook_is_refused(ice: Ice, data: Path, tmp_path: Path) -> None:
    page = _serve_new_lists(ice, tmp_path)
    ice.workbook(
        f"{DOCLIB}/participatingAgencies05202026am.xlsx", _book(tmp_path, "participating", [])
    )
    before = _files(data)
    assert _run(page, data) == 20
    assert _files(data) == before


def test_a_refusal_of_one_list_writes_neither(
    ice: Ice, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve_new_lists(ice, tmp_path)
    ice.workbook("/doclib/pendingAgencies.xlsx", _book(tmp_path, "pending", PEND[:6], "u.xlsx"))
    page = ice.page(
        [
            (f"{DOCLIB}/participatingAgencies05202026am.xlsx", "Participating Agencies"),
            ("/doclib/pendingAgencies.xlsx", "Pending Agencies"),
        ]
    )
    before = _files(data)
    assert _run(page, data) == 20
    out = capsys.readouterr().out
    assert "cannot tell the list's date from the file name" in out
    row = next(x for x in out.splitlines() if x.startswith("| participating |"))
    assert row.startswith(
        "| participating | `participatingAgencies05202026am.xlsx` | 2026-05-20am |"
    )
    assert row.endswith("| not written |")
    assert _files(data) == before


def test_a_list_older_than_ours_is_skipped(ice: Ice, data: Path, tmp_path: Path) -> None:
    ice.workbook(f"{DOCLIB}/pendingAgencies04282026pm.xlsx", _book(tmp_path, "pending", PEND[:7]))
    page = ice.page([(f"{DOCLIB}/pendingAgencies04282026pm.xlsx", "Pending Agencies")])
    summary = tmp_path / "s.md"
    before = _files(data)
    assert _run(page, data, "--lists", "pending", "--summary", str(summary)) == 0
    assert "as of 2026-04-28pm, older than the current list (2026-05-01am)" in summary.read_text()
    assert _files(data) == before


def test_links_are_found_by_their_text_not_their_position() -> None:
    html = """<a href="/a/list-1.xlsx">Pending agencies</a> <a href="/b/x.pdf">Participating</a>
    <a href="/file-download/download/public/7">Participating Agencies (Excel)</a>"""
    links = find_links(
        html, "https://www.ice.gov/identify-and-arrest/287g", ("participating", "pending")
    )
    assert links["participating"].url == "https://www.ice.gov/file-download/download/public/7"
    assert links["pending"].url == "https://www.ice.gov/a/list-1.xlsx"
    f7 = "/file-download/download/public/7"
    twice = f'<a href="{f7}">here</a> and <a href="{f7}">Pending agencies</a>'
    assert find_links(twice, "https://x.test/", ("pending",))["pending"].url.endswith(f7)
    by_name = find_links(
        '<a href="/d/pendingAgencies0101.xlsx">download</a>', "https://x.test/", ("pending",)
    )
    assert by_name["pending"].url == "https://x.test/d/pendingAgencies0101.xlsx"


def test_a_page_that_changed_says_what_it_found() -> None:
    base = "https://www.ice.gov/identify-and-arrest/287g"
    with pytest.raises(PageError, match="2 links by their text hold the pending list"):
        find_links('<a href="/1.xlsx">Pending</a><a href="/2.xlsx">Pending</a>', base, ("pending",))
    with pytest.raises(PageError, match="no workbook link says 'participating'.*'Pending'"):
        find_links('<a href="/1.xlsx">Pending</a>', base, ("participating",))
    with pytest.raises(FetchError, match="page title: 'Access Denied'.*block page"):
        find_links(
            "<title>Access Denied</title><p>You don't have permission</p>", base, ("pending",)
        )


def test_a_file_name_cannot_leave_its_folder() -> None:
    link = Link("pending", "https://www.ice.gov/file-download/download/public/9", "Pending")
    headers = Message()
    headers["Content-Disposition"] = 'attachment; filename="../../.git/pendingAgencies|x.xlsx"'
    assert file_name(Response(link.url, headers, b""), link) == "pendingAgencies_x.xlsx"
    bare = Response("https://www.ice.gov/file-download/download/public/9", Message(), b"")
    assert file_name(bare, link) == "pendingAgencies.xlsx"  # no date: the importer asks for one


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_refresh_imports_skips_and_refuses(ice: Ice, data: Path, tmp_path: Path) -> None:
    makefile = tmp_path / "Makefile"
    makefile.write_text(
        f"VENV_PY := {sys.executable}\n.PHONY: venv\nvenv:\n\t@true\ninclude {ROOT}/mk/*.mk\n"
    )
    page = _serve_new_lists(ice, tmp_path)

    def make() -> subprocess.CompletedProcess[str]:
        """One `make refresh` against the stand-in server."""
        return subprocess.run(
            [
                "make",
                "-s",
                "-f",
                str(makefile),
                "refresh",
                f"PAGE={page}",
                f"DATA_DIR={data}",
                f"SOURCES={tmp_path / 'sources' / 'ice'}",
                f"SUMMARY={tmp_path / 'summary.md'}",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )

    first = make()
    assert first.returncode == 0, first.stderr
    assert "## ICE lists as of 2026-05-20am: participating, pending" in first.stdout
    assert load.current(data).lists["participating"]["as_of"] == "2026-05-20"
    second = make()
    assert second.returncode == 0, second.stderr
    assert "## No new ICE list" in second.stdout
    before = _files(tmp_path / "sources") | _files(data)
    header = [("AGENCY NAME" if h == "LAW ENFORCEMENT AGENCY" else h) for h in PART_HEADER]
    glitched = _book(tmp_path, "participating", PART[:42], "g.xlsx", header=header)
    ice.workbook(f"{DOCLIB}/participatingAgencies05212026am.xlsx", glitched)
    ice.page(
        [
            (f"{DOCLIB}/participatingAgencies05212026am.xlsx", "Participating Agencies"),
            (f"{DOCLIB}/pendingAgencies05202026am.xlsx", "Pending Agencies"),
        ]
    )
    third = make()
    assert third.returncode != 0
    assert (
        "error: ICE participating list refused: participatingAgencies05212026am.xlsx"
        in third.stderr
    )
    assert "no ICE list found" in third.stdout
    assert _files(tmp_path / "sources") | _files(data) == before
