"""What reading a document's bytes could not prove, kept with its problems (document.problems).

A module of plain values: the read side (archive check) tells these problems apart from the
parser's without loading the readers.
"""

from dataclasses import dataclass

# A line OCR read with less confidence than its threshold, and left out of the text.
OCR_LOW_CONFIDENCE = "ocr_low_confidence"
READING_PROBLEM_CODES = frozenset({OCR_LOW_CONFIDENCE})


@dataclass(frozen=True)
class ReadingProblem:
    """A problem of reading (code among READING_PROBLEM_CODES): no parse finds it again, so
    `archive reparse` keeps it."""

    code: str
    message: str
