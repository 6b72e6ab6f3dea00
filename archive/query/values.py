"""Values as text: the one way dates, booleans and NULLs are written in CSV and JSON,
for exports and command output alike."""

from __future__ import annotations

import datetime as dt
import decimal


def jsonable(value):
    """``json.dumps`` default: dates as ISO strings, decimals as numbers."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def csv_cell(value) -> str | int | float:
    """A CSV cell: NULL as an empty cell, booleans as true/false (as in JSON), lists comma-separated."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return value
