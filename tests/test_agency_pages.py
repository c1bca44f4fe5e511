"""The agency pages, charts and downloads, read back from the built site and compared with data."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path

import openpyxl
import pytest
import yaml

from site287g.data.ids import slug
from site287g.data.yamlfile import load_data
from site287g.views.agencies import PREVIEW_ROWS, STATE_NAMES
from site287g.views.charts import contrast

from .conftest import ROOT
from .html import content, page, text

DATA = ROOT / "data" / "agencies"
MODEL_ABBR = {"jem": "JEM", "tfm": "TFM", "wso": "WSO"}


def records(kind: str) -> list[dict]:
    """Every agreement of one list, straight from the YAML files."""
    out = []
    for path in sorted((DATA / kind).glob("*.yml")):
        out.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["agreements"])
    return out


@pytest.fixture(scope="module")
def participating() -> list[dict]:
    return records("participating")


@pytest.fixture(scope="module")
def pending() -> list[dict]:
    return records("pending")


def table_rows(soup, table_id: str) -> dict[str, object]:
    """The rows of one agreement table by their id."""
    table = soup.find("table", id=table_id)
    assert table is not None, f"no table #{table_id}"
    return {tr["id"]: tr for body in table.find_all("tbody") for tr in body.find_all("tr")}


def test_long_table_is_previewed_but_complete(built_site: Path, participating) -> None:
    """All rows are in the HTML; the first PREVIEW_ROWS in the first row group (listed when the
    page has JavaScript), the rest in a second one, with a "List all" link that works without
    agency-table.js. A table of up to twice PREVIEW_ROWS has one row group."""
    soup = page(built_site, "agencies/participating/")
    table = soup.find("table", id="agreements-participating")
    first, rest = table.find_all("tbody")
    assert table["data-preview"] == str(PREVIEW_ROWS)
    assert len(first.find_all("tr")) == PREVIEW_ROWS
    assert len(first.find_all("tr")) + len(rest.find_all("tr")) == len(participating)
    more = soup.find(id="agreements-participating-more")
    assert more.a["href"] == "?all#agreements-participating"
    assert text(more) == f"List all {len(participating):,} agreements"
    status = soup.find(id="agreements-participating-status")
    assert text(status) == f"Showing the first {PREVIEW_ROWS} of {len(participating):,} agreements."
    # The class that hides the second row group is set by an inline script before the table.
    script = table.find_previous("script")
    assert "g287-preview" in script.string and 'has("all")' in script.string

    # State tables: previewed only beyond twice the preview (a few hidden rows save nothing).
    for code in sorted({r["state"] for r in participating}):
        key = f"agreements-state-{code.lower()}-participating"
        state = page(built_site, f"agencies/states/{code.lower()}/").find("table", id=key)
        n = sum(r["state"] == code for r in participating)
        groups = [len(body.find_all("tr")) for body in state.find_all("tbody")]
        if n > 2 * PREVIEW_ROWS:
            assert groups == [PREVIEW_ROWS, n - PREVIEW_ROWS], code
        else:
            assert groups == [n] and not state.has_attr("data-preview"), code


def test_participating_table_lists_every_agreement(built_site: Path, participating) -> None:
    """One row per agreement, its id as anchor, state/agency/model/date/MOA as in the data."""
    soup = page(built_site, "agencies/participating/")
    table = soup.find("table", id="agreements-participating")
    assert text(table.caption).startswith(f"Participating agencies: {len(participating):,}")
    headers = [text(th) for th in table.thead.find_all("th")]
    assert headers == ["State", "Agency", "Type", "County", "Model", "Signed", "MOA", "Addendum"]
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    rows = table_rows(soup, "agreements-participating")
    assert len(rows) == len(participating)
    for rec in participating:
        tr = rows[rec["id"]]
        cells = tr.find_all(["th", "td"], recursive=False)
        assert tr.th["scope"] == "row"
        assert text(cells[0]) == STATE_NAMES[rec["state"]]
        name = tr.th.a  # the agency's own page
        assert name.get_text() == rec["agency"]
        assert (built_site / "agencies/participating" / name["href"] / "index.html").is_file()
        assert text(cells[4]) == MODEL_ABBR[rec["model"]]
        assert (cells[5].contents[0].get_text() if cells[5].contents else "") == (
            rec["signed"] or "not given"
        )
        links = {a.get_text(): a["href"] for a in tr.find_all("a")}
        assert links.get("MOA") == rec["moa"]
        assert links.get("Addendum") == rec["addendum"]


def test_flagged_values_are_shown_honestly(built_site: Path, participating) -> None:
    """A county given as '#N/A' reads 'not given' with a note quoting ICE's value."""
    rows = table_rows(page(built_site, "agencies/participating/"), "agreements-participating")
    placeholder = next(
        r for r in participating if any(f["raw"].strip() == "#N/A" for f in r.get("flags", []))
    )
    county = rows[placeholder["id"]].find_all("td")[2]
    assert county.i.get_text() == "not given"
    assert "“#N/A”: placeholder, no county given" in text(county.small)
    guam = rows["gu-office-of-the-attorney-general-tfm"].find_all("td")[2]
    assert guam.contents[0] == "Kattan District"
    assert "not a county name" in text(guam.small)


def test_filter_controls_are_labelled(built_site: Path) -> None:
    """Every filter has a label, the count is a polite live region, the script is ours."""
    soup = page(built_site, "agencies/participating/")
    form = soup.find("form", id="agreements-participating-filters")
    assert form.has_attr("hidden")  # shown by the script; useless without it
    for control in form.find_all(["input", "select"]):
        assert soup.find("label", attrs={"for": control["id"]}), control["id"]
    status = soup.find(id="agreements-participating-status")
    assert status["aria-live"] == "polite"
    scripts = [s["src"] for s in soup.find_all("script", src=True) if "agency" in s["src"]]
    assert scripts == ["../../assets/javascripts/agency-table.js"]
    assert (built_site / "assets/javascripts/agency-table.js").exists()
    assert not [s for s in soup.find_all("script", src=True) if s["src"].startswith("http")]


def test_pending_table(built_site: Path, pending) -> None:
    """The pending list: every request, no signing date column."""
    soup = page(built_site, "agencies/pending/")
    table = soup.find("table", id="agreements-pending")
    assert "Signed" not in [text(th) for th in table.thead.find_all("th")]
    assert set(table_rows(soup, "agreements-pending")) == {r["id"] for r in pending}


def test_state_page(built_site: Path, participating, pending) -> None:
    """Texas: counts by model and type, its agreements with MOA links, its pending requests."""
    tx = [r for r in participating if r["state"] == "TX"]
    soup = page(built_site, "agencies/states/tx/")
    main = content(soup)
    assert text(main.h1) == "287(g) agreements in Texas"
    by_model = main.find("table", class_="g287-numbers")
    counts = {text(tr.th): int(text(tr.td)) for tr in by_model.tbody.find_all("tr")}
    assert counts["Task Force Model"] == sum(r["model"] == "tfm" for r in tx)
    assert sum(counts.values()) == len(tx)
    rows = table_rows(soup, "agreements-state-tx-participating")
    assert set(rows) == {r["id"] for r in tx}
    moas = {a["href"] for tr in rows.values() for a in tr.find_all("a", string="MOA")}
    assert moas == {r["moa"] for r in tx if r["moa"]}
    tx_pending = {r["id"] for r in pending if r["state"] == "TX"}
    assert set(table_rows(soup, "agreements-state-tx-pending")) == tx_pending


def test_every_state_with_agreements_has_a_page(built_site: Path, participating) -> None:
    """Including the territories (GU, MP)."""
    for code in {r["state"] for r in participating}:
        assert (built_site / "agencies/states" / code.lower() / "index.html").exists(), code


def test_model_listing(built_site: Path, participating) -> None:
    """The JEM page lists every JEM agreement and links to the model's description."""
    soup = page(built_site, "agencies/models/jail-enforcement-model/")
    rows = table_rows(soup, "agreements-model-jem")
    assert set(rows) == {r["id"] for r in participating if r["model"] == "jem"}
    hrefs = [a["href"] for a in content(soup).find_all("a")]
    assert "../../../models/jail-enforcement-model/" in hrefs


def test_whats_new_newest_first(built_site: Path) -> None:
    """Days run from newest to oldest, starting at the latest day an agreement or request was
    listed or removed (lifecycle.yml); each change links to its agency's page; each earlier
    month links to a page of that month's days."""
    lifecycle = load_data(DATA / "lifecycle.yml")
    dates = {
        date
        for records in lifecycle.values()
        for r in records
        for e in r["episodes"]
        for date in (e["listed"], e["removed"])
        if date
    }
    soup = content(page(built_site, "agencies/whats-new/"))
    days = [h.time["datetime"] for h in soup.find_all("h2") if h.time]
    assert days and days == sorted(days, reverse=True)
    assert max(dates) in days  # (a later day may hold only changes of values)
    for a in soup.select(".g287-changes a"):
        assert (built_site / "agencies/whats-new" / a["href"] / "index.html").is_file(), a
    months = soup.select(".g287-months a")
    assert months
    for a in months[:3]:
        month = page(built_site, f"agencies/whats-new/{a['href']}")
        shown = {h.time["datetime"][:7] for h in content(month).find_all("h2") if h.time}
        assert shown == {a["href"].strip("./").rsplit("/", 1)[-1]}, a


def test_search_finds_a_day_not_each_of_its_changes(built_site: Path) -> None:
    """Site search has each day of what's new by its heading and counts; the agencies a day
    lists are found on their own pages, not once more per change."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    days = [d for d in index["docs"] if d["location"].startswith("agencies/whats-new/#d-")]
    soup = content(page(built_site, "agencies/whats-new/"))
    named = {text(a) for a in soup.select(".g287-changes a")}
    assert days and named
    for d in days:
        assert re.search(r"\d+ agreements? added", d["text"]), d
        assert not any(name in d["text"] for name in named), d["location"]


def test_charts_are_accessible(built_site: Path) -> None:
    """Each chart is labelled by its own title and desc and has its numbers as a table; the
    charts are images, the map a group of links (one per state, each named with its count)."""
    soup = page(built_site, "agencies/")
    svgs = content(soup).find_all("svg", attrs={"aria-labelledby": True})
    assert len(svgs) == 3
    assert [svg["role"] for svg in svgs] == ["group", "img", "img"]
    assert all(a["aria-label"].endswith(" agreements") for a in svgs[0].find_all("a"))
    for svg in svgs:
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id) and text(svg.find("title"))
        assert svg.find("desc", id=desc_id) and text(svg.find("desc"))
    for table_id in ("states-table", "growth-table", "months-table"):
        table = soup.find("table", id=table_id)
        assert table.caption and table.tbody.find_all("tr"), table_id


def test_tile_map_numbers_links_and_contrast(built_site: Path, participating) -> None:
    """Every state, DC and territory has a tile with its count, a link when it has a page (it
    has agreements, requests or removed agreements); text contrast >= 4.5:1."""
    svg = content(page(built_site, "agencies/")).find("svg")
    tiles = {}
    for g in svg.find_all("g"):
        code, count = (t.get_text() for t in g.find_all("tspan"))
        tiles[code] = (int(count), g)
    assert {"DC", "PR", "GU", "MP", "VI", "AS"} <= set(tiles)
    assert len(tiles) == 56
    for code, (count, g) in tiles.items():
        assert count == sum(r["state"] == code for r in participating), code
        fill = g.rect["fill"]
        assert all(contrast(fill, t["fill"]) >= 4.5 for t in g.find_all("text")), code
        link = g.parent if g.parent.name == "a" else None
        has_page = (built_site / "agencies/states" / code.lower() / "index.html").is_file()
        assert (link is not None) == has_page and has_page >= (count > 0), code
        if link:
            assert link["href"] == f"states/{code.lower()}/"


def test_growth_chart_replays_history(built_site: Path) -> None:
    """The growth table's last row equals the counts of the current list."""
    table = page(built_site, "agencies/").find("table", id="growth-table")
    last = [text(td) for td in table.tbody.find_all("tr")[-1].find_all("td")]
    current = records("participating")
    assert [int(n) for n in last] == [
        sum(r["model"] == m for r in current) for m in ("jem", "tfm", "wso")
    ] + [len(current)]


def test_agencies_in_navigation(built_site: Path) -> None:
    """The Agencies section is in the site navigation, with states and models under it."""
    soup = page(built_site, "faq/")
    hrefs = {a["href"] for a in soup.select("nav.md-nav--primary a")}
    assert {"../agencies/participating/", "../agencies/states/tx/"} <= hrefs


def test_no_page_exceeds_one_megabyte(built_site: Path) -> None:
    """No HTML page is over 1 MB."""
    biggest = max(built_site.rglob("*.html"), key=lambda p: p.stat().st_size)
    assert biggest.stat().st_size < 1_000_000, biggest


# Downloads -------------------------------------------------------------------------------


def download_links(built_site: Path, kind: str) -> dict[str, tuple[Path, str]]:
    """Suffix -> (file, 'format, size' text) for the download links of a list page."""
    soup = page(built_site, f"agencies/{kind}/")
    out = {}
    for li in soup.select(".g287-downloads li"):
        href = li.a["href"]
        out[href.rsplit(".", 1)[1]] = (
            (built_site / "agencies" / kind / href).resolve(),
            text(li).split("(")[-1],
        )
    return out


@pytest.mark.parametrize("kind", ["participating", "pending"])
def test_download_links_name_type_and_size(built_site: Path, kind: str) -> None:
    """Each link says its format and size, and the file is there."""
    links = download_links(built_site, kind)
    assert set(links) == {"csv", "json", "xlsx"}
    for suffix, (path, label) in links.items():
        assert path.exists(), path
        size = path.stat().st_size
        shown = re.search(r"([\d.]+) (bytes|KB|MB)", label)
        value = float(shown[1]) * {"bytes": 1, "KB": 1024, "MB": 1024 * 1024}[shown[2]]
        assert abs(value - size) <= max(0.06 * size, 1024), (suffix, label, size)


ICE_MODEL = {
    "jem": "Jail Enforcement Model",
    "tfm": "Task Force Model",
    "wso": "Warrant Service Officer",
}
ICE_TYPE = {"county": "County", "municipality": "Municipality", "state_agency": "State agency"}


def expected_rows(recs: list[dict], kind: str) -> list[dict[str, str]]:
    """What the CSV/XLSX must say for each agreement, in ICE's columns."""
    out = []
    for r in recs:
        row = {
            "STATE": STATE_NAMES[r["state"]].upper(),
            "LAW ENFORCEMENT AGENCY": r["agency"],
            "TYPE": ICE_TYPE.get(r["type"] or "", ""),
            "COUNTY": r["county"] or "",
            "SUPPORT TYPE": ICE_MODEL[r["model"]],
            "MOA": "link" if r["moa"] else "link pending" if r.get("moa_pending") else "",
            "ADDENDUM": "link" if r["addendum"] else "",
            "MOA_URL": r["moa"] or "",
            "ADDENDUM_URL": r["addendum"] or "",
        }
        if kind == "participating":
            row["SIGNED"] = r["signed"] or ""
        out.append(row)
    return sorted(out, key=lambda d: sorted(d.items()))


@pytest.mark.parametrize("kind", ["participating", "pending"])
def test_csv_download_matches_data(built_site: Path, kind: str) -> None:
    """The CSV holds every agreement, in ICE's columns."""
    path, _ = download_links(built_site, kind)["csv"]
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    got = sorted(reader, key=lambda d: sorted(d.items()))
    assert got == expected_rows(records(kind), kind)


@pytest.mark.parametrize("kind", ["participating", "pending"])
def test_json_download_matches_data(built_site: Path, kind: str) -> None:
    """The JSON holds every agreement with every field, flags included."""
    path, _ = download_links(built_site, kind)["json"]
    doc = json.loads(path.read_text(encoding="utf-8"))
    lists = yaml.safe_load((DATA / "lists.yml").read_text(encoding="utf-8"))
    assert doc["as_of"] == lists[kind]["as_of"] and doc["count"] == len(doc["agreements"])
    got = {a["id"]: a for a in doc["agreements"]}
    want = records(kind)
    assert set(got) == {r["id"] for r in want}
    for r in want:
        a = got[r["id"]]
        assert {k: a[k] for k in r if k not in ("flags", "moa_pending")} == {
            k: v for k, v in r.items() if k not in ("flags", "moa_pending")
        }
        assert a["flags"] == r.get("flags", [])
        assert a["moa_pending"] == bool(r.get("moa_pending"))


@pytest.mark.parametrize("kind", ["participating", "pending"])
def test_xlsx_download_matches_data(built_site: Path, kind: str) -> None:
    """The workbook's first sheet holds the same rows as the CSV."""
    path, _ = download_links(built_site, kind)["xlsx"]
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    got = [
        {h: ("" if v is None else str(v)) for h, v in zip(header, row, strict=True)}
        for row in rows[1:]
    ]
    assert sorted(got, key=lambda d: sorted(d.items())) == expected_rows(records(kind), kind)


@pytest.mark.parametrize("kind", ["participating", "pending"])
def test_csv_download_round_trips_through_the_importer(
    built_site: Path, tmp_path: Path, kind: str
) -> None:
    """Importing our own CSV changes nothing: no agreement added, removed or changed."""
    import shutil

    from site287g.ingest.importer import run_import

    data_dir = tmp_path / "data"
    shutil.copytree(ROOT / "data", data_dir)
    path, _ = download_links(built_site, kind)["csv"]
    diff = run_import(path, kind=kind, data_dir=data_dir, dry_run=True, out=lambda _: None)
    assert diff.empty(), (diff.added[:3], diff.removed[:3], diff.changed[:3])


# Search ------------------------------------------------------------------------------------


def test_search_index_has_every_agency(built_site: Path, participating, pending) -> None:
    """One entry per agency, titled with its name (other names in the text), with its state,
    at the page the agency's row in the lists links to."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    by_location = {d["location"]: d for d in index["docs"]}
    locations = [d["location"] for d in index["docs"]]
    assert len(locations) == len(set(locations))
    for kind, recs in (("participating", participating), ("pending", pending)):
        rows = table_rows(page(built_site, f"agencies/{kind}/"), f"agreements-{kind}")
        for rec in recs:
            link = rows[rec["id"]].th.a
            assert link is not None, rec["id"]
            location = posixpath.normpath(f"agencies/{kind}/{link['href']}") + "/"
            entry = by_location[location]
            same = slug(entry["title"]) == slug(rec["agency"])  # but for punctuation
            assert same or rec["agency"] in entry["text"], location
            assert STATE_NAMES[rec["state"]] in entry["text"]
    texas = [d for d in index["docs"] if d["location"].startswith("agencies/states/tx/")]
    assert any("Texas" in d["title"] for d in texas)


def test_model_page_links_its_agreements(built_site: Path, participating) -> None:
    """Each model's description page links to the list of its agreements, with the count."""
    soup = content(page(built_site, "models/task-force-model/"))
    link = soup.find("a", href="../../agencies/models/task-force-model/")
    count = sum(r["model"] == "tfm" for r in participating)
    assert link is not None and f"{count:,} agreements" in text(link)
