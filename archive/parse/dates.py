"""Dates and counting windows: what day a bulletin covers, and which hours."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DASH = r"[—\-~至到–―]+"
# 2022年11月30日 / 11月30日 / 30日 / 昨日, then usually a window: 0—14时, 0时至24时,
# 0-24时; cross-midnight windows name the end day: 27日15时至28日15时.
LEAD_WINDOW = re.compile(
    r"(?=[\d今昨])"  # what a window starts with: re passes over other characters at one test
    r"(?:(?:(?P<year>\d{4})年)?(?:(?<!\d)(?P<month>1[0-2]|0?[1-9])月)?(?<![\d连续])(?P<day>3[01]|[12]\d|0?[1-9])日"
    r"|(?P<relative>今日|昨日|今天|昨天))"
    rf"(?:\(?(?P<start>\d{{1,2}})时?{_DASH}(?:(?:(?P<end_month>\d{{1,2}})月)?(?P<end_day>\d{{1,2}})日|(?P<next_day>次日))?(?P<end>\d{{1,2}})时\)?"
    r"|(?P<fullday>全天))?"
)
_DAYS_BEFORE_PAGE = {"今日": 0, "今天": 0, "昨日": 1, "昨天": 1}
# Dates stated in full on the page: 2022-11-13 08:18, 2022年11月13日, 2022/11/13.
FULL_DATE_RE = re.compile(  # (the lookahead passes over other characters at one test)
    r"(?=20)(?<!\d)(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:日(?!\d{1,2}(?:时|[—\-~至]))|(?!日))"
)
PUBLICATION_LINE_RE = re.compile(r"发布时间|发布日期|时间|日期|来源|发布于")


# A news dateline gives the page's month and day: 新华社哈尔滨3月23日电, 本报讯(记者 …)11月30日.
_DATELINE_RE = re.compile(
    r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日电"
    r"|本报讯[^。\n]{0,30}?(?:(?P<year2>\d{4})年)?(?P<month2>\d{1,2})月(?P<day2>\d{1,2})日"
)


@dataclass(frozen=True)
class Window:
    start_hour: int
    end_hour: int


def find_page_date(text: str) -> dt.date | None:
    """The page's own date: a publication-date line, else the first full date not
    opening a counting window (those are the bulletins' own dates)."""
    fallback = None
    for line in text.split("\n"):
        for match in FULL_DATE_RE.finditer(line):
            date = _safe_date(*map(int, match.groups()))
            if date is None:
                continue
            if PUBLICATION_LINE_RE.search(line) or len(line.strip()) <= 40:
                return date
            fallback = fallback or date
    return fallback


def find_dateline_date(text: str, year_hint: int | None) -> dt.date | None:
    """The page's date from a news dateline, when the dateline or ``year_hint`` gives the year."""
    match = _DATELINE_RE.search(text)
    if match is None:
        return None
    year = match.group("year") or match.group("year2") or year_hint
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    return _safe_date(int(year), int(month), int(day)) if year else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_date(
    year: int | None, month: int | None, day: int, page_date: dt.date | None, year_hint: int | None
) -> tuple[dt.date | None, bool, str | None]:
    """Complete a possibly partial date.

    Returns (date, inferred, error). A missing year comes from ``year_hint``,
    else from the page's date, choosing the latest reading on or before it (a
    page of 2022-01-02 reporting 12月31日 means 2021); a missing month likewise.
    """
    if year is not None and month is not None:
        date = _safe_date(year, month, day)
        return (date, False, None) if date else (None, False, f"{year}年{month}月{day}日 is not a calendar date")
    if year_hint is not None and (month is not None or page_date is None):
        if month is None:
            return None, True, f"the bulletin gives only the day ({day}日) and the page gives no date"
        date = _safe_date(year_hint, month, day)
        return (date, True, None) if date else (None, True, f"{year_hint}年{month}月{day}日 is not a calendar date")
    if page_date is None:
        return None, True, "the bulletin does not state its year and the page gives no date"
    anchor = page_date
    for back in range(13):
        if month is None:
            y, m = divmod(anchor.year * 12 + anchor.month - 1 - back, 12)
            date = _safe_date(y, m + 1, day)
        else:
            date = _safe_date(anchor.year - back, month, day)
        if date is not None and date <= anchor:
            return date, True, None
        if month is not None and back >= 1:
            break
    return None, True, f"{month or '?'}月{day}日 does not fall on or before the page's date {page_date}"


def relative_date(match: re.Match, page_date: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The day 今日 / 昨日 means on a page of ``page_date``."""
    word = match.group("relative")
    if page_date is None:
        return None, f"{word} cannot be dated: the page gives no date"
    return page_date - dt.timedelta(days=_DAYS_BEFORE_PAGE[word]), None


def window_stated(match: re.Match) -> bool:
    return bool(match.group("fullday") or match.group("end"))


def window_of(match: re.Match) -> tuple[Window | None, str | None]:
    """The counting window of a LEAD_WINDOW match, in hours from the report date's midnight.

    A bulletin that states none (今日新增) counts as the full day."""
    if match.group("fullday") or not match.group("end"):
        return Window(0, 24), None
    start, end = int(match.group("start")), int(match.group("end"))
    # 27日15时至28日15时, 15时至次日15时, and 20时至20时 (which can only mean the next day's 20时).
    next_day = match.group("end_day") is not None and int(match.group("end_day")) != int(match.group("day"))
    if next_day or match.group("next_day") or end <= start:
        end += 24
    if not 0 <= start < end or end > 48 or start > 24 or int(match.group("end")) > 24:
        rule = "hours run from 0 to 24, and a window ends after it starts"
        return None, f"{match.group(0)} is not a valid counting window: {rule}"
    return Window(start, end), None
