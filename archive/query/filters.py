"""Filters shared by the read functions: checked, with messages for a person when they cannot apply."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import Column, Connection, Engine, Select, func, select

from archive.query.choices import CASE_TYPES, CHANNELS
from archive.store.tables import district_count, document, report

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SUGGESTIONS_SHOWN = 10


class QueryError(ValueError):
    """A filter that cannot be applied; the message says why and what to give instead."""


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date given as a date or as YYYY-MM-DD text."""
    if value is None or isinstance(value, dt.date):
        return value
    if not _ISO_DATE.fullmatch(value):
        raise QueryError(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2022-11-30")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise QueryError(f"{value} is not a date: {exc}") from exc


def period(
    date_from: dt.date | str | None, date_to: dt.date | str | None
) -> tuple[dt.date | None, dt.date | None]:
    """An inclusive period; refused when it starts after it ends."""
    start, end = as_date(date_from), as_date(date_to)
    if start is not None and end is not None and start > end:
        raise QueryError(
            f"the period starts on {start}, after its end on {end}: give the earlier date first"
        )
    return start, end


def in_period(query: Select, column: Column, start: dt.date | None, end: dt.date | None) -> Select:
    if start is not None:
        query = query.where(column >= start)
    if end is not None:
        query = query.where(column <= end)
    return query


def reports_in_scope(query: Select, region: str | None, start: dt.date | None, end: dt.date | None) -> Select:
    """``query`` limited to the reports of ``region`` (exact name) reported from ``start`` to ``end``."""
    query = in_period(query, report.c.report_date, start, end)
    return query if region is None else query.where(report.c.region == region)


def source_sentence(report_table=report, document_table=document):
    """The sentences a report's figures come from (document.text[span_start:span_end], 1-based
    in SQL), for ``report_table`` and its ``document_table`` (aliases when a query joins two reports)."""
    return func.substr(
        document_table.c.text, report_table.c.span_start + 1, report_table.c.span_end - report_table.c.span_start
    )


SOURCE_SENTENCE = source_sentence()


def check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise QueryError(f"a limit of {limit} would show nothing: give 1 or more")


def check_choice(value: str | None, choices: tuple[str, ...], noun: str) -> None:
    if value is not None and value not in choices:
        raise QueryError(f"{value!r} is not a {noun}: choose one of {', '.join(choices)}")


def check_case_type(case_type: str | None) -> None:
    check_choice(case_type, CASE_TYPES, "case type")


def check_channel(channel: str | None) -> None:
    check_choice(channel, CHANNELS, "channel")


def check_region(connection: Connection, region: str | None) -> None:
    _check_known(connection, report.c.region, region, "region")


def check_district(connection: Connection, district: str | None) -> None:
    _check_known(connection, district_count.c.district, district, "district")


def _check_known(connection: Connection, column: Column, value: str | None, noun: str) -> None:
    """Refuse a name the archive does not hold; an empty archive holds none, and refuses none."""
    if value is None or connection.scalar(select(column).where(column == value).limit(1)):
        return
    known = connection.scalars(select(column).distinct().order_by(column)).all()
    if not known:
        return
    close = [name for name in known if value in name or name in value]
    if close:
        hint = f"did you mean {' or '.join(close[:_SUGGESTIONS_SHOWN])}?"
    else:
        more = ", …" if len(known) > _SUGGESTIONS_SHOWN else ""
        hint = f"the archive has {', '.join(known[:_SUGGESTIONS_SHOWN])}{more}"
    raise QueryError(f"no {noun} {value} in the archive: {hint}")


def has_reports(engine: Engine) -> bool:
    with engine.connect() as connection:
        return connection.scalar(select(report.c.id).limit(1)) is not None
