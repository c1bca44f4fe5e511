"""Read ICE's 287(g) page: the two workbook links by their text, file names, workbook checks."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from .fetch import FetchError, Response

# A link to a workbook: ICE has served /doclib/.../participatingAgencies05182026am.xlsx and
# /file-download/download/public/<id>; some links only say "(XLSX)" or "Excel" in their text.
_WORKBOOK_PATH = re.compile(r"\.xls[xm]?$|/file-download/", re.I)
_WORKBOOK_WORDS = re.compile(r"\b(xlsx?|excel|spreadsheet)\b", re.I)
# Plain substrings: ICE writes "Participating Agencies", "participatingAgencies0518...".
WORDS: dict[str, re.Pattern[str]] = {
    "participating": re.compile("participating", re.I),
    "pending": re.compile("pending", re.I),
}
_UNSAFE = re.compile(r"[^\w .()+-]")


class PageError(Exception):
    """ICE's page or file is not what the refresh expects; a person has to look."""


@dataclass(frozen=True)
class Link:
    """The workbook link of one list: absolute URL and the words that identified it."""

    kind: str
    url: str
    text: str


def find_links(html: str, base: str, kinds: tuple[str, ...]) -> dict[str, Link]:
    """The workbook link of each list, told apart by the words of the link, never by position."""
    soup = BeautifulSoup(html, "html.parser")
    workbooks: dict[str, str] = {}
    for a in soup.find_all("a", href=True):
        url = urljoin(base, str(a["href"]).strip())
        label = " ".join(
            [a.get_text(" "), str(a.get("title") or ""), str(a.get("aria-label") or "")]
        )
        label = " ".join(label.split())
        path = urlsplit(url).path
        if urlsplit(url).scheme in ("http", "https") and (
            _WORKBOOK_PATH.search(path) or _WORKBOOK_WORDS.search(label)
        ):
            # One file linked twice ("here" in a sentence, then a titled link): both count.
            workbooks[url] = f"{workbooks[url]} | {label}" if url in workbooks else label
    if not workbooks:
        title = soup.title.get_text(" ", strip=True) if soup.title else "no title"
        raise FetchError(
            f"{base}: the page links no workbook at all (page title: {title!r}); ICE probably "
            "answered with a block page"
        )
    return {kind: _one(kind, workbooks, base) for kind in kinds}


def _one(kind: str, workbooks: dict[str, str], base: str) -> Link:
    """The single link whose text names this list (else whose file name does)."""
    other = [w for k, w in WORDS.items() if k != kind]
    for where in ("text", "file name"):
        found = [
            Link(kind, url, label)
            for url, label in workbooks.items()
            if _names(WORDS[kind], other, label if where == "text" else _basename(url))
        ]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "; ".join(f"{f.text!r} -> {f.url}" for f in found)
            raise PageError(
                f"{base}: {len(found)} links by their {where} hold the {kind} list: "
                f"{listed}; which one is current needs a person"
            )
    listed = "; ".join(f"{label!r} -> {url}" for url, label in workbooks.items())
    raise PageError(
        f"{base}: no workbook link says {kind!r} in its text or file name (workbook links: "
        f"{listed}); ICE may have renamed or removed the {kind} list"
    )


def _names(word: re.Pattern[str], others: list[re.Pattern[str]], text: str) -> bool:
    """Whether text names this list and no other."""
    return bool(word.search(text)) and not any(o.search(text) for o in others)


def file_name(resp: Response, link: Link) -> str:
    """ICE's file name: Content-Disposition, else the end of the final or the linked URL."""
    given = resp.headers.get_filename()
    if given and not PurePosixPath(_safe(given)).suffix:
        given += ".xlsx"
    for candidate in (given, _basename(resp.url), _basename(link.url)):
        name = _safe(candidate or "")
        if name.lower().endswith((".xlsx", ".xlsm")):
            return name
    return f"{link.kind}Agencies.xlsx"  # no date: the importer will ask a person for one


def _basename(url: str) -> str:
    """Last segment of a URL's path, percent-decoded."""
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])


def _safe(name: str) -> str:
    """A file name that cannot leave its folder or break a Markdown table."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return _UNSAFE.sub("_", name).lstrip(".")[:120]


def check_workbook(resp: Response) -> None:
    """Refuse what is no .xlsx: a block page (FetchError), another kind of file (PageError)."""
    body = resp.body
    if not body.startswith(b"PK\x03\x04"):
        kind = resp.headers.get_content_type()
        if "html" in kind or body.lstrip()[:1] == b"<":
            soup = BeautifulSoup(body[:20000], "html.parser")
            title = soup.title.get_text(" ", strip=True) if soup.title else "no title"
            what = f"an HTML page titled {title!r} ({kind})"
        else:
            what = f"{len(body)} bytes of {kind}" if body else "an empty answer"
        raise FetchError(
            f"{resp.url}: ICE answered with {what}, not a workbook (no zip signature); "
            "ice.gov serves such a page when it blocks a download"
        )
    try:
        parts = zipfile.ZipFile(io.BytesIO(body)).namelist()
    except zipfile.BadZipFile as exc:
        raise FetchError(f"{resp.url}: the workbook is cut off or damaged ({exc})") from exc
    if "xl/workbook.xml" not in parts:
        raise PageError(
            f"{resp.url}: a zip file without an xl/workbook.xml part, so not an Excel workbook "
            f"(parts: {', '.join(parts[:5])})"
        )
