"""District posts and places: where the new local cases live.

Shanghai's daily residence posts open with the city's totals sentence (its bulletin, which parse_document
reads), then give one block per district (2022年4月15日,浦东新区新增1142例本土确诊病例,新增9140例本土无症状感染者,
分别居住于: ⏎ 八灶村顾家宅, ⏎ … ⏎ 已对相关居住地落实终末消毒措施。). Each block is a report of its district
(region_level ``district``) with the counts it states (read by the grammar) and one place per address (a line
may hold several: 徐行镇曹王村、徐行村). A block without year or window (3月19日,崇明区…) takes them from the
post's city sentence; addresses under a bare district heading (the post of 2022-03-18) make a district report
with NULL counts. The lists do not split by case type: their places are ``positive``, with no case count.
Per-case lines with an address (病例1,男,51岁,居住于虹口区逸仙路288弄; 确诊病例3:现住丰台区方庄芳群园) give
places of the report they belong to: one per distinct address, with the number of cases at it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import repeat

from archive.parse import lexicon
from archive.parse.case_lines import PageCaseLines
from archive.parse.gazetteer import Area, gazetteer
from archive.parse.model import Place, Problem, Report
from archive.parse.statements import LIST_OPENER_RE as _LIST_OPENER_RE
from archive.parse.statements import local_counts


def _words(*values: str) -> str:
    return lexicon.alternation(lexicon.words("post", *values))


# 2022年4月15日,浦东新区新增… / 3月19日(0-24时),虹口区新增… / …,奉贤无新增… (the lookahead passes over
# every character but a digit at one test)
_BLOCK_RE = re.compile(
    r"(?=\d)(?<!\d)(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
    r"(?:\((?P<start>\d{1,2})[-—–~至](?P<end>\d{1,2})时\))?,"
    rf"(?P<district>[\u4e00-\u9fff]{{2,9}}?)(?={lexicon.alternation(lexicon.words('zero', 'zero') + lexicon.words('new'))})"
)
# The city's own sentence: 2022年4月15日0—24时,新增本土…
_CITY_SENTENCE_RE = re.compile(
    r"(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?P<start>\d{1,2})[—\-–~至](?P<end>\d{1,2})时"
)
# What closes one: the disinfection sentence that follows every list, or a sentence about the cases.
_LIST_CLOSER_RE = re.compile(_words("list_closer"))
# Lines after the last list: the post's sources and the publisher's footer.
_POST_END_RE = re.compile(rf"^(?:{_words('post_end')})")
# Page debris that may stand inside a list, alone or glued to an address.
_DEBRIS_RE = re.compile(_words("debris"))
_STAMP = r"\d{4}-\d{1,2}-\d{1,2}"
# Lines that hold no address: headings, a publisher and its timestamp (上海发布2022-04-16 09:06).
_STAMP_LINE_RE = re.compile(rf"\D{{0,12}}{_STAMP}(?: \d{{1,2}}:\d{{2}})?")
_LONGEST_STAMP_LINE = 40
_HEADING_ENDS = tuple(word + colon for word in lexicon.words("post", "heading") for colon in ("", ":"))
_NONE_LINES = frozenset(lexicon.words("post", "none_line"))
# Items of a list that are no address: those debris lines glued to one, and prose.
_NOT_AN_ADDRESS_RE = re.compile(rf"{_STAMP}|(?:{_words('heading')})$|^(?:{_words('none_line')})$|^\W*$|{_words('not_address')}")
_ANNOUNCED_LISTS_RE = re.compile(_words("announcement"))
_ITEM_SPLIT_RE = re.compile(r"[,、;。\n]")

_DISTRICT_SUFFIXES = ("", "区", "新区", "县")
_LONGEST_HEADING = 8  # characters of a district's name on a line of its own
_FULL_DAY = (0, 24)


@dataclass
class _Block:
    area: Area
    date: dt.date
    window: tuple[int, int]
    span_start: int
    span_end: int
    counts: dict[str, int | None]
    problems: list[Problem]
    names: dict[str, None] = field(default_factory=dict)  # in list order, each once
    list_open: bool = False  # addresses are being read
    ended: bool = False  # the list ended as lists do (。, 已对相关居住地…, the next block): not cut off


def with_places(
    text: str, reports: list[Report], year_hint: int | None = None, page_case_lines: PageCaseLines | None = None
) -> list[Report]:
    """``reports`` with places from per-case lines, and with a district report for each block of a
    district post (replacing any report read from the same block sentence, or of the same district
    and window)."""
    _add_case_places(reports, page_case_lines or PageCaseLines(text), len(text))
    # Only posts that list residences: a lone "11月20日,朝阳区新增…" elsewhere stays the bulletin parser's.
    is_post = _LIST_OPENER_RE.search(text) is not None or _ANNOUNCED_LISTS_RE.search(text) is not None
    blocks = _district_blocks(text, year_hint) if is_post else []
    if not blocks:
        _flag_missing_lists(text, reports)
        return reports
    district_reports: dict[tuple, Report] = {}
    for block in blocks:
        report = _report(block)
        # A post printed twice on one page: keep the fuller block.
        if _key(report) not in district_reports or len(report.places) > len(district_reports[_key(report)].places):
            district_reports[_key(report)] = report
    spans = [(block.span_start, block.span_end) for block in blocks]
    kept = [
        r
        for r in reports
        if not any(start <= r.span_start < end for start, end in spans)
        and not (r.region_level == "district" and _key(r) in district_reports)
    ]
    return sorted(kept + list(district_reports.values()), key=lambda r: r.span_start)


def _key(report: Report) -> tuple:
    return (report.region, report.report_date, report.window_start_hour, report.window_end_hour)


# --- places of per-case lines ------------------------------------------------------------


def _add_case_places(reports: list[Report], page_case_lines: PageCaseLines, page_end: int) -> None:
    gaz = gazetteer()
    ordered = sorted(reports, key=lambda r: r.span_start)
    for index, report in enumerate(ordered):
        end = ordered[index + 1].span_start if index + 1 < len(ordered) else page_end
        scope = gaz.area_named(report.region, None)
        places: dict[tuple[str, str, str], Place] = {(p.case_type, p.district, p.name): p for p in report.places}
        for line in page_case_lines.within(report.span_start, end):
            if line.district is None or line.address is None:
                continue
            name = _clean_name(_DEBRIS_RE.sub("", line.address), line.district)
            if name is None:
                continue
            area = gaz.area_named(line.district, scope) if scope is not None else None
            district = area.name if area is not None else line.district
            city = gaz.city_of(area).name if area is not None else report.region
            key = (line.case_type, district, name)
            if key in places:
                places[key].cases = (places[key].cases or 0) + line.cases
            else:
                places[key] = Place(line.case_type, city, district, name, line.cases)
        report.places = list(places.values())


# --- district posts -----------------------------------------------------------------------


def _district_blocks(text: str, year_hint: int | None) -> list[_Block]:
    lines = _lines(text)
    blocks_found = list(_BLOCK_RE.finditer(text))
    city = _post_city(blocks_found, lines)
    if city is None:
        return []
    city_date, city_window = _city_sentence(text)
    year = city_date.year if city_date else year_hint
    block_starts = [match.start() for match in blocks_found]
    blocks: list[_Block] = []
    current: _Block | None = None
    heading: tuple[Area, int, int] | None = None
    for start, line in lines:
        if _DEBRIS_RE.fullmatch(line) or _is_skipped(line):
            if line == "无":
                heading = None  # 崇明区 ⏎ 无: no list for that district
            continue
        if _POST_END_RE.search(line):
            _close(current)
            current, heading = None, None
            continue
        area = _area(city, line) if len(line) <= _LONGEST_HEADING else None
        if area is not None:  # a district's heading line
            _close(current)
            current, heading = None, (area, start, start + len(line))
            continue
        pieces = _pieces(line, start, block_starts)
        for piece_start, piece, match in pieces:
            if match is not None:
                _close(current)
                current = _open_block(match, piece_start, piece, city, year, city_date, city_window)
                heading = None
                if current is not None:
                    blocks.append(current)
                    piece = piece[current.span_end - piece_start :]
                    piece_start = current.span_end
                else:
                    continue
            elif current is not None and not current.list_open and not current.names:
                opener = _LIST_OPENER_RE.match(piece)
                if opener:  # 2022年3月21日,金山区新增…。 ⏎ 分别居住于:
                    current.list_open = True
                    current.span_end = piece_start + opener.end()
                    piece = piece[opener.end() :]
            elif current is None and heading is not None and city_date is not None:
                # Addresses under a bare district heading (the post of 2022-03-18).
                area, heading_start, heading_end = heading
                current = _Block(area, city_date, city_window, heading_start, heading_end, {}, [], list_open=True)
                blocks.append(current)
                heading = None
            if current is not None and current.list_open:
                _read_list(current, piece)
    if current is not None and current.list_open and not current.ended:
        current.problems.append(
            Problem(
                "truncated_list",
                f"the list of {current.area.name} stops where the page ends: {len(current.names)} places kept",
                current.span_start,
                current.span_end,
            )
        )
    return blocks


def _is_skipped(line: str) -> bool:
    """A line that holds no address: a heading (各区信息如下:), a publisher and its time stamp, a lone 无."""
    return (
        line.endswith(_HEADING_ENDS)
        or line in _NONE_LINES
        or len(line) <= _LONGEST_STAMP_LINE and _STAMP_LINE_RE.fullmatch(line) is not None
    )


def _lines(text: str) -> list[tuple[int, str]]:
    out, position = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append((position + raw.index(stripped[0]), stripped))
        position += len(raw) + 1
    return out


def _post_city(blocks: list[re.Match], lines: list[tuple[int, str]]) -> Area | None:
    """The city whose districts the post's blocks (or headings) name: the one most of them belong to."""
    gaz = gazetteer()
    votes: Counter[str] = Counter()
    cities: dict[str, Area] = {}
    names = [match.group("district") for match in blocks]
    if not names:
        names = [line for _, line in lines if len(line) <= _LONGEST_HEADING]
    for name in names:
        area = _area(None, name)
        if area is not None:
            city = gaz.city_of(area)
            votes[city.name] += 1
            cities[city.name] = city
    if not votes:
        return None
    return cities[votes.most_common(1)[0][0]]


@lru_cache(maxsize=65536)  # the same lines and headings come back in every post of a city
def _area(city: Area | None, name: str) -> Area | None:
    """A district of ``city`` (any city when None) named ``name``, its suffix possibly dropped (奉贤)."""
    gaz = gazetteer()
    for suffix in _DISTRICT_SUFFIXES:
        area = gaz.area_named(name + suffix, city)
        if area is not None and area.level in ("county", "zone"):
            return area
    return None


def _city_sentence(text: str) -> tuple[dt.date | None, tuple[int, int]]:
    match = _CITY_SENTENCE_RE.search(text)
    if match is None:
        return None, _FULL_DAY
    try:
        date = dt.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None, _FULL_DAY
    return date, _window(int(match.group("start")), int(match.group("end")))


def _window(start: int, end: int) -> tuple[int, int]:
    return (start, end) if end > start else (start, end + 24)


def _pieces(line: str, start: int, block_starts: list[int]) -> list[tuple[int, str, re.Match | None]]:
    """The line cut before each block sentence: (offset, text, the block's match or None). ``block_starts``:
    where the page's block sentences start (a line holding none is one piece, without a search)."""
    if bisect_left(block_starts, start) == bisect_left(block_starts, start + len(line)):
        return [(start, line, None)]
    cuts = [match.start() for match in _BLOCK_RE.finditer(line)]
    bounds = sorted({0, *cuts, len(line)})
    pieces = []
    for begin, end in zip(bounds, bounds[1:]):
        piece = line[begin:end]
        pieces.append((start + begin, piece, _BLOCK_RE.match(piece) if begin in cuts else None))
    return pieces


def _open_block(match, piece_start, piece, city, year, city_date, city_window) -> _Block | None:
    """The block a block sentence opens, with its date, window and counts; None when it is no district's."""
    area = _area(city, match.group("district"))
    if area is None:
        return None
    problems = []
    span_start = piece_start + match.start()
    stated_year = match.group("year")
    block_year = int(stated_year) if stated_year else year
    if block_year is None:
        return None
    try:
        date = dt.date(block_year, int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None
    sentence_end = len(piece)
    opener = _LIST_OPENER_RE.search(piece, match.end())
    full_stop = piece.find("。", match.end())
    if opener is not None:
        sentence_end = opener.end()
    elif full_stop != -1:
        sentence_end = full_stop + 1
    sentence = piece[match.end() : opener.start() if opener else sentence_end]
    if not stated_year:
        problems.append(Problem("year_inferred", f"year of {match.group(0)} taken from the post's city sentence", span_start, span_start + len(match.group(0))))
    if match.group("start") is not None:
        window = _window(int(match.group("start")), int(match.group("end")))
    elif date == city_date:
        window = city_window
    else:
        window = _FULL_DAY
        problems.append(Problem("window_not_stated", f"{match.group(0)} states no counting window: stored as the full day", span_start, span_start + len(match.group(0))))
    block = _Block(area, date, window, span_start, piece_start + sentence_end, _counts(sentence), problems)
    block.list_open = opener is not None
    return block


def _counts(sentence: str) -> dict[str, int | None]:
    """The block sentence's local confirmed and asymptomatic counts (0 for 无新增…), as the grammar reads them."""
    stated = local_counts(sentence)
    return {case_type: stated.get(case_type) for case_type in ("confirmed", "asymptomatic")}


def _read_list(block: _Block, piece: str) -> None:
    closer = _LIST_CLOSER_RE.search(piece)
    if closer is not None:
        piece = piece[: closer.start()]
    items = _ITEM_SPLIT_RE.split(_DEBRIS_RE.sub("", piece))  # debris removed once for the whole piece
    names = filter(None, map(_clean_name, items, repeat(block.area.name)))
    block.names.update(dict.fromkeys(names))  # each name once, where it first stands
    if closer is not None:
        block.list_open, block.ended = False, True
    else:  # a 。 may end a list or only one of its lines (北沿公路3270号。): the list stays open
        block.ended = piece.rstrip().endswith("。")


def _close(block: _Block | None) -> None:
    """The list of ``block`` ends: the next block, a heading or the post's footer follows."""
    if block is not None and block.list_open:
        block.list_open, block.ended = False, True


@lru_cache(maxsize=262144)  # the same addresses come back in post after post
def _clean_name(item: str, district: str) -> str | None:
    """An address whose debris is removed as a place name: list punctuation, a repeated district and a trailing
    等 removed; None for one that is no address (or blank)."""
    name = item.strip(" ,、。;:")
    if name.startswith(district) and len(name) > len(district):
        name = name[len(district) :]
    name = name.removesuffix("等").strip()
    if not name or _NOT_AN_ADDRESS_RE.search(name) or (name.endswith(("区", "县")) and _area(None, name)):
        return None
    return name


def _report(block: _Block) -> Report:
    gaz = gazetteer()
    city = gaz.city_of(block.area)
    return Report(
        seq=0,
        region=block.area.name,
        region_level="district",
        region_code=block.area.code,
        report_date=block.date,
        window_start_hour=block.window[0],
        window_end_hour=block.window[1],
        span_start=block.span_start,
        span_end=block.span_end,
        local_confirmed=block.counts.get("confirmed"),
        local_asymptomatic=block.counts.get("asymptomatic"),
        places=list(map(partial(Place, "positive", city.name, block.area.name), block.names)),
        problems=block.problems,
    )


def _flag_missing_lists(text: str, reports: list[Report]) -> None:
    """A post that announces its districts' lists (各区信息如下:) but ends before any: say so on its report."""
    announced = _ANNOUNCED_LISTS_RE.search(text)
    if announced is None:
        return
    before = [r for r in reports if r.span_start <= announced.start()]
    if before:
        report = max(before, key=lambda r: r.span_start)
        report.problems.append(
            Problem(
                "truncated_list",
                "the post announces the districts' address lists, but the page ends before any",
                announced.start(),
                announced.end(),
            )
        )
