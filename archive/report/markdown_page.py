"""The Markdown report: the HTML report's sections as tables (charts become their figures)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from html import escape

from archive.report.data import HEAT_TABLE_DAYS, ReportData
from archive.report.labels import (
    INGEST_HELP,
    areas_note,
    channel_name,
    channel_order,
    count_label,
    day_label,
    figures_summary,
    found_label,
    places_note,
    problems_summary,
    timestamp_label,
    window_label,
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md(text: object) -> str:
    """Database text made inert in a Markdown table cell or line: HTML escaped, Markdown
    punctuation backslashed, line breaks folded."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(str(text))).replace("\r", " ").replace("\n", " ")


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], numeric_from: int = 99) -> str:
    align = ["---:" if i >= numeric_from else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(data: ReportData) -> str:
    title = "# Epidemic bulletin report" + (
        f" · {md(data.scope.region)}" if data.scope.region else ""
    )
    period = f" · reports from {data.period[0]} to {data.period[1]}" if data.period else ""
    parts = [title, f"Scope: {md(data.scope.describe())}{period}"]
    if data.reports:
        parts += [
            _curve(data),
            _areas(data),
            *([_places(data)] if data.places else []),
            _channels(data),
            _notices(data),
            _quality(data),
            _sources(data),
        ]
    else:
        parts.append(_nothing_to_show(data))
        if data.sources:
            parts.append(_sources(data))
    generated = timestamp_label(data.generated_at)
    parts.append(f"Generated {generated} UTC by archive · parser version {md(data.parser_version)}")
    return "\n\n".join(parts) + "\n"


def _curve(data: ReportData) -> str:
    parts = ["## Epidemic curve"]
    if len(data.curves) > 1:
        parts.append(
            _table(
                [
                    "Region",
                    "Days",
                    "Confirmed",
                    "Asymptomatic",
                    "Positive, type not stated",
                    "First",
                    "Last",
                ],
                [
                    [
                        md(c.region),
                        len(c.days),
                        c.total_of("confirmed"),
                        c.total_of("asymptomatic"),
                        c.total_of("unsplit_positive"),
                        c.days[0].day,
                        c.days[-1].day,
                    ]
                    for c in data.curves
                ],
                numeric_from=1,
            )
        )
    for curve in data.charted_curves:
        parts.append(f"### {md(curve.region)}")
        parts.append(
            _table(
                ["Date", "Window", "Confirmed", "Asymptomatic", "Positive, type not stated"],
                [
                    [
                        d.day,
                        d.window + ("" if d.full_day else " (partial day)"),
                        count_label(d.confirmed),
                        count_label(d.asymptomatic),
                        count_label(d.unsplit_positive),
                    ]
                    for d in curve.days
                ],
                numeric_from=2,
            )
        )
    parts.append(
        "One figure per region and day: the full-day report, else the widest window. "
        "Days without a report are left out; a blank figure is one the bulletin does not state."
    )
    if data.regions_not_charted:
        parts.append(
            f"Daily figures not listed for: {md('、'.join(data.regions_not_charted))} (use `--region`)."
        )
    return "\n\n".join(parts)


def _areas(data: ReportData) -> str:
    if not data.areas:
        return "## Top areas\n\nNo report in scope names its areas."
    rows = [
        [
            md(data.area_label(area)),
            area.total,
            *(count_label(area.by_day.get(day)) for day in data.heat_days),
        ]
        for area in data.areas
    ]
    note = areas_note(len(data.areas), data.area_count, HEAT_TABLE_DAYS)
    table = _table(
        ["Area", "Period", *(day_label(day) for day in data.heat_days)], rows, numeric_from=1
    )
    return f"## Top areas\n\n{table}\n\n{note}"


def _places(data: ReportData) -> str:
    digest = data.places
    most = _table(
        ["Place", "District", "Days", "First", "Last"],
        [[md(p["name"]), md(p["district"]), p["days"], p["first_date"], p["last_date"]] for p in digest.most_listed],
        numeric_from=2,
    )
    new = _table(
        ["District", "Period", *(day_label(day) for day in digest.days)],
        [
            [md(district), sum(digest.new[(city, district)].values()), *(count_label(digest.new[(city, district)].get(day)) for day in digest.days)]
            for city, district in digest.districts
        ],
        numeric_from=1,
    )
    return (
        f"## Places\n\n### Listed on the most days\n\n{most}\n\n"
        f"### Newly listed places per day and district\n\n{new}\n\n{places_note(len(digest.days))}"
    )


def _channels(data: ReportData) -> str:
    if not data.channels:
        return "## How cases were found\n\nNo report in scope says how its cases were found."
    parts = ["## How cases were found"]
    for region in data.charted_channels:
        keys = channel_order(set(region.labels))
        parts.append(f"### {md(region.region)}")
        parts.append(
            _table(
                ["Date", *(md(channel_name(key)) for key in keys), "Total"],
                [
                    [day.day, *(count_label(day.counts.get(key)) for key in keys), day.total]
                    for day in region.days
                ],
                numeric_from=1,
            )
        )
        parts.append(
            _table(
                ["Channel", "Wording", "Cases", "Share"],
                [
                    [
                        md(channel_name(key)),
                        md("、".join(region.labels[key])),
                        count,
                        f"{share:.1%}",
                    ]
                    for key, count, share in region.totals()
                ],
                numeric_from=2,
            )
        )
    return "\n\n".join(parts)


def _notices(data: ReportData) -> str:
    if not data.notices:
        return "## Notices\n\nNo bulletin in scope carries numbered notices."
    parts = ["## Notices"]
    for group in data.notices:
        headline = f" — {md(group.headline)}" if group.headline else ""
        parts.append(f"### {md(group.region)} · {group.report_date}{headline}")
        parts.append(
            "\n".join(f"{notice['ordinal']}. {md(notice['body'])}" for notice in group.notices)
        )
    return "\n\n".join(parts)


def _report_cells(report: dict) -> list[str]:
    window = window_label(report["window_start_hour"], report["window_end_hour"])
    return [md(report["region"]), str(report["report_date"]), window]


def _quality(data: ReportData) -> str:
    parts = [
        "## Data quality",
        (
            f"{len(data.reports)} reports in scope: {len(data.inconsistent)} inconsistent "
            f"(figures that do not add up), {len(data.conflicts)} windows reported differently by different documents, "
            f"{len(data.cross_disagreements)} figures that sources one level apart state differently."
        ),
    ]
    if data.problem_counts:
        parts.append(
            _table(
                ["Problem", "Times"],
                [[md(code), n] for code, n in data.problem_counts.items()],
                numeric_from=1,
            )
        )
    if data.inconsistent:
        parts.append("### Inconsistent reports")
        parts.append(
            _table(
                ["Region", "Date", "Window", "Figures", "Problems", "Source sentence", "Source"],
                [
                    [
                        *_report_cells(r),
                        md(figures_summary(r)),
                        md(problems_summary(r["problems"])),
                        md(r["sentence"]),
                        md(r["source"]),
                    ]
                    for r in data.inconsistent
                ],
            )
        )
    if data.conflicts:
        parts.append("### Conflicting reports")
        rows = [
            [
                *_report_cells(report),
                "used" if rank == 0 else "not used",
                md(report["source"]),
                report["published_on"] or "",
                md(figures_summary(report)),
                md(report["sentence"]),
            ]
            for conflict in data.conflicts
            for rank, report in enumerate(conflict.reports)
        ]
        head = ["Region", "Date", "Window", "", "Source", "Published", "Figures", "Source sentence"]
        parts.append(_table(head, rows))
        parts.append("The document published last (then ingested last) gives the figure used.")
    parts.append(_cross_level(data))
    return "\n\n".join(parts)


def _cross_level(data: ReportData) -> str:
    """Sources one level apart: how often they agree per region, then each disagreement."""
    if not data.cross_agreement:
        return (
            "### Sources one level apart\n\nNo day in scope has two levels of reports (a district and its "
            "city, a city and its province, a province and the nation) stating the same cases in the same window."
        )
    parts = [
        "### Sources one level apart",
        "The same day's figures as a region's own report and the report one level up state them (same case "
        "type, same window; a list that accounts for its whole total gives 0 to the areas it does not name).",
        _table(
            ["Region", "Compared with", "Pairs", "Agree", "Disagree", "Agreeing"],
            [
                [md(r["region"]), md(r["compared_with"]), r["pairs"], r["agreeing"], r["disagreeing"],
                 f"{r['share']:.0%}"]
                for r in data.cross_agreement
            ],  # fmt: skip
            numeric_from=2,
        ),
    ]
    if data.cross_disagreements:
        rows = []
        for pair in data.cross_disagreements:
            window = window_label(pair["window_start_hour"], pair["window_end_hour"])
            cells = [md(pair["region"]), str(pair["report_date"]), window, md(pair["case_type"])]
            upper = pair["parent_figure"]
            if pair["parent_implied"]:
                upper = "0 (not named in a list of the whole total)"
            rows += [
                [*cells, f"{md(pair['region'])} ({pair['report_id']})", pair["figure"],
                 md(pair["sentence"]), md(pair["source"])],
                [*cells, f"{md(pair['parent_region'])} ({pair['parent_report_id']})", md(upper),
                 md(pair["parent_sentence"]), md(pair["parent_source"])],
            ]  # fmt: skip
        head = ["Region", "Date", "Window", "Case type", "Report", "Figure", "Source sentence", "Source"]
        parts.append(_table(head, rows))
    return "\n\n".join(parts)


def _sources(data: ReportData) -> str:
    statuses = Counter(document["status"] for document in data.sources)
    summary = (
        f"{len(data.sources)} documents: "
        + ", ".join(f"{n} {md(s)}" for s, n in sorted(statuses.items()))
        + "."
    )
    rows = [
        [
            md(d["source"]),
            md(d["status"]),
            d["reports"],
            md(d["encoding"] or ""),
            d["published_on"] or "",
            timestamp_label(d["ingested_at"]),
            md(d["parser_version"]),
            md(d["error"] or ""),
            md(found_label(d)),
        ]
        for d in data.sources
    ]
    table = _table(
        [
            "Source",
            "Status",
            "Reports",
            "Encoding",
            "Published",
            "Ingested (UTC)",
            "Parser",
            "Error",
            "Found (UTC)",
        ],
        rows,
    )
    return f"## Sources\n\n{summary}\n\n{table}"


def _nothing_to_show(data: ReportData) -> str:
    extent = data.extent
    if extent["reports"]:
        return (
            f"## Nothing to show\n\nNo report matches {md(data.scope.describe())}. The archive holds "
            f"{extent['reports']} reports from {extent['first_date']} to {extent['last_date']}, of: "
            f"{md('、'.join(extent['regions']))}."
        )
    found = ""
    if extent["documents"]:
        found = f"None of the {extent['documents']} ingested documents holds a bulletin yet. "
    return (
        f"## Nothing to show\n\nNothing to report yet: the archive has no bulletins. {found}Ingest saved bulletins "
        f"(text files, saved web pages, folders of them), then generate this report again:\n\n"
        f"```\n{INGEST_HELP}\narchive report --out report.md --format md\n```"
    )
