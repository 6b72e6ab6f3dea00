"""Inline SVG charts drawn by hand: every label is a <text> element, so Chinese is set in the
reader's own fonts, and the page needs no script or chart library."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 800
MAX_AXIS_LABELS = 14
MAX_VALUE_LABELS = 31  # above this many bars, values live in the tooltips only
MAX_BAR_WIDTH = 64  # a few days' bars stay bars, not blocks


@dataclass(frozen=True)
class Segment:
    series: str
    value: int


@dataclass(frozen=True)
class Bar:
    """One day's stack; a bar with no segments is an empty slot (a day with no report), one whose
    segments are all 0 is a stated zero."""

    key: str  # ISO date, written to the segments' data-date
    axis_label: str
    segments: tuple[Segment, ...]
    note: str = ""  # added to each segment's tooltip
    faded: bool = False

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


@dataclass(frozen=True)
class Row:
    label: str
    value: int
    note: str = ""


def _attrs(attributes: Mapping[str, object]) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in attributes.items())


def _svg_start(
    element_id: str, css_class: str, height: int, title: str, data: Mapping[str, str] | None = None
) -> str:
    return (
        f'<svg id="{escape(element_id)}" class="chart {escape(css_class)}" viewBox="0 0 {WIDTH} {height}"'
        f' role="img" aria-label="{escape(title)}"{_attrs(data or {})}>'
    )


def _text_width(text: str, size: float) -> float:
    """Rough rendered width: CJK characters are square, others about half as wide."""
    return sum(size if ord(char) > 0x2E80 else size * 0.6 for char in text)


def _nice_axis(maximum: int) -> tuple[int, int]:
    """A round top value and step for a y axis of about four intervals."""
    if maximum <= 4:
        return 4, 1
    rough = maximum / 4
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    return step * math.ceil(maximum / step), step


def stacked_bars(
    bars: Sequence[Bar],
    colours: Mapping[str, str],
    names: Mapping[str, str],
    *,
    element_id: str,
    css_class: str,
    title: str,
    data: Mapping[str, str] | None = None,
    as_shares: bool = False,
) -> str:
    """Vertical stacked bars, one slot per bar, each topped by its total; ``as_shares`` scales
    every stack to 100 %."""
    height, left, right, top, bottom = 260, 48, 12, 18, 34
    plot_width, plot_height = WIDTH - left - right, height - top - bottom
    show_values = len(bars) <= MAX_VALUE_LABELS
    largest = max((bar.total for bar in bars), default=0)
    # Headroom above the tallest bar for its value label.
    y_top, y_step = (
        (100, 25)
        if as_shares
        else _nice_axis(math.ceil(largest * 1.08) if show_values else largest)
    )
    slot = plot_width / max(len(bars), 1)
    bar_width = min(MAX_BAR_WIDTH, max(1.0, slot * 0.72))
    label_every = math.ceil(len(bars) / MAX_AXIS_LABELS) or 1
    baseline = top + plot_height

    parts = [_svg_start(element_id, css_class, height, title, data)]
    for tick in range(0, y_top + 1, y_step):
        y = baseline - plot_height * tick / y_top
        parts.append(
            f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        tick_text = f"{tick}%" if as_shares else str(tick)
        parts.append(
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick_text}</text>'
        )
    for index, bar in enumerate(bars):
        x = left + index * slot + (slot - bar_width) / 2
        y = baseline
        for segment in bar.segments:
            if segment.value <= 0:
                continue
            share = segment.value / bar.total if bar.total else 0
            size = plot_height * (share * 100 if as_shares else segment.value) / y_top
            y -= size
            tooltip = f"{bar.key} · {names.get(segment.series, segment.series)}: {segment.value}"
            tooltip += f" ({share:.0%})" if as_shares else ""
            tooltip += f" · {bar.note}" if bar.note else ""
            parts.append(
                f'<rect class="segment{" faded" if bar.faded else ""}" x="{x:.1f}" y="{y:.1f}"'
                f' width="{bar_width:.1f}" height="{size:.1f}" fill="{colours.get(segment.series, "#999")}"'
                f"{_attrs({'data-date': bar.key, 'data-series': segment.series, 'data-value': segment.value})}>"
                f"<title>{escape(tooltip)}</title></rect>"
            )
        centre = x + bar_width / 2
        if (
            bar.segments and bar.total == 0
        ):  # a stated zero: a sliver, so that it differs from no report
            tooltip = f"{bar.key}: 0" + (f" · {bar.note}" if bar.note else "")
            parts.append(
                f'<rect class="zero" x="{x:.1f}" y="{baseline - 2}" width="{bar_width:.1f}" height="2"'
                f' data-date="{bar.key}"><title>{escape(tooltip)}</title></rect>'
            )
        if show_values and bar.segments:
            value = f'<text class="value" x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle">{bar.total}</text>'
            parts.append(value)
        if index % label_every == 0:
            parts.append(
                f'<text class="tick" x="{centre:.1f}" y="{baseline + 16}" text-anchor="middle">'
                f"{escape(bar.axis_label)}</text>"
            )
    parts.append(
        f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{baseline}" y2="{baseline}"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def horizontal_bars(
    rows: Sequence[Row], colour: str, *, element_id: str, css_class: str, title: str
) -> str:
    """One labelled bar per row, longest first as given; the value is written after the bar."""
    row_height, top, font_size = 26, 6, 13
    left = min(220, max(60, max((_text_width(r.label, font_size) for r in rows), default=0) + 16))
    value_room = 48
    height = top * 2 + row_height * len(rows)
    largest = max((row.value for row in rows), default=0) or 1
    parts = [_svg_start(element_id, css_class, height, title)]
    for index, row in enumerate(rows):
        y = top + index * row_height
        length = (WIDTH - left - value_room) * row.value / largest
        tooltip = f"{row.label}: {row.value}" + (f" · {row.note}" if row.note else "")
        parts.append(
            f'<text class="label" x="{left - 8:.0f}" y="{y + 17}" text-anchor="end">{escape(row.label)}</text>'
            f'<rect class="segment" x="{left:.0f}" y="{y + 4}" width="{max(length, 1):.1f}" height="{row_height - 8}"'
            f' fill="{colour}"{_attrs({"data-area": row.label, "data-value": row.value})}>'
            f"<title>{escape(tooltip)}</title></rect>"
            f'<text class="value" x="{left + length + 6:.1f}" y="{y + 17}">{row.value}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
