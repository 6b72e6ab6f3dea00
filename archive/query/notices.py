"""Notices (numbered public guidance), listed or found by words, ranked.

A search is one or more words separated by spaces; a notice matches when its body holds
every word (case aside for Latin letters). Words are matched as substrings, which suits
Chinese (no spaces between words) and finds two-character words such as 口罩.
Ranked by how often the words occur, a word in the title counting twice (the title is
also the body's first clause). The indexes (revision 0003): on SQLite an FTS5 trigram
index answers words of three characters or more, shorter ones scan notice.body; on
PostgreSQL LIKE itself uses the pg_trgm index.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator

from sqlalchemy import ColumnElement, Engine, Integer, cast, column, func, null, select, table

from archive.query.filters import QueryError, check_limit, check_region, period, reports_in_scope
from archive.store.tables import notice, report

NOTICE_COLUMNS = (
    "notice_id",
    "report_id",
    "region",
    "report_date",
    "ordinal",
    "title",
    "body",
    "score",
)
TRIGRAM = 3  # the shortest word a trigram index can answer

notice_search = table("notice_search", column("rowid"), column("body"))


def notices(
    engine: Engine,
    search: str | None = None,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Notices (NOTICE_COLUMNS) by date, region and ordinal; with ``search``, the matching
    ones, best first, with their ``score`` (None without a search)."""
    start, end = period(date_from, date_to)
    check_limit(limit)
    words = _words(search)
    score = _score(words)
    query = reports_in_scope(
        select(
            notice.c.id.label("notice_id"),
            notice.c.report_id,
            report.c.region,
            report.c.report_date,
            notice.c.ordinal,
            notice.c.title,
            notice.c.body,
            score.label("score"),
        ).join(report, report.c.id == notice.c.report_id),
        region,
        start,
        end,
    )
    for word in words:
        query = query.where(_contains(engine.dialect.name, word))
    order = (report.c.region, notice.c.report_id, notice.c.ordinal)
    if words:
        query = query.order_by(score.desc(), report.c.report_date.desc(), *order)
    else:
        query = query.order_by(report.c.report_date, *order)
    with engine.connect() as connection:
        check_region(connection, region)
        return [dict(row._mapping) for row in connection.execute(query.limit(limit))]


def _words(search: str | None) -> list[str]:
    if search is None:
        return []
    words = search.split()
    if not words:
        raise QueryError("nothing to search for: give one or more words, e.g. 口罩")
    return words


def _score(words: list[str]) -> ColumnElement[int]:
    if not words:
        return cast(null(), Integer)
    counts = [_occurrences(text, word) for word in words for text in (notice.c.body, notice.c.title)]
    return functools.reduce(operator.add, counts)


def _contains(dialect: str, word: str) -> ColumnElement[bool]:
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if dialect == "postgresql":
        return notice.c.body.ilike(pattern, escape="\\")
    if len(word) >= TRIGRAM:
        phrase = '"' + word.replace('"', '""') + '"'
        return notice.c.id.in_(
            select(notice_search.c.rowid).where(notice_search.c.body.op("MATCH")(phrase))
        )
    return notice.c.body.like(pattern, escape="\\")


def _occurrences(text_column, word: str) -> ColumnElement[int]:
    """How often ``word`` occurs in the column (case aside), computed in SQL on both databases."""
    folded = func.lower(text_column)
    removed = func.length(folded) - func.length(func.replace(folded, word.lower(), ""))
    return removed // len(word)
