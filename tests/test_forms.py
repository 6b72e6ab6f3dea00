"""The forms a bulletin is kept in, one behaviour at a time: forms told from the bytes, a PDF's
pages, a Word table of areas, a web archive's records and capture dates, zips within zips, OCR's
threshold, dashes and wrapped lines, a picture read once OCR is installed, and where each
document was found.

Inputs are written here with tests/make_forms.py, from short invented bulletins.
"""

import datetime as dt
import io
import json
import zipfile

import pytest
from click.testing import CliRunner
from make_forms import other_pages, picture, png, web_archive, web_page, word_file, zipped
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from sqlalchemy import text

from archive.cli import main
from archive.parse.normalize import normalize_text
from archive.sources import Found, iter_sources, ocr
from archive.sources.problems import OCR_LOW_CONFIDENCE
from archive.store import create_archive_engine, downgrade, open_archive, upgrade
from archive.store.models import Document

BULLETIN = "2022年11月25日0-15时,哈尔滨市新增本土新冠病毒无症状感染者14例,香坊区10例、松北区4例。"
# No year anywhere: the capture date must date it.
YEARLESS = "11月30日0—14时,哈尔滨市新增本土新冠病毒无症状感染者6例,南岗区4例、香坊区2例。"


def run(db_url, *args):
    return CliRunner().invoke(main, ["--db", db_url, *map(str, args)])


def as_json(db_url, *args):
    result = run(db_url, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def sql(db_url, statement: str) -> list[dict]:
    result = run(db_url, "sql", "--format", "json", "--", statement)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def pdf_pages(*pages: str) -> bytes:
    """A PDF with one line of text a page."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for line in pages:
        page.setFont("STSong-Light", 10)
        page.drawString(40, 780, line)
        page.showPage()
    page.save()
    return out.getvalue()


def only(items):
    [item] = list(items)
    return item


# --- forms told from the bytes ------------------------------------------------------------


def test_a_form_is_told_from_its_bytes_not_its_name(tmp_path):
    (tmp_path / "bulletin.txt").write_bytes(pdf_pages(BULLETIN))
    (tmp_path / "page.pdf").write_text(web_page(BULLETIN, "通报"), encoding="utf-8")
    (tmp_path / "table.bin").write_bytes(word_file(BULLETIN))

    read = {item.source.rsplit("/", 1)[-1]: item for item in iter_sources([str(tmp_path)])}

    assert {name: (item.encoding, item.error) for name, item in read.items()} == {
        "bulletin.txt": ("pdf", None),
        "page.pdf": ("utf-8", None),
        "table.bin": ("docx", None),
    }
    assert {item.text.strip() for item in read.values()} == {BULLETIN, f"通报\n{BULLETIN}"}


# --- PDF ----------------------------------------------------------------------------------


def test_a_pdf_is_one_document_whose_reports_name_their_page(db_url, tmp_path):
    other = "2022年11月26日0-14时,哈尔滨市新增本土新冠病毒无症状感染者6例,南岗区4例、香坊区2例。"
    path = tmp_path / "two-pages.pdf"
    path.write_bytes(pdf_pages(BULLETIN, "本版责任编辑 张三", other))

    assert run(db_url, "ingest", path).exit_code == 0
    [document] = sql(db_url, "SELECT text, encoding FROM document")
    assert document["encoding"] == "pdf" and document["text"].count("\f") == 2
    pages = {report["report_date"]: as_json(db_url, "show", report["id"])["page"] for report in as_json(db_url, "reports")}
    assert pages == {"2022-11-25": 1, "2022-11-26": 3}


def test_a_sentence_a_page_break_cuts_is_joined_and_the_page_break_follows_it():
    assert normalize_text("新增本土病例5例,其\f中香坊区3例。\n下一段。") == "新增本土病例5例,其中香坊区3例。\n\f\n下一段。"
    assert normalize_text("第一页。\f第二页。") == "第一页。\n\f\n第二页。"


def test_a_text_file_has_no_page(db_url, tmp_path):
    (tmp_path / "a.txt").write_text(BULLETIN, encoding="utf-8")
    run(db_url, "ingest", tmp_path / "a.txt")
    assert as_json(db_url, "show", "1")["page"] is None


# --- Word -----------------------------------------------------------------------------------


def test_a_word_table_of_areas_and_counts_reads_like_a_list(db_url, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2022年11月25日0-15时,哈尔滨市新增本土新冠病毒无症状感染者14例。")
    table = document.add_table(rows=4, cols=2)
    for row, cells in zip(table.rows, [("区县", "新增(例)"), ("香坊区", "10"), ("松北区", "4"), ("合计", "14")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    (tmp_path / "notice.docx").write_bytes(out.getvalue())

    assert run(db_url, "ingest", tmp_path / "notice.docx").exit_code == 0
    [document_row] = sql(db_url, "SELECT text FROM document")
    assert "\n区县新增(例)\n香坊区10例、松北区4例。\n合计14" in document_row["text"]
    rows = sql(db_url, "SELECT district, count FROM district_count ORDER BY count DESC")
    assert [(row["district"], row["count"]) for row in rows] == [("香坊区", 10), ("松北区", 4)]


# --- web archives -----------------------------------------------------------------------------


def test_a_capture_date_dates_a_page_without_a_year(db_url, tmp_path):
    captured = dt.datetime(2022, 12, 1, 9, 30, tzinfo=dt.UTC)
    (tmp_path / "crawl.warc.gz").write_bytes(web_archive([("https://example.org/a", YEARLESS, captured)], extras=False))
    (tmp_path / "yearless.txt").write_text(f"{YEARLESS}\n", encoding="utf-8")  # other bytes: another document

    result = run(db_url, "ingest", tmp_path / "crawl.warc.gz", tmp_path / "yearless.txt")

    assert result.exit_code == 1  # the same words as a file, without a capture date, cannot be dated
    assert "does not state its year and the page gives no date" in result.stderr
    [report] = as_json(db_url, "reports")
    assert report["report_date"] == "2022-11-30"
    shown = as_json(db_url, "show", report["id"])
    assert [problem["code"] for problem in shown["problems"]] == ["year_inferred"]
    assert shown["found"] == [
        {"container": str(tmp_path / "crawl.warc.gz"), "origin": "https://example.org/a", "captured_at": shown["found"][0]["captured_at"]}
    ]
    assert shown["found"][0]["captured_at"].startswith("2022-12-01")

    # reparse dates it the same way: the capture is kept with the document
    assert "reports: 1 (0 added, 0 removed, 0 changed)" in run(db_url, "reparse").stdout
    # the report's sources list says where each document was found, and when it was captured
    for fmt in ("md", "html"):
        assert run(db_url, "report", "--format", fmt, "--out", tmp_path / f"report.{fmt}").exit_code == 0
        assert "crawl.warc.gz!https://example.org/a (captured 2022-12-01 09:30)" in (tmp_path / f"report.{fmt}").read_text(encoding="utf-8")


def test_a_capture_date_bounds_the_year_it_does_not_set_it(tmp_path):
    captured = dt.datetime(2023, 11, 29, tzinfo=dt.UTC)  # 2023-11-30 is after it: the latest year before is 2022
    (tmp_path / "crawl.warc").write_bytes(web_archive([("https://example.org/a", YEARLESS, captured)], compress=False, extras=False))
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "--json", str(tmp_path / "crawl.warc")])
    [record] = json.loads(result.stdout)
    assert [report["report_date"] for report in record["reports"]] == ["2022-11-30"]


def test_a_web_archive_gives_its_pages_and_counts_what_it_passes_over(db_url, tmp_path):
    captured = dt.datetime(2022, 11, 26, tzinfo=dt.UTC)
    pages = [("https://example.org/bulletin", BULLETIN, captured), *other_pages(3, captured)]
    (tmp_path / "crawl.warc.gz").write_bytes(web_archive(pages))

    result = run(db_url, "ingest", "--json", tmp_path / "crawl.warc.gz")

    summary = json.loads(result.stdout)
    assert summary["documents"] == {"new": 4, "skipped": 0, "failed": 0, "no_bulletin": 3, "found_again": 0}
    assert summary["records_passed_over"] == {"metadata": 1, "not 200 OK": 1, "not a page": 1, "request": 6, "warcinfo": 1}
    assert summary["inputs"][0]["source"] == f"{tmp_path / 'crawl.warc.gz'}!https://example.org/bulletin"


def test_the_charset_a_web_archive_declares_is_read(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=GBK")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record("https://example.org/gbk", "response", payload=io.BytesIO(BULLETIN.encode("gbk")), http_headers=headers)
    )
    (tmp_path / "gbk.warc").write_bytes(out.getvalue())

    document = only(iter_sources([str(tmp_path / "gbk.warc")]))

    assert (document.text, document.encoding) == (BULLETIN, "gb18030")


def test_the_same_web_archive_twice_adds_nothing_and_another_adds_only_places(db_url, tmp_path):
    captured = dt.datetime(2022, 11, 26, tzinfo=dt.UTC)
    pages = [("https://example.org/bulletin", BULLETIN, captured), *other_pages(3, captured)]
    (tmp_path / "first.warc.gz").write_bytes(web_archive(pages))
    (tmp_path / "second.warc.gz").write_bytes(web_archive(pages[:2], extras=False))

    run(db_url, "ingest", tmp_path / "first.warc.gz")
    again = run(db_url, "ingest", tmp_path / "first.warc.gz")
    other = run(db_url, "ingest", tmp_path / "second.warc.gz")

    assert again.stdout.startswith("documents: 0 new, 4 skipped, 0 failed\nweb archive records passed over")
    assert other.stdout.startswith("documents: 0 new, 2 skipped, 0 failed\ndocuments stored before, found in a new place: 2\n")
    found = sql(db_url, "SELECT container, count(*) AS places FROM provenance GROUP BY container ORDER BY container")
    assert [(row["container"], row["places"]) for row in found] == [
        (str(tmp_path / "first.warc.gz"), 4),
        (str(tmp_path / "second.warc.gz"), 2),
    ]


# --- zips ---------------------------------------------------------------------------------------


def test_a_zip_gives_its_members_as_documents_and_zips_within_it(tmp_path):
    inner = zipped({"inner/bulletin.txt": BULLETIN.encode("utf-8")})
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as outer:
        outer.writestr("nested.zip", inner)
        outer.writestr("__MACOSX/._nested.zip", b"resource fork")
        outer.writestr(".DS_Store", b"folder settings")
        outer.writestr("folder/", b"")
        outer.writestr("ABCD.txt", BULLETIN.encode("gb18030"))
    # a name written in GBK by a Windows archiver, without the UTF-8 flag (same length as the one written)
    (tmp_path / "bulletins.zip").write_bytes(archive.getvalue().replace(b"ABCD.txt", "通报.txt".encode("gbk")))

    read = list(iter_sources([str(tmp_path / "bulletins.zip")]))

    container = str(tmp_path / "bulletins.zip")
    assert [(item.found, item.text) for item in read] == [
        (Found(container, "nested.zip!inner/bulletin.txt"), BULLETIN),
        (Found(container, "通报.txt"), BULLETIN),
    ]
    assert read[0].source == f"{container}!nested.zip!inner/bulletin.txt"


def test_an_empty_zip_is_said_to_hold_nothing(db_url, tmp_path):
    (tmp_path / "empty.zip").write_bytes(zipped({}))
    result = run(db_url, "ingest", tmp_path / "empty.zip")
    assert result.exit_code == 1
    assert result.stderr == f"failed: {tmp_path / 'empty.zip'} is a zip archive that holds no files; there is nothing in it to ingest\n"


# --- OCR ------------------------------------------------------------------------------------------


class FakeEngine:
    """What RapidOCR returns for a tile: boxes (four corners), texts and scores."""

    def __init__(self, lines: list[tuple[str, float, int, int]]):
        self.lines = lines  # (text, score, top, right edge)

    def __call__(self, tile):
        class Result:
            boxes = [[[60, top], [right, top], [right, top + 30], [60, top + 30]] for _, _, top, right in self.lines]
            txts = [line[0] for line in self.lines]
            scores = [line[1] for line in self.lines]

        return Result()


def test_ocr_joins_wrapped_lines_repairs_dashes_and_leaves_out_what_it_cannot_prove(monkeypatch):
    lines = [
        ("2022年4月29日0一24时,新增本土无症状感染者8例,病例1一病例", 0.98, 60, 1000),
        ("5,居住于浦东新区,病例6一病例8,居住于黄浦区,香坊区3", 0.97, 96, 1000),
        ("8例。", 0.99, 132, 140),
        ("请市民配合流调。", 0.42, 200, 400),
    ]
    monkeypatch.setattr(ocr, "_engine", lambda: FakeEngine(lines))

    text, problems = ocr.read_image(Image.new("L", (1080, 300), 255), "page.png")

    assert text == "2022年4月29日0—24时,新增本土无症状感染者8例,病例1—病例5,居住于浦东新区,病例6—病例8,居住于黄浦区,香坊区38例。"
    assert [(problem.code, problem.message) for problem in problems] == [
        (
            OCR_LOW_CONFIDENCE,
            "the text at 200 pixels from the top was read as 「请市民配合流调。」 with confidence 0.42, below 0.8: left out",
        )
    ]


def test_a_line_left_out_by_ocr_stays_a_problem_of_its_document_after_reparse(db_url, tmp_path, monkeypatch):
    lines = [(BULLETIN, 0.99, 60, 1000), ("模糊的一行", 0.5, 120, 300)]
    monkeypatch.setattr(ocr, "_engine", lambda: FakeEngine(lines))
    (tmp_path / "page.png").write_bytes(png(Image.new("L", (1080, 200), 255)))

    run(db_url, "ingest", tmp_path / "page.png")
    run(db_url, "reparse")

    [document] = sql(db_url, "SELECT encoding, problems FROM document")
    assert document["encoding"] == "ocr"
    assert [problem["code"] for problem in json.loads(document["problems"])] == [OCR_LOW_CONFIDENCE]
    assert sql(db_url, "SELECT local_asymptomatic FROM report") == [{"local_asymptomatic": 14}]
    [finding] = as_json(db_url, "check")
    assert (finding["kind"], finding["sentence"]) == ("low_confidence", None)
    assert finding["detail"].startswith(f"{OCR_LOW_CONFIDENCE}: the text at 120 pixels from the top was read as 「模糊的一行」")


def test_a_picture_is_read_once_ocr_is_installed(db_url, tmp_path, monkeypatch):
    (tmp_path / "bulletin.png").write_bytes(png(picture(BULLETIN)))
    monkeypatch.setattr(ocr, "ocr_installed", lambda: False)

    without = run(db_url, "ingest", tmp_path / "bulletin.png")

    assert without.exit_code == 1
    assert without.stderr == (
        f"failed: {tmp_path / 'bulletin.png'} is a picture: reading it needs OCR, which is not installed; "
        "pip install 'bulletin-archive[ocr]' and ingest it again\n"
    )
    monkeypatch.undo()
    installed = run(db_url, "ingest", tmp_path / "bulletin.png")

    assert installed.exit_code == 0, installed.output
    assert installed.stdout.startswith("documents: 1 new, 0 skipped, 0 failed\n")
    assert sql(db_url, "SELECT status, encoding FROM document") == [{"status": "parsed", "encoding": "ocr"}]
    assert sql(db_url, "SELECT region, local_asymptomatic FROM report") == [{"region": "哈尔滨市", "local_asymptomatic": 14}]
    assert run(db_url, "ingest", tmp_path / "bulletin.png").stdout.startswith("documents: 0 new, 1 skipped, 0 failed")


# --- where documents were found -------------------------------------------------------------------


def test_documents_stored_before_revision_0007_are_found_where_their_source_says(db_url, tmp_path):
    engine = create_archive_engine(db_url)
    try:
        upgrade(engine, "0006")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO document (sha256, source, text, ingested_at, parser_version, status) "
                    "VALUES ('ab', 'old/page.txt', '', '2022-12-01 00:00:00', '0.1.0', 'no_bulletin')"
                )
            )
        upgrade(engine)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT d.source, p.container, p.origin FROM provenance p JOIN document d ON d.id = p.document_id"))
            assert [tuple(row) for row in rows] == [("old/page.txt", "old/page.txt", "")]
        downgrade(engine, "0006")
        upgrade(engine)
    finally:
        engine.dispose()


def test_deleting_a_document_deletes_where_it_was_found(db_url, tmp_path):
    (tmp_path / "a.txt").write_text(BULLETIN, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(BULLETIN, encoding="utf-8")
    run(db_url, "ingest", tmp_path / "a.txt", tmp_path / "copy.txt")
    assert sql(db_url, "SELECT container FROM provenance ORDER BY id") == [
        {"container": str(tmp_path / "a.txt")},
        {"container": str(tmp_path / "copy.txt")},
    ]
    engine = open_archive(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(Document.__table__.delete())
            assert connection.execute(text("SELECT count(*) FROM provenance")).scalar() == 0
    finally:
        engine.dispose()


def test_ingest_help_lists_the_forms():
    shown = CliRunner().invoke(main, ["ingest", "--help"]).stdout
    for form in ("PDF", "Word (.docx)", "MHTML", "zip", "WARC, WARC.gz", "pictures (PNG, JPEG, WebP) by OCR", "bulletin-archive[ocr]"):
        assert form in shown
