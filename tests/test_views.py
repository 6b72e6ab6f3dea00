"""Revision 0003's objects: the canonical daily report, the district and channel views, and
notice search kept in step with the notice table, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import delete, select, text, update

from archive.query import notices
from archive.query.views import channel_share, daily_report, district_series
from archive.sources import document_from_bytes
from archive.store import downgrade, ingest, reparse, upgrade
from archive.store.models import Document, Notice


def page(
    day: int, cases: int, window: str = "0—24时", published: str | None = None, rest: str = ""
) -> bytes:
    dateline = f"发布时间:{published} 08:00\n" if published else ""
    bulletin = f"2022年12月{day}日{window},哈尔滨市新增本土新冠病毒无症状感染者{cases}例。"
    return f"{dateline}{bulletin}{rest}\n".encode()


def ingest_pages(engine, *pages: tuple[str, bytes]) -> None:
    """Each page in an ingest of its own, in the order given (so ingested_at grows)."""
    for name, raw in pages:
        ingest(engine, [document_from_bytes(name, raw)])


def daily(engine, day: int) -> dict:
    with engine.connect() as connection:
        row = connection.execute(
            select(daily_report).where(daily_report.c.report_date == dt.date(2022, 12, day))
        ).one()
    return dict(row._mapping)


def test_the_latest_published_document_wins_then_the_latest_ingested(engine):
    ingest_pages(
        engine,
        ("published-22.txt", page(20, 12, published="2022-12-22")),
        ("published-21.txt", page(20, 10, published="2022-12-21")),
        ("undated.txt", page(20, 11)),  # a known publication date beats an unknown one
        ("undated-first.txt", page(21, 5)),
        ("undated-second.txt", page(21, 6)),
    )
    assert daily(engine, 20)["local_asymptomatic"] == 12
    assert daily(engine, 21)["local_asymptomatic"] == 6


def test_a_full_day_wins_else_the_widest_window_flagged_partial(engine):
    ingest_pages(
        engine,
        ("full.txt", page(26, 40)),
        ("partial-26.txt", page(26, 30, window="0—14时")),
        ("partial-14.txt", page(27, 7, window="0—14时")),
        ("partial-15.txt", page(27, 8, window="0—15时")),
        ("cross-midnight.txt", page(28, 9, window="15时至29日15时")),
        ("partial-28.txt", page(28, 3, window="0—14时")),
    )
    shapes = [
        (
            row["window_start_hour"],
            row["window_end_hour"],
            row["partial"],
            row["local_asymptomatic"],
        )
        for row in (daily(engine, day) for day in (26, 27, 28))
    ]
    assert shapes == [(0, 24, False, 40), (0, 15, True, 8), (15, 39, False, 9)]


def test_district_series_and_channel_share_read_the_canonical_report(engine):
    breakdown = "其中,隔离管控人员中发现9例,社区筛查发现3例。南岗区7例、香坊区5例。"
    ingest_pages(
        engine,
        ("canonical.txt", page(20, 12, rest=breakdown)),
        ("partial.txt", page(20, 4, window="0—14时", rest="其中,社区筛查发现4例。南岗区4例。")),
    )
    with engine.connect() as connection:
        areas = connection.execute(
            select(
                district_series.c.district, district_series.c["count"], district_series.c.partial
            ).order_by(district_series.c.district)
        ).all()
        shares = connection.execute(
            select(
                channel_share.c.channel,
                channel_share.c["count"],
                channel_share.c.day_total,
                channel_share.c.share,
            ).order_by(channel_share.c.channel)
        ).all()
    assert [tuple(row) for row in areas] == [("南岗区", 7, False), ("香坊区", 5, False)]
    assert [tuple(row) for row in shares] == [
        ("community_screening", 3, 12, 0.25),
        ("quarantine", 9, 12, 0.75),
    ]


NOTICES = "\n\n一是请南岗区居民配合核酸检测,不聚集。\n\n二是出门请规范佩戴口罩,勤洗手。"


def found(engine, words: str) -> list[str]:
    return [row["title"] for row in notices(engine, search=words)]


def assert_search_index_in_step(engine) -> None:
    if engine.dialect.name == "sqlite":  # PostgreSQL's index is on the table itself
        with engine.begin() as connection:  # raises when the index and notice differ
            connection.execute(
                text("INSERT INTO notice_search(notice_search, rank) VALUES ('integrity-check', 1)")
            )


def test_notice_search_follows_inserts_reparses_and_deletes(engine):
    ingest_pages(engine, ("notices.txt", page(20, 12, rest=NOTICES)))
    # two characters, too short for trigrams; then four, through the index on SQLite
    assert found(engine, "南岗") == ["请南岗区居民配合核酸检测,不聚集"]
    assert found(engine, "佩戴口罩") == ["出门请规范佩戴口罩,勤洗手"]
    assert_search_index_in_step(engine)

    reparse(engine)
    assert found(engine, "南岗") == ["请南岗区居民配合核酸检测,不聚集"]
    assert found(engine, "佩戴口罩") == ["出门请规范佩戴口罩,勤洗手"]
    assert_search_index_in_step(engine)

    with engine.begin() as connection:
        connection.execute(
            update(Notice).where(Notice.ordinal == 2).values(body="出门请戴N95口罩。")
        )
    assert found(engine, "佩戴口罩") == []
    assert found(engine, "N95口罩") == ["出门请规范佩戴口罩,勤洗手"]
    assert_search_index_in_step(engine)

    with engine.begin() as connection:
        connection.execute(delete(Document))
    assert found(engine, "南岗") == found(engine, "佩戴口罩") == []
    assert_search_index_in_step(engine)


def test_upgrading_indexes_the_notices_already_stored(engine):
    ingest_pages(engine, ("notices.txt", page(20, 12, rest=NOTICES)))
    downgrade(engine, "0002")  # back before notice search: the notices stay, their index goes
    upgrade(engine)
    assert found(engine, "佩戴口罩") == ["出门请规范佩戴口罩,勤洗手"]
    assert daily(engine, 20)["local_asymptomatic"] == 12
    assert_search_index_in_step(engine)


def test_postgresql_answers_chinese_searches_from_the_trigram_index(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's")
    with engine.connect() as connection:
        connection.execute(text("SET enable_seqscan = off"))  # a small table would be scanned
        plan = connection.execute(
            text("EXPLAIN SELECT id FROM notice WHERE body ILIKE '%佩戴口罩%'")
        ).scalars()
        assert "ix_notice_body_trigram" in "\n".join(plan)
