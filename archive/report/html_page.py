"""The HTML report: one self-contained page (inline style and SVG, no script, no URL)."""

from __future__ import annotations

from html import escape

from archive.report.data import ReportData
from archive.report.html_charts import areas_section, channels_section, curve_section
from archive.report.html_records import notices_section, places_section, quality_section, sources_section
from archive.report.labels import INGEST_HELP, timestamp_label

# Fonts the reader already has: CJK families of the common systems, then the generic family.
STYLE = """
body { margin: 0; background: #f6f5f2; color: #222; line-height: 1.55;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 10px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
h4 { font-size: 15px; margin: 0 0 4px; }
h2 small, h3 small { color: #777; font-weight: normal; font-size: 14px; margin-left: 6px; }
.meta, .note, .muted { color: #6b6b6b; font-size: 13px; }
nav { margin: 10px 0 0; font-size: 14px; }
nav a { color: #2f4b7c; margin-right: 14px; text-decoration: none; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0 4px; }
.stat { background: #fff; border: 1px solid #e3e0da; border-radius: 8px; padding: 6px 14px;
  font-size: 13px; color: #555; }
.stat b { display: block; font-size: 22px; color: #222; }
section { background: #fff; border: 1px solid #e3e0da; border-radius: 10px; padding: 18px 22px; margin: 16px 0; }
svg.chart { display: block; width: 100%; height: auto; margin: 4px 0 8px; }
svg text { font-size: 12px; fill: #444; }
svg .tick { font-size: 11px; fill: #777; }
svg .value { font-size: 10px; fill: #333; }
svg .label { font-size: 13px; fill: #333; }
svg .grid { stroke: #ecebe7; }
svg .axis { stroke: #999; }
svg rect.faded { fill-opacity: 0.5; }
svg rect.zero { fill: #777; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; margin: 4px 0 6px; }
.swatch.partial { background: #e6a23c; opacity: 0.5; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px;
  vertical-align: -1px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
th, td { padding: 4px 8px; border-bottom: 1px solid #eeece8; text-align: left; vertical-align: top; }
thead th { font-weight: 600; color: #555; border-bottom: 1px solid #ccc; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.when { white-space: nowrap; }
.source { overflow-wrap: anywhere; min-width: 8em; }
table.heat { width: auto; font-size: 13px; }
table.heat th, table.heat td { padding: 4px 5px; white-space: nowrap; }
table.heat td.num { text-align: center; min-width: 2.4em; }
table.heat td.total { font-weight: 600; padding-right: 10px; }
table#places-most-listed { width: auto; }
table.problem-counts { width: auto; }
.issue { border-top: 1px solid #eee; padding: 10px 0; }
blockquote.sentence { margin: 6px 0; padding: 6px 10px; background: #fbf7ec; border-left: 3px solid #e6a23c;
  font-size: 14px; }
ol.notices li { margin: 4px 0; }
tr.status-failed td { color: #a33; }
pre { background: #f0eee9; padding: 10px 14px; border-radius: 6px; overflow-x: auto; }
footer { padding-bottom: 32px; }
"""

SECTIONS = [
    ("curve", "Curve", curve_section),
    ("areas", "Areas", areas_section),
    ("places", "Places", places_section),
    ("channels", "Channels", channels_section),
    ("notices", "Notices", notices_section),
    ("quality", "Data quality", quality_section),
    ("sources", "Sources", sources_section),
]


def render_html(data: ReportData) -> str:
    if data.reports:
        # The places section only when the period has places (district posts, case lines).
        sections = [section for section in SECTIONS if section[0] != "places" or data.places]
        body = [_stats(data), *(render(data) for _anchor, _name, render in sections)]
        nav = "".join(f'<a href="#{anchor}">{name}</a>' for anchor, name, _render in sections)
    else:
        body = [_nothing_to_show(data)] + ([sources_section(data)] if data.sources else [])
        nav = ""
    period = f" · reports from {data.period[0]} to {data.period[1]}" if data.period else ""
    main = "\n".join(body)
    caveat = (
        " · figures as the bulletins state them; Data quality lists the exceptions."
        if data.reports
        else ""
    )
    title = "Epidemic bulletin report" + (f" · {data.scope.region}" if data.scope.region else "")
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{escape(title)} <small class="muted">疫情通报</small></h1>
<p class="meta">Scope: {escape(data.scope.describe())}{period}</p>
<nav>{nav}</nav>
</header>
<main>
{main}
</main>
<footer><p class="meta">Generated {timestamp_label(data.generated_at)} UTC by archive · parser version
{escape(data.parser_version)}{caveat}</p></footer>
</body>
</html>
"""


def _stats(data: ReportData) -> str:
    figures = [
        (len(data.reports), "reports"),
        (sum(1 for d in data.sources if d["reports"]), "documents"),
        (len(data.curves), "regions"),
        (len({report["report_date"] for report in data.reports}), "days reported"),
        (len(data.inconsistent), "inconsistent"),
        (len(data.conflicts), "conflicts"),
        (len(data.cross_disagreements), "sources one level apart disagree"),
    ]
    stats = "".join(f'<div class="stat"><b>{n}</b>{label}</div>' for n, label in figures)
    return f'<div class="stats">{stats}</div>'


def _nothing_to_show(data: ReportData) -> str:
    extent = data.extent
    if extent["reports"]:
        regions = "、".join(extent["regions"])
        message = (
            f"<p>No report matches <b>{escape(data.scope.describe())}</b>. The archive holds {extent['reports']} "
            f"reports from {extent['first_date']} to {extent['last_date']}, of: {escape(regions)}.</p>"
        )
    else:
        found = ""
        if extent["documents"]:
            found = f"None of the {extent['documents']} ingested documents holds a bulletin yet. "
        message = (
            f"<p>Nothing to report yet: the archive has no bulletins. {found}Ingest saved bulletins "
            "(text files, saved web pages, folders of them), then generate this report again:</p>"
            f"<pre>{escape(INGEST_HELP)}\narchive report --out report.html</pre>"
        )
    return f'<section id="empty"><h2>Nothing to show</h2>{message}</section>'
