"""Tokens of normalized text: one pass, longest match, streamed.

Words come from the lexicon (archive/parse/lexicon/*.tsv) and the gazetteer's area names (full names,
regions' short forms, counties' short forms), matched longest first by an Aho-Corasick automaton; shapes —
numbers, counts, dates and times, punctuation — by one regular expression. Text that is neither is a
``text`` token; spaces are no tokens, and line breaks that normalization keeps are boundaries.

Each token has a one-letter kind (the grammar's alphabet, ``KINDS``), a value and its span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from archive.parse import lexicon
from archive.parse.gazetteer import gazetteer


class Token(NamedTuple):
    kind: str  # one letter of KINDS
    value: object  # a case type, an origin, a count (int), an area name, a date's text …
    start: int
    end: int


# The grammar's alphabet: lexicon kinds (and values) → one letter.
_WORD_LETTERS = {
    "noun": "N",
    "new": "E",
    "conversion": "V",
    "trap": "T",
    "channel": "H",
    "found": "F",
    "connector": "&",
    "self": "M",
    "at": "I",
    "copula": "=",
    "residence": "U",
    "this": "S",
}
_SCOPE_LETTERS = {
    "part": "Q",
    "all": "A",
    "all_in": "Y",
    "each": "G",
    "rest": "R",
    "respectively": "B",
    "above": "L",
    "besides": "P",
}
_ZERO_LETTERS = {"zero": "Z", "none": "z", "no_news": "W"}
AREA, COUNT, PEOPLE, NUMBER, DATE, TEXT = "a", "c", "k", "n", "d", "t"
LOCAL, IMPORTED = "O", "X"
_PUNCTUATION = {",": ",", ";": ";", ":": ":", "(": "(", ")": ")", "。": ".", "!": ".", "?": ".", "\n": "|"}
DASH = "-"
KINDS = {
    **{letter: kind for kind, letter in _WORD_LETTERS.items()},
    **{letter: f"scope:{value}" for value, letter in _SCOPE_LETTERS.items()},
    **{letter: f"zero:{value}" for value, letter in _ZERO_LETTERS.items()},
    LOCAL: "origin:local",
    IMPORTED: "origin:imported",
    AREA: "area",
    COUNT: "count",
    PEOPLE: "people",
    NUMBER: "number",
    DATE: "date",
    TEXT: "text",
    DASH: "dash",
    ",": "comma",
    ";": "semicolon",
    ":": "colon",
    "(": "open",
    ")": "close",
    ".": "sentence end",
    "|": "line break",
}

_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
_DATE = (
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\(?\d{1,2}时?[—\-~至到–―]+(?:\d{1,2}月)?(?:\d{1,2}日|次日)?\d{1,2}时\)?)?"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}日(?:\(?\d{1,2}时?[—\-~至到–―]+(?:\d{1,2}日|次日)?\d{1,2}时\)?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?|\d{4}年|\d{1,2}月份?|\d{1,2}时(?:[—\-~至到–―]+\d{1,2}时)?"
)
_PUNCTUATION_SHAPE = r",;:()。!?\n"
_DASH_SHAPE = r"—\-~–―"
# The lookahead holds every character a shape may start with: the other characters (most of a page) are
# passed over at one test instead of one per alternative.
_SHAPES = re.compile(
    rf"(?=[\d第{_CN_DIGITS}{_PUNCTUATION_SHAPE}{_DASH_SHAPE}])"
    rf"(?:(?P<date>{_DATE})"
    r"|(?P<ordinal>第\d+例)"  # a case's number (第86例), not a count
    r"|(?P<number>\d+(?:\.\d+)?)"
    rf"|(?P<chinese>[{_CN_DIGITS}]+)(?=[例名])"
    rf"|(?P<punct>[{_PUNCTUATION_SHAPE}])"
    rf"|(?P<dash>[{_DASH_SHAPE}]))"
)


# A clause runs up to one of these, which no word may hold (the automaton is built so) and no shape but
# itself takes: the automaton meets nothing of a word there and starts afresh after it, so that a clause
# lexes the same alone as in its page.
_CLAUSE_ENDS = r",;。!?\n"
_CLAUSE = re.compile(rf"[^{_CLAUSE_ENDS}]*[{_CLAUSE_ENDS}]")
_CLAUSE_END = re.compile(rf"[{_CLAUSE_ENDS}]")


class _Words:
    """The automaton of every word: lexicon surfaces and area names, with their token letter and value."""

    def __init__(self):
        import ahocorasick  # here: the read commands never lex, so they never pay for building it

        self.automaton = ahocorasick.Automaton()
        added: dict[str, tuple[str, object]] = {}
        gaz = gazetteer()
        for name in gaz.token_names():
            added[name] = (AREA, name)
        for entry in lexicon.entries():
            letter = self._letter(entry)
            if letter is not None:
                added[entry.surface] = (letter, entry.value)  # a lexicon word wins over an area of its name
        for surface, (letter, value) in added.items():
            if _CLAUSE_END.search(surface):
                raise ValueError(f"{surface!r}: a word may not hold the end of a clause ({_CLAUSE_ENDS})")
            self.automaton.add_word(surface, (len(surface), letter, value))
        self.automaton.make_automaton()
        self.streets = lexicon.words("street")
        self.measures = lexicon.value_of("measure")

    @staticmethod
    def _letter(entry: lexicon.Entry) -> str | None:
        if entry.kind == "scope":
            return _SCOPE_LETTERS[entry.value]
        if entry.kind == "zero":
            return _ZERO_LETTERS[entry.value]
        if entry.kind == "origin":
            return LOCAL if entry.value == "local" else IMPORTED
        if entry.kind == "filler":
            return ""  # matched so that it hides shorter words inside it, then dropped
        return _WORD_LETTERS.get(entry.kind)


@cache
def _words() -> _Words:
    return _Words()


_CHUNK = 4096  # characters lexed at a time: a long page is streamed, never held as one token list
_CHUNK_ENDS = re.compile(r"[,;。\n]")  # no token spans one of these
_new_token = tuple.__new__
_KIND = attrgetter("kind")


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of text[start:end], in order."""
    end = len(text) if end is None else end
    while start < end:
        stop = end
        if end - start > _CHUNK:
            boundary = _CHUNK_ENDS.search(text, start + _CHUNK, end)
            stop = boundary.end() if boundary else end
        yield from _chunk_tokens(text, start, stop)
        start = stop


def word_kinds(text: str) -> set[str]:
    """The kinds of the lexicon's words and areas that ``text`` holds (no shapes): a quick look that tells a
    sentence which no pattern can read from one that needs its tokens."""
    return {letter for _last, (_length, letter, _value) in _words().automaton.iter_long(text)}


def _chunk_tokens(text: str, start: int, end: int) -> list[Token]:
    out = []
    append = out.append
    offset = start
    for clause in _CLAUSE.findall(text, start, end):  # one after the other from start
        for kind, value, first, last in _clause_tokens(clause):
            append(_new_token(Token, (kind, value, first + offset, last + offset)))
        offset += len(clause)
    if offset < end:  # the end of the range, in no clause: lexed in its text (a street's name may follow it)
        out += [_new_token(Token, token) for token in _lex(text, offset, end)]
    return out


@lru_cache(maxsize=4096)  # most clauses come back (女, 33岁, 居住于黄浦区, in every case line of a list)
def _clause_tokens(clause: str) -> tuple[tuple, ...]:
    """The tokens of a clause, their spans in the clause (plain tuples, which the garbage collector stops
    tracking: Tokens it would walk at every full collection)."""
    return tuple(_lex(clause, 0, len(clause)))


def _lex(text: str, start: int, end: int) -> list[tuple]:
    """The tokens of text[start:end] as plain tuples (kind, value, start, end)."""
    words = _words()
    streets = words.streets
    found = []
    # The automaton is given the chunk itself: given the whole text with bounds, it reads the whole text.
    for last, (length, letter, value) in words.automaton.iter_long(text[start:end]):
        last += start
        if letter == AREA and text.startswith(streets, last + 1):
            continue  # 北京东路, 合肥路: a street's name
        found.append((last + 1 - length, -length, 0, letter, value))
    measures = words.measures
    for match in _SHAPES.finditer(text, start, end):
        first, last = match.span()
        kind = match.lastgroup
        group = match.group()
        if kind == "punct":
            letter, value = _PUNCTUATION[group], group
        elif kind == "dash":
            letter, value = DASH, group
        elif kind == "date":
            letter, value = DATE, group
        elif kind == "ordinal":
            letter, value = NUMBER, group
        else:
            value = int(group) if group.isdigit() else to_int(group)
            measure = measures.get(text[last]) if last < end else None
            if measure is None or value is None:
                letter = NUMBER
            else:  # the measure word belongs to the count
                letter = COUNT if measure == "cases" else PEOPLE
                last += 1
        found.append((first, first - last, 1, letter, value))
    found.sort()  # by start, the longest first where two start together, a word before a shape
    out = []
    position = start
    for first, negative_length, _shape, letter, value in found:
        if first < position:
            continue  # inside a longer token that came first
        if first > position and not text[position:first].isspace():
            out.append((TEXT, None, position, first))
        position = first - negative_length
        if letter:
            out.append((letter, value, first, position))
    if position < end and not text[position:end].isspace():
        out.append((TEXT, None, position, end))
    return out


def to_int(text: str) -> int | None:
    """An Arabic or Chinese numeral as an int; None when it is not a whole number."""
    if text.isdigit():
        return int(text)
    if "." in text:
        return None
    return _chinese_numeral(text)


@cache
def _chinese_numeral(text: str) -> int | None:
    import cn2an  # here: importing it takes a tenth of a second that commands which never parse would pay

    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(value) if float(value).is_integer() else None


def kind_string(found: list[Token]) -> str:
    """The tokens' letters, one character a token: what the grammar's patterns match."""
    return "".join(map(_KIND, found))
