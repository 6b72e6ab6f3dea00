"""Which stored report speaks for a region and day, and which reports contradict each other.

The rules are those of the ``daily_report`` view (revision 0003) and of ``archive check``: per
region and day the full-day report (any 24-hour window) else the widest window; among reports
of the same window the document published last, then ingested last, wins. Computed here so
that the report works on archives whose schema predates that view.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from archive.parse.model import FIGURES


def is_full_day(report: dict) -> bool:
    return report["window_end_hour"] - report["window_start_hour"] == 24


def _precedence(report: dict) -> tuple:
    """Larger wins; the order of the view's ROW_NUMBER, so that both pick the same report."""
    width = report["window_end_hour"] - report["window_start_hour"]
    published = report["published_on"] or dt.date.min  # unknown publication dates lose
    return (
        is_full_day(report),
        width,
        published,
        report["ingested_at"],
        -report["window_start_hour"],
        report["id"],
    )


def canonical_reports(reports: list[dict]) -> dict[tuple[str, dt.date], dict]:
    """The report that gives the figures of each (region, report_date)."""
    chosen: dict[tuple[str, dt.date], dict] = {}
    for report in reports:
        key = (report["region"], report["report_date"])
        if key not in chosen or _precedence(report) > _precedence(chosen[key]):
            chosen[key] = report
    return chosen


@dataclass
class Conflict:
    """Reports of one region, date and window whose documents state different figures."""

    region: str
    report_date: dt.date
    window_start_hour: int
    window_end_hour: int
    reports: list[dict]  # the winning report first, then by precedence


def conflicts(reports: list[dict]) -> list[Conflict]:
    by_window: dict[tuple, list[dict]] = defaultdict(list)
    for report in reports:
        key = (
            report["region"],
            report["report_date"],
            report["window_start_hour"],
            report["window_end_hour"],
        )
        by_window[key].append(report)
    found = []
    for (region, day, start, end), group in by_window.items():
        documents = {r["document_id"] for r in group}
        figures = {tuple(r[name] for name in FIGURES) for r in group}
        if len(documents) > 1 and len(figures) > 1:
            ranked = sorted(group, key=_precedence, reverse=True)
            found.append(Conflict(region, day, start, end, ranked))
    return sorted(found, key=lambda c: (c.report_date, c.region, c.window_start_hour))
