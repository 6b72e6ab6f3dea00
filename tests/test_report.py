"""The HTML and Markdown reports, on the seed page plus a few pages written here, with the real parser."""

import datetime as dt
import re

import pytest
from shared_paths import SEED, needs_shared
from sqlalchemy import inspect, text

from archive.parse import PARSER_VERSION
from archive.query import QueryError, report_data
from archive.report import render_report
from archive.report.canonical import canonical_reports
from archive.sources import document_from_bytes, iter_sources
from archive.store import ingest

pytestmark = needs_shared

GENERATED_AT = dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC)

INCONSISTENT_SENTENCE = (
    "2022年11月29日0—24时,哈尔滨市新增本土新冠病毒无症状感染者30例。"
    "其中,隔离管控人员中发现25例,社区筛查发现5例。香坊区10例、南岗区9例。"
)

# Harbin on 27–29 November (the seed gives 30 November), and Heilongjiang on 30 November.
PAGES = {
    "harbin-11-28.txt": (
        "2022年11月28日0—24时,哈尔滨市新增本土新冠病毒阳性感染者24例,其中确诊病例4例,南岗区3例、道外区1例;"
        "隔离管控人员中发现4例。无症状感染者20例,香坊区12例、南岗区8例;隔离管控人员中发现15例,社区筛查发现5例。"
    ),
    # 10 + 9 areas for 30 cases: sum_mismatch.
    "harbin-11-29.txt": "哈尔滨日报 2022年11月30日\n" + INCONSISTENT_SENTENCE,
    # The same day and window twice: the page published later (12 cases) wins.
    "harbin-11-27-first.txt": (
        "哈尔滨日报 2022年11月28日\n"
        "2022年11月27日0—24时,哈尔滨市新增本土新冠病毒无症状感染者10例。香坊区6例、南岗区4例。"
    ),
    "harbin-11-27-revised.txt": (
        "哈尔滨日报 2022年11月29日\n"
        "2022年11月27日0—24时,哈尔滨市新增本土新冠病毒无症状感染者12例。香坊区6例、南岗区6例。"
    ),
    # Names 香坊区 with 40: the city's own bulletin (38) must give that area's figure.
    "heilongjiang-11-30.txt": (
        "黑龙江日报 2022年12月1日\n11月30日0-24时,黑龙江省新增本土无症状感染者150例(哈尔滨市140例,"
        "其中香坊区40例、南岗区100例;绥化市10例,在北林区),隔离管控筛查发现150例。"
    ),
    "weather.txt": "今天天气晴朗,气温零下十五度。",
}


def ingest_pages(engine, pages: dict[str, str]) -> None:
    ingest(engine, [document_from_bytes(name, text.encode()) for name, text in pages.items()])


def build_corpus(engine):
    """The seed page and PAGES, ingested with the real parser."""
    ingest(engine, iter_sources([str(SEED)]))
    ingest_pages(engine, PAGES)
    return engine


@pytest.fixture
def corpus(engine):
    return build_corpus(engine)


def element(page: str, tag: str, element_id: str) -> str:
    """The markup of the element with that id (our reports never nest a tag in itself)."""
    match = re.search(rf'<{tag} id="{element_id}".*?</{tag}>', page, re.DOTALL)
    assert match, f"no <{tag} id={element_id}>"
    return match.group(0)


def chart_of(page: str, css_class: str, region: str) -> str:
    pattern = rf'<svg id="[^"]+" class="chart {css_class}"[^>]*data-region="{region}">.*?</svg>'
    match = re.search(pattern, page, re.DOTALL)
    assert match, f"no {css_class} chart of {region}"
    return match.group(0)


def bars(svg: str) -> dict[tuple[str, str], int]:
    """(date, series) → value of every bar segment of a chart."""
    pattern = r'<rect class="segment[^"]*"[^>]*data-date="([^"]+)" data-series="([^"]+)" data-value="(\d+)"'
    found = re.findall(pattern, svg)
    return {(day, series): int(value) for day, series, value in found}


def heat_cell(page: str, area: str, day: str) -> str:
    table = element(page, "table", "area-heat")
    match = re.search(rf'<td[^>]*data-area="{area}"[^>]*data-date="{day}"[^>]*>(\d*)</td>', table)
    assert match, f"no heat cell for {area} on {day}"
    return match.group(1)


def test_html_report_of_the_corpus(corpus):
    page = render_report(corpus, generated_at=GENERATED_AT)

    harbin = bars(chart_of(page, "epidemic-curve", "哈尔滨市"))
    assert harbin == {
        ("2022-11-27", "asymptomatic"): 12,  # the revised page, published later
        ("2022-11-28", "confirmed"): 4,
        ("2022-11-28", "asymptomatic"): 20,
        ("2022-11-29", "asymptomatic"): 30,
        ("2022-11-30", "asymptomatic"): 126,
    }
    assert bars(chart_of(page, "epidemic-curve", "黑龙江省")) == {
        ("2022-11-30", "asymptomatic"): 150
    }
    assert 'class="segment faded"' in chart_of(
        page, "epidemic-curve", "哈尔滨市"
    )  # 30 November is 0–14时

    assert (
        heat_cell(page, "香坊区", "2022-11-30") == "38"
    )  # the city's figure, not the province's 40
    assert heat_cell(page, "香坊区", "2022-11-27") == "6"
    assert heat_cell(page, "北林区", "2022-11-30") == "10"
    assert heat_cell(page, "北林区", "2022-11-27") == ""
    assert "哈尔滨市香坊区" in element(
        page, "svg", "top-areas"
    )  # two cities: areas carry their city

    channels = bars(chart_of(page, "channel-composition", "哈尔滨市"))
    assert channels[("2022-11-30", "quarantine")] == 99
    assert channels[("2022-11-30", "cross_region")] == 1
    assert "非闭环管理重点人员筛查发现" in page

    assert "请抵返哈人员务必主动报备行程,配合落实防控措施" in element(page, "section", "notices")

    quality = element(page, "section", "quality")
    assert "<b>1</b> inconsistent" in quality and "<b>1</b> windows reported differently" in quality
    assert INCONSISTENT_SENTENCE in quality
    assert "sum_mismatch" in quality
    assert re.search(r"<td[^>]*>used</td><td[^>]*>harbin-11-27-revised.txt</td>", quality)
    assert re.search(r"<td[^>]*>not used</td><td[^>]*>harbin-11-27-first.txt</td>", quality)

    sources = element(page, "section", "sources")
    assert "weather.txt</td><td>no_bulletin</td>" in sources
    assert "000_fe24fd3066b55818.txt</td><td>parsed</td>" in sources

    assert "2024-01-02 03:04 UTC" in page and f"parser version\n{PARSER_VERSION}" in page
    assert "http" not in page.lower()
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(", page, re.IGNORECASE)


def test_the_canonical_reports_are_those_of_the_daily_report_view(corpus):
    if "daily_report" not in inspect(corpus).get_view_names():
        pytest.skip("this archive has no daily_report view (revision 0003)")
    with corpus.connect() as connection:
        rows = connection.execute(
            text("SELECT region, report_date, report_id FROM daily_report")
        ).all()
    chosen = canonical_reports(report_data.reports_with_sources(corpus))
    assert {(region, str(day)): report["id"] for (region, day), report in chosen.items()} == {
        (row.region, str(row.report_date)): row.report_id for row in rows
    }


def test_a_stated_zero_is_drawn_and_a_day_without_report_is_not(corpus):
    ingest_pages(
        corpus,
        {
            "harbin-12-02.txt": "2022年12月2日0—24时,哈尔滨市无新增本土新冠病毒确诊病例和无症状感染者。"
        },
    )
    curve = chart_of(render_report(corpus, region="哈尔滨市"), "epidemic-curve", "哈尔滨市")
    assert re.search(
        r'<rect class="zero"[^>]*data-date="2022-12-02"><title>2022-12-02: 0 · 0–24时</title>',
        curve,
    )
    assert (
        'data-date="2022-12-01"' not in curve and 'text-anchor="middle">12-01</text>' in curve
    )  # an empty slot


def test_html_report_escapes_text_from_the_database(engine):
    ingest_pages(engine, {'<script>alert("x")</script>.txt': PAGES["harbin-11-28.txt"]})
    page = render_report(engine)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.txt" in page


def test_html_report_of_a_single_report(engine):
    ingest(engine, iter_sources([str(SEED)]))
    page = render_report(engine, generated_at=GENERATED_AT)

    assert bars(chart_of(page, "epidemic-curve", "哈尔滨市")) == {
        ("2022-11-30", "asymptomatic"): 126
    }
    assert "1 of 1 days reported · 126 new local cases" in page
    assert heat_cell(page, "香坊区", "2022-11-30") == "38"
    assert heat_cell(page, "双城区", "2022-11-30") == "1"
    assert "哈尔滨市香坊区" not in page  # one city: areas go by their own names
    assert 'id="regions"' not in page  # a table of regions only when there are several
    assert "<b>0</b> inconsistent" in page
    assert "http" not in page.lower()


def test_html_report_of_an_empty_archive(engine):
    page = render_report(engine, generated_at=GENERATED_AT)
    assert "Nothing to report yet" in page
    assert "archive ingest bulletins/ --recursive" in page
    assert "<svg" not in page and 'id="sources"' not in page
    assert "2024-01-02 03:04 UTC" in page


def test_html_report_of_an_archive_without_bulletins_lists_its_documents(engine):
    ingest_pages(engine, {"weather.txt": PAGES["weather.txt"]})
    page = render_report(engine)
    assert "None of the 1 ingested documents holds a bulletin yet" in page
    assert "weather.txt</td><td>no_bulletin</td>" in page


def test_region_filter(corpus):
    page = render_report(corpus, region="哈尔滨市")
    assert 'data-region="黑龙江省"' not in page
    assert heat_cell(page, "香坊区", "2022-11-30") == "38"
    assert "北林区" not in page
    assert "harbin-11-28.txt" in page and "heilongjiang-11-30.txt" not in page
    assert "weather.txt" in page  # a document with no report might concern any region


def test_date_filters_are_inclusive(corpus):
    page = render_report(corpus, date_from=dt.date(2022, 11, 28), date_to=dt.date(2022, 11, 29))
    assert set(bars(chart_of(page, "epidemic-curve", "哈尔滨市"))) == {
        ("2022-11-28", "confirmed"), ("2022-11-28", "asymptomatic"), ("2022-11-29", "asymptomatic"),
    }  # fmt: skip
    assert INCONSISTENT_SENTENCE in page
    assert "<b>0</b> windows reported differently" in page  # 27 November is out of scope
    assert 'data-region="黑龙江省"' not in page

    later = render_report(corpus, date_from=dt.date(2022, 11, 30))
    assert set(bars(chart_of(later, "epidemic-curve", "哈尔滨市"))) == {
        ("2022-11-30", "asymptomatic")
    }


def test_dates_may_be_given_as_text(corpus):
    page = render_report(corpus, date_from="2022-11-30", date_to="2022-11-30")
    assert set(bars(chart_of(page, "epidemic-curve", "哈尔滨市"))) == {
        ("2022-11-30", "asymptomatic")
    }


def test_a_period_without_reports_says_what_the_archive_holds(corpus):
    page = render_report(corpus, region="哈尔滨市", date_from=dt.date(2022, 12, 1))
    assert "No report matches <b>哈尔滨市, 2022-12-01 – …</b>" in page
    assert "6 reports from 2022-11-27 to 2022-11-30, of: 哈尔滨市、黑龙江省" in page
    assert "<svg" not in page


def test_filters_the_read_commands_refuse_are_refused(corpus):
    with pytest.raises(QueryError, match="2022-12-01"):
        render_report(corpus, date_from=dt.date(2022, 12, 1), date_to=dt.date(2022, 11, 1))
    with pytest.raises(QueryError, match="2022-02-30"):
        render_report(corpus, date_from="2022-02-30")
    with pytest.raises(QueryError, match="北京市"):
        render_report(corpus, region="北京市")
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render_report(corpus, fmt="pdf")


def test_an_empty_archive_refuses_no_region(engine):
    assert "Nothing to report yet" in render_report(engine, region="北京市")


def test_markdown_report_of_the_corpus(corpus):
    text = render_report(corpus, fmt="md", generated_at=GENERATED_AT)

    for heading in ("## Epidemic curve", "## Top areas", "## How cases were found", "## Notices",
                    "## Data quality", "## Sources"):  # fmt: skip
        assert f"\n{heading}\n" in text
    assert "| 2022-11-30 | 0–14时 (partial day) |  | 126 |  |" in text
    assert "| 2022-11-27 | 0–24时 |  | 12 |  |" in text
    assert "| 哈尔滨市香坊区 | 66 | 6 | 12 | 10 | 38 |" in text  # 27 to 30 November
    assert "| 2022-11-30 | 99 | 17 | 4 | 1 | 5 | 126 |" in text  # channels: the seed's
    assert "1. 请抵返哈人员务必主动报备行程,配合落实防控措施。" in text
    assert INCONSISTENT_SENTENCE in text
    assert "| sum\\_mismatch | 1 |" in text and "sum\\_mismatch: " in text
    assert "| used | harbin-11-27-revised.txt |" in text
    assert "| weather.txt | no\\_bulletin | 0 |" in text
    assert text.rstrip().endswith(
        f"Generated 2024-01-02 03:04 UTC by archive · parser version {PARSER_VERSION}"
    )
    assert "http" not in text.lower()


def test_markdown_report_of_an_empty_archive(engine):
    text = render_report(engine, fmt="md")
    assert "Nothing to report yet" in text and "archive ingest bulletins/ --recursive" in text
    assert "## Epidemic curve" not in text


def test_markdown_report_escapes_text_from_the_database(engine):
    ingest_pages(engine, {"a|b <i>x</i>.txt": PAGES["harbin-11-28.txt"]})
    text = render_report(engine, fmt="md")
    assert "a\\|b &lt;i&gt;x&lt;/i&gt;.txt" in text


def test_the_report_command_writes_the_page_and_refuses_bad_filters(db_url, tmp_path):
    from click.testing import CliRunner

    from archive.cli import main

    run = CliRunner().invoke
    assert run(main, ["--db", db_url, "ingest", str(SEED)]).exit_code == 0
    out = tmp_path / "report.html"
    written = run(main, ["--db", db_url, "report", "--out", str(out), "--region", "哈尔滨市"])
    assert (written.exit_code, written.stdout) == (0, f"wrote {out}\n")
    assert "香坊区" in out.read_text(encoding="utf-8") and "http" not in out.read_text(encoding="utf-8")

    markdown = tmp_path / "report.md"
    assert run(main, ["--db", db_url, "report", "--out", str(markdown), "--format", "md"]).exit_code == 0
    assert markdown.read_text(encoding="utf-8").startswith("# Epidemic bulletin report")

    unknown = run(main, ["--db", db_url, "report", "--out", str(out), "--region", "哈尔滨"])
    assert unknown.exit_code == 2 and "did you mean 哈尔滨市?" in unknown.stderr
    backwards = run(main, ["--db", db_url, "report", "--out", str(out), "--from", "2022-12-01", "--to", "2022-11-01"])
    assert backwards.exit_code == 2


# 哈尔滨市's full day of 28 November (4 confirmed, 20 asymptomatic) as its province lists it:
# the same 4 confirmed, but 18 asymptomatic.
HEILONGJIANG_11_28 = (
    "11月28日0-24时,黑龙江省新增本土确诊病例4例(哈尔滨市4例,其中南岗区3例、道外区1例),"
    "新增本土无症状感染者18例(哈尔滨市18例,其中香坊区12例、南岗区6例)。"
)


def test_reports_show_sources_one_level_apart_that_disagree(engine):
    province_page = "黑龙江日报 2022年11月29日\n" + HEILONGJIANG_11_28
    ingest_pages(engine, {"harbin-11-28.txt": PAGES["harbin-11-28.txt"], "heilongjiang-11-28.txt": province_page})
    quality = element(render_report(engine, generated_at=GENERATED_AT), "section", "quality")
    assert "<b>1</b> figures that sources one level apart state differently" in quality
    agreement = element(quality, "table", "cross-agreement")
    cells = r"<td>哈尔滨市</td><td>黑龙江省</td>" + "".join(rf"<td[^>]*>{n}</td>" for n in (2, 1, 1, "50%"))
    assert re.search(cells, agreement)
    [issue] = re.findall(r'<div class="issue cross-mismatch".*?</table></div></div>', quality, re.DOTALL)
    assert "哈尔滨市 · 2022-11-28 · 0–24时 · asymptomatic" in issue
    assert re.search(r'<td class="num">20</td><td><blockquote class="sentence">2022年11月28日0—24时,哈尔滨市', issue)
    assert f'<td class="num">18</td><td><blockquote class="sentence">{HEILONGJIANG_11_28}</blockquote>' in issue

    text = render_report(engine, fmt="md", region="哈尔滨市")
    assert "| 哈尔滨市 | 黑龙江省 | 2 | 1 | 1 | 50% |" in text
    assert f"| 黑龙江省 (2) | 18 | {HEILONGJIANG_11_28} | heilongjiang-11-28.txt |" in text


def test_reports_say_when_no_sources_one_level_apart_were_compared(corpus):
    # The seed (0–14时) and 黑龙江省's bulletin of 30 November (0–24时) count different hours.
    assert "No day in scope has two levels of reports" in render_report(corpus, fmt="md")
