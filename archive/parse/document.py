"""parse_document: normalized text → bulletins found in it, with their figures and problems."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from archive.parse import article, lexicon
from archive.parse.case_lines import PageCaseLines
from archive.parse.dates import (
    LEAD_WINDOW,
    find_dateline_date,
    find_page_date,
    relative_date,
    resolve_date,
    window_of,
    window_stated,
)
from archive.parse.district_posts import with_places
from archive.parse.gazetteer import REGION_SUFFIXES, Area, gazetteer
from archive.parse.grammar import grammar
from archive.parse.lexer import DATE, Token, tokens
from archive.parse.model import (
    STATUS_FAILED,
    STATUS_NO_BULLETIN,
    STATUS_PARSED,
    DistrictCount,
    ParsedDocument,
    ParseHints,
    Problem,
    Report,
)
from archive.parse.normalize import normalize_text
from archive.parse.placing import PagePlacer, Unplaced, named_region_text
from archive.parse.reading import BulletinReader
from archive.parse.residence import add_resident_districts
from archive.parse.sections import merge_sections
from archive.parse.sentences import Sentence, sentence_at, sentence_before, sentences
from archive.parse.validate import resolve_remainders, validate

# The longest text a lead may hold between its window and 新增 (a region name, an issuer).
_MAX_REGION_GAP = 36
# What opens the statement of new cases after a lead's window and region: 新增, 报告, or a zero wording.
_VERB_RE = re.compile(lexicon.alternation(lexicon.words("new") + lexicon.words("zero", "zero", "no_news")))
# A cut-off hour the window regex leaves behind (截至2月13日6时,新增…): not a region.
_CUTOFF_HOUR_RE = re.compile(r"^\d{1,2}时")
# A second date before the statement: the window found is not the one the statement counts in.
_SENTENCE_WIDE_WINDOW_RE = re.compile(r"\d{1,2}日|今早|今日")
# The region a sentence opens with, before what it lists (上海市排除…;新增…).
_REGION_OPENING_RE = re.compile(rf"[\u4e00-\u9fff]{{2,12}}?(?:{lexicon.alternation(REGION_SUFFIXES)}|州)")
_MAX_HEADLINE = 40
_NATIONAL_WORDS = lexicon.words("self", "national")  # 31个省…: a region text that holds digits
# Counting days outside this range are misreadings (glued lines, a wrong month).
PLAUSIBLE_DAYS = (dt.date(2019, 12, 1), dt.date(2023, 12, 31))


@dataclass
class _Lead:
    sentence: Sentence
    window: re.Match
    region_text: str
    tokens: list[Token] | None = None  # the lead sentence's tokens after its window, when they were read


class _Undated(Exception):
    """A lead whose date cannot be known."""

    def __init__(self, message: str, span: tuple[int, int]):
        super().__init__(message)
        self.span = span


def parse_document(text: str, hints: ParseHints | None = None) -> ParsedDocument:
    hints = hints or ParseHints()
    text = normalize_text(text or "")
    page_date = find_page_date(text)
    if not _VERB_RE.search(text):  # what every lead holds (_bulletins): a page without it has no bulletin
        return ParsedDocument(text, STATUS_NO_BULLETIN, published_on=page_date)
    lines = article.PageLines(text)
    page_case_lines = PageCaseLines(text)
    placer = None
    # A page without a date of its own is dated by the latest bulletin that states its year (one
    # pass over its leads), else by its dateline (新华社哈尔滨3月23日电) when the year is known, else by the day it was captured.
    anchor = page_date or _latest_stated_date(text) or find_dateline_date(text, hints.year) or hints.captured_on
    reports: dict[tuple, Report] = {}
    problems: list[Problem] = []
    undated: list[str] = []
    # Bulletins are read one at a time as their leads are found, so a long page is never held as a whole.
    for lead, body, next_start in _bulletins(text):
        placer = placer or PagePlacer(text, lead.sentence.start + lead.window.start())
        try:
            report = _read_bulletin(text, lines, placer, lead, body, next_start, page_case_lines, anchor, hints)
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
    if placer is None:
        return ParsedDocument(text, STATUS_NO_BULLETIN, published_on=page_date)
    if undated and not reports:
        # Nothing could be dated: the page fails with the reasons (and waits for --year, which reparse sees).
        return ParsedDocument(text, STATUS_FAILED, published_on=page_date, error="; ".join(undated))
    ordered = sorted(_drop_windowless_echoes(reports.values()), key=lambda r: r.span_start)
    ordered = with_places(text, ordered, hints.year, page_case_lines)  # district posts' reports, and places
    for seq, report in enumerate(ordered, start=1):
        report.seq = seq
    # A page whose bulletins could not be placed is parsed all the same: its problems say why.
    status = STATUS_PARSED if ordered or problems else STATUS_NO_BULLETIN
    return ParsedDocument(text, status, reports=ordered, published_on=page_date, problems=problems)


def _latest_stated_date(text: str) -> dt.date | None:
    stated = None
    for lead, _body, _next in _bulletins(text):
        groups = lead.window.groupdict()
        if groups["year"] and groups["month"]:
            date, _, _ = resolve_date(int(groups["year"]), int(groups["month"]), int(groups["day"]), None, None)
            if date is not None and (stated is None or date > stated):
                stated = date
    return stated


def _drop_windowless_echoes(reports) -> list[Report]:
    """A dateline sentence (11月30日,哈尔滨市新增…) echoing a bulletin that states its window is not a second report."""
    stated = {(r.region, r.report_date) for r in reports if not _window_unstated(r)}
    return [r for r in reports if not (_window_unstated(r) and (r.region, r.report_date) in stated)]


def _window_unstated(report: Report) -> bool:
    return any(p.code == "window_not_stated" for p in report.problems)


def _bulletins(text: str):
    """Each bulletin of the page as its lead is found: (lead, its sentences up to the next lead — made as
    they are read —, where that lead's sentence starts)."""
    leads = _leads(text)
    lead = next(leads, None)
    while lead is not None:
        following = next(leads, None)
        next_start = following.sentence.start if following is not None else len(text)
        yield lead, sentences(text, lead.sentence.start, next_start), next_start
        lead = following


def _leads(text: str):
    """The sentences that open a bulletin, in order: a counting window, a region, then 新增 … N例 of a case
    noun. A headline may hold the window and region alone, its figures on the next line
    (4月10日(0-24时)上海疫情 / 新增本土确诊病例914例 新增本土无症状感染者25173例). Only the sentences that
    hold a verb of new cases, and the ones just before them, are looked at."""
    searched_to, last_lead, floor = 0, None, 0
    for verb in _VERB_RE.finditer(text):
        if verb.start() < searched_to:
            continue
        # The sentences looked at move forward: none starts before the last one looked at (the floor), so
        # a long page is read once.
        sentence = sentence_at(text, verb.start(), searched_to)
        searched_to = sentence.end
        previous = sentence_before(text, sentence.start, floor)
        floor = sentence.start
        if previous is not None and previous != last_lead:
            headline = _headline_lead(text, previous, sentence)
            if headline is not None:
                yield headline
        lead = _lead_in(text, sentence)
        if lead is not None:
            last_lead = sentence
            yield lead


def _lead_in(text: str, sentence: Sentence) -> _Lead | None:
    if not _VERB_RE.search(sentence.text):  # every lead holds one
        return None
    for window in LEAD_WINDOW.finditer(sentence.text):
        lead = _lead_after(text, sentence, window)
        if lead is not None:
            return lead
    return None


def _headline_lead(text: str, sentence: Sentence, following: Sentence) -> _Lead | None:
    window = LEAD_WINDOW.match(sentence.text)
    if window is None or len(sentence.text) > _MAX_HEADLINE or not _VERB_RE.match(following.text):
        return None
    region_text = sentence.text[window.end() :]
    if not named_region_text(region_text) or _statement_at(text, following.start, following.end) is None:
        return None
    return _Lead(sentence, window, region_text)


def _lead_after(text: str, sentence: Sentence, window: re.Match) -> _Lead | None:
    rest = sentence.text[window.end() :]
    rest_start = sentence.start + window.end()
    first = True
    for verb in _VERB_RE.finditer(rest):
        if first:
            region_text = _CUTOFF_HOUR_RE.sub("", rest[: verb.start()]).strip(",: ")
            # A date or a count between the window and 新增: not the bulletin's window (今早(7日)通报:…).
            if verb.start() > _MAX_REGION_GAP + 4 or (any(ch.isdigit() for ch in region_text) and not region_text.startswith(_NATIONAL_WORDS)):
                if _SENTENCE_WIDE_WINDOW_RE.search(rest, 0, verb.start()):
                    return None
                # 上海市排除疑似病例56例;新增确诊病例3例: the window covers the whole sentence, the region opens it.
                opening = _REGION_OPENING_RE.match(rest)
                region_text = opening.group() if opening else ""
            first = False
        found = _statement_at(text, rest_start + verb.start(), sentence.end, rest_start)
        if found is not None:
            return _Lead(sentence, window, region_text, found)
    return None


def _statement_at(text: str, verb: int, end: int, start: int | None = None) -> list[Token] | None:
    """The tokens from ``start`` when a statement of new cases opens at ``verb``: the first phrase that
    reaches past it (read from ``start``, so that 累计报告… is read as the trap it is) states new cases or a
    zero; None when none opens there."""
    found = list(tokens(text, verb if start is None else start, end))
    phrase = next((p for p in grammar().phrases(found) if p.end > verb), None)
    return found if phrase is not None and phrase.yields in ("totals", "zero", "no_news") else None


def _read_bulletin(
    text: str,
    lines: article.PageLines,
    placer: PagePlacer,
    lead: _Lead,
    body: Iterable[Sentence],
    next_start: int,
    page_case_lines: PageCaseLines,
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
    body_end = next_start
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
    reader = BulletinReader(report, area, text)
    body = itertools.chain([Sentence(start, lead.sentence.end, text[start : lead.sentence.end])], itertools.islice(body, 1, None))
    # The lead sentence's tokens after its window were read when the lead was found: the window is one date.
    first = None if lead.tokens is None else [Token(DATE, match.group(0), span[0], span[1]), *lead.tokens]
    report.span_end = reader.read(body, first)
    add_resident_districts(report, text, page_case_lines.within(start, next_start), start, area)
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
