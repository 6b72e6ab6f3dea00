"""Rows to text: table (rich), CSV, JSON and NDJSON on standard output."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

import click

from archive.query.values import csv_cell, jsonable

# Rich is imported where a table is drawn: the other formats do not pay for loading it.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

FORMATS = ("table", "csv", "json", "ndjson")
# Characters rich would not print as they are (line breaks, tabs, escapes): such tables go through rich.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
WIDTH_OFF_TERMINAL = 200
TABLE_DECIMALS = 4
CSV_ROWS_AT_ONCE = 1000


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
        console = _console()
        fast = None if title else _fast_table(columns, rows, headers, console)
        if fast is None:
            console.print(_table(columns, rows, title, headers))
        else:
            console.file.write(fast)
    elif fmt == "csv":
        for chunk in _csv(columns, rows, headers):
            click.echo(chunk, nl=False)
    elif fmt == "json":
        click.echo(to_json([dict(zip(columns, row)) for row in rows]))
    elif fmt == "ndjson":
        for row in rows:
            click.echo(to_json(dict(zip(columns, row)), indent=None))
    else:
        raise ValueError(f"unknown format {fmt!r}")


def emit_dicts(
    rows: Iterable[dict],
    columns: Sequence[str],
    fmt: str,
    title: str | None = None,
    headers: bool = True,
):
    """Dicts as emit_rows writes rows; CSV, JSON and NDJSON are written as the dicts come (a
    table is laid out once all are there)."""
    table = ([row.get(column) for column in columns] for row in rows)
    emit_rows(columns, list(table) if fmt == "table" else table, fmt, title, headers)


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


def _fast_table(columns: Sequence[str], rows: Sequence[Sequence], headers: bool, console: Console) -> str | None:
    """What rich prints for a table whose cells fit on one line each, written directly: rich lays
    out every cell itself, which takes seconds for thousands of rows. None when the table needs
    rich (a cell with a line break or a control character, or a table wider than the console)."""
    from rich.cells import cell_len

    texts = [[_plain(value) for value in row] for row in rows]
    if not (headers or texts) or any(_CONTROL.search(text) for row in texts for text in row):
        return None
    lengths = [[len(text) if text.isascii() else cell_len(text) for text in row] for row in texts]
    widths = [cell_len(column) if headers else 1 for column in columns]
    for row in lengths:
        widths = [max(width, length) for width, length in zip(widths, row)]
    if sum(widths) + 3 * len(widths) + 1 > console.width:
        return None
    styled = console.is_terminal and console.color_system is not None

    def line(cells: Sequence[str], cell_lengths: Sequence[int], styles: Sequence[str], edge: str) -> str:
        padded = [
            _styled(f" {text}{' ' * (width - length)} ", style if styled else "")
            for text, length, width, style in zip(cells, cell_lengths, widths, styles)
        ]
        return edge + edge.join(padded) + edge

    def rule(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (width + 2) for width in widths) + right

    out = []
    if headers:
        header = line(columns, [cell_len(column) for column in columns], ["1"] * len(columns), "┃")
        out += [rule("┏", "━", "┳", "┓"), header, rule("┡", "━", "╇", "┩")]
    else:
        out.append(rule("┌", "─", "┬", "┐"))
    for values, row, row_lengths in zip(rows, texts, lengths):
        out.append(line(row, row_lengths, ["2" if value is None else "" for value in values], "│"))
    out.append(rule("└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"


def _styled(text: str, sgr: str) -> str:
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr else text


def _cell(value) -> Text:
    from rich.text import Text

    # NULL (not stated) must not look like 0
    return Text(_plain(value), style="dim" if value is None else "")


def _plain(value) -> str:
    if type(value) is str:  # most cells: the quick way out
        return value
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return str(round(value, TABLE_DECIMALS))
    return str(csv_cell(value))


def _csv(columns: Sequence[str], rows: Iterable[Sequence], headers: bool) -> Iterator[str]:
    """CSV text, CSV_ROWS_AT_ONCE rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if headers:
        writer.writerow(columns)
    remaining = iter(rows)
    while batch := list(islice(remaining, CSV_ROWS_AT_ONCE)):
        writer.writerows([csv_cell(value) for value in row] for row in batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
