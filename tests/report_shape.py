"""A parsed report and an expected one (formats.json, the corpus) in one comparable shape."""

from archive.parse import Report
from archive.parse.model import FIGURES

COUNT_FIELDS = FIGURES
DISTRICT_FIELDS = ("case_type", "city", "district", "count")
CHANNEL_FIELDS = ("case_type", "channel", "label", "count")


def report_as_expected_shape(report: Report) -> dict:
    shape = {name: getattr(report, name) for name in COUNT_FIELDS}
    shape.update(
        region=report.region,
        region_level=report.region_level,
        report_date=report.report_date.isoformat(),
        window=[report.window_start_hour, report.window_end_hour],
        districts=sorted(tuple(getattr(d, f) for f in DISTRICT_FIELDS) for d in report.districts),
        channels=sorted(tuple(getattr(c, f) for f in CHANNEL_FIELDS) for c in report.channels),
    )
    return shape


def expected_shape(expected: dict) -> dict:
    """The comparable part of an expected report (rows sorted, other keys left out)."""
    shape = {name: expected[name] for name in COUNT_FIELDS}
    shape.update(
        region=expected["region"],
        region_level=expected["region_level"],
        report_date=expected["report_date"],
        window=list(expected["window"]),
        districts=sorted(tuple(d[f] for f in DISTRICT_FIELDS) for d in expected["districts"]),
        channels=sorted(tuple(c[f] for f in CHANNEL_FIELDS) for c in expected["channels"]),
    )
    return shape
