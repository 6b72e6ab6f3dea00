"""The seed page in every form it could have been kept in gives exactly its rows.

Written by tests/make_forms.py: a three-column newspaper PDF page among other articles, a Word
file, a browser's MHTML save (GB18030, quoted-printable), a web archive holding it among 50 other
pages, a picture (read by OCR), a scanned PDF of that picture, and a zip of them all. Each is
ingested as a file, then the zip: its members are the same bytes, so they are the same documents,
found in a new place.
"""

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from make_forms import SEED_URL, mhtml_save, newspaper_pdf, other_pages, picture, png, scanned_pdf, web_archive, web_page, word_file, zipped
from shared_paths import SEED, needs_shared
from test_seed_end_to_end import NOTICE_TITLES

from archive.cli import main

pytestmark = needs_shared

DISTRICTS = [
    ("香坊区", 38), ("南岗区", 33), ("道外区", 20), ("道里区", 11), ("呼兰区", 8),
    ("松北区", 5), ("巴彦县", 5), ("宾县", 3), ("阿城区", 2), ("双城区", 1),
]  # fmt: skip
CHANNELS = [("quarantine", 99), ("community_screening", 17), ("key_population", 5), ("close_contact", 4), ("cross_region", 1)]
CAPTURED = dt.datetime(2022, 12, 1, 8, 0, tzinfo=dt.UTC)
# form: (file name, encoding stored, read by OCR)
FORMS = {
    "newspaper PDF": ("seed-page.pdf", "pdf", False),
    "Word": ("seed.docx", "docx", False),
    "MHTML": ("seed.mhtml", "gb18030", False),
    "web archive": ("site.warc.gz", "utf-8", False),
    "picture": ("seed.png", "ocr", True),
    "scanned PDF": ("seed-scan.pdf", "pdf+ocr", True),
}


def run(db_url, *args):
    return CliRunner().invoke(main, ["--db", db_url, *map(str, args)])


def sql(db_url, statement: str) -> list[dict]:
    result = run(db_url, "sql", "--format", "json", "--", statement)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    """Every form of the seed page, and the zip of them all, in one folder."""
    folder = tmp_path_factory.mktemp("forms")
    seed = SEED.read_text(encoding="utf-8")
    scan = picture(seed)
    pages = other_pages(25, CAPTURED) + [(SEED_URL, web_page(seed, "哈尔滨日报"), CAPTURED)] + other_pages(50, CAPTURED)[25:]
    written = {
        "seed-page.pdf": newspaper_pdf(seed),
        "seed.docx": word_file(seed),
        "seed.mhtml": mhtml_save(seed),
        "site.warc.gz": web_archive(pages),
        "seed.png": png(scan),
        "seed-scan.pdf": scanned_pdf(scan),
    }
    for name, data in written.items():
        (folder / name).write_bytes(data)
    (folder / "all-forms.zip").write_bytes(zipped({f"forms/{name}": data for name, data in written.items()}))
    return folder


@pytest.fixture(scope="module")
def archive(module_db_url, forms):
    """The forms ingested as files, then the zip of them all; the two ingests' outputs."""
    files = run(module_db_url, "ingest", *(forms / name for name, _, _ in FORMS.values()))
    zipped_forms = run(module_db_url, "ingest", forms / "all-forms.zip")
    return module_db_url, files, zipped_forms


def test_every_form_is_read_without_failure(archive):
    _, files, zipped_forms = archive
    assert files.exit_code == 0, files.output
    assert files.stdout == (
        "documents: 56 new (50 without a bulletin), 0 skipped, 0 failed\n"
        "web archive records passed over: 57 (1 metadata, 1 not 200 OK, 1 not a page, 53 request, 1 warcinfo)\n"
        "reports: 6\nproblems: 0\n"
    )
    # The zip's members are the files' bytes: no new document, each found in a new place.
    assert zipped_forms.exit_code == 0, zipped_forms.output
    assert zipped_forms.stdout == (
        "documents: 0 new, 56 skipped, 0 failed\n"
        "documents stored before, found in a new place: 56\n"
        "web archive records passed over: 57 (1 metadata, 1 not 200 OK, 1 not a page, 53 request, 1 warcinfo)\n"
        "reports: 0\nproblems: 0\n"
    )


@pytest.mark.parametrize("form", FORMS)
def test_each_form_gives_exactly_the_seed_rows(archive, forms, form):
    db_url = archive[0]
    name, encoding, by_ocr = FORMS[form]
    source = f"{forms / name}!{SEED_URL}" if name.endswith(".warc.gz") else str(forms / name)
    [document] = sql(db_url, f"SELECT id, status, encoding, error FROM document WHERE source = '{source}'")
    assert (document["status"], document["encoding"], document["error"]) == ("parsed", encoding, None)
    [report] = sql(db_url, f"SELECT * FROM report WHERE document_id = {document['id']}")
    assert (report["region"], report["report_date"], report["window_start_hour"], report["window_end_hour"]) == (
        "哈尔滨市", "2022-11-30", 0, 14,
    )  # fmt: skip
    figures = ("local_confirmed", "local_asymptomatic", "local_positive", "imported_confirmed", "converted")
    assert [report[figure] for figure in figures] == [None, 126, None, None, None]
    assert bool(report["consistent"]) and report["problems"] is None

    districts = sql(db_url, f"SELECT case_type, city, district, count FROM district_count WHERE report_id = {report['id']}")
    assert {(row["case_type"], row["city"]) for row in districts} == {("asymptomatic", "哈尔滨市")}
    assert sorted((row["district"], row["count"]) for row in districts) == sorted(DISTRICTS)
    channels = sql(db_url, f"SELECT case_type, channel, count FROM channel_count WHERE report_id = {report['id']}")
    assert sorted((row["case_type"], row["channel"], row["count"]) for row in channels) == sorted(
        ("asymptomatic", channel, count) for channel, count in CHANNELS
    )
    notices = sql(db_url, f"SELECT ordinal, title FROM notice WHERE report_id = {report['id']} ORDER BY ordinal")
    assert [notice["ordinal"] for notice in notices] == [1, 2, 3, 4]
    if not by_ocr:  # OCR finds the notices; their wording may differ
        assert [notice["title"] for notice in notices] == NOTICE_TITLES


def test_every_place_a_document_was_found_is_kept(archive, forms):
    db_url = archive[0]
    [web_page_document] = sql(db_url, f"SELECT id FROM document WHERE source = '{forms / 'site.warc.gz'}!{SEED_URL}'")
    found = sql(db_url, f"SELECT container, origin, captured_at FROM provenance WHERE document_id = {web_page_document['id']} ORDER BY id")
    assert [(place["container"], place["origin"]) for place in found] == [
        (str(forms / "site.warc.gz"), SEED_URL),
        (str(forms / "all-forms.zip"), f"forms/site.warc.gz!{SEED_URL}"),
    ]
    assert {place["captured_at"][:19].replace("T", " ") for place in found} == {"2022-12-01 08:00:00"}

    [pdf_document] = sql(db_url, f"SELECT id FROM document WHERE source = '{forms / 'seed-page.pdf'}'")
    found = sql(db_url, f"SELECT container, origin, captured_at FROM provenance WHERE document_id = {pdf_document['id']} ORDER BY id")
    assert found == [
        {"container": str(forms / "seed-page.pdf"), "origin": "", "captured_at": None},
        {"container": str(forms / "all-forms.zip"), "origin": "forms/seed-page.pdf", "captured_at": None},
    ]
    assert sql(db_url, "SELECT count(*) AS places FROM provenance") == [{"places": 2 * 56}]


def test_show_names_the_page_and_every_place_found(archive, forms):
    db_url = archive[0]
    [row] = sql(db_url, f"SELECT r.id FROM report r JOIN document d ON d.id = r.document_id WHERE d.source = '{forms / 'seed-page.pdf'}'")
    shown = json.loads(run(db_url, "show", row["id"], "--format", "json").stdout)
    assert shown["page"] == 1
    assert [(place["container"], place["origin"]) for place in shown["found"]] == [
        (str(forms / "seed-page.pdf"), ""),
        (str(forms / "all-forms.zip"), "forms/seed-page.pdf"),
    ]
