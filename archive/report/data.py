"""Everything a report shows, gathered from the query layer into plain values (no SQL, no markup)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine

from archive.parse.model import PARSER_VERSION
from archive.query import report_data
from archive.report.canonical import Conflict, canonical_reports, conflicts, is_full_day
from archive.report.labels import window_label

# Regions drawn as charts of their own; the others are listed in the regions table only.
MAX_REGION_CHARTS = 6
TOP_AREAS = 10
TOP_PLACES = 10
HEAT_TABLE_DAYS = 14
# Where one area is named by several regions' reports on a day (a city's bulletin and its
# province's), the most local report gives its figure, so that no case is counted twice.
LEVEL_RANK = {"district": 0, "city": 1, "province": 2}
# 初筛阳性 are not yet cases: they stay out of area and channel figures.
CASE_TYPES_COUNTED = ("confirmed", "asymptomatic", "positive")


@dataclass(frozen=True)
class Scope:
    region: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def is_whole_archive(self) -> bool:
        return self.region is None and self.date_from is None and self.date_to is None

    def describe(self) -> str:
        dates = "all dates"
        if self.date_from or self.date_to:
            dates = f"{self.date_from or '…'} – {self.date_to or '…'}"
        return f"{self.region or 'all regions'}, {dates}"


@dataclass(frozen=True)
class DayFigures:
    """A region's canonical figures of one day."""

    day: dt.date
    confirmed: int | None
    asymptomatic: int | None
    unsplit_positive: int | None  # the stated positives when neither type is stated
    window: str
    full_day: bool

    @property
    def total(self) -> int:
        return sum(
            v for v in (self.confirmed, self.asymptomatic, self.unsplit_positive) if v is not None
        )


@dataclass
class RegionCurve:
    region: str
    days: list[DayFigures]

    @property
    def total(self) -> int:
        return sum(d.total for d in self.days)

    def total_of(self, series: str) -> int:
        return sum(getattr(d, series) or 0 for d in self.days)

    @property
    def span(self) -> list[dt.date]:
        """Every day from the region's first report to its last: the x axis of its charts."""
        return days_between(self.days[0].day, self.days[-1].day)


@dataclass
class AreaTotal:
    city: str
    district: str
    by_day: dict[dt.date, int]

    @property
    def total(self) -> int:
        return sum(self.by_day.values())


@dataclass
class ChannelDay:
    day: dt.date
    counts: dict[str, int]  # channel key → new local cases

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class RegionChannels:
    region: str
    span: list[dt.date]  # the x axis, as the region's curve
    days: list[ChannelDay]
    labels: dict[str, list[str]]  # channel key → the bulletins' wordings

    def totals(self) -> list[tuple[str, int, float]]:
        """(channel, cases, share of all cases with a channel) over the period, largest first."""
        totals: Counter[str] = Counter()
        for day in self.days:
            totals.update(day.counts)
        everything = sum(totals.values())
        return [
            (key, count, count / everything if everything else 0.0)
            for key, count in totals.most_common()
        ]


@dataclass
class NoticeGroup:
    region: str
    report_date: dt.date
    headline: str | None
    notices: list[dict] = field(default_factory=list)  # ordinal, title, body


@dataclass
class PlaceDigest:
    """The places named for new local cases in the period (address lists, per-case lines)."""

    most_listed: list[dict]  # city, district, name, days, first_date, last_date: most days first
    days: list[dt.date]  # the last days that list places, the columns of the per-day table
    new: dict[tuple[str, str], dict[dt.date, int]]  # (city, district) → day → places never listed before
    listed: dict[tuple[str, str], dict[dt.date, int]]  # (city, district) → day → places listed

    @property
    def districts(self) -> list[tuple[str, str]]:
        """The districts by how many new places they list over the period, most first."""
        return sorted(self.new, key=lambda key: (-sum(self.new[key].values()), key))


@dataclass
class ReportData:
    scope: Scope
    generated_at: dt.datetime
    parser_version: str
    # the whole archive (documents, reports, regions, first_date, last_date) when no report is in
    # scope, to say what it holds instead; else None: reading it costs what the archive holds
    extent: dict | None
    reports: list[dict]
    period: tuple[dt.date, dt.date] | None  # the first and last report date in scope
    curves: list[RegionCurve]  # largest first, all regions in scope
    areas: list[AreaTotal]  # the top areas, largest first
    area_count: int  # areas named in the period, shown or not
    heat_days: list[dt.date]
    channels: list[RegionChannels]
    notices: list[NoticeGroup]
    places: PlaceDigest | None  # None when no report in scope names places
    inconsistent: list[dict]
    conflicts: list[Conflict]
    # Sources one level apart (a district's post and its city's list): the pairs that disagree,
    # with both sentences, and per region how many pairs agree.
    cross_disagreements: list[dict]
    cross_agreement: list[dict]
    problem_counts: dict[str, int]
    sources: list[dict]

    @property
    def charted_curves(self) -> list[RegionCurve]:
        return self.curves[:MAX_REGION_CHARTS]

    @property
    def charted_channels(self) -> list[RegionChannels]:
        return self.channels[:MAX_REGION_CHARTS]

    @property
    def regions_not_charted(self) -> list[str]:
        return [curve.region for curve in self.curves[MAX_REGION_CHARTS:]]

    def area_label(self, area: AreaTotal) -> str:
        """The area's name, after its city's when the areas shown belong to several cities."""
        if area.district == area.city or len({a.city for a in self.areas}) == 1:
            return area.district
        return f"{area.city}{area.district}"


def gather(engine: Engine, scope: Scope, generated_at: dt.datetime) -> ReportData:
    filters = {"region": scope.region, "date_from": scope.date_from, "date_to": scope.date_to}
    reports = report_data.reports_with_sources(engine, **filters)
    chosen = canonical_reports(reports)
    by_id = {report["id"]: report for report in chosen.values()}
    areas = _area_totals(report_data.district_counts_in_scope(engine, **filters), by_id)
    heat_days = sorted({day for area in areas for day in area.by_day})[-HEAT_TABLE_DAYS:]
    curves = _curves(chosen)
    cross_disagreements, cross_agreement = report_data.cross_level(engine, **filters)
    return ReportData(
        scope=scope,
        generated_at=generated_at,
        parser_version=PARSER_VERSION,
        extent=None if reports else report_data.archive_extent(engine),
        reports=reports,
        period=(min(day for _region, day in chosen), max(day for _region, day in chosen))
        if chosen
        else None,
        curves=curves,
        areas=areas[:TOP_AREAS],
        area_count=len(areas),
        heat_days=heat_days,
        channels=_channels(report_data.channel_counts_in_scope(engine, **filters), by_id, curves),
        notices=_notice_groups(report_data.notices_in_scope(engine, **filters)),
        places=_place_digest(engine, filters),
        inconsistent=[report for report in reports if not report["consistent"]],
        conflicts=conflicts(reports),
        cross_disagreements=cross_disagreements,
        cross_agreement=cross_agreement,
        problem_counts=dict(
            Counter(p["code"] for r in reports for p in r["problems"]).most_common()
        ),
        sources=report_data.documents_with_report_counts(engine, **filters),
    )


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _day_figures(report: dict) -> DayFigures:
    confirmed, asymptomatic = report["local_confirmed"], report["local_asymptomatic"]
    unsplit = report["local_positive"] if confirmed is None and asymptomatic is None else None
    return DayFigures(
        day=report["report_date"],
        confirmed=confirmed,
        asymptomatic=asymptomatic,
        unsplit_positive=unsplit,
        window=window_label(report["window_start_hour"], report["window_end_hour"]),
        full_day=is_full_day(report),
    )


def _curves(chosen: dict[tuple[str, dt.date], dict]) -> list[RegionCurve]:
    days_by_region: dict[str, list[DayFigures]] = defaultdict(list)
    for (region, _day), report in sorted(chosen.items()):
        days_by_region[region].append(_day_figures(report))
    curves = [RegionCurve(region, days) for region, days in days_by_region.items()]
    return sorted(curves, key=lambda curve: (-curve.total, curve.region))


def _area_totals(rows: list[dict], canonical_by_id: dict[int, dict]) -> list[AreaTotal]:
    # (city, district, day) → report id → cases that report gives the area that day
    per_report: dict[tuple, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        report = canonical_by_id.get(row["report_id"])
        if report is None or row["case_type"] not in CASE_TYPES_COUNTED:
            continue
        per_report[(row["city"], row["district"], report["report_date"])][row["report_id"]] += row[
            "count"
        ]

    areas: dict[tuple[str, str], AreaTotal] = {}
    for (city, district, day), counts in per_report.items():
        most_local = min(
            counts, key=lambda rid: (LEVEL_RANK.get(canonical_by_id[rid]["region_level"], 3), rid)
        )
        area = areas.setdefault((city, district), AreaTotal(city, district, {}))
        area.by_day[day] = counts[most_local]
    return sorted(areas.values(), key=lambda a: (-a.total, a.city, a.district))


def _channels(
    rows: list[dict], canonical_by_id: dict[int, dict], curves: list[RegionCurve]
) -> list[RegionChannels]:
    counts: dict[str, dict[dt.date, Counter]] = defaultdict(lambda: defaultdict(Counter))
    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        report = canonical_by_id.get(row["report_id"])
        if report is None or row["case_type"] not in CASE_TYPES_COUNTED:
            continue
        region = report["region"]
        counts[region][report["report_date"]][row["channel"]] += row["count"]
        if row["label"] not in labels[region][row["channel"]]:
            labels[region][row["channel"]].append(row["label"])
    # The same region order as the curves, so that both sections read alike.
    return [
        RegionChannels(
            curve.region,
            curve.span,
            [
                ChannelDay(day, dict(by_channel))
                for day, by_channel in sorted(counts[curve.region].items())
            ],
            dict(labels[curve.region]),
        )
        for curve in curves
        if curve.region in counts
    ]


def _notice_groups(rows: list[dict]) -> list[NoticeGroup]:
    """Notices by region and day; a notice repeated by another article of that day is shown once."""
    groups: dict[tuple[str, dt.date], NoticeGroup] = {}
    seen: set[tuple] = set()
    for row in rows:
        key = (row["region"], row["report_date"])
        group = groups.setdefault(
            key, NoticeGroup(row["region"], row["report_date"], row["headline"])
        )
        if (key, row["title"], row["body"]) in seen:
            continue
        seen.add((key, row["title"], row["body"]))
        group.notices.append(
            {"ordinal": row["ordinal"], "title": row["title"], "body": row["body"]}
        )
    return list(groups.values())


def _place_digest(engine: Engine, filters: dict) -> PlaceDigest | None:
    per_day = report_data.places_per_day(engine, **filters)
    if not per_day:
        return None
    new: dict[tuple[str, str], dict[dt.date, int]] = defaultdict(dict)
    listed: dict[tuple[str, str], dict[dt.date, int]] = defaultdict(dict)
    for row in per_day:
        key = (row["city"], row["district"])
        new[key][row["report_date"]] = row["new"]
        listed[key][row["report_date"]] = row["listed"]
    return PlaceDigest(
        most_listed=report_data.places_listed_most(engine, **filters, limit=TOP_PLACES),
        days=sorted({row["report_date"] for row in per_day})[-HEAT_TABLE_DAYS:],
        new=dict(new),
        listed=dict(listed),
    )
