"""Document templates as plain blocks for the DOCX/PDF writers and the HTML preview.

A template is a dict shaped by ``data/schema/template.schema.json`` (MOA and letter), already
validated by the data layer; fill-in fields are written in the text as ``[FIELD NAME]``.
"""

from __future__ import annotations

from ...data.templates import FIELD


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
