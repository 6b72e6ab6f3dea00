"""A page whose bulletin cannot be placed is stored all the same, with its problem on the
document, and `archive check` lists it (kind unplaced) — on SQLite and PostgreSQL."""

import json

from click.testing import CliRunner

from archive.cli import main

# A bulletin that names no region, on a page that names none either.
PAGE = "发布时间:2020-03-03\n3月2日0-24时,新增确诊病例2例。\n"


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_an_unplaced_bulletin_is_a_document_problem_that_check_lists(db_url, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = run("--db", db_url, "ingest", page)
    assert result.exit_code == 0, result.output
    assert result.stdout == "documents: 1 new, 0 skipped, 0 failed\nreports: 0\nproblems: 1\n"

    [document] = json.loads(run("--db", db_url, "sql", "--format", "json", "--", "SELECT status, problems FROM document").stdout)
    assert document["status"] == "parsed"
    [problem] = json.loads(document["problems"])
    assert problem["code"] == "unplaced_bulletin"

    findings = json.loads(run("--db", db_url, "check", "--format", "json").stdout)
    [unplaced] = [f for f in findings if f["kind"] == "unplaced"]
    assert unplaced["sentence"] == "3月2日0-24时,新增确诊病例2例。"
    assert unplaced["detail"].startswith("unplaced_bulletin: the bulletin at character")
    assert str(page) in unplaced["detail"]
