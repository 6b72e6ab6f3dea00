"""parse_document: normalized text → bulletins found in it, with their figures and problems."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from archive.parse import article
from archive.parse.clauses import Sentence, sentences
from archive.parse.dates import LEAD_WINDOW, find_dateline_date, find_page_date, relative_date, resolve_date, window_of, window_stated
from archive.parse.extract import BodyReader
from archive.parse.figures import COUNT_RE
from archive.parse.gazetteer import Area, gazetteer
from archive.parse.model import (
    STATUS_FAILED,
    STATUS_NO_BULLETIN,
    STATUS_PARSED,
    ParsedDocument,
    ParseHints,
    Problem,
    Report,
)
from archive.parse.normalize import normalize_text
from archive.parse.validate import resolve_remainders, validate


# Words that name the page's own region instead of spelling it out.
_CONTEXT_CITY = {"我市", "本市", "全市"}
_CONTEXT_PROVINCE = {"我省", "本省", "全省"}
# The longest text a lead may hold between its window and 新增 (a region name).
_MAX_REGION_GAP = 24
_LEVELS = {"province": "province", "city": "city", "county": "district", "zone": "district"}
# How far before a bulletin the page's own region may be named (title, dateline).
_CONTEXT_REACH = 400


@dataclass
class _Lead:
    sentence: Sentence
    index: int  # of the sentence among the page's
    window: re.Match
    region_text: str


class _Unresolvable(Exception):
    """A lead whose date or region cannot be known: the document fails with this reason."""


def parse_document(text: str, hints: ParseHints | None = None) -> ParsedDocument:
    hints = hints or ParseHints()
    text = normalize_text(text or "")
    page_date = find_page_date(text)
    if "新增" not in text:  # what every lead holds (_find_leads): a page without it has no bulletin
        return ParsedDocument(text, STATUS_NO_BULLETIN, published_on=page_date)
    page = sentences(text)
    leads = list(_find_leads(page))
    if not leads:
        return ParsedDocument(text, STATUS_NO_BULLETIN, published_on=page_date)
    lines = article.PageLines(text)
    # A page without a date of its own is dated by the latest bulletin that states its
    # year, else by its dateline (新华社哈尔滨3月23日电) when the year is known.
    anchor = page_date or _latest_stated_date(leads) or find_dateline_date(text, hints.year)
    reports: dict[tuple, Report] = {}
    errors = []
    for index, lead in enumerate(leads):
        next_lead = leads[index + 1] if index + 1 < len(leads) else None
        # The bulletin's body: its sentences up to the next bulletin's lead.
        body = page[lead.index : next_lead.index if next_lead else len(page)]
        next_start = next_lead.sentence.start if next_lead else len(text)
        try:
            report = _read_bulletin(text, lines, lead, body, next_start, anchor, hints)
        except _Unresolvable as exc:
            errors.append(str(exc))
            continue
        key = (report.region, report.report_date, report.window_start_hour, report.window_end_hour)
        # The same bulletin twice on a page (headline + body, or a repeat): keep the fullest.
        if key not in reports or _detail(report) > _detail(reports[key]):
            reports[key] = report
    if errors:
        return ParsedDocument(text, STATUS_FAILED, published_on=page_date, error="; ".join(errors))
    ordered = sorted(_drop_windowless_echoes(reports.values()), key=lambda r: r.span_start)
    for seq, report in enumerate(ordered, start=1):
        report.seq = seq
    return ParsedDocument(text, STATUS_PARSED, reports=ordered, published_on=page_date)


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


def _detail(report: Report) -> int:
    return len(report.districts) + len(report.channels) + len(report.notices)


def _find_leads(page: list[Sentence]):
    """Sentences that open a bulletin: a counting window, a region, then 新增 … N例."""
    for index, sentence in enumerate(page):
        if "新增" not in sentence.text:  # what every lead holds after its window
            continue
        for window in LEAD_WINDOW.finditer(sentence.text):
            rest = sentence.text[window.end() :]
            at = rest.find("新增")
            if at == -1 or at > _MAX_REGION_GAP:
                continue
            if not (COUNT_RE.search(rest, at) or rest.startswith("无新增", max(at - 1, 0))):
                continue
            yield _Lead(sentence, index, window, rest[:at].removesuffix("无").strip(",: "))
            break


def _read_bulletin(
    text: str,
    lines: article.PageLines,
    lead: _Lead,
    body: list[Sentence],
    next_start: int,
    page_date,
    hints: ParseHints,
) -> Report:
    match = lead.window
    start = lead.sentence.start + match.start()
    region, problems = _region(text, lead, start)
    year = int(match.group("year")) if match.group("year") else None
    month = int(match.group("month")) if match.group("month") else None
    if match.group("relative"):
        date, error = relative_date(match, page_date)
        inferred = True
    else:
        date, inferred, error = resolve_date(year, month, int(match.group("day")), page_date, hints.year)
    where = f"the bulletin at character {start} ({match.group(0)})"
    correct_it = " Correct it in the file and ingest it again."
    if error:
        if match.group("relative"):
            suggestion = ""
        elif year is None:
            suggestion = " Ingest it again with --year YYYY."
        else:  # a stated date that does not exist (2月30日)
            suggestion = correct_it
        raise _Unresolvable(f"{where}: {error}.{suggestion}")
    window, window_error = window_of(match)
    if window_error:
        raise _Unresolvable(f"{where}: {window_error}.{correct_it}")
    if not window_stated(match):
        problems.append(Problem("window_not_stated", f"{match.group(0)} states no counting window: stored as the full day", start, start + len(match.group(0))))
    if inferred:
        source = f"--year {hints.year}" if hints.year and month is not None else "the page's date"
        problems.append(Problem("year_inferred", f"year of {match.group(0)} taken from {source}", start, start + len(match.group(0))))
    report = Report(
        seq=0,
        region=region.name if isinstance(region, Area) else region,
        region_level=_LEVELS[region.level] if isinstance(region, Area) else "city",
        region_code=region.code if isinstance(region, Area) else None,
        report_date=date,
        window_start_hour=window.start_hour,
        window_end_hour=window.end_hour,
        span_start=start,
        span_end=lead.sentence.end,
        problems=problems,
    )
    reader = BodyReader(report, region if isinstance(region, Area) else None)
    body[0] = Sentence(start, body[0].end, text[start : body[0].end])
    report.span_end = reader.read(body)
    resolve_remainders(report, reader.remainders)
    validate(report)
    block = article.title_block_before(lines, start)
    report.headline = article.headline(block)
    article_start = block[-1].start if block else lead.sentence.start
    report.speaker = article.speaker(text, article_start, report.span_end)
    end = article.article_end(lines, report.span_end, next_start)
    report.notices = article.notices(lines, report.span_end, end)
    return report


def _region(text: str, lead: _Lead, start: int) -> tuple[Area | str, list[Problem]]:
    """The issuing region: named in the lead, else by the page around it."""
    gaz = gazetteer()
    named = lead.region_text.split(",")[-1] if lead.region_text else ""
    if named and named not in _CONTEXT_CITY | _CONTEXT_PROVINCE:
        area = gaz.region(named) or _at_end(gaz, named)
        if area is not None:
            return area, []
    if not named:
        before = text[lead.sentence.start : start]
        hit = gaz.region_at_end(before.rstrip(",: ")) if before.strip() else None
        if hit is not None:
            return hit[0], []
    context = _page_region(text, start, province=named in _CONTEXT_PROVINCE)
    if context is not None:
        return context, []
    if named:
        problem = Problem("unknown_area", f"{named} is not a known region", start, start + len(named))
        return named, [problem]
    raise _Unresolvable(
        f"the bulletin at character {start} does not say which region it covers and the page names none"
    )


def _at_end(gaz, named: str) -> Area | None:
    hit = gaz.region_at_end(named)
    if hit is None:
        hit = gaz.area_at_end(named, None)
    return hit[0] if hit else None


def _page_region(text: str, start: int, province: bool) -> Area | None:
    """The region the page is about: the nearest named before the bulletin, else the page's first."""
    gaz = gazetteer()
    before = gaz.regions_in(text[max(0, start - _CONTEXT_REACH) : start])
    found = before or gaz.regions_in(text[:_CONTEXT_REACH])
    if not found:
        return None
    area = found[-1][1] if before else found[0][1]
    return gaz.province_of(area) if province else area
