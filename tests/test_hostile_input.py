"""Hostile input: each gives a clear message and exit code, the other inputs of the run still land,
and nothing invalid is stored as if it were valid."""

import json
import os
from pathlib import Path

import pytest
from archive_process import bulletin, expected_counts, run_measured, table_counts, write_bulletins
from click.testing import CliRunner
from sqlalchemy import select

from archive.cli import main
from archive.store import create_archive_engine
from archive.store.models import Document, Report

BULLETIN = (
    "2022年11月25日0-15时,哈尔滨市新增本土新冠病毒阳性感染者23例,其中确诊病例9例,道里区5例、南岗区3例、平房区1例;"
    "无症状感染者14例,香坊区10例、松北区4例。"
)
TRADITIONAL = (
    "2022年11月25日0-15時,哈爾濱市新增本土新冠病毒陽性感染者23例,其中確診病例9例,道裡區5例、南崗區3例、平房區1例;"
    "無症狀感染者14例,香坊區10例、松北區4例。"
)
# (local_confirmed, local_asymptomatic, local_positive, consistent, problem codes) of a report
FIGURES = (9, 14, 23, True, [])
GOOD_FIGURES = (2, None, None, True, [])  # of bulletin(0)


@pytest.fixture
def good(tmp_path) -> Path:
    """A sound bulletin ingested beside the hostile input: it must land all the same."""
    path = tmp_path / "good.txt"
    path.write_text(bulletin(0), encoding="utf-8")
    return path


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def ingest(db_url, *args):
    return CliRunner().invoke(main, ["--db", db_url, "ingest", *map(str, args)])


def documents(db_url) -> dict[str, tuple]:
    """(status, error, encoding) of each stored document, by source."""
    rows = _select(db_url, select(Document.source, Document.status, Document.error, Document.encoding))
    return {source: (status, error, encoding) for source, status, error, encoding in rows}


def reports(db_url) -> dict[str, list[tuple]]:
    """The figures of each document's reports, by source."""
    columns = (Report.local_confirmed, Report.local_asymptomatic, Report.local_positive, Report.consistent)
    statement = select(Document.source, *columns, Report.problems).join(Document).order_by(Report.id)
    found: dict[str, list[tuple]] = {}
    for source, *figures, problems in _select(db_url, statement):
        codes = [problem["code"] for problem in json.loads(problems or "[]")]
        found.setdefault(source, []).append((*figures, codes))
    return found


def problems(db_url, source) -> list[dict]:
    statement = select(Report.problems).join(Document).where(Document.source == str(source))
    return [problem for row in _select(db_url, statement) for problem in json.loads(row[0] or "[]")]


def _select(db_url, statement) -> list[tuple]:
    engine = create_archive_engine(db_url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(statement)]
    finally:
        engine.dispose()


def summary(new: int, skipped: int, failed: int, reports: int, problems: int) -> str:
    return f"documents: {new} new, {skipped} skipped, {failed} failed\nreports: {reports}\nproblems: {problems}\n"


# --- inputs that are not a text bulletin ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "is empty: there is no bulletin in it; remove it or save the bulletin's text into it"),
        (
            "scan.gif",
            b"GIF89a\x10\x00\x10\x00\x00\x00\x00",
            "is a GIF image, not a text bulletin; ingest the bulletin as a text or HTML file, in UTF-8 if you can",
        ),
    ],
    ids=["empty", "GIF"],
)
def test_a_file_without_text_fails_with_its_name_and_the_reason(db_url, tmp_path, good, name, data, reason):
    path = write(tmp_path / name, data)

    result = ingest(db_url, path, good)

    message = f"{path} {reason}"
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"failed: {message}\n", summary(1, 0, 1, 1, 0))
    assert documents(db_url) == {str(path): ("failed", message, None), str(good): ("parsed", None, "utf-8")}
    assert reports(db_url) == {str(good): [GOOD_FIGURES]}


def test_truncated_utf8_keeps_what_was_saved(db_url, tmp_path, good):
    # A save cut off in the middle of the last character (。 is three bytes in UTF-8).
    path = write(tmp_path / "cut.txt", BULLETIN.encode("utf-8")[:-1])

    result = ingest(db_url, path, good)

    assert (result.exit_code, result.stderr, result.stdout) == (0, "", summary(2, 0, 0, 2, 0))
    assert documents(db_url)[str(path)] == ("parsed", None, "utf-8")
    assert reports(db_url) == {str(path): [FIGURES], str(good): [GOOD_FIGURES]}
    [stored_text] = _select(db_url, select(Document.text).where(Document.source == str(path)))[0]
    assert stored_text.endswith("松北区4例\ufffd")  # the cut character is marked, not guessed


@pytest.mark.parametrize(
    ("declared", "text", "encoding"),
    [
        ("iso-8859-1", BULLETIN, "gb18030"),
        ("gbk", BULLETIN, "utf-8"),
        ("utf-8", TRADITIONAL, "big5"),
    ],
    ids=["latin-1 declared on GB18030", "GBK declared on UTF-8", "UTF-8 declared on Big5"],
)
def test_a_page_with_a_wrong_meta_charset_is_read_in_its_real_encoding(
    db_url, tmp_path, good, declared, text, encoding
):
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    path = write(tmp_path / "page.html", page.encode(encoding))

    result = ingest(db_url, path, good)

    assert (result.exit_code, result.stderr, result.stdout) == (0, "", summary(2, 0, 0, 2, 0))
    assert documents(db_url)[str(path)] == ("parsed", None, encoding)
    assert reports(db_url) == {str(path): [FIGURES], str(good): [GOOD_FIGURES]}


def test_a_50_mb_text_file_is_read_in_bounded_time_and_memory_and_its_bulletin_found(db_url, tmp_path):
    filler = "本报讯 市民积极参与冬季体育活动,各区公园冰雪项目陆续开放,交通部门提醒注意出行安全。\n"
    half = "".join([filler] * (25 * 2**20 // len(filler.encode("utf-8"))))
    path = write(tmp_path / "newspaper-year.txt", half + BULLETIN + "\n" + half)
    assert path.stat().st_size > 50_000_000

    code, stdout, stderr, peak_memory = run_measured("--db", db_url, "ingest", path, timeout=300)

    assert (code, stderr, stdout) == (0, "", summary(1, 0, 0, 1, 0))
    assert reports(db_url) == {str(path): [FIGURES]}
    assert peak_memory < 30 * path.stat().st_size  # about 10 times the file today


# --- names and folders ----------------------------------------------------------------------


def test_names_with_spaces_and_chinese_characters_are_kept_as_given(db_url, tmp_path):
    folder = tmp_path / "新建 文件夹"
    bulletin_file = write(folder / "哈尔滨 疫情通报 (1).txt", BULLETIN)
    empty = write(folder / "空 文件.txt", b"")

    result = ingest(db_url, folder)

    message = f"{empty} is empty: there is no bulletin in it; remove it or save the bulletin's text into it"
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"failed: {message}\n", summary(1, 0, 1, 1, 0))
    assert documents(db_url) == {str(bulletin_file): ("parsed", None, "utf-8"), str(empty): ("failed", message, None)}


def test_a_name_that_is_not_utf8_is_stored_with_its_bytes_escaped(db_url, tmp_path, good):
    # 疫情 in GBK, as names come out of archives made on Chinese Windows: D2 DF C7 E9.
    folder = tmp_path / "from-windows"
    write(folder / os.fsdecode("疫情".encode("gbk") + b".txt"), BULLETIN)

    result = ingest(db_url, folder, good)

    assert (result.exit_code, result.stderr, result.stdout) == (0, "", summary(2, 0, 0, 2, 0))
    assert reports(db_url) == {f"{folder}/\\xd2\\xdf\\xc7\\xe9.txt": [FIGURES], str(good): [GOOD_FIGURES]}


def test_a_file_without_read_permission(db_url, tmp_path, good, monkeypatch):
    locked = write(tmp_path / "locked.txt", BULLETIN)

    def open_refusing_locked(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    # chmod 000 does not stop root (as tests run in CI), so the refusal is simulated.
    monkeypatch.setattr("archive.sources.inputs.open", open_refusing_locked, raising=False)
    result = ingest(db_url, locked, good)

    message = f"cannot read {locked}: permission denied; give your user read access to it and try again"
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"failed: {message}\n", summary(1, 0, 1, 1, 0))
    assert documents(db_url) == {str(locked): ("failed", message, None), str(good): ("parsed", None, "utf-8")}
    assert reports(db_url) == {str(good): [GOOD_FIGURES]}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_a_file_without_read_permission_for_real(db_url, tmp_path, good):
    locked = write(tmp_path / "locked.txt", BULLETIN)
    locked.chmod(0)

    result = ingest(db_url, locked, good)

    message = f"cannot read {locked}: permission denied; give your user read access to it and try again"
    assert (result.exit_code, result.stderr) == (1, f"failed: {message}\n")
    assert reports(db_url) == {str(good): [GOOD_FIGURES]}


def test_a_symbolic_link_loop_in_a_folder(db_url, tmp_path):
    folder = tmp_path / "bulletins"
    bulletin_file = write(folder / "a.txt", BULLETIN)
    (folder / "again").symlink_to(folder, target_is_directory=True)  # the folder inside itself
    (folder / "self").symlink_to("self")

    result = ingest(db_url, "--recursive", folder)

    loop = folder / "self"
    message = f"{loop} is a symbolic link that loops: following it leads back to it (self); fix or remove the link"
    assert (result.exit_code, result.stderr, result.stdout) == (1, f"failed: {message}\n", summary(1, 0, 1, 1, 0))
    assert reports(db_url) == {str(bulletin_file): [FIGURES]}


def test_a_folder_of_20000_files(tmp_path):
    db = str(tmp_path / "archive.db")  # SQLite only: listing and reading the folder is the subject here
    folder = tmp_path / "bulletins"
    write_bulletins(folder, range(20_000))

    result = ingest(db, folder)

    assert (result.exit_code, result.stderr, result.stdout) == (0, "", summary(20_000, 0, 0, 20_000, 0))
    assert table_counts(db) == expected_counts(20_000)


# --- figures that cannot be true ------------------------------------------------------------


def test_a_count_of_10_to_the_20_is_a_problem_and_not_a_figure(db_url, tmp_path, good):
    text = "2022年11月25日0-15时,哈尔滨市新增本土新冠病毒阳性感染者100000000000000000000例。"
    path = write(tmp_path / "huge.txt", text)

    result = ingest(db_url, path, good)

    assert (result.exit_code, result.stderr, result.stdout) == (0, "", summary(2, 0, 0, 2, 1))
    assert reports(db_url)[str(path)] == [(None, None, None, True, ["implausible_count"])]
    assert problems(db_url, path) == [
        {
            "code": "implausible_count",
            "message": (
                "阳性感染者100000000000000000000例 is not a plausible count (over 10,000,000 or not a number): not stored"
            ),
            "span_start": 17,
            "span_end": 56,
        }
    ]


CORRECT_IT = "Correct it in the file and ingest it again."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "2022年2月30日0-24时,哈尔滨市新增本土确诊病例3例,道里区3例。",
            f"the bulletin at character 0 (2022年2月30日0-24时): 2022年2月30日 is not a calendar date. {CORRECT_IT}",
        ),
        (
            "2022年11月25日0-25时,哈尔滨市新增本土确诊病例3例,道里区3例。",
            (
                "the bulletin at character 0 (2022年11月25日0-25时): 2022年11月25日0-25时 is not a valid counting window: "
                f"hours run from 0 to 24, and a window ends after it starts. {CORRECT_IT}"
            ),
        ),
    ],
    ids=["2月30日", "0-25时"],
)
def test_an_impossible_date_or_window_fails_the_document_with_the_reason(db_url, tmp_path, good, text, reason):
    path = write(tmp_path / "impossible.txt", text)

    result = ingest(db_url, path, good)

    assert (result.exit_code, result.stderr) == (1, f"failed: {path}: {reason}\n")
    assert result.stdout == summary(1, 0, 1, 1, 0)
    assert documents(db_url)[str(path)] == ("failed", reason, "utf-8")
    assert reports(db_url) == {str(good): [GOOD_FIGURES]}


def test_districts_summing_above_the_total_make_an_inconsistent_report(db_url, tmp_path, good):
    text = "2022年11月25日0-15时,哈尔滨市新增本土确诊病例9例,道里区5例、南岗区3例、平房区4例。"
    path = write(tmp_path / "sum.txt", text)

    result = ingest(db_url, path, good)

    assert (result.exit_code, result.stderr, result.stdout) == (0, "", summary(2, 0, 0, 2, 1))
    assert reports(db_url)[str(path)] == [(9, None, None, False, ["sum_mismatch"])]
    [problem] = problems(db_url, path)
    assert problem["message"] == "confirmed areas add up to 12, the stated total is 9"
