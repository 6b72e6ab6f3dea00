"""Words the report shows for the archive's keys, shared by the HTML and Markdown pages."""

from __future__ import annotations

import datetime as dt

from archive.report.canonical import FIGURES

INGEST_HELP = "archive ingest bulletins/ --recursive"

# Series of the epidemic curve, bottom to top of each stacked bar.
CURVE_SERIES = {
    "confirmed": "confirmed 确诊",
    "asymptomatic": "asymptomatic 无症状",
    "unsplit_positive": "positive, type not stated 阳性(未分型)",
}

# Channel keys of DESIGN.md, in the order legends and tables list them.
CHANNEL_NAMES = {
    "quarantine": "quarantine 隔离管控",
    "community_screening": "community screening 社区筛查",
    "close_contact": "close contacts 密切接触者",
    "cross_region": "cross-region tracing 跨区域协查",
    "key_population": "key populations 重点人员",
    "closed_loop": "closed loop 闭环管理",
    "clinic": "clinic visits 就诊",
    "arrival_testing": "arrival testing 落地检",
    "risk_screening": "risk groups 风险人群排查",
    "converted": "converted 转归",
    "other": "other 其他",
}


def channel_name(key: str) -> str:
    return CHANNEL_NAMES.get(key, key)


def channel_order(keys: set[str]) -> list[str]:
    """Channel keys in the order of CHANNEL_NAMES, keys it lacks last."""
    return [key for key in CHANNEL_NAMES if key in keys] + sorted(keys - set(CHANNEL_NAMES))


def window_label(start_hour: int, end_hour: int) -> str:
    """0–14时, or 15时–次日15时 for a window that ends the next day."""
    if end_hour <= 24:
        return f"{start_hour}–{end_hour}时"
    return f"{start_hour}时–次日{end_hour - 24}时"


def count_label(value: int | None) -> str:
    """A count as shown: blank for NULL (not stated), so that 0 keeps meaning 'none'."""
    return "" if value is None else str(value)


def figures_summary(report: dict) -> str:
    """The figures a report states, e.g. 'confirmed 4 · imported asymptomatic 1'; NULLs left out."""
    stated = [
        f"{column.removeprefix('local_').replace('_', ' ')} {report[column]}"
        for column in FIGURES
        if report[column] is not None
    ]
    return " · ".join(stated) or "no figures stated"


def problems_summary(problems: list[dict]) -> str:
    return "; ".join(f"{p['code']}: {p['message']}" for p in problems)


def areas_note(shown: int, named: int, days: int) -> str:
    which = "every area" if shown == named else f"the top {shown} of {named} areas"
    return (
        f"New local cases of {which}, over the period and on the last {days} days that name areas. "
        "Where a city's and its province's bulletins both name an area, the city's figure is used."
    )


def timestamp_label(value: dt.datetime) -> str:
    """A stored or given time in UTC to the minute, without the zone (headings say UTC); naive
    times are UTC already (DESIGN.md)."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%d %H:%M")


def found_label(source: dict) -> str:
    """Where a listed document was found, when that says more than its source: every place (a
    web archive's record with its capture time, a zip's member), "" for a file found once as itself."""
    found = source["found"]
    if len(found) == 1 and not found[0]["origin"] and found[0]["captured_at"] is None:
        return ""
    return "; ".join(
        # container!origin, as archive.sources names what a container holds
        (f"{place['container']}!{place['origin']}" if place["origin"] else place["container"])
        + (f" (captured {timestamp_label(place['captured_at'])})" if place["captured_at"] else "")
        for place in found
    )


def places_note(days: int) -> str:
    return (
        f"Places never listed before in the archive, per district, on the last {days} days that list places; "
        "the period column counts the whole period."
    )


def day_label(day: dt.date) -> str:
    """Axis and column label of a day: 11-30."""
    return day.strftime("%m-%d")
