"""The archive the read-side tests ask questions of: the seed page and the labelled corpus,
read with the real parser, plus two pages that disagree with or repeat the seed.

The two extra pages are ingested first and state no publication date, like the seed, so
the seed (ingested later) is the canonical report of 哈尔滨市 on 2022-11-30; `check`
lists the disagreement (120 against 126) and the repetition (126 twice).
"""

from __future__ import annotations

import json
from pathlib import Path

from shared_paths import SEED
from sqlalchemy import Engine

from archive.sources import document_from_bytes, iter_sources
from archive.store import ingest, open_archive

CORPUS = Path(__file__).resolve().parent / "corpus"
CONFLICTING_PAGE = "2022年11月30日0—14时,哈尔滨市新增本土新冠病毒无症状感染者120例。\n"
REPEATING_PAGE = (
    "哈尔滨市疫情通报\n\n2022年11月30日0—14时,哈尔滨市新增本土新冠病毒无症状感染者126例。\n"
)


def build_read_archive(db_url: str) -> Engine:
    engine = open_archive(db_url)
    ingest(
        engine,
        [
            document_from_bytes("conflicting.txt", CONFLICTING_PAGE.encode()),
            document_from_bytes("repeating.txt", REPEATING_PAGE.encode()),
        ],
    )
    pages = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["pages"]
    by_year: dict[int | None, list[str]] = {}
    for page in pages:
        by_year.setdefault(page["year_hint"], []).append(str(CORPUS / "pages" / page["file"]))
    ingest(engine, iter_sources([str(SEED), *by_year.pop(None)]))
    for year, paths in by_year.items():
        ingest(engine, iter_sources(paths), year=year)
    return engine
