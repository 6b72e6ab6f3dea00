"""Places named for new local cases (district posts' address lists, per-case lines), listed or summed up.

A search is one or more words separated by spaces; a place matches when its name holds every
word, as substrings (弄, 新村, 花园). The indexes (revision 0005): on SQLite an FTS5 trigram
index answers words of three characters or more; shorter ones scan the covering index
ix_place_listing, which also lets the summary group a place's rows without sorting. On
PostgreSQL LIKE uses the pg_trgm index.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, Select, column, func, select, table

from archive.query.filters import QueryError, check_limit, check_region, period, reports_in_scope
from archive.store.tables import place, report

PLACE_COLUMNS = ("region", "report_date", "city", "district", "name", "case_type", "cases", "report_id")
PLACE_SUMMARY_COLUMNS = ("city", "district", "name", "first_date", "last_date", "days", "reports")
TRIGRAM = 3  # the shortest word a trigram index can answer
_SUGGESTIONS_SHOWN = 10

place_search = table("place_search", column("rowid"), column("name"))


def places(
    engine: Engine,
    search: str | None = None,
    region: str | None = None,
    district: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Places (PLACE_COLUMNS), one row per report that names them, by date, region, district and name."""
    query = _scoped(
        engine,
        select(
            report.c.region, report.c.report_date, place.c.city, place.c.district, place.c.name,
            place.c.case_type, place.c.cases, place.c.report_id,
        ),  # fmt: skip
        search, region, district, date_from, date_to, limit,
    )  # fmt: skip
    query = query.order_by(report.c.report_date, report.c.region, place.c.district, place.c.name, place.c.case_type)
    return _rows(engine, query.limit(limit), region, district)


def place_summary(
    engine: Engine,
    search: str | None = None,
    region: str | None = None,
    district: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """One row per place (PLACE_SUMMARY_COLUMNS): the first and last day it was listed, on how
    many days and in how many reports; the places listed on the most days first."""
    days = func.count(report.c.report_date.distinct())
    query = _scoped(
        engine,
        select(
            place.c.city, place.c.district, place.c.name,
            func.min(report.c.report_date).label("first_date"), func.max(report.c.report_date).label("last_date"),
            days.label("days"), func.count(place.c.report_id.distinct()).label("reports"),
        ),  # fmt: skip
        search, region, district, date_from, date_to, limit,
    )  # fmt: skip
    query = query.group_by(place.c.district, place.c.name, place.c.city).order_by(
        days.desc(), func.max(report.c.report_date).desc(), place.c.district, place.c.name, place.c.city
    )
    return _rows(engine, query.limit(limit), region, district)


def _scoped(engine: Engine, query: Select, search, region, district, date_from, date_to, limit) -> Select:
    start, end = period(date_from, date_to)
    check_limit(limit)
    query = reports_in_scope(query.join(report, report.c.id == place.c.report_id), region, start, end)
    if district is not None:
        query = query.where(place.c.district == district)
    for word in _words(search):
        query = query.where(_contains(engine.dialect.name, word))
    return query


def _rows(engine: Engine, query: Select, region: str | None, district: str | None) -> list[dict]:
    with engine.connect() as connection:
        check_region(connection, region)
        _check_district(connection, district)
        return [dict(row._mapping) for row in connection.execute(query)]


def _words(search: str | None) -> list[str]:
    if search is None:
        return []
    words = search.split()
    if not words:
        raise QueryError("nothing to search for: give one or more words, e.g. 弄 or 新村")
    return words


def _contains(dialect: str, word: str):
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if dialect == "postgresql":
        return place.c.name.ilike(pattern, escape="\\")
    if len(word) >= TRIGRAM:
        phrase = '"' + word.replace('"', '""') + '"'
        return place.c.id.in_(select(place_search.c.rowid).where(place_search.c.name.op("MATCH")(phrase)))
    return place.c.name.like(pattern, escape="\\")


def _check_district(connection: Connection, district: str | None) -> None:
    """Refuse a district no place is in; an archive without places refuses none."""
    if district is None or connection.scalar(select(place.c.id).where(place.c.district == district).limit(1)):
        return
    known = connection.scalars(select(place.c.district).distinct().order_by(place.c.district)).all()
    if not known:
        return
    close = [name for name in known if district in name or name in district]
    hint = f"did you mean {' or '.join(close[:_SUGGESTIONS_SHOWN])}?" if close else f"the places are in {', '.join(known[:_SUGGESTIONS_SHOWN])}{', …' if len(known) > _SUGGESTIONS_SHOWN else ''}"
    raise QueryError(f"no places in district {district} in the archive: {hint}")
