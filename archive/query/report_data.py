"""What the generated report reads, as plain dicts: reports in a scope and the rows hanging off them.

Every function takes the same scope as ``list_reports``: an exact ``region`` and an inclusive
``date_from``/``date_to`` on ``report.report_date``. Choosing canonical figures is left to the
caller, so that these rows stay a faithful copy of what is stored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

from sqlalchemy import Engine, Select, case, func, literal, select, union, union_all

from archive.query.cross import pairs_in_scope
from archive.query.filters import SOURCE_SENTENCE, check_region, in_period, period, reports_in_scope
from archive.query.views import cross_check
from archive.store.pairs import bring_pairs_up_to_date
from archive.store.tables import UNREPORTED, channel_count, district_count, document, notice, place, provenance, report


def checked_scope(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
) -> tuple[str | None, dt.date | None, dt.date | None]:
    """The scope with its dates read (a date or YYYY-MM-DD), as the other read functions check
    it: QueryError for a malformed date, a period that ends before it starts, or a region the
    archive does not hold (an empty archive refuses none)."""
    start, end = period(date_from, date_to)
    with engine.connect() as connection:
        check_region(connection, region)
    return region, start, end


def _dicts(engine: Engine, query: Select) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def reports_with_sources(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[dict]:
    """Reports with their document's source, dates, and source sentence; ``problems`` decoded
    to a list. Ordered by date, region, then id."""
    query = reports_in_scope(
        select(
            *report.c,
            document.c.source,
            document.c.published_on,
            document.c.ingested_at,
            SOURCE_SENTENCE.label("sentence"),
        )
        .join(document, document.c.id == report.c.document_id)
        .order_by(report.c.report_date, report.c.region, report.c.id),
        region,
        date_from,
        date_to,
    )
    rows = _dicts(engine, query)
    for row in rows:
        row["problems"] = json.loads(row["problems"]) if row["problems"] else []
    return rows


def district_counts_in_scope(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[dict]:
    """district_count rows of the reports in scope: report_id, case_type, city, district, count."""
    query = select(
        district_count.c.report_id,
        district_count.c.case_type,
        district_count.c.city,
        district_count.c.district,
        district_count.c.count,
    ).join(report, report.c.id == district_count.c.report_id)
    return _dicts(engine, reports_in_scope(query, region, date_from, date_to).order_by(district_count.c.id))


def channel_counts_in_scope(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[dict]:
    """channel_count rows of the reports in scope: report_id, case_type, channel, label, count."""
    query = select(
        channel_count.c.report_id,
        channel_count.c.case_type,
        channel_count.c.channel,
        channel_count.c.label,
        channel_count.c.count,
    ).join(report, report.c.id == channel_count.c.report_id)
    return _dicts(engine, reports_in_scope(query, region, date_from, date_to).order_by(channel_count.c.id))


def notices_in_scope(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[dict]:
    """Notices of the reports in scope with their report's region and date, in report then
    ordinal order: report_id, region, report_date, headline, ordinal, title, body."""
    query = select(
        notice.c.report_id,
        report.c.region,
        report.c.report_date,
        report.c.headline,
        notice.c.ordinal,
        notice.c.title,
        notice.c.body,
    ).join(report, report.c.id == notice.c.report_id)
    query = reports_in_scope(query, region, date_from, date_to)
    return _dicts(
        engine, query.order_by(report.c.report_date, report.c.region, report.c.id, notice.c.ordinal)
    )


def documents_with_report_counts(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[dict]:
    """Documents that gave reports in scope, and every document that stored none (failed, no
    bulletin, or bulletins that could not be placed: nothing says which region or dates they
    concern). Each with id, source, status, error, encoding, published_on, ingested_at,
    parser_version, ``reports`` (the number of its reports in scope) and ``found`` (every place
    it was found: container, origin, captured_at). Ordered by source, then id."""
    in_scope = reports_in_scope(
        select(report.c.document_id, func.count().label("reports")).group_by(report.c.document_id),
        region,
        date_from,
        date_to,
    ).subquery()
    columns = (
        document.c.id,
        document.c.source,
        document.c.status,
        document.c.error,
        document.c.encoding,
        document.c.published_on,
        document.c.ingested_at,
        document.c.parser_version,
    )
    any_report = select(report.c.id).where(report.c.document_id == document.c.id).exists()
    listed = union_all(
        select(*columns, in_scope.c.reports).join(in_scope, in_scope.c.document_id == document.c.id),
        # through the partial index of revision 0008, not a pass over every document
        select(*columns, literal(0).label("reports")).where(UNREPORTED, ~any_report),
    ).subquery()
    query = select(listed).order_by(listed.c.source, listed.c.id)
    documents = _dicts(engine, query)
    found = defaultdict(list)
    places = select(provenance.c.document_id, provenance.c.container, provenance.c.origin, provenance.c.captured_at)
    listed_ids = select(listed.c.id)
    for place_found in _dicts(engine, places.where(provenance.c.document_id.in_(listed_ids)).order_by(provenance.c.id)):
        found[place_found.pop("document_id")].append(place_found)
    for listed in documents:
        listed["found"] = found[listed["id"]]
    return documents


def cross_level(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> tuple[list[dict], list[dict]]:
    """Sources one level apart, from one reading of the cross_check view (pairs dated in scope
    whose lower or upper report is ``region``'s):

    - the pairs that disagree: the view's columns, plus each report's ``sentence`` and
      ``parent_sentence``, ``source`` and ``parent_source``; by date, region, then case type;
    - per region and the region it is compared with (as `archive check --summary`):
      ``pairs``, ``agreeing``, ``disagreeing`` and ``share`` agreeing (0–1); by region.
    """
    bring_pairs_up_to_date(engine)
    pairs = _dicts(engine, pairs_in_scope(select(cross_check), cross_check, region, date_from, date_to))
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for pair in pairs:
        counts[pair["region"], pair["parent_region"]][0 if pair["agree"] else 1] += 1
    agreement = [
        {"region": lower, "compared_with": upper, "pairs": agreeing + disagreeing, "agreeing": agreeing,
         "disagreeing": disagreeing, "share": agreeing / (agreeing + disagreeing)}
        for (lower, upper), (agreeing, disagreeing) in sorted(counts.items())
    ]  # fmt: skip
    disagreements = [pair for pair in pairs if not pair["agree"]]
    ids = {pair["report_id"] for pair in disagreements} | {pair["parent_report_id"] for pair in disagreements}
    sources = {
        row["id"]: row
        for row in _dicts(
            engine,
            select(report.c.id, document.c.source, SOURCE_SENTENCE.label("sentence"))
            .join(document, document.c.id == report.c.document_id)
            .where(report.c.id.in_(ids)),
        )
    } if ids else {}  # fmt: skip
    for pair in disagreements:
        lower, upper = sources[pair["report_id"]], sources[pair["parent_report_id"]]
        pair.update(
            sentence=lower["sentence"], source=lower["source"],
            parent_sentence=upper["sentence"], parent_source=upper["source"],
        )  # fmt: skip
    disagreements.sort(key=lambda pair: (pair["report_date"], pair["region"], pair["case_type"], pair["report_id"]))
    return disagreements, agreement


def archive_extent(engine: Engine) -> dict:
    """What the whole archive holds, ignoring any scope: ``documents`` and ``reports`` counts,
    the ``regions`` reported on (sorted) and the ``first_date``/``last_date`` of reports."""
    with engine.connect() as connection:
        documents = connection.execute(select(func.count()).select_from(document)).scalar_one()
        reports, first_date, last_date = connection.execute(
            select(func.count(), func.min(report.c.report_date), func.max(report.c.report_date))
        ).one()
        regions = (
            connection.execute(select(report.c.region).distinct().order_by(report.c.region))
            .scalars()
            .all()
        )
    return {
        "documents": documents,
        "reports": reports,
        "regions": list(regions),
        "first_date": first_date,
        "last_date": last_date,
    }


def _places_of(query: Select, region: str | None) -> Select:
    """Places of ``region``: named by its own reports or, for a city, by its districts' reports
    (both found through indexes: place's on report_id and on city)."""
    query = query.join(report, report.c.id == place.c.report_id)
    if region is None:
        return query
    own = report.alias("own")
    named = union(
        select(place.c.id).join(own, own.c.id == place.c.report_id).where(own.c.region == region),
        select(place.c.id).where(place.c.city == region),
    ).subquery()
    return query.join(named, named.c.id == place.c.id)


def places_listed_most(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 10,
) -> list[dict]:
    """The places listed on the most days of the scope: city, district, name, days, first_date, last_date."""
    days = func.count(report.c.report_date.distinct())
    query = _places_of(
        select(
            place.c.city, place.c.district, place.c.name, days.label("days"),
            func.min(report.c.report_date).label("first_date"), func.max(report.c.report_date).label("last_date"),
        ),  # fmt: skip
        region,
    )
    query = in_period(query, report.c.report_date, date_from, date_to).group_by(place.c.district, place.c.name, place.c.city)
    return _dicts(engine, query.order_by(days.desc(), func.max(report.c.report_date).desc(), place.c.district, place.c.name).limit(limit))


def places_per_day(
    engine: Engine,
    region: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[dict]:
    """Per day and district of the scope, the places listed and how many of them were never listed
    before (in the whole archive): report_date, city, district, listed, new."""
    named = (place.c.district, place.c.name, place.c.city)
    first_listed = func.min(report.c.report_date).over(partition_by=named)
    days = _places_of(
        select(report.c.report_date, *named, first_listed.label("first_date")), region
    ).distinct().subquery()
    is_new = case((days.c.report_date == days.c.first_date, 1), else_=0)
    query = in_period(
        select(days.c.report_date, days.c.city, days.c.district, func.count().label("listed"), func.sum(is_new).label("new")),
        days.c.report_date, date_from, date_to,
    )  # fmt: skip
    group = (days.c.report_date, days.c.city, days.c.district)
    return _dicts(engine, query.group_by(*group).order_by(*group))
