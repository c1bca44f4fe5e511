"""Which characters the downloads can hold: the PDF fonts, their coverage, and XML's limits.

The PDFs embed PT Serif (regular, bold, italic, bold italic; package ``fontpkg-pt-serif``).
A character PT Serif lacks is drawn, in this order, from Noto Sans (Greek, more Latin and
Cyrillic, punctuation), Noto Sans Symbols (⚖ and other symbols) or Noto Emoji (monochrome)
of package ``manimgx-fonts``.  All are under the SIL Open Font License 1.1, which allows
embedding them in documents.  ``unprintable`` reads their cmaps, so what the data check
accepts is exactly what the PDF writer can draw; ``xml_incompatible`` is what DOCX (XML 1.0)
cannot hold at all.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from fontTools.ttLib import TTFont

from .explain import field_name
from .text import strings

MAIN_FAMILY = "PTSerif"
STYLES = ("", "B", "I", "BI")
LINE_BREAK = "\n"  # the PDF writer breaks the line itself; no font needs a glyph for it


class UnprintableText(ValueError):
    """A download was asked to hold a character it cannot: the data check missed it."""


@dataclass(frozen=True)
class Face:
    """One font file, under the family name and style the PDF writer gives it."""

    family: str
    style: str
    path: Path


def _file(package: str, name: str) -> Path:
    return Path(str(files(package) / name))


MAIN = tuple(
    Face(MAIN_FAMILY, style, _file("fontpkg_pt_serif", f"files/PT_Serif-Web-{name}.ttf"))
    for style, name in zip(STYLES, ("Regular", "Bold", "Italic", "BoldItalic"), strict=True)
)
# Variable fonts used at their default instance (regular weight): instancing them for bold
# takes seconds per face, and a fallback glyph is rare enough to stay regular.
FALLBACKS = (
    Face("NotoSans", "", _file("manimgx_fonts", "NotoSans[wght].ttf")),
    Face("NotoSans", "I", _file("manimgx_fonts", "NotoSans-Italic[wght].ttf")),
    Face("NotoSansSymbols", "", _file("manimgx_fonts", "NotoSansSymbols[wght].ttf")),
    Face("NotoEmoji", "", _file("manimgx_fonts", "NotoEmoji[wght].ttf")),
)
FALLBACK_FAMILIES = tuple(dict.fromkeys(face.family for face in FALLBACKS))


@cache
def _cmap(path: Path) -> frozenset[int]:
    """The code points a font file maps to a glyph."""
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


@cache
def main_coverage() -> frozenset[int]:
    """Code points every style of the main family has."""
    return frozenset.intersection(*(_cmap(face.path) for face in MAIN))


@cache
def _family_coverage() -> tuple[tuple[str, frozenset[int]], ...]:
    """Each fallback family with the code points any of its faces has, in fallback order."""
    return tuple(
        (family, frozenset().union(*(_cmap(f.path) for f in FALLBACKS if f.family == family)))
        for family in FALLBACK_FAMILIES
    )


@cache
def coverage() -> frozenset[int]:
    """Code points the PDF can draw in any style: main family, then any fallback."""
    return main_coverage().union(*(cover for _, cover in _family_coverage()))


def _drawable(char: str) -> bool:
    # A font may map a control character (Noto Sans maps NUL and CR) to an empty glyph, but
    # that draws nothing a reader can see: only the line break is text to the PDF writer.
    if char == LINE_BREAK:
        return True
    return unicodedata.category(char) != "Cc" and ord(char) in coverage()


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` no embedded PDF font can draw, each once, in text order."""
    return [char for char in dict.fromkeys(text) if not _drawable(char)]


def fallbacks_for(text: str) -> list[str]:
    """The fallback families the PDF writer needs for ``text``, in fallback order."""
    needed = {ord(c) for c in text} - main_coverage()
    used = []
    for family, cover in _family_coverage():
        if needed & cover:
            used.append(family)
            needed -= cover
    return used


def _xml_char(code: int) -> bool:
    # XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-]
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def xml_incompatible(text: str) -> list[str]:
    """The characters of ``text`` XML 1.0 (so DOCX) cannot hold, each once, in text order."""
    return [char for char in dict.fromkeys(text) if not _xml_char(ord(char))]


def describe(char: str) -> str:
    """A character as an editor can find it: ``'⚖' (U+2696 SCALES)``."""
    name = unicodedata.name(char, "unassigned or unnamed")
    return f"{char!r} (U+{ord(char):04X} {name})"


def refuse(data: dict, char: str, why: str) -> UnprintableText:
    """The error for ``char`` in a document, naming the document and the first field holding it."""
    where = next((field_name(path) for path, text in strings(data) if char in text), "?")
    name = data.get("name") or data.get("title") or "document"
    return UnprintableText(
        f"{name}: {where}: character {describe(char)} {why} (the data check should have refused it)"
    )
