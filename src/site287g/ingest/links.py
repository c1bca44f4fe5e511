"""Resolve MOA and ADDENDUM cells ("link", "link pending", bare URLs, hyperlinks) into URLs."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from .normalize import Cell, Flag, clean_text, flag

_EXTENSION = re.compile(r"^chrome-extension://[a-z]+/")  # Acrobat's viewer wraps copied links
_ONE_SLASH = re.compile(r"^(https?):/(?=[^/])")
VALID_URL = re.compile(r"^https?://\S+$")


def link(field: str, text_raw: Cell, url_raw: Cell) -> tuple[str | None, bool, list[Flag]]:
    """Resolve a MOA/ADDENDUM cell and its hyperlink into (url, pending, flags)."""
    url, pending, flags = _resolve(field, text_raw, url_raw)
    if url is not None and not VALID_URL.match(url):
        return None, pending, [*flags, flag(field, url_raw or text_raw, "bad_link")]
    return url, pending, flags


def _resolve(field: str, text_raw: Cell, url_raw: Cell) -> tuple[str | None, bool, list[Flag]]:
    """Pick the URL from the cell text or its hyperlink; see link()."""
    text, flags = clean_text(field, text_raw)
    url = clean_url(field, str(url_raw).strip()) if url_raw else None
    key = text.lower()
    if key.startswith(("http://", "https://")):
        bare, url_flags = clean_url(field, text)
        return bare, False, flags + url_flags
    if key == "link pending":
        return None, True, flags
    if not key:
        return (url[0] if url else None), False, flags + (url[1] if url else [])
    if key in ("link", "link | addendum", "addendum"):
        extra = [flag("addendum", text_raw, "two_links")] if "|" in key else []
        if url is None:
            return None, False, [*flags, *extra, flag(field, text_raw, "link_without_url")]
        return url[0], False, flags + extra + url[1]
    return None, False, [*flags, flag(field, text_raw, "bad_link")]


def clean_url(field: str, url: str) -> tuple[str, list[Flag]]:
    """Unwrap Outlook SafeLinks and percent-encode spaces, flagging each change."""
    clean, steps = _repaired(url)
    return clean, [flag(field, before, key) for key, before in steps]


@lru_cache(maxsize=1 << 14)  # the same URLs recur in every list
def _repaired(url: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The repaired URL, and (problem, URL before that repair) for each repair made."""
    steps: list[tuple[str, str]] = []
    parts = urlsplit(url)
    if parts.netloc.endswith("safelinks.protection.outlook.com"):
        inner = parse_qs(parts.query).get("url")
        if inner:
            steps.append(("safelinks", url))
            url = inner[0]
    if _EXTENSION.match(url):
        steps.append(("url_prefix", url))
        url = _EXTENSION.sub("", url)
    if _ONE_SLASH.match(url):
        steps.append(("url_repaired", url))
        url = _ONE_SLASH.sub(r"\1://", url)
    if " " in url:
        steps.append(("url_space", url))
        url = url.replace(" ", "%20")
    return url, tuple(steps)
