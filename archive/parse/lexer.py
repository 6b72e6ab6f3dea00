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
from functools import cache
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
_SHAPES = re.compile(
    rf"(?P<date>{_DATE})"
    r"|(?P<ordinal>第\d+例)"  # a case's number (第86例), not a count
    r"|(?P<number>\d+(?:\.\d+)?)"
    rf"|(?P<chinese>[{_CN_DIGITS}]+)(?=[例名])"
    r"|(?P<punct>[,;:()。!?\n])"
    r"|(?P<dash>[—\-~–―])"
)


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


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of text[start:end], in order."""
    end = len(text) if end is None else end
    words = _words()
    word_matches = words.automaton.iter_long(text, start, end)
    shape_matches = _SHAPES.finditer(text, start, end)
    word = _next_word(word_matches)
    shape = next(shape_matches, None)
    position = start
    while word is not None or shape is not None:
        if shape is None or (word is not None and (word[0] < shape.start() or word[0] == shape.start() and word[1] >= shape.end())):
            token_start, token_end, letter, value = word
            word = _next_word(word_matches)
            if letter == AREA and text.startswith(words.streets, token_end):
                continue  # 北京东路, 合肥路: a street's name
        else:
            token_start, token_end = shape.span()
            letter, value = _shape_token(text, shape, words.measures, end)
            if letter == COUNT or letter == PEOPLE:
                token_end += 1  # the measure word belongs to the count
            shape = next(shape_matches, None)
        if token_start < position:
            continue  # inside a longer token that came first
        if token_start > position:
            gap = text[position:token_start]
            if not gap.isspace():
                yield Token(TEXT, None, position, token_start)
        position = token_end
        if letter:
            yield Token(letter, value, token_start, token_end)
    if position < end and not text[position:end].isspace():
        yield Token(TEXT, None, position, end)


def _next_word(matches):
    found = next(matches, None)
    if found is None:
        return None
    last, (length, letter, value) = found
    return last + 1 - length, last + 1, letter, value


def _shape_token(text: str, match: re.Match, measures: dict[str, str], end: int) -> tuple[str, object]:
    kind = match.lastgroup
    if kind == "punct":
        return _PUNCTUATION[match.group()], match.group()
    if kind == "dash":
        return DASH, match.group()
    if kind in ("date", "ordinal"):
        return (DATE if kind == "date" else NUMBER), match.group()
    after = match.end()
    measure = measures.get(text[after]) if after < end else None
    value = to_int(match.group())
    if measure is None or value is None:
        return NUMBER, value
    return (COUNT if measure == "cases" else PEOPLE), value


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
    return "".join(token.kind for token in found)
