"""Hostile forms: each gives a clear reason of its own, none stops the ingest or leaves a partial
document, and the whole ingest stays under 500 MB.

An encrypted PDF, a PDF of 10,000 empty pages, a PDF with objects nested 100,000 deep, a web
archive cut off in its last record, a zip member named ../../x, a zip bomb (a member inflating
past 100 MB), a picture of 50 megapixels and a file named .pdf that holds a web page are ingested
in one run, in a process of their own, beside a sound bulletin.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from make_forms import png, web_archive, web_page
from PIL import Image
from reportlab.pdfgen import canvas

from archive.sources import ocr

BULLETIN = "2022年11月25日0-15时,哈尔滨市新增本土新冠病毒无症状感染者14例,香坊区10例、松北区4例。"


def bulletin(day: int) -> str:
    return f"2022年11月{day}日0-24时,哈尔滨市新增本土新冠病毒无症状感染者{day}例。"


PAGES = [(f"https://example.org/{day}", bulletin(day), dt.datetime(2022, 12, 1, tzinfo=dt.UTC)) for day in (20, 21, 22)]
PEAK_MEMORY = 500 * 1024 * 1024
_INGEST = "import sys; from archive.cli import main; main(sys.argv[1:], prog_name='archive')"


def encrypted_pdf() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt="secret")
    page.drawString(40, 780, "2022-11-25")
    page.save()
    return out.getvalue()


def empty_pages_pdf(pages: int) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for _ in range(pages):
        page.showPage()
    page.save()
    return out.getvalue()


def nested_pdf(depth: int) -> bytes:
    """One page whose resources are arrays nested ``depth`` deep."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font "
        + b"[" * depth + b"]" * depth + b" >> >>",
        b"<< /Length 8 >>\nstream\nBT ET q Q\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    return bytes(out)


def truncated_web_archive() -> bytes:
    """Three pages; the archive cut three quarters into the last one."""
    whole, two = web_archive(PAGES, extras=False), web_archive(PAGES[:2], extras=False)
    return whole[: len(two) + (len(whole) - len(two)) * 3 // 4]


def zip_bomb(inflated: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("bomb.txt", "w", force_zip64=True) as member:
        zeros = bytes(1024 * 1024)
        for _ in range(inflated // len(zeros)):
            member.write(zeros)
    return out.getvalue()


def traversal_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("../../x", BULLETIN.encode("utf-8"))
        archive.writestr("bulletins/ok.txt", bulletin(23).encode("utf-8"))
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    files = {
        "encrypted.pdf": encrypted_pdf(),
        "empty-pages.pdf": empty_pages_pdf(10_000),
        "nested.pdf": nested_pdf(100_000),
        "truncated.warc.gz": truncated_web_archive(),
        "traversal.zip": traversal_zip(),
        "bomb.zip": zip_bomb(101 * 1024 * 1024),
        "huge.png": png(Image.new("L", (7072, 7072), 255)),
        "page.pdf": web_page(BULLETIN, "疫情通报").encode("utf-8"),
        "good.txt": bulletin(24).encode("utf-8"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def ingested(hostile, tmp_path_factory):
    """The hostile folder ingested by `archive ingest --json` in a process of its own: its output and peak memory."""
    folder = tmp_path_factory.mktemp("db")
    db = folder / "archive.db"
    with open(folder / "stdout", "wb") as stdout, open(folder / "stderr", "wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-c", _INGEST, "--db", str(db), "ingest", "--json", str(hostile)], stdout=stdout, stderr=stderr
        )
        # os.wait4 reports the peak memory of this child alone
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    summary = json.loads((folder / "stdout").read_text(encoding="utf-8"))
    return child.returncode, summary, (folder / "stderr").read_text(encoding="utf-8"), usage, db


def test_every_hostile_file_fails_with_its_own_reason_and_the_rest_land(ingested, hostile):
    code, summary, _, _, _ = ingested
    assert code == 1
    outcomes = {outcome["source"].removeprefix(f"{hostile}/"): (outcome["status"], outcome["message"]) for outcome in summary["inputs"]}
    path = {name: hostile / name for name in ("encrypted.pdf", "empty-pages.pdf", "nested.pdf", "truncated.warc.gz", "traversal.zip", "bomb.zip", "huge.png")}
    assert outcomes == {
        "bomb.zip!bomb.txt": (
            "failed",
            f"{path['bomb.zip']}!bomb.txt: its header gives 105,906,176 bytes, more than the 64 MB a member may hold "
            "(a zip bomb?); it was not read",
        ),
        "empty-pages.pdf": (
            "failed",
            f"{path['empty-pages.pdf']} is a PDF with no text on any of its 10,000 pages; if it holds a bulletin, ingest its pages as pictures",
        ),
        "encrypted.pdf": (
            "failed",
            f"{path['encrypted.pdf']} is a PDF protected by a password; open it with its password, save a copy without one and ingest that",
        ),
        "good.txt": ("parsed", None),
        "huge.png": (
            "failed",
            f"{path['huge.png']} is a picture of 7,072 × 7,072 pixels (50.0 megapixels), larger than OCR reads within its "
            f"memory ceiling ({ocr.MAX_PICTURE_PIXELS // 1_000_000} megapixels); scale it down or cut it into parts and ingest those",
        ),
        "nested.pdf": (
            "failed",
            f"{path['nested.pdf']} is a PDF with no text on its only page; if it holds a bulletin, ingest its pages as pictures",
        ),
        "page.pdf": ("parsed", None),
        "traversal.zip!../../x": (
            "failed",
            f"{path['traversal.zip']}!../../x: its name leads out of the archive (a path-traversal name); it was not read",
        ),
        "traversal.zip!bulletins/ok.txt": ("parsed", None),
        "truncated.warc.gz!https://example.org/20": ("parsed", None),
        "truncated.warc.gz!https://example.org/21": ("parsed", None),
        "truncated.warc.gz!https://example.org/22": (
            "failed",
            f"{path['truncated.warc.gz']}!https://example.org/22: the archive ends in the middle of a record of this address "
            "(it is truncated)",
        ),
    }


def test_no_hostile_file_leaves_a_partial_document(ingested):
    _, summary, _, _, db = ingested
    import sqlite3

    with sqlite3.connect(db) as connection:
        failed = connection.execute(
            "SELECT count(*), sum(length(text)), sum((SELECT count(*) FROM report r WHERE r.document_id = d.id)) "
            "FROM document d WHERE status = 'failed'"
        ).fetchone()
        parsed = connection.execute("SELECT count(*) FROM document WHERE status = 'parsed'").fetchone()
    assert failed == (summary["documents"]["failed"], 0, 0) == (7, 0, 0)
    assert parsed == (5,)
    assert summary["reports"] == 5


def test_the_whole_hostile_ingest_stays_under_500_mb(ingested):
    _, _, stderr, usage, _ = ingested
    assert "Traceback" not in stderr
    peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    print(f"peak memory of the hostile ingest: {peak / 2**20:.0f} MB")
    assert peak < PEAK_MEMORY
