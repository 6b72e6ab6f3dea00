"""The record sections of the HTML report (notices, data quality, sources): ReportData in, markup out.

All text that comes from the database goes through ``escape``.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from archive.report.data import ReportData
from archive.report.labels import day_label, figures_summary, found_label, places_note, timestamp_label, window_label


def notices_section(data: ReportData) -> str:
    parts = ['<section id="notices"><h2>Notices <small>防控提示</small></h2>']
    if not data.notices:
        parts.append('<p class="note">No bulletin in scope carries numbered notices.</p>')
    for group in data.notices:
        headline = f" — {escape(group.headline)}" if group.headline else ""
        parts.append(
            f'<h3>{escape(group.region)} · {group.report_date}{headline}</h3><ol class="notices">'
        )
        for notice in group.notices:
            title, body = notice["title"], notice["body"]
            # The body usually opens with the title: bold the title, then the rest of the body.
            rest = escape(body[len(title) :]) if body.startswith(title) else "<br>" + escape(body)
            parts.append(f'<li value="{notice["ordinal"]}"><b>{escape(title)}</b>{rest}</li>')
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def places_section(data: ReportData) -> str:
    digest = data.places
    parts = ['<section id="places"><h2>Places <small>居住地</small></h2>']
    rows = "".join(
        f"<tr><td>{escape(place['name'])}</td><td>{escape(place['district'])}</td>"
        f'<td class="num">{place["days"]}</td><td class="when">{place["first_date"]}</td>'
        f'<td class="when">{place["last_date"]}</td></tr>'
        for place in digest.most_listed
    )
    parts.append(
        "<h3>Listed on the most days</h3>"
        '<div class="table-wrap"><table id="places-most-listed"><thead><tr><th>Place</th><th>District</th>'
        f'<th class="num">Days</th><th>First</th><th>Last</th></tr></thead><tbody>{rows}</tbody></table></div>'
    )
    largest = max((n for by_day in digest.new.values() for n in by_day.values()), default=0) or 1
    head = "".join(f'<th class="num" title="{day}">{day_label(day)}</th>' for day in digest.days)
    body = []
    for key in digest.districts:
        city, district = key
        cells = []
        for day in digest.days:
            new, listed = digest.new[key].get(day), digest.listed[key].get(day)
            attributes = f'data-district="{escape(district)}" data-date="{day}"'
            if new is None:
                cells.append(f'<td class="num empty" {attributes}></td>')
                continue
            strength = 0.12 + 0.78 * new / largest
            ink = "#fff" if strength > 0.55 else "#222"
            style = f"background:rgba(47,75,124,{strength:.2f});color:{ink}"
            cells.append(f'<td class="num" {attributes} title="{listed} listed" style="{style}">{new}</td>')
        body.append(
            f'<tr><th scope="row" title="{escape(city)}">{escape(district)}</th>'
            f'<td class="num total">{sum(digest.new[key].values())}</td>{"".join(cells)}</tr>'
        )
    parts.append(
        "<h3>Newly listed places per day and district</h3>"
        '<div class="table-wrap"><table id="places-new" class="heat"><thead><tr><th>District</th>'
        f'<th class="num">Period</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
        f'<p class="note">{escape(places_note(len(digest.days)))}</p></section>'
    )
    return "\n".join(parts)


def _report_heading(report: dict) -> str:
    window = window_label(report["window_start_hour"], report["window_end_hour"])
    return f"{escape(report['region'])} · {report['report_date']} · {window}"


def _sentence(report: dict) -> str:
    return _quote(report["sentence"])


def quality_section(data: ReportData) -> str:
    parts = [
        '<section id="quality"><h2>Data quality <small>数据核查</small></h2>',
        (
            f"<p>{len(data.reports)} reports in scope: <b>{len(data.inconsistent)}</b> inconsistent "
            f"(figures that do not add up), <b>{len(data.conflicts)}</b> windows reported differently by "
            f"different documents, <b>{len(data.cross_disagreements)}</b> figures that sources one level apart "
            "state differently.</p>"
        ),
    ]
    if data.problem_counts:
        rows = "".join(
            f'<tr><td><code>{escape(code)}</code></td><td class="num">{n}</td></tr>'
            for code, n in data.problem_counts.items()
        )
        parts.append(
            '<table class="problem-counts"><thead><tr><th>Problem</th><th class="num">Times</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if data.inconsistent:
        parts.append("<h3>Inconsistent reports</h3>")
    for report in data.inconsistent:
        problems = "".join(
            f"<li><code>{escape(p['code'])}</code> {escape(p['message'])}</li>"
            for p in report["problems"]
        )
        parts.append(
            f'<div class="issue inconsistent" data-report-id="{report["id"]}"><h4>{_report_heading(report)}</h4>'
            f'<p>{escape(figures_summary(report))} <span class="muted">(report {report["id"]}, '
            f"{escape(report['source'])})</span></p><ul>{problems}</ul>{_sentence(report)}</div>"
        )
    if data.conflicts:
        parts.append("<h3>Conflicting reports</h3>")
    for conflict in data.conflicts:
        rows = "".join(
            f'<tr><td class="when">{"used" if rank == 0 else "not used"}</td>'
            f'<td class="source">{escape(report["source"])}</td>'
            f'<td class="when">{report["published_on"] or ""}</td>'
            f'<td class="when">{timestamp_label(report["ingested_at"])}</td>'
            f"<td>{escape(figures_summary(report))}</td><td>{_sentence(report)}</td></tr>"
            for rank, report in enumerate(conflict.reports)
        )
        parts.append(
            f'<div class="issue conflict"><h4>{_report_heading(conflict.reports[0])}</h4><div class="table-wrap">'
            "<table><thead><tr><th></th><th>Source</th><th>Published</th><th>Ingested (UTC)</th><th>Figures</th>"
            f"<th>Sentence</th></tr></thead><tbody>{rows}</tbody></table></div></div>"
        )
    if data.conflicts:
        parts.append(
            '<p class="note">The document published last (then ingested last) gives the figure used.</p>'
        )
    parts.append(_cross_level(data))
    parts.append("</section>")
    return "\n".join(parts)


def _cross_level(data: ReportData) -> str:
    """Sources one level apart: how often they agree per region, then each disagreement."""
    if not data.cross_agreement:
        return (
            '<h3>Sources one level apart</h3><p class="note">No day in scope has two levels of reports '
            "(a district and its city, a city and its province, a province and the nation) stating the "
            "same cases in the same window.</p>"
        )
    rows = "".join(
        f"<tr><td>{escape(row['region'])}</td><td>{escape(row['compared_with'])}</td>"
        f'<td class="num">{row["pairs"]}</td><td class="num">{row["agreeing"]}</td>'
        f'<td class="num">{row["disagreeing"]}</td><td class="num">{row["share"]:.0%}</td></tr>'
        for row in data.cross_agreement
    )
    parts = [
        "<h3>Sources one level apart</h3>",
        "<p>The same day's figures as a region's own report and the report one level up state them "
        "(same case type, same window; a list that accounts for its whole total gives 0 to the areas "
        "it does not name).</p>",
        '<div class="table-wrap"><table id="cross-agreement"><thead><tr><th>Region</th><th>Compared with</th>'
        '<th class="num">Pairs</th><th class="num">Agree</th><th class="num">Disagree</th>'
        f'<th class="num">Agreeing</th></tr></thead><tbody>{rows}</tbody></table></div>',
    ]
    for pair in data.cross_disagreements:
        window = window_label(pair["window_start_hour"], pair["window_end_hour"])
        upper = "0 (not named in a list of the whole total)" if pair["parent_implied"] else pair["parent_figure"]
        parts.append(
            f'<div class="issue cross-mismatch" data-report-ids="{pair["report_id"]},{pair["parent_report_id"]}">'
            f"<h4>{escape(pair['region'])} · {pair['report_date']} · {window} · {escape(pair['case_type'])}</h4>"
            '<div class="table-wrap"><table><thead><tr><th>Report</th><th>Source</th><th class="num">Figure</th>'
            "<th>Sentence</th></tr></thead><tbody>"
            f"<tr><td>{escape(pair['region'])} ({pair['report_id']})</td><td class=\"source\">{escape(pair['source'])}</td>"
            f'<td class="num">{pair["figure"]}</td><td>{_quote(pair["sentence"])}</td></tr>'
            f"<tr><td>{escape(pair['parent_region'])} ({pair['parent_report_id']})</td>"
            f"<td class=\"source\">{escape(pair['parent_source'])}</td>"
            f'<td class="num">{escape(str(upper))}</td><td>{_quote(pair["parent_sentence"])}</td></tr>'
            "</tbody></table></div></div>"
        )
    return "\n".join(parts)


def _quote(sentence: str) -> str:
    return f'<blockquote class="sentence">{escape(sentence)}</blockquote>'


def sources_section(data: ReportData) -> str:
    statuses = Counter(document["status"] for document in data.sources)
    parts = [
        '<section id="sources"><h2>Sources <small>来源</small></h2>',
        f"<p>{len(data.sources)} documents: {', '.join(f'{n} {escape(s)}' for s, n in sorted(statuses.items()))}.",
    ]
    if not data.scope.is_whole_archive:
        parts.append(
            " Listed: the documents of the reports in scope, and every document that gave no report."
        )
    parts.append("</p>")
    outdated = sum(document["parser_version"] != data.parser_version for document in data.sources)
    if outdated:
        parts.append(
            f'<p class="note">{outdated} documents were parsed by another parser version: '
            "<code>archive reparse</code> parses them again.</p>"
        )
    rows = "".join(
        f'<tr class="status-{escape(d["status"])}"><td class="source">{escape(d["source"])}</td>'
        f"<td>{escape(d['status'])}</td>"
        f'<td class="num">{d["reports"]}</td><td>{escape(d["encoding"] or "")}</td>'
        f'<td class="when">{d["published_on"] or ""}</td><td class="when">{timestamp_label(d["ingested_at"])}</td>'
        f"<td>{escape(d['parser_version'])}</td>"
        f"<td>{escape(d['error'] or '')}</td>"
        f'<td class="source">{escape(found_label(d))}</td></tr>'
        for d in data.sources
    )
    parts.append(
        '<div class="table-wrap"><table id="source-list"><thead><tr><th>Source</th><th>Status</th>'
        '<th class="num">Reports</th><th>Encoding</th><th>Published</th><th>Ingested (UTC)</th><th>Parser</th>'
        f"<th>Error</th><th>Found (UTC)</th></tr></thead><tbody>{rows}</tbody></table></div></section>"
    )
    return "\n".join(parts)
