"""The chart sections of the HTML report (curve, areas, channels): ReportData in, markup out.

All text that comes from the database goes through ``escape``.
"""

from __future__ import annotations

from html import escape

from archive.report.data import HEAT_TABLE_DAYS, RegionChannels, RegionCurve, ReportData
from archive.report.labels import (
    CURVE_SERIES,
    areas_note,
    channel_name,
    channel_order,
    count_label,
    day_label,
)
from archive.report.svg import Bar, Row, Segment, horizontal_bars, stacked_bars

CURVE_COLOURS = {"confirmed": "#c0392b", "asymptomatic": "#e6a23c", "unsplit_positive": "#8e6fbf"}
CHANNEL_COLOURS = {
    "quarantine": "#4e79a7",
    "community_screening": "#f28e2b",
    "close_contact": "#e15759",
    "cross_region": "#76b7b2",
    "key_population": "#59a14f",
    "closed_loop": "#edc948",
    "clinic": "#b07aa1",
    "arrival_testing": "#ff9da7",
    "risk_screening": "#9c755f",
    "converted": "#2f4b7c",
    "other": "#bab0ac",
}
AREA_COLOUR = "#b03a2e"


def _legend(names: dict[str, str], colours: dict[str, str], extra: str = "") -> str:
    items = "".join(
        f'<span><i class="swatch" style="background:{colours.get(key, "#999")}"></i>{escape(name)}</span>'
        for key, name in names.items()
    )
    return f'<div class="legend">{items}{extra}</div>'


def _num(value: int | None) -> str:
    return f'<td class="num">{count_label(value)}</td>'


def curve_section(data: ReportData) -> str:
    charted_days = [day for curve in data.charted_curves for day in curve.days]
    stated = {series for day in charted_days for series in CURVE_SERIES if getattr(day, series)}
    partial = any(not day.full_day for day in charted_days)
    parts = [
        '<section id="curve"><h2>Epidemic curve <small>新增本土病例</small></h2>',
        _legend(
            {series: name for series, name in CURVE_SERIES.items() if series in stated},
            CURVE_COLOURS,
            '<span><i class="swatch partial"></i>partial day 非全天 (e.g. 0–14时)</span>'
            if partial
            else "",
        ),
    ]
    for index, curve in enumerate(data.charted_curves, start=1):
        parts.append(
            f"<h3>{escape(curve.region)} <small>{len(curve.days)} of {len(curve.span)} days reported · "
            f"{curve.total} new local cases</small></h3>"
        )
        parts.append(
            stacked_bars(
                _curve_bars(curve),
                CURVE_COLOURS,
                CURVE_SERIES,
                element_id=f"curve-{index}",
                css_class="epidemic-curve",
                title=f"{curve.region}: daily new local cases",
                data={"data-region": curve.region},
            )
        )
    parts.append(
        '<p class="note">One figure per region and day: the full-day report, else the widest window '
        "(paler bars: a partial day). An empty slot is a day without a report, not a zero.</p>"
    )
    if data.regions_not_charted:
        parts.append(
            f'<p class="note">Not charted: {escape("、".join(data.regions_not_charted))} '
            "(see the table; <code>--region</code> draws one region).</p>"
        )
    if len(data.curves) > 1:
        parts.append(_regions_table(data))
    parts.append("</section>")
    return "\n".join(parts)


def _curve_bars(curve: RegionCurve) -> list[Bar]:
    by_day = {figures.day: figures for figures in curve.days}
    bars = []
    for day in curve.span:
        figures = by_day.get(day)
        if figures is None:
            bars.append(Bar(day.isoformat(), day_label(day), ()))
            continue
        segments = tuple(
            Segment(series, getattr(figures, series))
            for series in CURVE_SERIES
            if getattr(figures, series) is not None
        )
        note = figures.window + ("" if figures.full_day else ", partial day")
        bars.append(
            Bar(day.isoformat(), day_label(day), segments, note, faded=not figures.full_day)
        )
    return bars


def _regions_table(data: ReportData) -> str:
    rows = "".join(
        f'<tr><td>{escape(c.region)}</td><td class="num">{len(c.days)}</td>{_num(c.total_of("confirmed"))}'
        f"{_num(c.total_of('asymptomatic'))}{_num(c.total_of('unsplit_positive'))}"
        f"<td>{c.days[0].day}</td><td>{c.days[-1].day}</td></tr>"
        for c in data.curves
    )
    return (
        '<div class="table-wrap"><table id="regions"><thead><tr><th>Region</th><th class="num">Days</th>'
        '<th class="num">Confirmed</th><th class="num">Asymptomatic</th><th class="num">Positive, type not stated</th>'
        f"<th>First</th><th>Last</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def areas_section(data: ReportData) -> str:
    parts = ['<section id="areas"><h2>Top areas <small>各区县新增</small></h2>']
    if not data.areas:
        parts.append('<p class="note">No report in scope names its areas.</p></section>')
        return "\n".join(parts)
    rows = [Row(data.area_label(area), area.total, area.city) for area in data.areas]
    title = "New local cases per area over the period"
    parts.append(
        horizontal_bars(
            rows, AREA_COLOUR, element_id="top-areas", css_class="top-areas", title=title
        )
    )
    largest = (
        max(max(area.by_day.values()) for area in data.areas) or 1
    )  # all zero: no division by it
    head = "".join(f'<th class="num" title="{day}">{day_label(day)}</th>' for day in data.heat_days)
    body = []
    for area in data.areas:
        cells = []
        for day in data.heat_days:
            value = area.by_day.get(day)
            attributes = f'data-area="{escape(area.district)}" data-city="{escape(area.city)}" data-date="{day}"'
            if value is None:
                cells.append(f'<td class="num empty" {attributes}></td>')
                continue
            strength = 0.12 + 0.78 * value / largest
            ink = "#fff" if strength > 0.55 else "#222"
            style = f"background:rgba(176,58,46,{strength:.2f});color:{ink}"
            cells.append(f'<td class="num" {attributes} style="{style}">{value}</td>')
        body.append(
            f'<tr><th scope="row">{escape(data.area_label(area))}</th>'
            f'<td class="num total">{area.total}</td>{"".join(cells)}</tr>'
        )
    parts.append(
        '<div class="table-wrap"><table id="area-heat" class="heat"><thead><tr><th>Area</th>'
        f'<th class="num">Period</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )
    parts.append(
        f'<p class="note">{escape(areas_note(len(data.areas), data.area_count, HEAT_TABLE_DAYS))}</p>'
    )
    parts.append("</section>")
    return "\n".join(parts)


def _channel_bars(region: RegionChannels, keys: list[str]) -> list[Bar]:
    counts = {day.day: day.counts for day in region.days}
    bars = []
    for day in region.span:
        of_day = counts.get(day, {})
        bars.append(
            Bar(
                day.isoformat(),
                day_label(day),
                tuple(Segment(k, of_day[k]) for k in keys if k in of_day),
            )
        )
    return bars


def channels_section(data: ReportData) -> str:
    parts = ['<section id="channels"><h2>How cases were found <small>发现途径</small></h2>']
    if not data.channels:
        parts.append(
            '<p class="note">No report in scope says how its cases were found.</p></section>'
        )
        return "\n".join(parts)
    names = {
        key: channel_name(key)
        for key in channel_order({key for c in data.channels for key in c.labels})
    }
    parts.append(_legend(names, CHANNEL_COLOURS))
    for index, region in enumerate(data.charted_channels, start=1):
        parts.append(f"<h3>{escape(region.region)}</h3>")
        parts.append(
            stacked_bars(
                _channel_bars(region, list(names)),
                CHANNEL_COLOURS,
                names,
                element_id=f"channels-{index}",
                css_class="channel-composition",
                title=f"{region.region}: share of new local cases by channel",
                data={"data-region": region.region},
                as_shares=True,
            )
        )
        rows = "".join(
            f'<tr><td><i class="swatch" style="background:{CHANNEL_COLOURS.get(key, "#999")}"></i>'
            f"{escape(channel_name(key))}</td><td>{escape('、'.join(region.labels[key]))}</td>"
            f'<td class="num">{count}</td><td class="num">{share:.1%}</td></tr>'
            for key, count, share in region.totals()
        )
        parts.append(
            '<div class="table-wrap"><table class="channel-totals"><thead><tr><th>Channel</th><th>Wording</th>'
            f'<th class="num">Cases</th><th class="num">Share</th></tr></thead><tbody>{rows}</tbody></table></div>'
        )
    parts.append(
        '<p class="note">Each bar splits the day\'s new local cases whose channel the bulletin states; the number '
        "above it (up to 31 days) or its tooltip gives them. An empty slot is a day whose bulletin names no channel."
        "</p></section>"
    )
    return "\n".join(parts)
