"""Plain data for the head of each page: sharing tags, structured data, last-updated date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Characters a URL keeps as they are; everything else (quotes, spaces, <, >) is %-encoded.
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def safe_url(url: str) -> str:
    """Percent-encode what could break out of an attribute or a line of a text file."""
    return quote(url, safe=URL_SAFE)


def iso_date(value: Any, where: str) -> str:
    """Return ``value`` as YYYY-MM-DD; a ``datetime.date`` (unquoted YAML date) is accepted."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if not DATE.match(text):
        raise ValueError(f"{where}: updated date {text!r} is not a date written YYYY-MM-DD")
    dt.date.fromisoformat(text)  # rejects 2026-02-30
    return text


def human_date(iso: str) -> str:
    """18 May 2026: unambiguous for every reader, independent of the build machine's locale."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def sharing(
    *, title: str, description: str, url: str | None, site_name: str, home: bool, updated: str
) -> dict[str, Any]:
    """The Open Graph and Twitter card values of a page (no image: nothing is fetched)."""
    return {
        "title": title,
        "description": description,
        "url": url,
        "site_name": site_name,
        "type": "website" if home else "article",
        "modified_time": None if home else updated,
        "locale": "en_US",
        "card": "summary",
    }


def faq_page(faq: dict[str, Any], url: str | None) -> dict[str, Any]:
    """schema.org FAQPage for data/faq.yml: every question with its answer as plain text."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "name": faq["title"],
        "mainEntity": [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {"@type": "Answer", "text": answer_text(item)},
                **({"url": f"{url}#{item['id']}"} if url else {}),
            }
            for item in faq["questions"]
        ],
    }
    if url:
        data["url"] = url
    return data


def answer_text(item: dict[str, Any]) -> str:
    """An answer's paragraphs, separated by blank lines."""
    return "\n\n".join(item["answer"])
