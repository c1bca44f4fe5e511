"""Lighthouse scores of the key pages, mobile and desktop, against the project's targets.

Builds the site for a local origin, serves it on 127.0.0.1, and runs Lighthouse (npm
lighthouse@12.2.3, installed into .audit/ by `make audit`) with Debian's Chromium on the home
page, the FAQ and, when they exist, the participating agencies page and one state page.
The local server gzips text like any static host would. Prints a table and exits 1 when a
score misses its target. JSON reports go to .audit/reports/.

    python scripts/audit.py [--lighthouse .audit/node_modules/lighthouse/cli/index.js]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import urlopen

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
# Pages other branches add; the first address that answers is audited.
AGENCY_PAGES = ("agencies/participating/", "participating-agencies/", "agencies/", "participating/")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
_STATE_SLUGS = """
al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm
ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy pr gu vi as mp
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada new-hampshire new-jersey new-mexico
new-york north-carolina north-dakota ohio oklahoma oregon pennsylvania rhode-island
south-carolina south-dakota tennessee texas utah vermont virginia washington west-virginia
wisconsin wyoming puerto-rico guam
"""
STATES = frozenset(_STATE_SLUGS.split())
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class StaticHost(SimpleHTTPRequestHandler):
    """Serve files quietly and gzip text, as every static host (GitHub Pages, Netlify) does."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

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


def answers(url: str) -> bool:
    """Whether ``url`` is served (not 404)."""
    try:
        with urlopen(url) as response:
            return response.status == 200
    except HTTPError:
        return False


def pages_to_audit(base: str, site_dir: Path) -> list[tuple[str, str]]:
    """Home, FAQ, and the agencies page and one state page where the site has them."""
    chosen = [("home", base), ("faq", base + "faq/")]
    agencies = next((base + p for p in AGENCY_PAGES if answers(base + p)), None)
    if agencies:
        chosen.append(("agencies", agencies))
    locs = [
        loc.text.strip()
        for loc in ET.parse(site_dir / "sitemap.xml").iterfind("sm:url/sm:loc", SITEMAP_NS)
    ]
    # A state page: its last path segment names a state ("tx" or "texas").
    states = sorted(
        loc for loc in locs if urlsplit(loc).path.rstrip("/").rsplit("/", 1)[-1] in STATES
    )
    if states:
        chosen.append(("state", states[0]))
    return chosen


def lighthouse(cli: Path, url: str, form: str, out: Path) -> dict[str, int]:
    """Run Lighthouse once; return the category scores out of 100."""
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
    report = json.loads(out.read_text(encoding="utf-8"))
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> int:
    """Build, serve, audit and print the table; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lighthouse", type=Path, default=ROOT / ".audit/node_modules/lighthouse/cli/index.js"
    )
    parser.add_argument("--reports", type=Path, default=ROOT / ".audit/reports")
    args = parser.parse_args()
    if not args.lighthouse.is_file():
        sys.exit(f"{args.lighthouse} is missing: run `make audit` (it installs lighthouse@12.2.3)")
    args.reports.mkdir(parents=True, exist_ok=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir, base)
        handler = functools.partial(StaticHost, directory=str(site_dir))
        httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            rows = []
            for name, url in pages_to_audit(base, site_dir):
                for form in ("mobile", "desktop"):
                    out = args.reports / f"{name}-{form}.json"
                    rows.append(
                        (
                            name,
                            urlsplit(url).path,
                            form,
                            lighthouse(args.lighthouse, url, form, out),
                        )
                    )
        finally:
            httpd.shutdown()
            httpd.server_close()

    missed = 0
    print(f"\n{'page':<10} {'path':<32} {'form':<8} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    for name, path, form, scores in rows:
        cells = []
        for c in CATEGORIES:
            ok = scores[c] >= TARGETS[form][c]
            missed += not ok
            cells.append(f"{scores[c]} ok" if ok else f"{scores[c]} < {TARGETS[form][c]}")
        print(f"{name:<10} {path:<32} {form:<8} " + " ".join(f"{cell:>14}" for cell in cells))
    print(f"\n{missed} score(s) below target. Reports: {args.reports}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
