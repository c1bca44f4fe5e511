"""Rules for every text value: no invisible or control characters an editor cannot see."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

Path_ = tuple[str | int, ...]
Finding = tuple[Path_, str]

# Characters that are certainly fine: ASCII, Latin letters and common punctuation. Text holding
# anything else is looked at character by character.
_PLAIN = re.compile("[\n\t\x20-\x7e\xa0-\xac\xae-\u024f\u2010-\u2027\u2030-\u205e]*")
# A backslash and what follows it (read left to right, so an escaped backslash is one pair).
# Only these escapes spell plain text: a quote, a backslash, a slash, a line break, a tab, a
# space, and a line end (a continued line). A \u escape, say, could spell anything.
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_PLAIN_ESCAPES = frozenset('"\\/nt \n')
# Unicode categories of characters nobody means to type: controls, formatting marks
# (zero-width space, bidirectional controls, soft hyphen), surrogates, private use, unassigned,
# and the line and paragraph separators U+2028 and U+2029.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
    "\u00ad": "soft hyphen",
}


def strings(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text value below ``node`` (keys included), with its path."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and not _PLAIN.fullmatch(key):
                yield (*path, key), key
            yield from strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, (*path, index))


def invisible(text: str) -> str | None:
    """The first character of ``text`` an editor cannot see or did not mean, or None."""
    if _PLAIN.fullmatch(text):
        return None
    for char in text:
        if char not in "\n\t" and unicodedata.category(char) in _INVISIBLE:
            return char
    return None


def char_name(char: str) -> str:
    """U+200B (zero-width space): the code and a name a reader recognises."""
    kind = {"Co": "private-use character", "Cn": "unassigned character", "Cs": "surrogate"}
    name = (
        _NAMES.get(char)
        or unicodedata.name(char, "").lower()
        or kind.get(unicodedata.category(char), "control character")
    )
    return f"U+{ord(char):04X} ({name})"


def plain_file(text: str) -> bool:
    """Whether a file's whole text is plain, its escapes included: its values need no look."""
    if _PLAIN.fullmatch(text.replace("\r", "")) is None:
        return False
    return "\\" not in text or all(c in _PLAIN_ESCAPES for c in _ESCAPE.findall(text))


def text_rules(data: Any) -> list[Finding]:
    """Every text value holding an invisible or control character."""
    found = []
    for path, text in strings(data):
        char = invisible(text)
        if char is not None:
            found.append(
                (
                    path,
                    f"the text holds an invisible character {char_name(char)}; delete it "
                    "(it often comes with text copied from a web page or a PDF)",
                )
            )
    return found


def document_rules(data: Any) -> list[Finding]:
    """Text bound for the PDF and DOCX downloads holding a character their fonts cannot draw."""
    from .printable import describe, unprintable  # reads the fonts: only for such files

    found = []
    for path, text in strings(data):
        missing = [c for c in unprintable(text) if invisible(c) is None]
        if missing:
            found.append(
                (
                    path,
                    f"the character {describe(missing[0])} cannot be printed in the PDF "
                    "download (no font of the site has it); remove it or write it in words",
                )
            )
    return found
