"""The Markdown summary of a refresh: the pull-request body, the issue text, what the run prints."""

from __future__ import annotations

from .outcome import IMPORTED, NETWORK, NOTHING_NEW, REFUSED, ListResult, Outcome

FENCE = "~~~~"  # ICE's text goes inside fences: no Markdown, no @mentions from agency names
STATES: dict[str, str] = {
    "imported": "imported",
    "unchanged": "unchanged",
    "older": "skipped, older",
    "refused": "**refused**",
    "failed": "**download failed**",
    "held": "not written",
    "new": "not written",
    "not checked": "not checked",
}


def title(o: Outcome) -> str:
    """One line for the pull request or the issue: the lists' dates, or what went wrong."""
    done = [r for r in o.results if r.state == "imported"]
    if o.code == IMPORTED:
        dates = {r.as_of for r in done}
        if len(dates) == 1:
            return f"ICE lists as of {dates.pop()}: {', '.join(r.kind for r in done)}"
        return "ICE lists: " + ", ".join(f"{r.kind} as of {r.as_of}" for r in done)
    if o.code == REFUSED:
        bad = [r for r in o.results if r.state == "refused"]
        if bad:
            return f"ICE {bad[0].kind} list refused: {bad[0].rel.rsplit('/', 1)[-1] or bad[0].url}"
        return "ICE's 287(g) page needs a look: the refresh could not find the lists"
    if o.code == NETWORK:
        return "ICE's 287(g) page or lists could not be downloaded"
    return "No new ICE list"


def markdown(o: Outcome, when: str) -> str:
    """The whole summary: a table of the lists, warnings, refusals, then the changes."""
    lines = [f"## {title(o)}", "", f"Checked {o.page} at {when}.", ""]
    if o.problem:
        lines += [_fenced(o.problem), ""]
    if o.results:
        lines += [
            "| list | file | as of | rows | added | removed | changed | flags | result |",
            "|---|---|---|--:|--:|--:|--:|--:|---|",
            *(_row(r) for r in o.results),
            "",
        ]
    warnings = [f"- {r.kind}: {w}" for r in o.results for w in r.warnings]
    if warnings:
        lines += ["### Warnings", "", *warnings, ""]
    for r in o.results:
        if r.state in ("refused", "failed", "older") and r.note:
            lines += [f"**{r.kind}** ({STATES[r.state].strip('*')}):", "", _fenced(r.note), ""]
        if r.guard:
            lines += [
                f"The importer's guard `{r.guard}` refused it; its option `{r.override}` "
                'accepts the list anyway (docs-dev/refresh.md, "A refused list").',
                "",
            ]
    lines += _advice(o)
    for r in o.results:
        if r.report:
            lines += [f"<details><summary>{r.kind}: the importer's report</summary>", ""]
            lines += [_fenced("\n".join(r.report)), "", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def _row(r: ListResult) -> str:
    """One table row."""
    name = r.rel.rsplit("/", 1)[-1]
    d = r.diff
    counts = [str(len(x)) for x in (d.added, d.removed, d.changed)] if d else ["", "", ""]
    cells = [
        r.kind,
        f"`{name}`" if name else "",
        r.as_of,
        "" if r.rows is None else str(r.rows),
        *counts,
        str(r.flags) if d else "",
        STATES.get(r.state, r.state),
    ]
    return "| " + " | ".join(cells) + " |"


def _advice(o: Outcome) -> list[str]:
    """What happens next, in words."""
    if o.code == IMPORTED and o.written:
        return [
            "Written to `data/agencies/`; each workbook is kept as it came under `sources/ice/` "
            "(SHA-256 in `sources/ice/SHA256SUMS`). Merging publishes the site.",
            "",
        ]
    if o.code == IMPORTED:
        return ["Dry run: nothing written.", ""]
    if o.code == REFUSED:
        return [
            "Nothing was written: `data/` and `sources/ice/` are as they were (a list marked "
            '"not written" was fine, but a refresh writes both lists or neither). The workbooks '
            "as downloaded are in this run's artifact; see docs-dev/refresh.md, "
            '"A refused list".',
            "",
        ]
    if o.code == NETWORK:
        return ["Nothing was written; the next run tries again.", ""]
    return ["Nothing new since the last import.", ""] if o.code == NOTHING_NEW else []


def _fenced(text: str) -> str:
    """Text in a code fence it cannot close."""
    return f"{FENCE}text\n{text.replace(FENCE, '~ ~ ~ ~')}\n{FENCE}"
