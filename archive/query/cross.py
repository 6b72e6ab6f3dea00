"""Sources that check each other: a day's figures as two levels state them (views cross_pair and
cross_check of revision 0006) — disagreements, pairs not compared for want of a common window,
and per region how often its sources agree."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Connection, Engine, Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from archive.query.filters import check_region, in_period, period, source_sentence
from archive.query.views import cross_check, cross_pair
from archive.store.models import Document, Report

SUMMARY_COLUMNS = ("region", "compared_with", "pairs", "agreeing", "disagreeing")


def pairs_in_scope(query: Select, view, region: str | None, start, end) -> Select:
    """Pairs of the period whose lower or upper report is ``region``'s."""
    query = in_period(query, view.c.report_date, start, end)
    if region is None:
        return query
    return query.where(or_(view.c.region == region, view.c.parent_region == region))


def cross_summary(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
) -> list[dict]:
    """Per region and the region one level up that it is compared with: pairs compared
    (SUMMARY_COLUMNS), agreeing and disagreeing; by region."""
    start, end = period(date_from, date_to)
    agreeing = func.sum(case((cross_check.c.agree, 1), else_=0))
    query = select(
        cross_check.c.region,
        cross_check.c.parent_region.label("compared_with"),
        func.count().label("pairs"),
        agreeing.label("agreeing"),
        (func.count() - agreeing).label("disagreeing"),
    ).group_by(cross_check.c.region, cross_check.c.parent_region)
    query = pairs_in_scope(query, cross_check, region, start, end)
    with engine.connect() as connection:
        check_region(connection, region)
        rows = connection.execute(query).all()
    # Sorted here: the databases' collations order Chinese names differently.
    return sorted(
        (
            {"region": row.region, "compared_with": row.compared_with, "pairs": int(row.pairs),
             "agreeing": int(row.agreeing), "disagreeing": int(row.disagreeing)}
            for row in rows
        ),
        key=lambda row: (row["region"], row["compared_with"]),
    )  # fmt: skip


def cross_findings(connection: Connection, region: str | None, start, end) -> list[dict]:
    """Findings of kind ``cross_mismatch`` (one per pair and case type that disagree) and
    ``cross_skipped`` (two regions one level apart whose reports of a day state figures for
    the same cases, but in no common window), in FINDING_COLUMNS."""
    # One pass over cross_pair: the disagreeing pairs, and every pair of a day on which the
    # two regions have no pair of one window.
    day = (cross_pair.c.region, cross_pair.c.parent_region, cross_pair.c.report_date)
    compared_that_day = func.max(case((cross_pair.c.same_window, 1), else_=0)).over(partition_by=day)
    pairs = pairs_in_scope(
        select(*cross_pair.c, compared_that_day.label("compared_that_day")), cross_pair, region, start, end
    ).subquery()
    lower, upper = aliased(Report), aliased(Report)
    lower_document, upper_document = aliased(Document), aliased(Document)
    query = (
        select(
            pairs,
            source_sentence(lower, lower_document).label("sentence"),
            source_sentence(upper, upper_document).label("parent_sentence"),
        )
        .join(lower, lower.id == pairs.c.report_id)
        .join(lower_document, lower_document.id == lower.document_id)
        .join(upper, upper.id == pairs.c.parent_report_id)
        .join(upper_document, upper_document.id == upper.document_id)
        .where(
            or_(
                and_(pairs.c.same_window, pairs.c.figure != pairs.c.parent_figure),
                pairs.c.compared_that_day == 0,
            )
        )
        .order_by(pairs.c.region, pairs.c.report_date, pairs.c.report_id, pairs.c.parent_report_id, pairs.c.case_type)
    )
    rows = connection.execute(query).all()
    findings = [_mismatch(row) for row in rows if row.same_window]
    skipped: dict[tuple, list] = defaultdict(list)
    for row in rows:
        if not row.same_window:
            skipped[row.region, row.parent_region, row.report_date].append(row)
    findings.extend(_skipped(day_rows) for day_rows in skipped.values())
    return findings



def _window(start: int, end: int) -> str:
    return f"{start}–{end}时"


def _mismatch(row) -> dict:
    upper = f"{row.parent_figure} for {row.region} in report {row.parent_report_id} ({row.parent_region})"
    if row.parent_implied:
        upper = (
            f"0 for {row.region} in report {row.parent_report_id} ({row.parent_region}: its {row.case_type} "
            f"list accounts for the whole total and does not name {row.region})"
        )
    detail = f"{row.case_type}, {row.level_pair}: {row.figure} in report {row.report_id} ({row.region}), {upper}"
    return {
        "kind": "cross_mismatch",
        "region": row.region,
        "first_date": row.report_date,
        "last_date": row.report_date,
        "window_start_hour": row.window_start_hour,
        "window_end_hour": row.window_end_hour,
        "report_ids": [row.report_id, row.parent_report_id],
        "detail": detail,
        "sentence": row.sentence,
        "parent_sentence": row.parent_sentence,
    }


def _skipped(rows: list) -> dict:
    first = rows[0]
    lower = {row.report_id: _window(row.window_start_hour, row.window_end_hour) for row in rows}
    upper = {row.parent_report_id: _window(row.parent_window_start_hour, row.parent_window_end_hour) for row in rows}
    case_types = sorted({row.case_type for row in rows})
    detail = (
        f"not compared: the windows differ ("
        + ", ".join(f"report {report_id} of {first.region}: {window}" for report_id, window in lower.items())
        + "; "
        + ", ".join(f"report {report_id} of {first.parent_region}: {window}" for report_id, window in upper.items())
        + f"), so the same cases are not counted; both state {', '.join(case_types)}"
    )
    return {
        "kind": "cross_skipped",
        "region": first.region,
        "first_date": first.report_date,
        "last_date": first.report_date,
        "window_start_hour": None,
        "window_end_hour": None,
        "report_ids": [*lower, *upper],
        "detail": detail,
        "sentence": first.sentence,
        "parent_sentence": first.parent_sentence,
    }
