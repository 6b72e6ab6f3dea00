"""The whole archive as files: one CSV and one JSON Lines file per table and per view."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import Engine, Table, select

from archive.query.values import csv_cell, jsonable
from archive.query.views import VIEWS
from archive.store.pairs import bring_pairs_up_to_date
from archive.store.tables import metadata

EXPORT_COLUMNS = ("name", "kind", "rows", "csv", "jsonl")
# Views in the order of their natural keys, so that two exports of one archive are identical.
VIEW_ORDER = {
    "daily_report": ("region", "report_date"),
    "district_series": ("region", "report_date", "case_type", "city", "district"),
    "channel_share": ("region", "report_date", "channel"),
    "cross_pair": ("region", "report_date", "case_type", "report_id", "parent_report_id"),
    "cross_check": ("region", "report_date", "case_type", "report_id", "parent_report_id"),
}


def export(engine: Engine, out_dir: str | Path) -> list[dict]:
    """Write NAME.csv and NAME.jsonl into ``out_dir`` (created if needed, files replaced) for
    every table and view; one row per file pair (EXPORT_COLUMNS)."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    bring_pairs_up_to_date(engine)
    written = []
    with engine.connect() as connection:
        for kind, table, order in _sources():
            rows = connection.execution_options(stream_results=True).execute(
                select(table).order_by(*(table.c[name] for name in order))
            )
            paths = folder / f"{table.name}.csv", folder / f"{table.name}.jsonl"
            count = _write(rows, list(rows.keys()), *paths)
            written.append(
                {
                    "name": table.name,
                    "kind": kind,
                    "rows": count,
                    "csv": str(paths[0]),
                    "jsonl": str(paths[1]),
                }
            )
    return written


def _sources() -> list[tuple[str, Table, tuple[str, ...]]]:
    tables = [
        ("table", table, [c.name for c in table.primary_key])
        for table in metadata.sorted_tables
    ]
    views = [("view", VIEWS.tables[name], order) for name, order in VIEW_ORDER.items()]
    return tables + views


def _write(rows, columns: list[str], csv_path: Path, jsonl_path: Path) -> int:
    count = 0
    with (
        csv_path.open("w", encoding="utf-8", newline="") as csv_file,
        jsonl_path.open("w", encoding="utf-8") as jsonl_file,
    ):
        writer = csv.writer(csv_file, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(value) for value in row])
            record = dict(zip(columns, row, strict=True))
            jsonl_file.write(json.dumps(record, ensure_ascii=False, default=jsonable) + "\n")
            count += 1
    return count
