"""A printed page's text lines put in reading order: column by column, an article's lines in order.

The columns of a page are where its lines stand: the gutters between them are the stretches of
the page's width that (nearly) no line covers. A line that crosses a gutter (a masthead, a
headline over several columns) cuts the page into bands, each read column by column, left to
right. In a column, lines on one baseline are one row (the cells of a table); a row that runs
to the column's right edge wraps on into the next (wrapping.py), a wider gap than a line's
spacing or an indented row starts a new paragraph, and a column's last paragraph goes on at the
top of the next column when it ran to the edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archive.sources.wrapping import Line, join_wrapped, paragraphs

# Narrower stretches of a page between lines are spaces between words or cells, not gutters,
# and a column is at least this many glyphs wide (a table's cells are no columns).
_MIN_GUTTER = 0.5
_MIN_COLUMN = 8
# Share of the page's lines that may cross a gutter (mastheads, headlines over several columns).
_CROSSING_SHARE = 0.05
# A line within this many glyphs of its column's right edge runs to it.
_FULL_LINE_SLACK = 1.5
# Rows further apart than this share of a glyph belong to different paragraphs.
_PARAGRAPH_GAP = 0.6
# A paragraph that ends a sentence at the foot of a column does not go on in the next.
_SENTENCE_ENDS = tuple("。!?！？”」")


@dataclass(frozen=True)
class TextLine:
    """A line of a page: its text and its box, y growing downwards."""

    text: str
    left: float
    right: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return self.bottom - self.top


def page_paragraphs(lines: Sequence[TextLine], width: float) -> list[str]:
    """The page's paragraphs in reading order."""
    if not lines:
        return []
    glyph = sorted(line.size for line in lines)[len(lines) // 2]
    columns = _columns(lines, width, glyph)
    crossing = sorted((line for line in lines if _column_of(line, columns) is None), key=lambda line: (line.top, line.left))
    result: list[str] = []
    band_top = float("-inf")
    for band_bottom in [*sorted({line.top for line in crossing}), float("inf")]:
        in_band = [line for line in lines if band_top <= line.top < band_bottom and _column_of(line, columns) is not None]
        result += _band_paragraphs(in_band, columns, glyph)
        crossing_here = [line for line in crossing if line.top == band_bottom]
        result += [line.text for line in crossing_here]
        band_top = band_bottom
    return result


def _columns(lines: Sequence[TextLine], width: float, glyph: float) -> list[tuple[float, float]]:
    """Column spans (left, right): the page cut at its gutters."""
    step = max(glyph / 4, 1.0)
    cells = int(width / step) + 1
    coverage = [0] * cells
    for line in lines:
        for cell in range(max(int(line.left / step), 0), min(int(line.right / step) + 1, cells)):
            coverage[cell] += 1
    allowed = max(1, int(_CROSSING_SHARE * len(lines)))
    left_edge = min(line.left for line in lines)
    right_edge = max(line.right for line in lines)
    gutters = []
    start = None
    for cell in range(int(left_edge / step), int(right_edge / step) + 1):
        empty = coverage[cell] <= allowed
        if empty and start is None:
            start = cell
        elif not empty and start is not None:
            gutters.append((start * step, cell * step))
            start = None
    gutters = [(low, high) for low, high in gutters if high - low >= _MIN_GUTTER * glyph]
    edges = [left_edge, *(edge for gutter in gutters for edge in gutter), right_edge]
    columns = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    if any(right - left < _MIN_COLUMN * glyph for left, right in columns):
        return [(left_edge, right_edge)]
    return columns


def _column_of(line: TextLine, columns: list[tuple[float, float]]) -> int | None:
    """The column that holds the line, None for one that crosses a gutter (punctuation may hang
    past a column's edge by a glyph)."""
    for index, (left, right) in enumerate(columns):
        if line.left >= left - line.size and line.right <= right + line.size:
            return index
    return None


def _band_paragraphs(lines: list[TextLine], columns: list[tuple[float, float]], glyph: float) -> list[str]:
    result: list[str] = []
    open_paragraph = False  # the previous column's last paragraph ran to its edge
    for index, (left, right) in enumerate(columns):
        rows = _rows(sorted((line for line in lines if _column_of(line, columns) == index), key=lambda line: (line.top, line.left)))
        if not rows:
            continue
        full_from = right - _FULL_LINE_SLACK * glyph
        blocks: list[list[Line]] = [[]]
        for previous, row in zip([None, *rows], rows):
            if previous is not None and row.top - previous.bottom > _PARAGRAPH_GAP * glyph:
                blocks.append([])
            blocks[-1].append(Line(row.text, row.left, row.right, row.size))
        column_paragraphs = [paragraph for block in blocks for paragraph in paragraphs(block, full_from)]
        first_indented = rows[0].left - left > 0.8 * glyph
        if open_paragraph and not first_indented and not result[-1].endswith(_SENTENCE_ENDS):
            result[-1] = join_wrapped(result[-1], column_paragraphs.pop(0))
        result += column_paragraphs
        open_paragraph = rows[-1].right >= full_from
    return result


def _rows(lines: list[TextLine]) -> list[TextLine]:
    """Lines on one baseline made one row, their texts a space apart."""
    rows: list[list[TextLine]] = []
    for line in lines:
        if rows and line.top < rows[-1][0].bottom - line.size / 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda line: line.left)
        merged.append(
            TextLine(
                " ".join(line.text for line in row),
                row[0].left,
                max(line.right for line in row),
                min(line.top for line in row),
                max(line.bottom for line in row),
            )
        )
    return merged
