"""A parsed report in the shape formats.json states expectations in."""

from archive.parse import Report

COUNT_FIELDS = (
    "local_confirmed",
    "local_asymptomatic",
    "local_positive",
    "initial_positive",
    "imported_confirmed",
    "imported_asymptomatic",
    "converted",
)


def report_as_expected_shape(report: Report) -> dict:
    shape = {name: getattr(report, name) for name in COUNT_FIELDS}
    shape.update(
        region=report.region,
        region_level=report.region_level,
        report_date=report.report_date.isoformat(),
        window=[report.window_start_hour, report.window_end_hour],
        districts=sorted(
            ({"case_type": d.case_type, "city": d.city, "district": d.district, "count": d.count} for d in report.districts),
            key=lambda row: tuple(row.values()),
        ),
        channels=sorted(
            ({"case_type": c.case_type, "channel": c.channel, "label": c.label, "count": c.count} for c in report.channels),
            key=lambda row: tuple(row.values()),
        ),
    )
    return shape


def expected_shape(expected: dict) -> dict:
    """The comparable part of a formats.json report (rows sorted, extras removed)."""
    shape = {name: expected[name] for name in COUNT_FIELDS}
    shape.update(
        region=expected["region"],
        region_level=expected["region_level"],
        report_date=expected["report_date"],
        window=expected["window"],
        districts=sorted(expected["districts"], key=lambda row: (row["case_type"], row["city"], row["district"], row["count"])),
        channels=sorted(
            ({k: row[k] for k in ("case_type", "channel", "label", "count")} for row in expected["channels"]),
            key=lambda row: tuple(row.values()),
        ),
    )
    return shape
