"""Split normalized text into sentences and clauses, keeping their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。!?\n]")
_CLAUSE_END = re.compile(r"[,;:、()]")
_OPENERS = "("
_CLOSERS = ")"


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    end: int
    depth: int  # parenthesis depth: 1 inside (哈尔滨市5例,…)
    closes_run: bool  # the clause ends a run: ";" at depth 0 or the sentence end


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


def clauses(sentence: Sentence) -> list[Clause]:
    """Clauses of a sentence, split at , ; : 、 and parentheses; parentheses tracked as depth."""
    out: list[Clause] = []
    depth = 0
    clause_start = 0
    text = sentence.text.rstrip("。!?")

    def close(end: int, closes_run: bool) -> None:
        piece = text[clause_start:end]
        if piece.strip():
            out.append(
                Clause(piece, sentence.start + clause_start, sentence.start + end, depth, closes_run)
            )
        elif closes_run and out:  # …治愈);无新增: the ";" after a bracket ends the run of the clause before it
            last = out[-1]
            out[-1] = Clause(last.text, last.start, last.end, last.depth, True)

    for mark in _CLAUSE_END.finditer(text):
        ch, i = mark.group(), mark.start()
        close(i, ch == ";" and depth == 0)
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        clause_start = i + 1
    close(len(text), True)
    if out and not out[-1].closes_run:
        last = out[-1]
        out[-1] = Clause(last.text, last.start, last.end, last.depth, True)
    return out
