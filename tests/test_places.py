"""archive places and query.places / query.place_summary: filters, search (short words too), summary."""

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console
from sqlalchemy import delete, text, update

from archive import render
from archive.cli import main
from archive.query import QueryError, place_summary, places, run_sql
from archive.report import render_report
from archive.sources import document_from_bytes
from archive.store import ingest, reparse
from archive.store.models import Document, Place

GENERATED_AT = dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "district-posts" / "shanghai-2022-04-02.txt"
BEIJING = (
    "北京市卫生健康委员会\n2022年5月3日0时至24时,北京市新增本土确诊病例3例和无症状感染者1例。\n"
    "确诊病例1、2:现住朝阳区望京街道花家地北里,系社区筛查人员。\n"
    "确诊病例3:现住丰台区卢沟桥乡小屯村,系管控人员。\n"
    "无症状感染者1:现住朝阳区望京街道花家地北里,为确诊病例1的同住人员。\n"
)


def next_day(text: str) -> str:
    """The example post moved one day on, without its 临水苑 and 枫林苑 lines."""
    text = text.replace("4月2日", "4月3日").replace("2022-04-03", "2022-04-04")
    return text.replace("临水苑等。", "栖霞苑。").replace("枫林苑,\n", "")


@pytest.fixture
def archive(engine):
    post = EXAMPLE.read_text(encoding="utf-8")
    pages = {"day1.txt": post, "day2.txt": next_day(post), "beijing.txt": BEIJING}
    ingest(engine, [document_from_bytes(name, text.encode("utf-8")) for name, text in pages.items()])
    return engine


def test_places_of_a_district_and_period(archive):
    rows = places(archive, district="徐汇区", date_from="2022-04-03")
    assert [(r["region"], str(r["report_date"]), r["city"], r["district"], r["name"], r["case_type"], r["cases"]) for r in rows] == [
        ("徐汇区", "2022-04-03", "上海市", "徐汇区", "云岫路300弄", "positive", None),
        ("徐汇区", "2022-04-03", "上海市", "徐汇区", "松鹤路45号", "positive", None),
        ("徐汇区", "2022-04-03", "上海市", "徐汇区", "竹影村", "positive", None),
    ]
    assert len(places(archive, region="浦东新区")) == 12
    assert len(places(archive, date_to="2022-04-02")) == 12


def test_case_lines_give_places_with_their_counts(archive):
    rows = places(archive, region="北京市")
    assert [(r["district"], r["name"], r["case_type"], r["cases"]) for r in rows] == [
        ("丰台区", "卢沟桥乡小屯村", "confirmed", 1),
        ("朝阳区", "望京街道花家地北里", "asymptomatic", 1),
        ("朝阳区", "望京街道花家地北里", "confirmed", 2),
    ]


@pytest.mark.parametrize(
    "search, names",
    [
        ("弄", {"青桐路101弄", "梧桐路12弄", "云岫路300弄", "石桥路9弄"}),  # one character: a scan
        ("桐路", {"青桐路101弄", "梧桐路12弄"}),  # two characters
        ("梧桐路", {"梧桐路12弄"}),  # three or more: the trigram index
        ("青桐 101", {"青桐路101弄"}),  # every word
        ("100%", set()),  # LIKE's wildcards are plain characters
    ],
)
def test_search_finds_parts_of_names(archive, search, names):
    assert {r["name"] for r in places(archive, search=search)} == names


def test_summary_one_row_per_place(archive):
    rows = place_summary(archive, district="浦东新区")
    by_name = {r["name"]: r for r in rows}
    assert len(rows) == 7  # 6 places a day, 临水苑 on the first only and 栖霞苑 on the second only
    assert {k: str(v) for k, v in by_name["青桐路101弄"].items()} == {
        "city": "上海市", "district": "浦东新区", "name": "青桐路101弄",
        "first_date": "2022-04-02", "last_date": "2022-04-03", "days": "2", "reports": "2",
    }  # fmt: skip
    assert (by_name["临水苑"]["days"], str(by_name["栖霞苑"]["first_date"])) == (1, "2022-04-03")
    assert [r["days"] for r in rows] == sorted((r["days"] for r in rows), reverse=True)  # most days first
    [top] = place_summary(archive, search="弄", limit=1)
    assert top["days"] == 2


def test_filters_that_cannot_apply_say_what_to_give(archive):
    with pytest.raises(QueryError, match="no places in district 浦东 in the archive: did you mean 浦东新区"):
        places(archive, district="浦东")
    with pytest.raises(QueryError, match="nothing to search for"):
        places(archive, search="  ")
    with pytest.raises(QueryError, match="no region 上海 in the archive"):
        place_summary(archive, region="上海")


def test_archive_places_command(archive, db_url):
    runner = CliRunner()
    result = runner.invoke(main, ["--db", db_url, "places", "--search", "弄", "--summary", "--limit", "2", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(r["name"], r["days"]) for r in json.loads(result.stdout)] == [("云岫路300弄", 2), ("梧桐路12弄", 2)]
    result = runner.invoke(main, ["--db", db_url, "places", "--district", "崇明区", "--from", "2022-04-02", "--format", "csv"])
    assert result.exit_code == 2 and "no places in district 崇明区" in result.output
    result = runner.invoke(main, ["--db", db_url, "places", "--region", "闵行区", "--to", "2022-04-02", "--format", "csv"])
    header, *lines = result.stdout.splitlines()
    assert header == "region,report_date,city,district,name,case_type,cases,report_id"
    assert [line.rsplit(",", 1)[0] for line in lines] == [
        f"闵行区,2022-04-02,上海市,闵行区,{name},positive," for name in ("南塘村", "枫林苑", "石桥路9弄")
    ]


# --- long tables ----------------------------------------------------------------------------


def rich_text(columns, rows, headers=True) -> str:
    buffer = io.StringIO()
    Console(file=buffer, highlight=False, width=render.WIDTH_OFF_TERMINAL).print(render._table(columns, rows, None, headers))
    return buffer.getvalue()


@pytest.mark.parametrize("headers", [True, False])
def test_tables_are_written_as_rich_writes_them(headers, capsys):
    columns = ["region", "name", "cases", "share"]
    rows = [["浦东新区", "青桐路101弄", None, 0.123456], ["徐汇区", "x", 12, 1.0]] * 3
    render.emit_rows(columns, rows, "table", headers=headers)
    assert capsys.readouterr().out == rich_text(columns, rows, headers)


def test_a_table_wider_than_the_console_wraps_its_widest_columns(capsys):
    words = "local_positive: 298 in report 758 (document 603), not stated in report 1190 " * 3
    wide = [["甲" * 150, "乙" * 10, words, None]]
    render.emit_rows(["a", "b", "c", "d"], wide, "table")
    lines = capsys.readouterr().out.splitlines()
    assert max(map(cell_len, lines)) <= render.WIDTH_OFF_TERMINAL
    cells = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines[3:-1]]
    assert "".join(row[0] for row in cells) == "甲" * 150  # folded: no character lost
    assert [row[1] for row in cells if row[1]] == ["乙" * 10]  # a column that fits is not wrapped
    assert " ".join(row[2] for row in cells if row[2]) == words.strip()  # wrapped at spaces
    assert [row[3] for row in cells if row[3]] == ["NULL"]


def test_tables_that_need_rich_still_go_through_it(capsys):
    broken = [["一是\n二是", 1]]
    render.emit_rows(["a", "b"], broken, "table")
    assert capsys.readouterr().out == rich_text(["a", "b"], broken)


# --- the report's places section -------------------------------------------------------------------


def test_report_lists_places_of_the_period(archive):
    html = render_report(archive, region="上海市", date_from="2022-04-03", generated_at=GENERATED_AT)
    assert '<a href="#places">Places</a>' in html
    section = html[html.index('<section id="places">') : html.index("</section>", html.index('<section id="places">'))]
    most = section[section.index('id="places-most-listed"') : section.index("</table>", section.index('id="places-most-listed"'))]
    assert most.count("<tr>") == 1 + 10  # the heading, then the top 10 of the 11 places listed on 04-03
    new = section[section.index('id="places-new"') :]
    rows = dict(re.findall(r'<th scope="row" title="上海市">(\S+?)</th><td class="num total">(\d+)</td>', new))
    # New on 04-03: 栖霞苑 only (the other places were listed on 04-02 already).
    assert rows == {"浦东新区": "1", "徐汇区": "0", "闵行区": "0"}
    assert 'data-district="浦东新区" data-date="2022-04-03" title="6 listed"' in new

    everything = render_report(archive, fmt="md", generated_at=GENERATED_AT)
    places = everything[everything.index("## Places") : everything.index("## How cases were found")]
    assert "| 青桐路101弄 | 浦东新区 | 2 | 2022-04-02 | 2022-04-03 |" in places
    assert "| 浦东新区 | 7 | 6 | 1 |" in places  # 6 new on 04-02, 1 on 04-03


def test_report_without_places_has_no_places_section(engine):
    page = "2022年11月26日0-14时,哈尔滨市新增本土新冠病毒无症状感染者6例。南岗区4例、香坊区2例。"
    ingest(engine, [document_from_bytes("harbin.txt", page.encode("utf-8"))])
    assert 'id="places"' not in render_report(engine, generated_at=GENERATED_AT)
    assert "## Places" not in render_report(engine, fmt="md", generated_at=GENERATED_AT)


# --- joined to a researcher's own geocoded list, as the README shows ----------------------------------


def readme_sql(first_line: str) -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```sql\n(.*?)```", readme, re.DOTALL) if b.startswith(first_line)]
    return block


def test_places_join_a_geocoded_list(archive):
    with archive.begin() as connection:
        connection.execute(text("CREATE TABLE my_geocodes (district TEXT, name TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION)"))
        connection.execute(
            text("INSERT INTO my_geocodes VALUES (:district, :name, :lat, :lon)"),
            [
                {"district": "浦东新区", "name": "青桐路101弄", "lat": 31.2, "lon": 121.5},
                {"district": "徐汇区", "name": "竹影村", "lat": 31.1, "lon": 121.4},
                {"district": "朝阳区", "name": "望京街道花家地北里", "lat": 40.0, "lon": 116.5},
            ],
        )
    joined = run_sql(archive, readme_sql("-- Places joined to your own geocoded list"))
    assert joined.columns == ["district", "name", "lat", "lon", "days", "first_date"]
    assert [(row[0], row[1], row[4], str(row[5])) for row in joined.rows][2:] == [("朝阳区", "望京街道花家地北里", 1, "2022-05-03")]
    assert sorted((row[0], row[1], row[2], row[3], row[4]) for row in joined.rows[:2]) == [
        ("徐汇区", "竹影村", 31.1, 121.4, 2),
        ("浦东新区", "青桐路101弄", 31.2, 121.5, 2),
    ]
    missing = run_sql(archive, readme_sql("-- Places your list does not have yet"))
    names = [row[1] for row in missing.rows]
    assert len(names) == 15 - 3 and "临水苑" in names and "竹影村" not in names


def assert_place_search_in_step(engine) -> None:
    if engine.dialect.name == "sqlite":  # PostgreSQL's trigram index is on the table itself
        with engine.begin() as connection:  # raises when the index and place differ
            connection.execute(text("INSERT INTO place_search(place_search, rank) VALUES ('integrity-check', 1)"))


def test_place_search_follows_inserts_reparses_updates_and_deletes(archive):
    assert {r["name"] for r in places(archive, search="梧桐路")} == {"梧桐路12弄"}
    assert_place_search_in_step(archive)
    reparse(archive)
    assert {r["name"] for r in places(archive, search="梧桐路")} == {"梧桐路12弄"}
    assert_place_search_in_step(archive)
    with archive.begin() as connection:
        connection.execute(update(Place).where(Place.name == "梧桐路12弄").values(name="梧桐东路12弄"))
    assert places(archive, search="梧桐路") == []
    assert {r["name"] for r in places(archive, search="梧桐东路")} == {"梧桐东路12弄"}
    assert_place_search_in_step(archive)
    with archive.begin() as connection:
        connection.execute(delete(Document))
    assert places(archive, search="梧桐东路") == places(archive, search="桐") == []
    assert_place_search_in_step(archive)
