"""The grammar: ordered, named patterns over token kinds (lexicon/patterns.tsv), applied by one engine.

A pattern is written over kind names (NOUN COUNT, NEW? ORIGIN* NOUN COUNT, [AREA TEXT]* AREA COUNT …) and
compiled to a regular expression over the tokens' one-letter kinds (lexer.KINDS), so the engine is one
``finditer`` over a statement's kind string: leftmost match first, and at one position the pattern listed
first wins. Every match is a ``Phrase``: the pattern's name, what it yields and the tokens it covers.

Notation: a kind name (see ``NAMES``), optionally followed by ?, *, + or {m,n}; [A B] any of the kinds,
[^A B] any kind but those; ( … | … ) groups; ~( … ) and !( … ) look ahead (must, must not follow);
^ and $ a clause's start and end; a name defined by a ``macro`` row stands for its tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from archive.parse import lexicon
from archive.parse.lexer import Token, kind_string

NAMES = {
    "NOUN": "N",
    "LOCAL": "O",
    "IMPORTED": "X",
    "NEW": "E",
    "CONV": "V",
    "TRAP": "T",
    "CHANNEL": "H",
    "FOUND": "F",
    "PART": "Q",
    "ALL": "A",
    "EACH": "G",
    "REST": "R",
    "RESPECTIVELY": "B",
    "ABOVE": "L",
    "BESIDES": "P",
    "AND": "&",
    "ZERO": "Z",
    "NONE": "z",
    "NO_NEWS": "W",
    "SELF": "M",
    "AT": "I",
    "IS": "=",
    "RESIDE": "U",
    "THIS": "S",
    "AREA": "a",
    "COUNT": "c",
    "PEOPLE": "k",
    "NUMBER": "n",
    "DATE": "d",
    "TEXT": "t",
    "DASH": "-",
    "COMMA": ",",
    "SEMI": ";",
    "COLON": ":",
    "OPEN": "(",
    "CLOSE": ")",
    "END": ".",
    "BREAK": "|",
}
_SETS = {"ORIGIN": "OX"}
_BOUNDARIES = ",;:.|()"
_CLAUSE_START = f"(?:(?<=[{re.escape(_BOUNDARIES)}])|^)"
_CLAUSE_END = f"(?=[{re.escape(_BOUNDARIES)}]|$)"
_ITEM = re.compile(r"\[\^?|\]|~\(|!\(|\(|\)|\||\^|\$|[A-Z_]+|\?|\*|\+|\{\d*,?\d*\}")
_QUANTIFIER = re.compile(r"[?*+]|\{\d*,?\d*\}")
_OPTIONAL = re.compile(r"[?*]|\{0*,|\{0+\}")  # a quantifier that allows no repetition


@dataclass(frozen=True)
class Pattern:
    name: str
    notation: str
    yields: str
    example: str


@dataclass
class Phrase:
    pattern: Pattern
    tokens: list[Token]
    first: int  # index of its first token among the statement's

    @property
    def yields(self) -> str:
        return self.pattern.yields

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def of(self, *kinds: str) -> list[Token]:
        return [token for token in self.tokens if token.kind in kinds]


class Grammar:
    def __init__(self, rows):
        self.macros: dict[str, str] = {}
        self.macro_notations: dict[str, str] = {}
        self.patterns: list[Pattern] = []
        for name, notation, yields, example in rows:
            if yields == "macro":
                self.macros[name] = self.compile_notation(notation)
                self.macro_notations[name] = notation
            else:
                self.patterns.append(Pattern(name, notation, yields, example))
        # Each pattern is told by the empty group that ends it: a group opening it would stop re from passing
        # over a pattern whose first kind is not the token's at one test.
        alternatives = [f"(?:{self.compile_notation(p.notation)})(?P<p{index}>)" for index, p in enumerate(self.patterns)]
        # The kinds a phrase may start with, looked ahead for first: at any other token re tries no pattern.
        starts = set().union(*(self.first_kinds(p.notation) for p in self.patterns))
        self.regex = re.compile(f"(?=[{re.escape(''.join(sorted(starts)))}])(?:{'|'.join(alternatives)})")

    def compile_notation(self, notation: str) -> str:
        out = []
        in_set = False
        position = 0
        for item in _ITEM.finditer(notation):
            if notation[position : item.start()].strip():
                raise ValueError(f"pattern {notation!r}: cannot read {notation[position:item.start()]!r}")
            position = item.end()
            text = item.group()
            if text in ("[", "[^"):
                in_set = True
                out.append(text)
            elif text == "]":
                in_set = False
                out.append(text)
            elif text == "~(":
                out.append("(?=")
            elif text == "!(":
                out.append("(?!")
            elif text == "(":
                out.append("(?:")
            elif text == "^":
                out.append(_CLAUSE_START)
            elif text == "$":
                out.append(_CLAUSE_END)
            elif text in NAMES:
                out.append(re.escape(NAMES[text]))
            elif text in _SETS:
                out.append(_SETS[text] if in_set else f"[{_SETS[text]}]")
            elif text in self.macros and not in_set:
                out.append(f"(?:{self.macros[text]})")
            elif text.isupper():
                raise ValueError(f"pattern {notation!r}: unknown kind {text}")
            else:
                out.append(text)
        if notation[position:].strip():
            raise ValueError(f"pattern {notation!r}: cannot read {notation[position:]!r}")
        return "".join(out)

    def first_kinds(self, notation: str) -> set[str]:
        """The kinds a match of ``notation`` may start with (more at worst, never fewer)."""
        return self._first(_ITEM.findall(notation), 0)[0]

    def _first(self, items: list[str], position: int) -> tuple[set[str], bool, int]:
        """The alternatives that start at items[position] and run to the end or their group's ")": the kinds
        they may start with, whether one may match nothing, and the index where they end."""
        kinds: set[str] = set()
        none_at_all = False  # an alternative may match nothing
        first, none = set(), True  # of the alternative being read
        while position < len(items) and items[position] != ")":
            item = items[position]
            position += 1
            if item == "|":
                kinds, none_at_all = kinds | first, none_at_all or none
                first, none = set(), True
                continue
            if item in ("^", "$"):
                continue
            if item in ("~(", "!("):  # a lookahead takes no token
                position = self._first(items, position)[2] + 1
                continue
            if item in ("[", "[^"):
                close = items.index("]", position)
                named = {letter for name in items[position:close] for letter in self._letters(name)}
                position = close + 1
                starts, empty = (named if item == "[" else set(NAMES.values()) - named), False
            elif item == "(":
                starts, empty, position = self._first(items, position)
                position += 1
            elif item in self.macros:
                starts, empty = self._first(_ITEM.findall(self.macro_notations[item]), 0)[:2]
            else:
                starts, empty = self._letters(item), False
            if position < len(items) and _QUANTIFIER.fullmatch(items[position]):
                empty = empty or _OPTIONAL.match(items[position]) is not None
                position += 1
            if none:
                first |= starts
                none = empty
        return kinds | first, none_at_all or none, position

    @staticmethod
    def _letters(name: str) -> set[str]:
        return set(_SETS[name]) if name in _SETS else {NAMES[name]}

    def phrases(self, found: list[Token], kinds: str | None = None) -> list[Phrase]:
        """The phrases of a statement's tokens, left to right."""
        kinds = kinds if kinds is not None else kind_string(found)
        out = []
        for match in self.regex.finditer(kinds):
            if match.end() == match.start():
                continue
            pattern = self.patterns[int(match.lastgroup[1:])]
            out.append(Phrase(pattern, found[match.start() : match.end()], match.start()))
        return out


@cache
def grammar(*names: str) -> Grammar:
    """The grammar; given pattern names, a grammar of those patterns alone (in their order) and the macros."""
    rows = lexicon.pattern_rows()
    if names:
        rows = tuple(row for row in rows if row[2] == "macro" or row[0] in names)
    return Grammar(rows)
