"""Sources that check each other: a day's figures as two levels state them (views cross_pair and
cross_check over table source_pair, revision 0008) — disagreements, pairs not compared for want of
a common window, and per region how often its sources agree.

cross_summary brings the pairs up to date first (archive.store.pairs.bring_pairs_up_to_date);
cross_findings, given a connection, leaves that to its caller (check)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Connection, Engine, Select, and_, case, func, or_, select

from archive.query.filters import check_region, in_period, period, source_sentence
from archive.query.views import cross_check, cross_pair, source_pair_tally
from archive.store.pairs import bring_pairs_up_to_date
from archive.store.tables import document, report

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
    (SUMMARY_COLUMNS), agreeing and disagreeing; by region. Without a filter, from the tallies
    kept with the pairs."""
    start, end = period(date_from, date_to)
    bring_pairs_up_to_date(engine)
    if region is None and start is None and end is None:
        query = select(
            source_pair_tally.c.region,
            source_pair_tally.c.parent_region.label("compared_with"),
            source_pair_tally.c.pairs,
            source_pair_tally.c.agreeing,
            (source_pair_tally.c.pairs - source_pair_tally.c.agreeing).label("disagreeing"),
        )
    else:
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
    ``cross_skipped`` (per region and the region one level up, the days on which both state
    figures for the same cases but never in a common window), in FINDING_COLUMNS."""
    rows = connection.execute(_disagreeing_or_skipped(region, start, end)).all()
    mismatches = [row for row in rows if row.report_id is not None]
    sentences = _sentences(connection, {r.report_id for r in mismatches} | {r.parent_report_id for r in mismatches})
    findings = [_mismatch(row, sentences) for row in mismatches]
    skipped: dict[tuple, list] = defaultdict(list)
    for row in rows:
        if row.report_id is None:
            skipped[row.region, row.parent_region].append(row)
    findings.extend(_skipped(region_rows) for region_rows in skipped.values())
    return findings


def _disagreeing_or_skipped(region: str | None, start, end) -> Select:
    """One pass over cross_pair: each pair that disagrees, and per region, region one level up
    and pair of windows, the days on which the two regions have no pair of one window. The
    second kind have NULL report ids."""
    day = (cross_pair.c.region, cross_pair.c.parent_region, cross_pair.c.report_date)
    compared_that_day = func.max(case((cross_pair.c.same_window, 1), else_=0)).over(partition_by=day)
    pairs = pairs_in_scope(
        select(*cross_pair.c, compared_that_day.label("compared_that_day")), cross_pair, region, start, end
    ).subquery()
    disagreeing = and_(pairs.c.same_window, pairs.c.figure != pairs.c.parent_figure)

    def own(column):  # the column for a pair that disagrees, NULL for the skipped days
        return case((disagreeing, column))

    key = (
        pairs.c.region,
        pairs.c.parent_region,
        own(pairs.c.report_id).label("report_id"),
        own(pairs.c.parent_report_id).label("parent_report_id"),
        own(pairs.c.case_type).label("case_type"),
        pairs.c.window_start_hour,
        pairs.c.window_end_hour,
        pairs.c.parent_window_start_hour,
        pairs.c.parent_window_end_hour,
    )
    return (
        select(
            *key,
            func.max(pairs.c.level_pair).label("level_pair"),
            func.max(pairs.c.figure).label("figure"),
            func.max(pairs.c.parent_figure).label("parent_figure"),
            func.max(case((pairs.c.parent_implied, 1), else_=0)).label("parent_implied"),
            func.min(pairs.c.report_date).label("first_date"),
            func.max(pairs.c.report_date).label("last_date"),
            func.count(func.distinct(pairs.c.report_date)).label("days"),
        )
        .where(or_(disagreeing, pairs.c.compared_that_day == 0))
        .group_by(*key)
    )


def _sentences(connection: Connection, report_ids: set[int]) -> dict[int, str]:
    if not report_ids:
        return {}
    query = (
        select(report.c.id, source_sentence())
        .join(document, document.c.id == report.c.document_id)
        .where(report.c.id.in_(report_ids))
    )
    return dict(connection.execute(query).all())


def _window(start: int, end: int) -> str:
    return f"{start}–{end}时"


def _mismatch(row, sentences: dict[int, str]) -> dict:
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
        "first_date": row.first_date,
        "last_date": row.first_date,
        "window_start_hour": row.window_start_hour,
        "window_end_hour": row.window_end_hour,
        "report_ids": [row.report_id, row.parent_report_id],
        "detail": detail,
        "sentence": sentences[row.report_id],
        "parent_sentence": sentences[row.parent_report_id],
    }


def _skipped(rows: list) -> dict:
    """One finding for the days a region and the region one level up were not compared."""
    first = rows[0]
    differing = "; ".join(
        f"{first.region} {_window(row.window_start_hour, row.window_end_hour)} against {first.parent_region} "
        f"{_window(row.parent_window_start_hour, row.parent_window_end_hour)} "
        + (f"on {row.days} days" if row.days > 1 else f"on {row.first_date}")
        for row in sorted(rows, key=lambda row: (-row.days, row.first_date))
    )
    return {
        "kind": "cross_skipped",
        "region": first.region,
        "first_date": min(row.first_date for row in rows),
        "last_date": max(row.last_date for row in rows),
        "window_start_hour": None,
        "window_end_hour": None,
        "report_ids": [],
        "detail": f"not compared with {first.parent_region}: the windows differ ({differing})",
        "sentence": None,
        "parent_sentence": None,
    }
