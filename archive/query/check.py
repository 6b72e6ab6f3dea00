"""What needs a person's look: reports that do not add up, documents that disagree or repeat
each other, and days without a report."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from itertools import groupby, pairwise

from sqlalchemy import Engine, Row, Select, and_, func, or_, select

from archive.query.cross import cross_findings
from archive.query.filters import SOURCE_SENTENCE, check_region, period, reports_in_scope
from archive.query.views import FIGURES
from archive.sources.problems import READING_PROBLEM_CODES
from archive.store.pairs import bring_pairs_up_to_date
from archive.store.tables import document
from archive.store.tables import report as report_table  # `report` names a row below

FINDING_COLUMNS = (
    "kind",
    "region",
    "first_date",
    "last_date",
    "window_start_hour",
    "window_end_hour",
    "report_ids",
    "detail",
    "sentence",
    "parent_sentence",
)
# inconsistent: a report whose breakdown does not add up (problem sum_mismatch);
# unrecognized: a count inside a bulletin that no pattern of the grammar read (problem unrecognized_figure);
# conflict: documents giving the same region, day and window different figures;
# duplicate: documents giving the same region, day and window the same figures;
# cross_mismatch: a region's own report and the report one level up (its city's, province's,
#   the national one) giving the same day, window and case type different figures;
# cross_skipped: two such reports stating figures for one day, but in no common window;
# missing_days: days without a report inside a region's daily series;
# unplaced: a bulletin a page holds that could not be stored (no region, no day: document.problems);
# low_confidence: a line OCR left out of a page, read with too little confidence (document.problems).
# In the order check yields them.
KINDS = (
    "inconsistent", "unrecognized", "conflict", "duplicate", "cross_mismatch", "cross_skipped", "missing_days", "unplaced",
    "low_confidence",
)  # fmt: skip


def check(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
) -> Iterator[dict]:
    """Findings (FINDING_COLUMNS) by kind (KINDS), region and date, as they are read: one kind at
    a time, the days without a report straight from the database. ``report_ids`` lists the
    reports concerned, the one that daily_report prefers first (for the cross kinds: the
    region's own report, then the report one level up, whose sentence is ``parent_sentence``).
    With ``region``, the cross kinds include the pairs where it is the level up. The filters are
    checked at the call (QueryError), before the first finding is asked for."""
    start, end = period(date_from, date_to)
    bring_pairs_up_to_date(engine)
    with engine.connect() as connection:
        check_region(connection, region)
    return _findings(engine, region, start, end)


def _findings(engine: Engine, region: str | None, start, end) -> Iterator[dict]:
    with engine.connect() as connection:
        # Only the reports a finding can be about are read (the database picks them, so that
        # checking a large archive does not bring every report into Python).
        reports = connection.execute(_reports_to_look_at(region, start, end)).all()
        yield from _in_order(_inconsistent(report) for report in reports if not report.consistent)
        yield from _in_order(_unrecognized(connection, region, start, end))
        yield from _in_order(finding for _window, same in groupby(reports, key=_window_key) for finding in _disagreements(list(same)))
        del reports
        yield from _in_order(cross_findings(connection, region, start, end))
        days = connection.execute(_reported_days(region, start, end, connection.dialect.name).execution_options(stream_results=True))
        yield from _missing_days(days, start, end)
        if region is None:  # a bulletin without a region belongs to no region's findings
            yield from _in_order(_document_problems(connection, start, end))


def _in_order(findings: Iterable[dict]) -> list[dict]:
    """Findings by kind (in the order of KINDS), region, date and window."""
    return sorted(
        findings,
        key=lambda f: (KINDS.index(f["kind"]), f["region"] or "", f["first_date"] or dt.date.min, f["window_start_hour"] or 0),
    )


def _reports_to_look_at(region: str | None, start, end) -> Select:
    """Inconsistent reports, and every report of a window that several documents give."""
    window = (
        report_table.c.region,
        report_table.c.report_date,
        report_table.c.window_start_hour,
        report_table.c.window_end_hour,
    )
    shared = (
        reports_in_scope(select(*window), region, start, end)
        .group_by(*window)
        .having(func.count(func.distinct(report_table.c.document_id)) > 1)
        .subquery()
    )
    query = (
        select(
            report_table.c.id,
            report_table.c.document_id,
            *window,
            *(report_table.c[name] for name in FIGURES),
            report_table.c.consistent,
            report_table.c.problems,
            SOURCE_SENTENCE.label("sentence"),
        )
        .join(document, document.c.id == report_table.c.document_id)
        .outerjoin(
            shared,
            and_(*(column == shared.c[column.key] for column in window)),
        )
        .where(or_(report_table.c.consistent.is_(False), shared.c.region.is_not(None)))
    )
    return reports_in_scope(query, region, start, end).order_by(
        *window,
        # daily_report's preference among documents giving the same window
        document.c.published_on.desc().nulls_last(),
        document.c.ingested_at.desc(),
        report_table.c.id.desc(),
    )


def _reported_days(region: str | None, start, end, dialect: str) -> Select:
    """Each region's days with a report, by region in the order Python sorts names (PostgreSQL's
    collation may order Chinese names otherwise), then by day."""
    query = select(report_table.c.region, report_table.c.report_date).group_by(report_table.c.region, report_table.c.report_date)
    by_region = report_table.c.region.collate("C") if dialect == "postgresql" else report_table.c.region
    return reports_in_scope(query, region, start, end).order_by(by_region, report_table.c.report_date)


def _window_key(report: Row) -> tuple:
    return report.region, report.report_date, report.window_start_hour, report.window_end_hour


def _finding(kind: str, reports: list[Row], detail: str, sentence: str | None = None) -> dict:
    first = reports[0]
    return {
        "kind": kind,
        "region": first.region,
        "first_date": first.report_date,
        "last_date": first.report_date,
        "window_start_hour": first.window_start_hour,
        "window_end_hour": first.window_end_hour,
        "report_ids": [report.id for report in reports],
        "detail": detail,
        "sentence": sentence,
        "parent_sentence": None,
    }


def _inconsistent(report: Row) -> dict:
    problems = json.loads(report.problems) if report.problems else []
    detail = "; ".join(f"{problem['code']}: {problem['message']}" for problem in problems)
    return _finding("inconsistent", [report], detail, report.sentence)


def _disagreements(reports: list[Row]) -> list[dict]:
    """Conflicts and duplicates among reports of one region, day and window."""
    if len({report.document_id for report in reports}) < 2:
        return []
    by_figures: dict[tuple, list[Row]] = {}
    for report in reports:
        by_figures.setdefault(_figures(report), []).append(report)
    findings = []
    if len(by_figures) > 1:
        differing = [name for name in FIGURES if len({getattr(r, name) for r in reports}) > 1]
        values = "; ".join(
            f"{name}: "
            + ", ".join(
                f"{_stated(getattr(r, name))} in report {r.id} (document {r.document_id})"
                for r in reports
            )
            for name in differing
        )
        findings.append(
            _finding("conflict", reports, f"{values}; report {reports[0].id} is preferred")
        )
    for same in by_figures.values():
        documents = sorted({report.document_id for report in same})
        if len(documents) > 1:
            listed = ", ".join(map(str, documents))
            detail = f"the same figures in documents {listed}; report {same[0].id} is preferred"
            findings.append(_finding("duplicate", same, detail))
    return findings


def _figures(report: Row) -> tuple:
    return tuple(getattr(report, name) for name in FIGURES)


def _stated(value: int | None) -> str:
    return "not stated" if value is None else str(value)


def _document_problems(connection, start: dt.date | None, end: dt.date | None) -> list[dict]:
    """The document problems, one finding each: of pages whose bulletins could not all be stored
    (kind unplaced), and of lines OCR left out (kind low_confidence, no sentence: they are not in
    the text)."""
    columns = document.c
    query = select(columns.id, columns.source, columns.published_on, columns.problems, columns.text).where(
        columns.problems.is_not(None)
    )
    if start is not None:
        query = query.where(or_(columns.published_on.is_(None), columns.published_on >= start))
    if end is not None:
        query = query.where(or_(columns.published_on.is_(None), columns.published_on <= end))
    findings = []
    for page in connection.execute(query.order_by(columns.id)):
        for problem in json.loads(page.problems):
            findings.append(
                {
                    "kind": "low_confidence" if problem["code"] in READING_PROBLEM_CODES else "unplaced",
                    "region": None,
                    "first_date": page.published_on,
                    "last_date": page.published_on,
                    "window_start_hour": None,
                    "window_end_hour": None,
                    "report_ids": [],
                    "detail": f"{problem['code']}: {problem['message']} (document {page.id}, {page.source})",
                    "sentence": None if problem["span_start"] is None else page.text[problem["span_start"] : problem["span_end"]],
                    "parent_sentence": None,
                }
            )
    return findings


def _unrecognized(connection, region: str | None, start, end) -> list[dict]:
    """Each count a bulletin holds that the grammar did not read, with the text it stands in."""
    query = (
        select(
            report_table.c.id,
            report_table.c.region,
            report_table.c.report_date,
            report_table.c.window_start_hour,
            report_table.c.window_end_hour,
            report_table.c.problems,
            document.c.text,
        )
        .join(document, document.c.id == report_table.c.document_id)
        .where(report_table.c.problems.like('%"unrecognized_figure"%'))
    )
    findings = []
    for row in connection.execute(reports_in_scope(query, region, start, end).order_by(report_table.c.id)):
        for problem in json.loads(row.problems):
            if problem["code"] != "unrecognized_figure":
                continue
            finding = _finding("unrecognized", [row], problem["message"], row.text[problem["span_start"] : problem["span_end"]])
            findings.append(finding)
    return findings


def _missing_days(days: Iterable[Row], start: dt.date | None, end: dt.date | None) -> Iterator[dict]:
    """One finding per run of days without a report, in each region's series: from ``start``
    (else its first report) to ``end`` (else its last), as ``series`` shows it."""
    for region, rows in groupby(days, key=lambda row: row.region):
        reported = [row.report_date for row in rows]
        day = dt.timedelta(days=1)
        edges = [(start or reported[0]) - day, *reported, (end or reported[-1]) + day]
        for before, after in pairwise(edges):
            count = (after - before).days - 1
            if count > 0:
                yield _missing_run(region, before + day, after - day, count)


def _missing_run(region: str, first: dt.date, last: dt.date, count: int) -> dict:
    return {
        "kind": "missing_days",
        "region": region,
        "first_date": first,
        "last_date": last,
        "window_start_hour": None,
        "window_end_hour": None,
        "report_ids": [],
        "detail": f"{count} day{'s' if count > 1 else ''} without a report",
        "sentence": None,
        "parent_sentence": None,
    }
