"""Long months of changes are split into pages a browser can hold (under 1 MB each): whole
days where they fit, a day longer than a page in runs; every change on exactly one page."""

from __future__ import annotations

from site287g.views.changes import Change, Day, Shown, month_pages, paginate
from site287g.views.timeline import Event


def day(date: str, count: int) -> Day:
    """A day of ``count`` changes (their agencies do not matter here)."""
    events = (Event(date, None, f"{date} #{n}", f"a-{n}", "listed", 0) for n in range(count))
    return Day(date, tuple(Change(None, e) for e in events))


def listed(pages: list[list[Shown]]) -> list[str]:
    """Every change's text, page by page, in order."""
    return [c.event.text for page in pages for s in page for c in s.changes]


def test_days_stay_whole_when_they_fit() -> None:
    found = [day("2025-07-30", 3), day("2025-07-20", 4), day("2025-07-10", 2)]
    pages = paginate(found, per_page=6)
    assert [[(s.date, len(s.changes), s.continued) for s in p] for p in pages] == [
        [("2025-07-30", 3, False)],
        [("2025-07-20", 4, False), ("2025-07-10", 2, False)],
    ]
    assert listed(pages) == [c.event.text for d in found for c in d.changes]


def test_a_day_longer_than_a_page_is_split_and_marked_continued() -> None:
    found = [day("2025-07-30", 2), day("2025-07-15", 13), day("2025-07-01", 1)]
    pages = paginate(found, per_page=5)
    assert all(sum(len(s.changes) for s in p) <= 5 for p in pages)
    assert listed(pages) == [c.event.text for d in found for c in d.changes]
    long = [s for p in pages for s in p if s.date == "2025-07-15"]
    assert [(s.first, len(s.changes), s.continued) for s in long] == [
        (1, 3, False), (4, 5, True), (9, 5, True),
    ]  # fmt: skip


def test_each_month_has_its_own_pages() -> None:
    found = [day("2025-08-02", 2), day("2025-07-30", 3), day("2025-07-01", 3)]
    months = month_pages(found, per_page=4)
    assert list(months) == ["2025-08", "2025-07"]
    assert [len(p) for p in months.values()] == [1, 2]
    assert paginate([], per_page=4) == []
