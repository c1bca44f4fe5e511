"""Download the lists ICE links now and import the new ones: both together, or nothing."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..data.vocab import LISTS
from . import load, originals
from .dates import AsOf, infer_as_of, parse_as_of
from .fetch import XLSX, Fetcher, FetchError
from .icepage import Link, PageError, check_workbook, file_name, find_links
from .importer import run_import
from .outcome import IMPORTED, NETWORK, NOTHING_NEW, REFUSED, ListResult, Outcome
from .read import ListError
from .write import replace_tree

PAGE = "https://www.ice.gov/identify-and-arrest/287g"
# What the importer raises to refuse a file. Its guards raise a subclass of ListError naming
# the guard and the option that overrides it; those are read with getattr in `_refused`.
REFUSALS: tuple[type[Exception], ...] = (ListError,)  # ImportRefused is one

Printer = Callable[[str], None]


def refresh(
    page: str = PAGE,
    *,
    kinds: tuple[str, ...] = tuple(LISTS),
    data_dir: Path = Path("data"),
    sources: Path = Path("sources/ice"),
    downloads: Path | None = None,
    fetcher: Fetcher | None = None,
    dry_run: bool = False,
    out: Printer = print,
) -> Outcome:
    """Download the lists ICE links now; import the new ones together, or write nothing."""
    fetcher = fetcher or Fetcher()
    try:
        resp = fetcher.get(page)
        links = find_links(resp.body.decode("utf-8", "replace"), resp.url, kinds)
    except FetchError as exc:
        return Outcome(NETWORK, page, problem=str(exc))
    except PageError as exc:
        return Outcome(REFUSED, page, problem=str(exc))
    current = load.current(data_dir).lists
    results = [_download(fetcher, links[k], sources, current.get(k), out) for k in kinds]
    with tempfile.TemporaryDirectory(prefix="refresh-") as tmp:
        folder = downloads or Path(tmp) / "downloads"
        for r in results:
            if r.body:
                _save(folder / r.rel, r.body)
        states = {r.state for r in results}
        if "refused" in states or "failed" in states:
            return Outcome(REFUSED if "refused" in states else NETWORK, page, _held(results))
        new = [r for r in results if r.state == "new"]
        if not new:
            return Outcome(NOTHING_NEW, page, results)
        if not _import(new, folder, data_dir, Path(tmp) / "stage", out):
            return Outcome(REFUSED, page, _held(results))
        if not dry_run:
            _publish(Path(tmp) / "stage" / "agencies", data_dir, sources, new)
    return Outcome(IMPORTED, page, results, written=not dry_run)


def _download(
    fetcher: Fetcher, link: Link, sources: Path, current: dict | None, out: Printer
) -> ListResult:
    """Fetch one workbook and tell whether it is new, already kept, or older than ours."""
    r = ListResult(link.kind, url=link.url)
    try:
        resp = fetcher.get(link.url, accept=XLSX)
        check_workbook(resp)
    except FetchError as exc:
        r.state, r.note = "failed", str(exc)
        return r
    except PageError as exc:
        r.state, r.note = "refused", str(exc)
        return r
    name, r.body, r.sha256 = file_name(resp, link), resp.body, originals.sha256(resp.body)
    kept = originals.known(sources).get(r.sha256)
    r.rel = kept or originals.place(sources, link.kind, name, r.sha256)
    as_of, ours = infer_as_of(name), _current(current)
    r.as_of = str(as_of or "")
    if kept:
        r.state, r.note = "unchanged", f"already kept as {kept}"
    elif as_of and ours and as_of.sort_key() < ours.sort_key():
        r.state, r.note = "older", f"as of {as_of}, older than the current list ({ours})"
    else:
        r.state = "new"
    out(f"{link.kind}: {name} ({len(r.body):,} bytes, sha256 {r.sha256[:12]}): {r.state}")
    return r


def _current(info: dict | None) -> AsOf | None:
    """The date of the list data/ holds now."""
    return AsOf(parse_as_of(info["as_of"]).date, info.get("edition")) if info else None


def _import(new: list[ListResult], folder: Path, data_dir: Path, stage: Path, out: Printer) -> bool:
    """Import every new list into a copy of data/ (stage); False if one was refused."""
    for part in ("agencies", "schema"):
        if (data_dir / part).is_dir():
            shutil.copytree(data_dir / part, stage / part)
    stage.mkdir(exist_ok=True)
    for r in new:
        lines: list[str] = []
        try:
            r.diff = run_import(folder / r.rel, kind=r.kind, data_dir=stage, out=lines.append)
        except REFUSALS as exc:
            _refused(r, exc)
            out(f"{r.kind}: refused: {r.note}")
            return False
        now = load.current(stage)
        info = now.lists[r.kind]
        r.state, r.rows = "imported", info["rows"]
        r.as_of = info["as_of"] + (info.get("edition") or "")
        r.flags = sum(c["count"] for c in now.quality[r.kind]["counts"])
        r.warnings = [x.strip() for x in lines if x.strip().upper().startswith("WARNING")]
        r.report = [x for x in lines if x not in r.warnings and not x.startswith("wrote ")]
        out(r.report[0] if r.report else f"{r.kind}: imported")
    return True


def _held(results: list[ListResult]) -> list[ListResult]:
    """Mark the lists left unwritten because another one failed or was refused."""
    for r in results:
        if r.state in ("new", "imported"):
            r.state, r.note = "held", "not written: the run writes both lists or neither"
    return results


def _refused(r: ListResult, exc: Exception) -> None:
    """Record a refusal, with the guard and its override when the importer names them."""
    r.state, r.note = "refused", str(exc)
    r.guard, r.override = getattr(exc, "guard", None), getattr(exc, "option", None)


def _publish(stage: Path, data_dir: Path, sources: Path, new: list[ListResult]) -> None:
    """Swap the staged data/agencies in with one rename, then keep the originals."""
    # A failure after the swap leaves data imported but an original unkept: the next run
    # downloads it again, and the importer records nothing twice, so that run repairs it.
    files = {
        p.relative_to(stage).as_posix(): p.read_text("utf-8")
        for p in stage.rglob("*")
        if p.is_file()
    }
    replace_tree(data_dir / "agencies", files, drop_dirs=["."])
    originals.keep(sources, {r.rel: r.body for r in new})


def _save(path: Path, data: bytes) -> None:
    """Write one downloaded workbook as it came."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
