"""Rules of the document templates beyond their schema: fill-in fields declared and used, no
empty section, no repeated section id or paragraph number. Plain data in, findings out.

Fill-in fields are written in the text as ``[LAW ENFORCEMENT AGENCY]`` and declared under
``fields:``. Findings are ``(path, message)`` with paths into the data (lists from 0); the loader
turns them into ``file:line: field: message`` (lists from 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .explain import field_name

Path_ = tuple[str | int, ...]
Finding = tuple[Path_, str]

FIELD = re.compile(r"\[([A-Z][A-Z0-9 /&'-]*[A-Z0-9])\]")


def schema_name(data: Any) -> str:
    """Which schema a template follows: the one-page overview has its own."""
    return "overview" if isinstance(data, dict) and data.get("kind") == "overview" else "template"


def text_items(data: dict) -> Iterator[tuple[Path_, str]]:
    """Every string of a MOA/letter template that may hold fill-in fields, in reading order."""
    for key in ("title", "subtitle"):
        if isinstance(data.get(key), str):
            yield (key,), data[key]
    yield from _paragraph_texts(data.get("preamble") or [], ("preamble",))
    for key in ("sections", "signatures", "appendices"):
        for i, item in enumerate(data.get(key) or []):
            if key == "signatures":
                yield (key, i, "party"), item.get("party", "")
                for j, line in enumerate(item.get("lines") or []):
                    yield (key, i, "lines", j), line
            else:
                yield from _section_texts(item, (key, i))


def _section_texts(section: dict, at: Path_) -> Iterator[tuple[Path_, str]]:
    """The heading and paragraphs of a section and its subsections."""
    if isinstance(section.get("heading"), str):
        yield (*at, "heading"), section["heading"]
    yield from _paragraph_texts(section.get("paragraphs") or [], (*at, "paragraphs"))
    for i, sub in enumerate(section.get("subsections") or []):
        yield from _section_texts(sub, (*at, "subsections", i))


def _paragraph_texts(paras: list, at: Path_) -> Iterator[tuple[Path_, str]]:
    """The text of each paragraph (a string, or a mapping with ``text``)."""
    for i, para in enumerate(paras):
        if isinstance(para, str):
            yield (*at, i), para
        elif isinstance(para, dict) and isinstance(para.get("text"), str):
            yield (*at, i, "text"), para["text"]


def used_fields(data: dict) -> dict[str, Path_]:
    """Fill-in field names used in the text, with the path of their first use."""
    used: dict[str, Path_] = {}
    for path, text in text_items(data):
        for match in FIELD.finditer(text):
            used.setdefault(match[1], path)
    return used


def _overlap(a: str, b: str) -> int:
    """Words two field names share, to suggest the declared one meant."""
    return len(set(a.split()) & set(b.split()))


def template_rules(data: dict) -> list[Finding]:
    """Fields declared once and used, used ones declared, sections sound (schema-valid data)."""
    if schema_name(data) == "overview":
        return []
    found: list[Finding] = []
    declared: dict[str, int] = {}
    for i, item in enumerate(data.get("fields") or []):
        if item["name"] in declared:
            found.append((("fields", i, "name"), f"field [{item['name']}] is declared twice"))
        declared.setdefault(item["name"], i)
    used = used_fields(data)
    for name, path in used.items():
        if name not in declared:
            near = sorted(declared, key=lambda d: -_overlap(d, name))[:1]
            hint = f"; did you mean [{near[0]}]?" if near else ""
            found.append(
                (path, f"fill-in field [{name}] is used but not declared under fields{hint}")
            )
    for name, i in declared.items():
        if name not in used:
            found.append(
                (("fields", i, "name"), f"field [{name}] is declared but never used in the text")
            )
    ids: dict[str, Path_] = {}
    for key in ("sections", "appendices"):
        for i, section in enumerate(data.get(key) or []):
            found += _section_rules(section, (key, i), ids)
    return found


def _section_rules(section: dict, at: Path_, ids: dict[str, Path_]) -> list[Finding]:
    """Findings for one section and its subsections."""
    found: list[Finding] = []
    if section["id"] in ids:
        first = field_name(ids[section["id"]])
        found.append(((*at, "id"), f"id '{section['id']}' is already used at {first}"))
    ids.setdefault(section["id"], at)
    paras = section.get("paragraphs") or []
    subs = section.get("subsections") or []
    if not paras and not subs:
        found.append((at, "the section is empty; give it paragraphs or subsections"))
    # Numbers are unique within one run of numbered paragraphs; an unnumbered paragraph starts
    # a new list (the Task Force complaint procedure has two A/B lists in a row).
    seen: dict[str, int] = {}
    for i, para in enumerate(paras):
        number = para.get("number") if isinstance(para, dict) else None
        if number is None:
            seen = {}
        elif number in seen:
            found.append(
                (
                    (*at, "paragraphs", i, "number"),
                    f"paragraph number '{number}' repeats paragraph {seen[number] + 1} "
                    "of this list",
                )
            )
        else:
            seen[number] = i
    for i, sub in enumerate(subs):
        found += _section_rules(sub, (*at, "subsections", i), ids)
    return found
