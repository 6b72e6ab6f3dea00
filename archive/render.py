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
_NARROWEST_COLUMN = 10  # narrower than this, a table goes to rich
_WORD = re.compile(r"\S+\s*|\s+")
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
    """A table in rich's box characters, laid out directly: rich lays out every cell itself, which takes
    seconds for thousands of rows. Cells that fit are written as rich writes them; in a table wider than
    the console the widest columns are narrowed and their cells wrapped at spaces, a word longer than its
    column folded. None when the table needs rich (a cell with a line break or a control character, or
    columns that cannot narrow enough)."""
    from rich.cells import cell_len

    texts = [[_plain(value) for value in row] for row in rows]
    if not (headers or texts) or any(_CONTROL.search(text) for row in texts for text in row):
        return None
    lengths = [[len(text) if text.isascii() else cell_len(text) for text in row] for row in texts]
    widths = [cell_len(column) if headers else 1 for column in columns]
    for row in lengths:
        widths = [max(width, length) for width, length in zip(widths, row)]
    widths = _narrowed(widths, console.width - 3 * len(widths) - 1)
    if widths is None:
        return None
    styled = console.is_terminal and console.color_system is not None

    def rule(left: str, fill: str, middle: str, right: str) -> str:
        return left + middle.join(fill * (width + 2) for width in widths) + right

    out = []
    if headers:
        header = [cell_len(column) for column in columns]
        out += [rule("┏", "━", "┳", "┓"), *_row_lines(columns, header, widths, ["1"] * len(columns), styled, "┃")]
        out.append(rule("┡", "━", "╇", "┩"))
    else:
        out.append(rule("┌", "─", "┬", "┐"))
    for values, row, row_lengths in zip(rows, texts, lengths):
        out += _row_lines(row, row_lengths, widths, ["2" if value is None else "" for value in values], styled, "│")
    out.append(rule("└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"


def _row_lines(
    cells: Sequence[str], lengths: Sequence[int], widths: Sequence[int], styles: Sequence[str], styled: bool, edge: str
) -> list[str]:
    """A row's lines: one when every cell fits its column (the quick way), else as many as its most wrapped cell takes."""
    if all(map(int.__le__, lengths, widths)):
        padded = (
            _styled(f" {text}{' ' * (width - length)} ", style if styled else "")
            for text, length, width, style in zip(cells, lengths, widths, styles)
        )
        return [edge + edge.join(padded) + edge]
    pieces = [
        [(text, length)] if length <= width else _wrapped(text, width)
        for text, length, width in zip(cells, lengths, widths)
    ]
    out = []
    for index in range(max(map(len, pieces))):
        padded = []
        for cell, width, style in zip(pieces, widths, styles):
            text, length = cell[index] if index < len(cell) else ("", 0)
            padded.append(_styled(f" {text}{' ' * (width - length)} ", style if styled and text else ""))
        out.append(edge + edge.join(padded) + edge)
    return out


def _narrowed(widths: list[int], room: int) -> list[int] | None:
    """Column widths that fit ``room`` characters, the widest narrowed first, none below
    _NARROWEST_COLUMN; None when they cannot fit."""
    widths = list(widths)
    excess = sum(widths) - room
    while excess > 0:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _NARROWEST_COLUMN:
            return None
        next_widest = max((width for index, width in enumerate(widths) if index != widest), default=0)
        step = min(excess, widths[widest] - max(next_widest, _NARROWEST_COLUMN)) or 1
        widths[widest] -= step
        excess -= step
    return widths


def _wrapped(text: str, width: int) -> list[tuple[str, int]]:
    """``text`` in lines of at most ``width`` cells (with their lengths): broken at spaces, a longer word folded."""
    from rich.cells import cell_len

    out: list[tuple[str, int]] = []
    line, length = "", 0
    for word in _WORD.findall(text):
        size = cell_len(word)
        if length + size > width and line:
            out.append((line.rstrip(), cell_len(line.rstrip())))
            line, length = "", 0
            word = word.lstrip()
            size = cell_len(word)
        while size > width:  # a word longer than the column: folded
            cut, taken = 0, 0
            while cut < len(word) and taken + cell_len(word[cut]) <= width - length:
                taken += cell_len(word[cut])
                cut += 1
            out.append((line + word[:cut], length + taken))
            line, length = "", 0
            word = word[cut:]
            size = cell_len(word)
        line += word
        length += size
    if line.rstrip() or not out:
        out.append((line.rstrip(), cell_len(line.rstrip())))
    return out


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
