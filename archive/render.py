"""Rows to text: table (rich), CSV, JSON and NDJSON on standard output."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence

from typing import TYPE_CHECKING

import click

from archive.query.values import csv_cell, jsonable

# Rich is imported where a table is drawn: the other formats do not pay for loading it.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

FORMATS = ("table", "csv", "json", "ndjson")
WIDTH_OFF_TERMINAL = 200
TABLE_DECIMALS = 4


def to_json(value, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=jsonable)


def emit_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence],
    fmt: str,
    title: str | None = None,
    headers: bool = True,
):
    """Write rows (tuples in the order of ``columns``) in the format asked for; ``headers``
    False leaves out the header line of a table or CSV."""
    if fmt == "table":
        _console().print(_table(columns, rows, title, headers))
    elif fmt == "csv":
        click.echo(_csv(columns, rows, headers), nl=False)
    elif fmt == "json":
        click.echo(to_json([dict(zip(columns, row)) for row in rows]))
    elif fmt == "ndjson":
        for row in rows:
            click.echo(to_json(dict(zip(columns, row)), indent=None))
    else:
        raise ValueError(f"unknown format {fmt!r}")


def emit_dicts(
    rows: Sequence[dict],
    columns: Sequence[str],
    fmt: str,
    title: str | None = None,
    headers: bool = True,
):
    table = [[row.get(column) for column in columns] for row in rows]
    emit_rows(columns, table, fmt, title, headers)


def emit_table_heading(text: str) -> None:
    from rich.text import Text

    _console().print(Text(text, style="bold"))


def _console() -> Console:
    # Created per call so that it writes to the current sys.stdout (tests capture it).
    # Off a terminal there is no width to fit: keep rows on one line where we can.
    from rich.console import Console

    width = None if sys.stdout.isatty() else WIDTH_OFF_TERMINAL
    return Console(highlight=False, width=width)


def _table(
    columns: Sequence[str], rows: Sequence[Sequence], title: str | None, headers: bool
) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False, show_header=headers)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(value) for value in row))
    return table


def _cell(value) -> Text:
    from rich.text import Text

    if value is None:
        return Text("NULL", style="dim")  # NULL (not stated) must not look like 0
    if isinstance(value, float):
        return Text(str(round(value, TABLE_DECIMALS)))
    return Text(str(csv_cell(value)))


def _csv(columns: Sequence[str], rows: Sequence[Sequence], headers: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if headers:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()
