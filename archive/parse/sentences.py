"""Split normalized text into sentences, keeping their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。!?\n]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # exclusive, including the closing 。 when there is one
    text: str


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], split at 。!? and line ends."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end() if match.group() != "\n" else match.start()
        if text[pos:stop].strip():
            out.append(Sentence(pos, stop, text[pos:stop]))
        pos = match.end()
    if text[pos:end].strip():  # the last sentence, without a closing mark
        out.append(Sentence(pos, end, text[pos:end]))
    return out
