"""parse_document: normalized text → bulletins found in it, with their figures and problems."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from archive.parse import article
from archive.parse import figures as fg
from archive.parse.clauses import Sentence, sentences
from archive.parse.dates import LEAD_WINDOW, find_dateline_date, find_page_date, relative_date, resolve_date, window_of, window_stated
from archive.parse.district_posts import with_places
from archive.parse.extract import BodyReader
from archive.parse.gazetteer import Area, gazetteer
from archive.parse.model import (
    DistrictCount,
    STATUS_FAILED,
    STATUS_NO_BULLETIN,
    STATUS_PARSED,
    ParsedDocument,
    ParseHints,
    Problem,
    Report,
)
from archive.parse.normalize import normalize_text
from archive.parse.placing import PagePlacer, Unplaced, named_region_text
from archive.parse.residence import add_resident_districts
from archive.parse.sections import merge_sections
from archive.parse.validate import resolve_remainders, validate

# The longest text a lead may hold between its window and 新增 (a region name, an issuer).
_MAX_REGION_GAP = 36
# What opens the statement of new cases after a lead's window and region.
_VERB_RE = re.compile(rf"{fg.ZERO_RE.pattern}|新增|(?<!累计)报告(?!的)")
# The statement's first clause names the cases: a case noun, not a death, a discharge or a suspicion.
_STATEMENT_END_RE = re.compile(r"[,。;、和及]")
_NOT_NEW_CASES_RE = re.compile(r"死亡|出院|治愈|疑似|重症|危重|解除|密切接触者|累计|排除")
# A cut-off hour the window regex leaves behind (截至2月13日6时,新增…): not a region.
_CUTOFF_HOUR_RE = re.compile(r"^\d{1,2}时")
# A second date before the statement: the window found is not the one the statement counts in.
_SENTENCE_WIDE_WINDOW_RE = re.compile(r"\d{1,2}日|今早|今日")
# The region a sentence opens with, before what it lists (上海市排除…;新增…).
_REGION_OPENING_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:省|市|自治区|地区|州)")
_BARE_COUNT_RE = re.compile(rf"(?:{fg.NOUN})\d+$")
_MAX_HEADLINE = 40
# Counting days outside this range are misreadings (glued lines, a wrong month).
PLAUSIBLE_DAYS = (dt.date(2019, 12, 1), dt.date(2023, 12, 31))


@dataclass
class _Lead:
    sentence: Sentence
    index: int  # of the sentence among the page's
    window: re.Match
    region_text: str


class _Undated(Exception):
    """A lead whose date cannot be known."""

    def __init__(self, message: str, span: tuple[int, int]):
        super().__init__(message)
        self.span = span


def parse_document(text: str, hints: ParseHints | None = None) -> ParsedDocument:
    hints = hints or ParseHints()
    text = normalize_text(text or "")
    page_date = find_page_date(text)
    if not _VERB_RE.search(text):  # what every lead holds (_find_leads): a page without it has no bulletin
        return ParsedDocument(text, STATUS_NO_BULLETIN, published_on=page_date)
    page = sentences(text)
    leads = list(_find_leads(page))
    if not leads:
        return ParsedDocument(text, STATUS_NO_BULLETIN, published_on=page_date)
    lines = article.PageLines(text)
    placer = PagePlacer(text, leads[0].sentence.start + leads[0].window.start())
    # A page without a date of its own is dated by the latest bulletin that states its
    # year, else by its dateline (新华社哈尔滨3月23日电) when the year is known, else by the day it was captured.
    anchor = page_date or _latest_stated_date(leads) or find_dateline_date(text, hints.year) or hints.captured_on
    reports: dict[tuple, Report] = {}
    problems: list[Problem] = []
    undated: list[str] = []
    for index, lead in enumerate(leads):
        next_lead = leads[index + 1] if index + 1 < len(leads) else None
        # The bulletin's body: its sentences up to the next bulletin's lead.
        body = page[lead.index : next_lead.index if next_lead else len(page)]
        next_start = next_lead.sentence.start if next_lead else len(text)
        try:
            report = _read_bulletin(text, lines, placer, lead, body, next_start, anchor, hints)
        except _Undated as exc:
            problems.append(Problem("undated_bulletin", str(exc), *exc.span))
            undated.append(str(exc))
            continue
        except Unplaced as exc:
            start = lead.sentence.start + lead.window.start()
            problems.append(Problem("unplaced_bulletin", str(exc), start, lead.sentence.end))
            continue
        key = (report.region, report.report_date, report.window_start_hour, report.window_end_hour)
        # Sections of one bulletin (local confirmed, local asymptomatic, imported), or the same
        # bulletin twice on a page (a summary and its body): one report.
        reports[key] = merge_sections(reports[key], report) if key in reports else report
    if undated and not reports:
        # Nothing could be dated: the page fails with the reasons (and waits for --year, which reparse sees).
        return ParsedDocument(text, STATUS_FAILED, published_on=page_date, error="; ".join(undated))
    ordered = sorted(_drop_windowless_echoes(reports.values()), key=lambda r: r.span_start)
    ordered = with_places(text, ordered, hints.year)  # district posts' reports, and places (district_posts.py)
    for seq, report in enumerate(ordered, start=1):
        report.seq = seq
    # A page whose bulletins could not be placed is parsed all the same: its problems say why.
    status = STATUS_PARSED if ordered or problems else STATUS_NO_BULLETIN
    return ParsedDocument(text, status, reports=ordered, published_on=page_date, problems=problems)


def _latest_stated_date(leads: list[_Lead]) -> dt.date | None:
    stated = []
    for lead in leads:
        groups = lead.window.groupdict()
        if groups["year"] and groups["month"]:
            date, _, _ = resolve_date(int(groups["year"]), int(groups["month"]), int(groups["day"]), None, None)
            if date is not None:
                stated.append(date)
    return max(stated, default=None)


def _drop_windowless_echoes(reports) -> list[Report]:
    """A dateline sentence (11月30日,哈尔滨市新增…) echoing a bulletin that states its window is not a second report."""
    stated = {(r.region, r.report_date) for r in reports if not _window_unstated(r)}
    return [r for r in reports if not (_window_unstated(r) and (r.region, r.report_date) in stated)]


def _window_unstated(report: Report) -> bool:
    return any(p.code == "window_not_stated" for p in report.problems)


def _find_leads(page: list[Sentence]):
    """Sentences that open a bulletin: a counting window, a region, then 新增 … N例 of a case noun.

    A headline may hold the window and region alone, its figures on the next line
    (4月10日(0-24时)上海疫情 / 新增本土确诊病例914例 新增本土无症状感染者25173例)."""
    for index, sentence in enumerate(page):
        lead = _lead_in(sentence, index)
        if lead is None and index + 1 < len(page):
            lead = _headline_lead(sentence, index, page[index + 1])
        if lead is not None:
            yield lead


def _lead_in(sentence: Sentence, index: int) -> _Lead | None:
    if "新增" not in sentence.text and "报告" not in sentence.text:  # every lead holds one
        return None
    for window in LEAD_WINDOW.finditer(sentence.text):
        lead = _lead_after(sentence, index, window)
        if lead is not None:
            return lead
    return None


def _headline_lead(sentence: Sentence, index: int, following: Sentence) -> _Lead | None:
    window = LEAD_WINDOW.match(sentence.text)
    if window is None or len(sentence.text) > _MAX_HEADLINE or not _VERB_RE.match(following.text):
        return None
    region_text = sentence.text[window.end() :]
    if not named_region_text(region_text) or not _statement_at(following.text, _VERB_RE.match(following.text)):
        return None
    return _Lead(sentence, index, window, region_text)


def _lead_after(sentence: Sentence, index: int, window: re.Match) -> _Lead | None:
    rest = sentence.text[window.end() :]
    first = True
    for verb in _VERB_RE.finditer(rest):
        if first:
            region_text = _CUTOFF_HOUR_RE.sub("", rest[: verb.start()]).strip(",: ")
            # A date or a count between the window and 新增: not the bulletin's window (今早(7日)通报:…).
            if verb.start() > _MAX_REGION_GAP + 4 or (any(ch.isdigit() for ch in region_text) and not region_text.startswith("31个省")):
                if _SENTENCE_WIDE_WINDOW_RE.search(rest, 0, verb.start()):
                    return None
                # 上海市排除疑似病例56例;新增确诊病例3例: the window covers the whole sentence, the region opens it.
                opening = _REGION_OPENING_RE.match(rest)
                region_text = opening.group() if opening else ""
            first = False
        if _statement_at(rest, verb):
            return _Lead(sentence, index, window, region_text)
    return None


def _statement_at(rest: str, verb: re.Match) -> bool:
    """A statement of new cases opens at ``verb``: a case noun with a count, or a zero."""
    if fg.NO_NEWS_RE.match(rest, verb.start()):  # 无新增新冠肺炎疫情信息报告
        return True
    statement_end = _STATEMENT_END_RE.search(rest, verb.end())
    statement = rest[verb.start() : statement_end.start() if statement_end else len(rest)]
    if not fg.NOUN_RE.search(statement) or _NOT_NEW_CASES_RE.search(statement):
        return False
    zero = fg.ZERO_RE.match(rest, verb.start()) or "为零" in statement
    # 确诊病例5487和无症状感染者…: a count without 例 before the next noun counts too.
    return bool(zero or fg.COUNT_RE.search(statement) or _BARE_COUNT_RE.search(statement))


def _read_bulletin(
    text: str,
    lines: article.PageLines,
    placer: PagePlacer,
    lead: _Lead,
    body: list[Sentence],
    next_start: int,
    page_date,
    hints: ParseHints,
) -> Report:
    match = lead.window
    start = lead.sentence.start + match.start()
    span = (start, start + len(match.group(0)))
    date, inferred = _date_of(match, page_date, hints, span)
    window, window_error = window_of(match)
    if window_error:
        raise _Undated(f"the bulletin at character {start} ({match.group(0)}): {window_error}. Correct it in the file and ingest it again.", span)
    body_end = body[-1].end if body else lead.sentence.end
    placement = placer.place(lead.region_text, start, text[start:body_end])
    region = placement.region
    problems = []
    if placement.unknown:
        problems.append(Problem("unknown_area", f"{region} is not a known region", start, lead.sentence.end))
    if not window_stated(match):
        problems.append(Problem("window_not_stated", f"{match.group(0)} states no counting window: stored as the full day", *span))
    if inferred:
        source = f"--year {hints.year}" if hints.year and match.group("month") else "the page's date"
        problems.append(Problem("year_inferred", f"year of {match.group(0)} taken from {source}", *span))
    area = region if isinstance(region, Area) else None
    report = Report(
        seq=0,
        region=area.name if area else region,
        region_level=placement.level,
        region_code=area.code if area else None,
        report_date=date,
        window_start_hour=window.start_hour,
        window_end_hour=window.end_hour,
        span_start=start,
        span_end=lead.sentence.end,
        problems=problems,
    )
    reader = BodyReader(report, area)
    body[0] = Sentence(start, body[0].end, text[start : body[0].end])
    report.span_end = reader.read(body)
    add_resident_districts(report, text, start, next_start, area)
    if placement.within is not None:
        _all_cases_in(report, placement.within)
    resolve_remainders(report, reader.remainders)
    validate(report)
    block = article.title_block_before(lines, start)
    report.headline = article.headline(block)
    article_start = block[-1].start if block else lead.sentence.start
    report.speaker = article.speaker(text, article_start, report.span_end)
    end = article.article_end(lines, report.span_end, next_start)
    report.notices = article.notices(lines, report.span_end, end)
    return report


def _all_cases_in(report: Report, area: Area) -> None:
    """The lead named one area of its province for all its cases: each local total is that area's row."""
    gaz = gazetteer()
    city = gaz.city_of(area)
    for case_type in ("confirmed", "asymptomatic"):
        total = report.total_of(case_type)
        if total and not any(row.case_type == case_type for row in report.districts):
            report.districts.append(DistrictCount(case_type, city.name, area.name, total, city.code, area.code))


def _date_of(match: re.Match, page_date, hints: ParseHints, span: tuple[int, int]) -> tuple[dt.date, bool]:
    """The counting day a lead's window states (completed from the page or --year), and whether it was inferred."""
    where = f"the bulletin at character {span[0]} ({match.group(0)})"
    year = int(match.group("year")) if match.group("year") else None
    month = int(match.group("month")) if match.group("month") else None
    if match.group("relative"):
        date, error = relative_date(match, page_date)
        inferred = True
    else:
        date, inferred, error = resolve_date(year, month, int(match.group("day")), page_date, hints.year)
    if error:
        needs_year = year is None and not match.group("relative")
        advice = " Ingest it again with --year YYYY." if needs_year else ""
        if not needs_year and not match.group("relative"):  # a stated date that does not exist (2月30日)
            advice = " Correct it in the file and ingest it again."
        raise _Undated(f"{where}: {error}.{advice}", span)
    low, high = PLAUSIBLE_DAYS
    if not low <= date <= high:
        raise _Undated(f"{where}: {date} is outside {low} – {high}, the years bulletins were published: a misreading", span)
    return date, inferred
