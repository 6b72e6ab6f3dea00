"""Lines a layout wrapped, joined back into the paragraphs they were (PDF text boxes, OCR lines).

A wrap is a matter of room, not of text: between two digits it must vanish (香坊区3 / 8例 is
38例), and the parser cannot tell it from a line break the page meant. What can tell is the
geometry: a line that runs to the right edge of its block and is followed by one that is not
indented goes on in that line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    left: float
    right: float
    size: float  # the height of its glyphs, the unit of indents and margins


def paragraphs(lines: Sequence[Line], full_from: float) -> list[str]:
    """The paragraphs of a block of lines in reading order: a line whose right edge reaches
    ``full_from`` runs on into the next, unless that one is indented (a paragraph's first line)."""
    if not lines:
        return []
    left = min(line.left for line in lines)
    joined = [lines[0].text]
    for previous, line in zip(lines, lines[1:]):
        indented = line.left - left > 0.8 * line.size
        if previous.right >= full_from and not indented:
            joined[-1] = join_wrapped(joined[-1], line.text)
        else:
            joined.append(line.text)
    return joined


def join_wrapped(first: str, second: str) -> str:
    """Two parts of a wrapped line: a space only between two words of a spaced script (Latin
    letters); Chinese, digits and punctuation join as they were written."""
    spaced = first[-1:].isascii() and second[:1].isascii() and first[-1:].isalpha() and second[:1].isalpha()
    return f"{first} {second}" if spaced else first + second
