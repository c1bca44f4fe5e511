"""HTTP GET for ICE's page and workbooks: browser-like headers, timeouts, retries with backoff."""

from __future__ import annotations

import http.client
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import IO
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

# ice.gov answers 403 to clients that do not look like a browser.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,*/*;q=0.8"
MAX_BYTES = 50 * 2**20  # ICE's largest list so far is about 250 KB
RETRIED = frozenset({408, 429, 500, 502, 503, 504})  # worth another try; other codes are final


class FetchError(Exception):
    """A page or file that could not be downloaded: network, HTTP error, or a block page."""


@dataclass(frozen=True)
class Response:
    """What came back: the URL after redirects, the headers and the whole body."""

    url: str
    headers: Message
    body: bytes


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects (301-308) to http(s) addresses only, never to ftp: or file:."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        """Refuse a redirect that leaves HTTP."""
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise HTTPError(newurl, code, f"redirect to a non-HTTP address {newurl}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass(frozen=True)
class Fetcher:
    """GET with a browser User-Agent; timeouts and dropped connections are tried again."""

    user_agent: str = USER_AGENT
    timeout: float = 30.0
    attempts: int = 3
    backoff: float = 5.0  # seconds before the 2nd attempt; doubled before each further one
    sleep: Callable[[float], None] = time.sleep

    def get(self, url: str, accept: str = HTML) -> Response:
        """The response to a GET of url, or FetchError saying in words what went wrong."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https addresses are fetched")
        problem = ""
        for attempt in range(1, self.attempts + 1):
            if attempt > 1:
                self.sleep(self.backoff * 2 ** (attempt - 2))
            try:
                return self._once(url, accept)
            except HTTPError as exc:
                problem = f"HTTP {exc.code} {exc.reason}" + _hint(exc.code)
                if exc.code not in RETRIED:
                    break
            except (URLError, OSError, http.client.HTTPException) as exc:
                problem = _reason(exc)
        tries = f"{attempt} attempt{'s' if attempt > 1 else ''}, {self.timeout:g} s timeout each"
        raise FetchError(f"{url}: {problem} ({tries})")

    def _once(self, url: str, accept: str) -> Response:
        """One GET; the body is read whole (up to MAX_BYTES)."""
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": self.user_agent,
                "Accept": accept,
                "Accept-Language": "en-US,en;q=0.9",
            },
        )
        opener = urllib.request.build_opener(_HttpOnlyRedirects)
        with opener.open(request, timeout=self.timeout) as resp:
            body = resp.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"{url}: larger than {MAX_BYTES // 2**20} MB; not an ICE list")
            return Response(url=resp.geturl(), headers=resp.headers, body=body)


def _hint(code: int) -> str:
    """A word on what an HTTP error usually means at ice.gov."""
    if code == 403:
        return "; ice.gov refuses clients it takes for robots (check --user-agent)"
    if code == 404:
        return "; the link on ICE's page points nowhere (ICE may be replacing the file)"
    return ""


def _reason(exc: BaseException) -> str:
    """Plain words for a network failure."""
    inner = exc.reason if isinstance(exc, URLError) else exc
    if isinstance(inner, TimeoutError) or "timed out" in str(inner):
        return "no answer in time (timed out)"
    if isinstance(inner, http.client.HTTPException):
        return f"the connection broke off ({type(inner).__name__})"
    return f"network error: {inner}"
