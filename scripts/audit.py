"""Lighthouse scores of the key pages, mobile and desktop, against the project's targets.

Builds the site for a local origin, serves it on 127.0.0.1, and runs Lighthouse (npm
lighthouse@12.2.3, installed into .audit/ by `make audit`) with Debian's Chromium on the home
page, the FAQ, the participating agencies page, the largest state page, the largest agency
page, the removed agreements and the county finder. The local server
gzips text like any static host would. Scores vary from run to run (on 2 cores, by up to ten
points), so each page is audited ``--runs`` times and the median is compared with the target,
as Lighthouse's own documentation advises. Prints a table and exits 1 when a median misses its
target. JSON reports (of the median run) go to .audit/reports/.

    python scripts/audit.py [--runs 3] [--lighthouse .audit/node_modules/lighthouse/cli/index.js]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {
    "mobile": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
    "desktop": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
}
# Metrics printed next to the scores, so a missed target says where the time went.
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class StaticHost(SimpleHTTPRequestHandler):
    """Serve files quietly and gzip text, as every static host (GitHub Pages, Netlify) does."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def handle(self) -> None:
        # Lighthouse closes connections it no longer needs; that is not an error.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def free_port() -> int:
    """An unused TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(site_dir: Path, base: str) -> None:
    """Build the site strictly with ``base`` as site_url, so canonical links are local."""
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "true"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def pages_to_audit(base: str, site_dir: Path) -> list[tuple[str, str]]:
    """Home, FAQ, the participating agencies, the state page with the most agreements, the
    largest agency page, the removed agreements and the county finder."""

    def largest(pattern: str) -> str:
        found = sorted(
            (
                p
                for p in (site_dir / "agencies" / "states").glob(pattern)
                if not p.parent.name.startswith("page-")  # a later page of a state's table
            ),
            key=lambda p: (p.stat().st_size, p.parent.as_posix()),
        )
        if not found:
            sys.exit(f"{site_dir} has no agency pages: is data/agencies/ empty?")
        return found[-1].parent.relative_to(site_dir).as_posix() + "/"

    return [
        ("home", base),
        ("faq", base + "faq/"),
        ("agencies", base + "agencies/participating/"),
        ("state", base + largest("*/index.html")),
        ("agency", base + largest("*/*/index.html")),
        ("removed", base + "agencies/removed/"),
        ("finder", base + "agencies/find/"),
    ]


def lighthouse(cli: Path, url: str, form: str, out: Path) -> dict:
    """Run Lighthouse once; return its report."""
    command = [
        "node",
        str(cli),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROMIUM_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    """The category scores of a report, out of 100."""
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def median_run(cli: Path, url: str, form: str, out: Path, runs: int) -> tuple[dict, list[int]]:
    """Audit ``runs`` times; return the report with the median performance score, and all
    the performance scores. The median report is kept at ``out``."""
    reports = []
    for i in range(runs):
        reports.append(lighthouse(cli, url, form, out.with_suffix(f".run{i + 1}.json")))
    reports.sort(key=lambda r: r["categories"]["performance"]["score"])
    median = reports[(len(reports) - 1) // 2]
    out.write_text(json.dumps(median), encoding="utf-8")
    for i in range(runs):
        out.with_suffix(f".run{i + 1}.json").unlink()
    return median, [scores(r)["performance"] for r in reports]


def main() -> int:
    """Build, serve, audit and print the table; 1 when a median misses its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lighthouse", type=Path, default=ROOT / ".audit/node_modules/lighthouse/cli/index.js"
    )
    parser.add_argument("--reports", type=Path, default=ROOT / ".audit/reports")
    parser.add_argument("--runs", type=int, default=3, help="audits per page and form (median)")
    args = parser.parse_args()
    if not args.lighthouse.is_file():
        sys.exit(f"{args.lighthouse} is missing: run `make audit` (it installs lighthouse@12.2.3)")
    if args.runs < 1:
        sys.exit("--runs must be at least 1")
    args.reports.mkdir(parents=True, exist_ok=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir, base)
        handler = functools.partial(StaticHost, directory=str(site_dir))
        httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            for name, url in pages_to_audit(base, site_dir):
                for form in ("mobile", "desktop"):
                    out = args.reports / f"{name}-{form}.json"
                    report, perf = median_run(args.lighthouse, url, form, out, args.runs)
                    rows.append((name, urlsplit(url).path, form, report, perf))
        finally:
            httpd.shutdown()
            httpd.server_close()

    missed = 0
    print(
        f"\nMedian of {args.runs} run(s) per page and form; 'runs' lists every performance score."
    )
    header = f"{'page':<9} {'path':<26} {'form':<8} " + " ".join(f"{c:>14}" for c in CATEGORIES)
    print(header + "  " + " ".join(f"{m:>7}" for m in METRICS.values()) + "  runs")
    for name, path, form, report, perf in rows:
        cells = []
        for c, score in scores(report).items():
            ok = score >= TARGETS[form][c]
            missed += not ok
            cells.append(f"{score} ok" if ok else f"{score} < {TARGETS[form][c]}")
        metrics = [report["audits"][m]["numericValue"] for m in METRICS]
        print(
            f"{name:<9} {path:<26} {form:<8} "
            + " ".join(f"{cell:>14}" for cell in cells)
            + "  "
            + " ".join(f"{v:>5.0f}ms" for v in metrics)
            + "  "
            + ",".join(map(str, perf))
        )
    print(f"\n{missed} median score(s) below target. Reports: {args.reports}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
