"""Document templates as plain data: load, validate, list fill-in fields, preview blocks.

A template is a dict shaped by ``data/schema/template.schema.json`` (MOA and letter) or
``data/schema/overview.schema.json`` (one-page overview).  Fill-in fields are written in the
text as ``[LAW ENFORCEMENT AGENCY]`` and declared under ``fields:``.

Line numbers for errors come from, in this order: a ``line_of(path)`` callback; the lead's
``LineDict``/``LineList`` (``.key_lines`` / ``.item_lines``); or ``load_template``'s own map.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

Path_ = tuple[str | int, ...]
LineOf = Callable[[Path_], int | None]

FIELD = re.compile(r"\[([A-Z][A-Z0-9 /&'-]*[A-Z0-9])\]")
SCHEMA_DIR = Path(__file__).resolve().parents[4] / "data" / "schema"


@dataclass(frozen=True)
class TemplateError:
    """One problem in one template file: ``str()`` gives ``FILE:LINE: field: message``."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line or '?'}: {self.field}: {self.message}"


class TemplateErrors(Exception):
    """All problems found in one or more templates."""

    def __init__(self, errors: list[TemplateError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass
class Template:
    """A loaded template: its data, the name shown in errors, and how to find lines."""

    data: dict
    display: str
    line_of: LineOf | None = None

    def line(self, path: Path_) -> int | None:
        """Line of the value at ``path`` (or of its nearest parent that has one)."""
        while True:
            found = self.line_of(path) if self.line_of is not None else _node_line(self.data, path)
            if found is not None or not path:
                return found
            path = path[:-1]


def _node_line(data: Any, path: Path_) -> int | None:
    """Line from the lead's LineDict/LineList attributes, if the data carries them."""
    node, parent = data, None
    for key in path:
        parent = node
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    if parent is None:
        return getattr(node, "line", None)
    lines = getattr(parent, "key_lines", None) or getattr(parent, "item_lines", None)
    if isinstance(lines, dict):
        return lines.get(path[-1])
    if isinstance(lines, list) and isinstance(path[-1], int) and path[-1] < len(lines):
        return lines[path[-1]]
    return None


def load_template(path: Path | str, display: str | None = None) -> Template:
    """Read a template YAML file, remembering the line of every key and list item."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    shown = display or str(path)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise TemplateErrors(
            [TemplateError(shown, line, "(file)", f"YAML: {exc.problem}")]
        ) from None
    lines: dict[Path_, int] = {}

    def walk(node: yaml.Node, at: Path_) -> None:
        lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[at + (key.value,)] = key.start_mark.line + 1
                walk(value, at + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, at + (i,))

    root = yaml.compose(text, Loader=loader)
    if root is not None:
        walk(root, ())
    return Template(data if data is not None else {}, shown, lines.get)


@cache
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_name(data: dict) -> str:
    """Which schema a template follows."""
    return "overview" if isinstance(data, dict) and data.get("kind") == "overview" else "template"


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path) or "(file)"


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
    if isinstance(section.get("heading"), str):
        yield at + ("heading",), section["heading"]
    yield from _paragraph_texts(section.get("paragraphs") or [], at + ("paragraphs",))
    for i, sub in enumerate(section.get("subsections") or []):
        yield from _section_texts(sub, at + ("subsections", i))


def _paragraph_texts(paras: list, at: Path_) -> Iterator[tuple[Path_, str]]:
    for i, para in enumerate(paras):
        if isinstance(para, str):
            yield at + (i,), para
        elif isinstance(para, dict) and isinstance(para.get("text"), str):
            yield at + (i, "text"), para["text"]


def used_fields(data: dict) -> dict[str, Path_]:
    """Fill-in field names used in the text, with the path of their first use."""
    used: dict[str, Path_] = {}
    for path, text in text_items(data):
        for match in FIELD.finditer(text):
            used.setdefault(match[1], path)
    return used


def list_fields(data: dict) -> list[dict]:
    """Declared fields (name, label, description), in file order."""
    return [dict(f) for f in data.get("fields") or []]


def validate(template: Template) -> list[TemplateError]:
    """Schema errors, then content rules: fields used/declared, empty sections, numbering."""
    data, errors = template.data, []

    def err(path: Path_, message: str) -> None:
        errors.append(TemplateError(template.display, template.line(path), _dotted(path), message))

    name = schema_name(data)
    validator = jsonschema.Draft202012Validator(_schema(name))
    for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        at = tuple(e.absolute_path)
        if e.validator == "additionalProperties" and isinstance(e.instance, dict):
            allowed = sorted(e.schema.get("properties", {}))
            for key in sorted(set(e.instance) - set(allowed)):
                near = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ";"
                err(at + (key,), f"unknown key {key!r}{hint} allowed: {', '.join(allowed)}")
        else:
            err(at, e.message)
    if errors or name == "overview":
        return errors

    declared: dict[str, int] = {}
    for i, f in enumerate(data.get("fields") or []):
        if f["name"] in declared:
            err(("fields", i, "name"), f"field [{f['name']}] is declared twice")
        declared.setdefault(f["name"], i)
    used = used_fields(data)
    for field, path in used.items():
        if field not in declared:
            near = sorted(declared, key=lambda d: -_overlap(d, field))[:1]
            hint = f"; did you mean [{near[0]}]?" if near else ""
            err(path, f"fill-in field [{field}] is used but not declared under fields:{hint}")
    for field, i in declared.items():
        if field not in used:
            err(("fields", i, "name"), f"field [{field}] is declared but never used in the text")

    ids: dict[str, Path_] = {}
    for key in ("sections", "appendices"):
        for i, section in enumerate(data.get(key) or []):
            _check_section(section, (key, i), err, ids)
    return errors


def _overlap(a: str, b: str) -> int:
    return len(set(a.split()) & set(b.split()))


def _check_section(section: dict, at: Path_, err: Callable, ids: dict[str, Path_]) -> None:
    if section["id"] in ids:
        err(at + ("id",), f"id {section['id']!r} is already used at {_dotted(ids[section['id']])}")
    ids.setdefault(section["id"], at)
    paras = section.get("paragraphs") or []
    subs = section.get("subsections") or []
    if not paras and not subs:
        err(at, "section is empty: give it paragraphs or subsections")
    # Numbers must be unique within one run of numbered paragraphs; an unnumbered paragraph
    # starts a new list (the Task Force complaint procedure has two A/B lists in a row).
    seen: dict[str, int] = {}
    for i, para in enumerate(paras):
        number = para.get("number") if isinstance(para, dict) else None
        if number is None:
            seen = {}
        elif number in seen:
            err(
                at + ("paragraphs", i, "number"),
                f"paragraph number {number!r} repeats paragraph {seen[number] + 1} of this list",
            )
        else:
            seen[number] = i
    for i, sub in enumerate(subs):
        _check_section(sub, at + ("subsections", i), err, ids)


def check(template: Template) -> Template:
    """Validate and raise TemplateErrors if anything is wrong."""
    errors = validate(template)
    if errors:
        raise TemplateErrors(errors)
    return template


def segments(text: str) -> list[dict]:
    """Split text into plain and fill-in parts: [{"text": ..., "field": bool}]."""
    parts, pos = [], 0
    for match in FIELD.finditer(text):
        if match.start() > pos:
            parts.append({"text": text[pos : match.start()], "field": False})
        parts.append({"text": match[0], "field": True, "name": match[1]})
        pos = match.end()
    if pos < len(text):
        parts.append({"text": text[pos:], "field": False})
    return parts


def template_preview(data: dict) -> list[dict]:
    """Plain blocks, in reading order, for DOCX/PDF writers and a Jinja preview partial.

    Block types: ``title`` / ``subtitle`` / ``note`` {segments}; ``heading`` {level, number,
    label, text, segments, note}; ``paragraph`` {kind, number, segments};
    ``signatures`` {parties: [{party, lines: [segments]}]}; ``spacer`` {} (a section without
    heading starts: leave some space).
    """
    blocks: list[dict] = []
    for key in ("title", "subtitle"):
        if data.get(key):
            blocks.append({"type": key, "segments": segments(data[key])})
    if data.get("note"):
        blocks.append({"type": "note", "segments": segments(data["note"])})
    blocks += _paragraph_blocks(data.get("preamble") or [])
    for section in data.get("sections") or []:
        blocks += _section_blocks(section, 1, None)
    if data.get("signatures"):
        blocks.append(
            {
                "type": "signatures",
                "parties": [
                    {"party": s["party"], "lines": [segments(line) for line in s["lines"]]}
                    for s in data["signatures"]
                ],
            }
        )
    for appendix in data.get("appendices") or []:
        blocks += _section_blocks(appendix, 1, "APPENDIX")
    return blocks


def _section_blocks(section: dict, level: int, label: str | None) -> list[dict]:
    heading = section.get("heading", "")
    number = section.get("number")
    blocks = []
    if heading or number:
        blocks.append(
            {
                "type": "heading",
                "level": level,
                "number": number,
                "label": label,
                "text": heading,
                "segments": segments(heading),
                "note": section.get("note"),
            }
        )
    elif section.get("paragraphs"):
        blocks.append({"type": "spacer"})  # untitled section: vertical space only
    blocks += _paragraph_blocks(section.get("paragraphs") or [])
    for sub in section.get("subsections") or []:
        blocks += _section_blocks(sub, min(level + 1, 3), None)
    return blocks


def _paragraph_blocks(paras: list) -> list[dict]:
    out = []
    for para in paras:
        if isinstance(para, str):
            para = {"text": para}
        out.append(
            {
                "type": "paragraph",
                "kind": para.get("kind", "text"),
                "number": para.get("number"),
                "segments": segments(para["text"]),
            }
        )
    return out


def heading_text(block: dict) -> str:
    """How a heading block reads: "I. PARTIES", "APPENDIX A" + heading, "1. Review"."""
    if block["label"]:
        return f"{block['label']} {block['number']}"
    if block["number"]:
        return f"{block['number']}. {block['text']}"
    return block["text"]


def paragraph_text(block: dict) -> str:
    """A paragraph block's text with its own number ("A. ...") in front."""
    text = "".join(s["text"] for s in block["segments"])
    return f"{block['number']}. {text}" if block.get("number") else text


def plain_text(data: dict) -> str:
    """The whole document as plain text, one block per line (for tests and search)."""
    out = []
    for block in template_preview(data):
        if block["type"] == "heading":
            out.append(heading_text(block))
            if block["label"]:
                out.append(block["text"])
        elif block["type"] == "paragraph":
            out.append(paragraph_text(block))
        elif block["type"] == "spacer":
            continue
        elif block["type"] == "signatures":
            for party in block["parties"]:
                out.append(party["party"])
                out += ["".join(s["text"] for s in line) for line in party["lines"]]
        else:
            out.append("".join(s["text"] for s in block["segments"]))
    return "\n".join(out)
