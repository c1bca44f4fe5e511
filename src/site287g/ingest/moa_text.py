"""Repair machine-extracted MOA text and draft a template YAML from it.

The three executed 2025 agreements in ``shared/reference/287g/texts/`` were extracted from PDF
with pypdf (and the Task Force one from an OCR text layer).  This module is the *reviewable*
record of every change made on the way to ``data/templates/moa_*.yml``:

1. ``strip_header``      drop our 4-line ``#`` provenance header;
2. ``SourceSpec.drop``   drop garbled signature-block lines (rebuilt by hand in ``signatures:``);
3. ``SourceSpec.footers`` drop repeated page footers ("<Agency> 9 Revised 02/15/2025");
4. ``REPAIRS``           fix known extraction damage (split words, OCR letter confusions);
5. ``SourceSpec.fields`` replace agency-specific text by named fill-in markers;
6. ``paragraphs``        re-join wrapped lines into paragraphs (layout heuristic).

``python -m site287g.ingest.moa_text jem`` prints a first draft of the YAML.  The committed
YAML is the source of truth afterwards; tests/documents/test_source_coverage.py runs steps 1-6
again and checks that every source paragraph still appears in the committed template.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Known extraction damage, applied in order to each line.  (pattern, replacement): regexes.
# Every entry was seen in at least one of the three source texts.  Original typos of the
# agreements themselves ("statues", "personal will read", "MOAs operational date",
# "Public Law 107-276") are NOT repaired: they are ICE's wording.
REPAIRS: list[tuple[str, str]] = [
    # --- words split by the PDF text layer (mostly the WSO text) ---
    *[
        (rf"\b{re.escape(split)}\b", split.replace(" ", ""))
        for split in (
            "comp onent",
            "Ho meland",
            "th is",
            "f acilitating",
            "par ticipating",
            "nor mally",
            "Nationa lity",
            "writte n",
            "Stat e",
            "subdivi sion",
            "cer tain",
            "au thorized",
            "independe nt",
            "succ essfully",
            "in itial",
            "ex amination",
            "ex ecute",
            "pe rsonnel",
            "lett er",
            "o fficer",
            "IC E",
            "I CE",
            "me morialized",
            "approp riate",
            "imme diate",
            "practi cable",
            "th eir",
            "trai ning",
            "respons ible",
            "perform ance",
            "interprete rs",
            "office r",
            "e xpenses",
            "beha lf",
            "additi on",
            "th at",
            "offi cers",
            "discip linary",
            "investiga tion",
            "inve stigation",
            "pers onnel",
            "complia nce",
            "personn el",
            "unde rtaken",
            "co mply",
            "poten tial",
            "comp liance",
            "discrimin ation",
            "disc rimination",
            "a nd",
            "disa bilities",
            "al so",
            "loca tions",
            "resu lt",
            "rele ase",
            "st ate",
            "coordina te",
            "Publ ic",
            "notic e",
            "circumstan ces",
            "safe ty",
            "sh all",
            "receip t",
            "re lease",
            "cust ody",
            "hour s",
            "excludi ng",
            "inte rnal",
            "notifi cation",
            "ac ting",
            "Spanis h",
            "la nguage",
            "LE A",
            "signa tories",
            "rega rding",
            "CONT ACT",
            "OPERA TING",
            "un resolvable",
            "detri mental",
            "noti ce",
            "iden tifi ed",
            "substanti ve",
            "procedura l",
            "ful lest",
            "all eged",
            "deconfl iction",
        )
    ],
    # --- OCR letter confusions (Task Force text: 1/l/I, m/rn, i/T, f/t) ---
    (r"\bHome1and\b", "Homeland"),
    (r"\binterchangeab1y\b", "interchangeably"),
    (r"\bqua1ifted\b", "qualified"),
    (r"\bemp1oyees\b", "employees"),
    (r"\botlicer\b", "officer"),
    (r"\bfonnats\b", "formats"),
    (r"\bdetennined\b", "determined"),
    (r"\bperfonned\b", "performed"),
    (r"\bperfonn\b", "perform"),
    (r"\bpcrfonning\b", "performing"),
    (r"\btenns\b", "terms"),
    (r"\bTennination\b", "Termination"),
    (r"\binfonnation\b", "information"),
    (r"\bi11fom1ation\b", "information"),
    (r"\bdetem1ining\b", "determining"),
    (r"\btem1ination\b", "termination"),
    (r"\bwi11\b|\bwil1\b|\bwiJJ\b", "will"),
    (r"\ba11\b|\bal1\b", "all"),
    (r"\binc1ude\b", "include"),
    (r"\bsha11 he honored\b", "shall be honored"),
    (r"\bmay he removed\b", "may be removed"),
    (r"\bfonus\b", "forms"),
    (r"\bNe1v\b", "New"),
    (r"\bco1Tective\b|\bcon-ective\b", "corrective"),
    (r"\bw1der\b", "under"),
    (r"\btbe\b", "the"),
    (r"\bnor terminate\b", "not terminate"),
    (r"\bintended lo,", "intended to,"),
    (r"\bstate Jaw\b", "state law"),
    (r"\bthe Joss\b", "the loss"),
    (r"\bChieflnformation\b", "Chief Information"),
    (r"\bDeportablennadmissible\b", "Deportable/Inadmissible"),
    (r"\bOHS OTG\b", "DHS OIG"),
    (r"\bOHS\b", "DHS"),
    (r"\bJCE\b|\bTCE\b|!CE\b|\blCE\b", "ICE"),
    (r"\bTCE's\b|\blCE's\b", "ICE's"),
    (r"\bDHS/(?:TCE|ICE) TT\b", "DHS/ICE IT"),
    (r"\ba11ow\b", "allow"),
    (r"\bICEOPRTntake@|\bTCEOPRlntake@", "ICEOPRIntake@"),
    (r"\bICEOPRintake\(@", "ICEOPRintake@"),
    (r"\bIflCE\b", "If ICE"),
    (r"\blfthe\b", "If the"),
    (r"\bIll\. POLICY", "III. POLICY"),
    (r"\bXVITI\b|\bXVlll\b", "XVIII"),
    (r"\bwhich ,vill\b", "which will"),
    (r"\bof' the\b", "of the"),
    (r"\bl-833-4ICE-OPR\b", "1-833-4ICE-OPR"),
    (r"^t\. Complaint Reporting Procedures", "1. Complaint Reporting Procedures"),
    (r"\bon line, recorded\b", "online, recorded"),
    (r"\bmembers of the LEA However\b", "members of the LEA. However"),
    (r"(?:•'|'')Law Enforcement Agency\"", '"Law Enforcement Agency"'),
    # --- legal citations: the digit 1 read as l or I, stray spaces ---
    (r"\((?:l|I)\.?\)", "(1)"),
    (r"\(l \)", "(1)"),
    (r"\b1-213\b", "I-213"),
    (r"\b123 l\(a\)", "1231(a)"),
    (r"\b24l\(a\)", "241(a)"),
    (r"\b239\.I\b", "239.1"),
    (r"\b287\. 7\b", "287.7"),
    (r"\b267 J\b", "2671"),
    (r"~ 8101 ct seq\.", "§ 8101 et seq."),
    (r"\(iv\}", "(iv)"),
    (r"\( 1972\)", "(1972)"),
    (r"\( e\.g\.", "(e.g."),
    (r"issue\(s \)", "issue(s)"),
    (r"\bl\) the requesting\b", "1) the requesting"),
    (r"\bINA§", "INA §"),
    # --- words run together ---
    (
        r"\bof(?=(?:this|ICE|all|the|any|additional|death|DOJ|aliens|egregious|exercising"
        r"|contact|implementation|Complaints|a|release|its|removal)\b)",
        "of ",
    ),
    (r"\bOFCONTACT\b", "OF CONTACT"),
    (r"\binLEAjail/", "in LEA jail/"),
    (r"\bLEA'sjail/", "LEA's jail/"),
    (r"\bLEA 's\b", "LEA's"),
    (r"\bAPPENDIX([A-C])\b", r"APPENDIX \1"),
    (r"\bAppendixB\b", "Appendix B"),
    (r"^C\.RELEASE\b", "C. RELEASE"),
    # --- spaces before punctuation left by the text layer ---
    (r"\s+([,.)])", r"\1"),
    (r"\(\s+", "("),
]
_REPAIRS = [(re.compile(p), r) for p, r in REPAIRS]


@dataclass(frozen=True)
class SourceSpec:
    """What to remove or replace in one source text."""

    file: str
    footers: list[str]  # regexes matched against a whole (stripped) line
    drop: list[tuple[int, int]]  # 1-based inclusive line ranges of the file (signature blocks)
    fields: list[tuple[str, str]]  # (regex, replacement) applied after REPAIRS
    notes: list[str] = field(default_factory=list)


_HAM = r"Hamilton County Sheriff'?s Office,? IN"
_EDG = r"(?:Edgewood|EdQewood) Police Dept\., FL|FrlnP\.wnnrl Pnlir\.P\. nP\.nt Fl"
_HIL = r"Hillsborough County Sheriff's Office"

SOURCES: dict[str, SourceSpec] = {
    "jem": SourceSpec(
        file="moa_jail_enforcement_model_2025_HamiltonCoIN.txt",
        footers=[
            rf"(?:{_HAM})?\s*(?:\d+\s+)?Revised 02/15/2025",
            _HAM,
            r"[-_ ]+",
        ],
        drop=[(293, 309)],  # signature block: labels and names interleaved by the text layer
        fields=[
            (
                r"^Hamilton County Sheriff's Office, IN ' hereinafter",
                "[LAW ENFORCEMENT AGENCY], hereinafter",
            ),
            (r"^55 E\. Monroe Street, Suite 1400, Chicago, IL\. 60603$", "[OPLA FIELD LOCATION]"),
            (
                r"^For the LEA: Hamilton County Sheriffs Office, Sheriff$",
                "For the LEA: [LEA POINT OF CONTACT]",
            ),
            (r"^For DHS: Chicago Field Office Director$", "For DHS: [ICE FIELD OFFICE DIRECTOR]"),
            (
                r"^Hamilton County Sheriff's Office, Noblesville, IN$",
                "[LEA PUBLIC INFORMATION CONTACT]",
            ),
            (r"^317-773-1872$", "[LEA PUBLIC INFORMATION CONTACT PHONE]"),
        ],
    ),
    "tfm": SourceSpec(
        file="moa_task_force_model_2025_EdgewoodPDFL.txt",
        footers=[
            rf"(?:{_EDG})?\s*(?:\d+\s+)?Re[vV]ised 03/0[7]/?[1/]?2025(?:\s+(?:{_EDG})\s+\d+)?",
            r"Revised 03/07/2025 EdQewood Police Dept\., FL \d+",
        ],
        drop=[(327, 332)],  # signature block
        fields=[
            (r"theEdgewood Police Dept\., FL,", "the [LAW ENFORCEMENT AGENCY],"),
            (r"Edgewood Police Dept\., FL \(hereinafter", "[LAW ENFORCEMENT AGENCY] (hereinafter"),
            (r"^Edgewood Police Dept\., FL in the", "[LAW ENFORCEMENT AGENCY] in the"),
            (r"the Edgewood Police Dept\., FL,", "the [LAW ENFORCEMENT AGENCY],"),
            (
                r"at 33 s\. Miami Avenue, Suite 200 Miami, FL 33130\.$",
                "at [OPLA FIELD LOCATION].",
            ),
            (r"^For the LEA: Dean A\. DeSchryver$", "For the LEA: [LEA POINT OF CONTACT NAME]"),
            (r"^Dean A\. DeSchryver$", "[LEA PUBLIC INFORMATION CONTACT NAME]"),  # Appendix C
            (r"^Chief of Police$", "[LEA POINT OF CONTACT TITLE]"),
            (r"^407-851-2820 ext,? 4103$", "[LEA POINT OF CONTACT PHONE]"),
            (r"^5565 S\. Orang[e&] Ave[,.] Edgewood, FL 32809$", "[LEA POINT OF CONTACT ADDRESS]"),
            (r"^ddeschryver@edgewood-fl\.gov$", "[LEA POINT OF CONTACT EMAIL]"),
        ],
    ),
    "wso": SourceSpec(
        file="moa_warrant_service_officer_2025_HillsboroughCoFL.txt",
        footers=[
            rf"(?:{_HIL})?\s*(?:\d+\s+)?Revised 02/15/2025(?:{_HIL})?",
        ],
        drop=[(311, 316), (323, 335)],  # signature block (LEA part garbled; ICE part in a
        # shifted font encoding: ")RU,&(" is "For ICE")
        fields=[
            (rf"the {_HIL}, hereinafter", "the [LAW ENFORCEMENT AGENCY], hereinafter"),
            (
                r"Office of the Chief Counsel at\. The$",
                "Office of the Chief Counsel at [ICE OFFICE OF THE CHIEF COUNSEL]. The",
            ),
            (rf"^For the LEA: {_HIL}$", "For the LEA: [LEA POINT OF CONTACT]"),
            (r"^For DHS:$", "For DHS: [DHS POINT OF CONTACT]"),
            (r"^Amanda Granit$", "[LEA PUBLIC INFORMATION CONTACT NAME]"),
            (rf"^{_HIL}$", "[LAW ENFORCEMENT AGENCY]"),
            (r"^813-247-8086$", "[LEA PUBLIC INFORMATION CONTACT PHONE]"),
        ],
    ),
}

# shared/ sits beside the repository (worktree or CI clone); SITE287G_REFERENCE overrides.
SOURCE_DIR = (
    Path(
        os.environ.get(
            "SITE287G_REFERENCE", Path(__file__).resolve().parents[4] / "shared" / "reference"
        )
    )
    / "287g"
    / "texts"
)


def strip_header(lines: list[str]) -> list[tuple[int, str]]:
    """Return (1-based line number, text) pairs without our '#' provenance header."""
    return [(n, line) for n, line in enumerate(lines, 1) if not line.startswith("#")]


def repair(line: str) -> str:
    """Apply REPAIRS and collapse runs of spaces."""
    line = re.sub(r"[\x00-\x08\x0b-\x1f]", "", line)  # control characters left by the PDF fonts
    line = re.sub(r"\s+", " ", line).strip()
    for pattern, replacement in _REPAIRS:
        line = pattern.sub(replacement, line)
    return line


def clean_lines(text: str, spec: SourceSpec) -> list[str]:
    """Run steps 1-5 over a source text; return the remaining non-empty lines."""
    footers = [re.compile(rf"^(?:{f})$") for f in spec.footers]
    fields = [(re.compile(p), r) for p, r in spec.fields]
    out = []
    for number, raw in strip_header(text.split("\n")):  # not splitlines(): \x1c etc.
        if any(a <= number <= b for a, b in spec.drop):
            continue
        stripped = re.sub(r"\s+", " ", re.sub(r"[\x00-\x08\x0b-\x1f]", "", raw)).strip()
        if not stripped or any(f.match(stripped) for f in footers):
            continue
        line = repair(stripped)
        for pattern, replacement in fields:
            line = pattern.sub(replacement, line)
        out.append(line)
    return out


_HEADING = re.compile(
    r"^(?:[IVX]+\. [A-Z][A-Z ,()]+|[A-H]\. [A-Z][A-Z ,()]+|APPENDIX [A-C]|\d\. [A-Z].*"
    r"|[A-Z][A-Za-z ]+:|MEMORANDUM OF AGREEMENT)$"
)
_ITEM = re.compile(r"^(?:[•x] |o |[A-D]\. )")


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with spaces; a soft hyphen (U+00AD) ending a line was a printed hyphen
    of a compound ("co-located"), so keep it as "-" and join without a space."""
    text = lines[0]
    for line in lines[1:]:
        text = text[:-1] + "-" + line if text.endswith("\u00ad") else text + " " + line
    return text


def paragraphs(lines: list[str], wrap: int = 78) -> list[str]:
    """Re-join wrapped lines: a paragraph ends after a heading, before a list item, or after a
    short line ending a sentence.  Headings are their own paragraph."""
    paras: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paras.append(join_lines(current))
            current.clear()

    for line in lines:
        if _HEADING.match(line) or _ITEM.match(line):
            flush()
        if _HEADING.match(line) and len(line) < wrap:
            paras.append(line)
            continue
        current.append(line)
        if len(line) < wrap and (line.endswith((".", ":", ";")) or len(line) < 45):
            flush()
    flush()
    return paras


def source_paragraphs(model: str, source_dir: Path = SOURCE_DIR) -> list[str]:
    """Cleaned paragraphs of one source agreement."""
    spec = SOURCES[model]
    text = (source_dir / spec.file).read_text(encoding="utf-8")
    return paragraphs(clean_lines(text, spec))


_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
    "XIII": 13,
    "XIV": 14,
    "XV": 15,
    "XVI": 16,
    "XVII": 17,
    "XVIII": 18,
}


def draft_template(model: str, source_dir: Path = SOURCE_DIR) -> dict:
    """Turn cleaned paragraphs into a first draft of the template structure (to be reviewed)."""
    paras = source_paragraphs(model, source_dir)
    doc: dict = {
        "title": paras[0],
        "subtitle": paras[1],
        "preamble": [],
        "sections": [],
        "appendices": [],
    }
    top: dict | None = None  # current section or appendix
    sub: dict | None = None  # current subsection
    roman = 0
    i = 2
    while i < len(paras):
        para = paras[i]
        i += 1
        m = re.match(r"^([IVX]+)\. (.+)$", para)
        if m and _ROMAN.get(m[1]) == roman + 1:
            roman += 1
            top = {"id": slug(m[2]), "number": m[1], "heading": m[2], "paragraphs": []}
            doc["sections"].append(top)
            sub = None
            continue
        m = re.match(r"^APPENDIX ([A-C])$", para)
        if m:
            top = {
                "id": f"appendix-{m[1].lower()}",
                "number": m[1],
                "heading": paras[i],
                "paragraphs": [],
            }
            i += 1
            doc["appendices"].append(top)
            sub = None
            continue
        m = re.match(r"^([A-I]|\d)\. ([A-Z][A-Z ,()]+|[A-Z][A-Za-z ]+)$", para)
        if top is not None and m:
            sub = {"id": slug(m[2]), "number": m[1], "heading": m[2], "paragraphs": []}
            top.setdefault("subsections", []).append(sub)
            continue
        if (
            top is not None
            and re.match(r"^[A-Z][A-Za-z ]+:$", para)
            and len(para.split()) <= 5
            and not para.startswith("For ")
        ):
            sub = {"id": slug(para), "heading": para, "paragraphs": []}
            top.setdefault("subsections", []).append(sub)
            continue
        target = sub if sub is not None else top
        items = target["paragraphs"] if target is not None else doc["preamble"]
        m = re.match(r"^([•x]|o|[A-D]\.) (.+)$", para)
        if m and m[1] in ("•", "x"):
            items.append({"kind": "bullet", "text": m[2]})
        elif m and m[1] == "o":
            items.append({"kind": "subbullet", "text": m[2]})
        elif m:
            items.append({"number": m[1].rstrip("."), "text": m[2]})
        else:
            items.append(para)
    if not doc["preamble"]:
        del doc["preamble"]
    return doc


def slug(text: str) -> str:
    """Lower-case id from a heading."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main(argv: list[str]) -> int:
    """Print the cleaned paragraphs of one model (jem, tfm, wso), one per line."""
    if len(argv) != 1 or argv[0] not in SOURCES:
        print(f"usage: python -m site287g.ingest.moa_text {{{','.join(SOURCES)}}}")
        return 2
    for para in source_paragraphs(argv[0]):
        print(para)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
