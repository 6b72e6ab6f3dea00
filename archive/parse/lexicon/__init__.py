"""The reader's vocabulary as data: one entry a line (surface form, kind, value, an example it occurs in).

Files hold the words of one family each (nouns.tsv, traps.tsv …); patterns.tsv holds the grammar. A new
wording is a line here and a row in tests/examples.tsv. The parser version stored with every document
includes a hash of these files, so ``archive reparse`` reads again after any of them changes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Entry:
    surface: str
    kind: str
    value: str
    example: str
    file: str


def _files():
    return sorted(
        (item for item in resources.files(__name__).iterdir() if item.name.endswith(".tsv")), key=lambda item: item.name
    )


def _rows(text: str):
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@cache
def entries() -> tuple[Entry, ...]:
    """Every word entry of the lexicon (patterns.tsv aside)."""
    found = []
    for item in _files():
        if item.name == "patterns.tsv":
            continue
        for fields in _rows(item.read_text(encoding="utf-8")):
            surface, kind, value, example = fields
            found.append(Entry(surface, kind, value, example, item.name))
    return tuple(found)


@cache
def pattern_rows() -> tuple[tuple[str, ...], ...]:
    """The grammar's rows (name, tokens, yields, example), in order."""
    return tuple(tuple(fields) for fields in _rows(resources.files(__name__).joinpath("patterns.tsv").read_text(encoding="utf-8")))


@cache
def words(kind: str, *values: str) -> tuple[str, ...]:
    """Surfaces of a kind (of some of its values), longest first."""
    chosen = (e.surface for e in entries() if e.kind == kind and (not values or e.value in values))
    return tuple(sorted(chosen, key=len, reverse=True))


@cache
def value_of(kind: str) -> dict[str, str]:
    """surface → value for one kind."""
    return {e.surface: e.value for e in entries() if e.kind == kind}


def alternation(surfaces) -> str:
    """A regular-expression alternation of literal surfaces, longest first (for text-level lookups)."""
    return "|".join(map(re.escape, sorted(surfaces, key=len, reverse=True)))


def first_characters(surfaces) -> str:
    """A character set of the surfaces' first characters: looked ahead for before an expression that starts
    with one of them, it lets re pass over every other character at one test."""
    return "[" + "".join(sorted({re.escape(surface[0]) for surface in surfaces})) + "]"


@cache
def lexicon_hash() -> str:
    """A short hash of every lexicon file and the grammar: part of the stored parser version."""
    digest = hashlib.sha256()
    for item in _files():
        digest.update(item.name.encode())
        digest.update(item.read_bytes())
    return digest.hexdigest()[:12]
