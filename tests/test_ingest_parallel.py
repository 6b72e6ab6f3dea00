"""--jobs: inputs decoded and parsed in worker processes give exactly the rows one process gives."""

import sys
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import delete, select

from archive.cli import main
from archive.sources.document import raw_source
from archive.store import ingest, reparse
from archive.store.models import ChannelCount, DistrictCount, Document, Notice, Report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import make_corpus

# The first 15 days of each of the corpus's first ten sources: two cities, a district post, districts
# and a province (the first 150 pages would be one city's).
INDICES = [source * make_corpus.DAYS + day for source in range(10) for day in range(15)]
PAGES = len(INDICES)


def pages() -> list:
    return [raw_source(page.path, page.raw) for page in map(make_corpus.make_page, INDICES)]


def stored_rows(engine) -> dict[str, list[tuple]]:
    """Every stored row without its ids and ingest time, keyed by document hash and report seq."""
    document_columns = [c for c in Document.__table__.c if c.name not in ("id", "ingested_at")]
    report_columns = [c for c in Report.__table__.c if c.name not in ("id", "document_id")]
    rows = {}
    with engine.connect() as connection:
        rows["document"] = connection.execute(select(*document_columns).order_by(Document.sha256)).all()
        rows["report"] = connection.execute(
            select(Document.sha256, *report_columns).join(Document).order_by(Document.sha256, Report.seq)
        ).all()
        for model in (DistrictCount, ChannelCount, Notice):
            columns = [c for c in model.__table__.c if c.name not in ("id", "report_id")]
            query = select(Document.sha256, Report.seq, *columns).join(Report, Report.id == model.report_id).join(Document)
            rows[model.__tablename__] = sorted(connection.execute(query).all())
    return rows


def test_jobs_store_the_rows_one_process_stores(engine):
    one = ingest(engine, pages(), batch_size=40)
    in_one_process = stored_rows(engine)
    with engine.begin() as connection:
        connection.execute(delete(Document))

    two = ingest(engine, pages(), jobs=2, batch_size=40)

    assert (two.new, two.failed, two.reports, two.problems) == (one.new, one.failed, one.reports, one.problems)
    assert (one.new, one.no_bulletin, one.reports) == (PAGES, 1, 251)
    assert stored_rows(engine) == in_one_process
    again = reparse(engine, jobs=2)
    assert (again.documents, again.reports, again.changes) == (PAGES, one.reports, [])
    assert stored_rows(engine) == in_one_process


def test_ingest_and_reparse_commands_take_jobs(db_url, tmp_path):
    for page in map(make_corpus.make_page, INDICES[::15]):  # the first day of each source
        path = tmp_path / "pages" / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.raw)

    ingested = CliRunner().invoke(main, ["--db", db_url, "ingest", "--recursive", "--jobs", "2", str(tmp_path / "pages")])
    assert ingested.exit_code == 0, ingested.output
    assert ingested.stdout.startswith("documents: 10 new, 0 skipped, 0 failed\nreports: 14\n")
    reparsed = CliRunner().invoke(main, ["--db", db_url, "reparse", "--jobs", "2"])
    assert reparsed.exit_code == 0, reparsed.output
    assert reparsed.stdout == "documents: 10 parsed again, 0 failed\nreports: 14 (0 added, 0 removed, 0 changed)\n"
