"""The reader's wording lives in its lexicon: no regular expression of archive/parse is written with a word of
the vocabulary (case nouns, origins, events, conversions, traps, channels, scope words, zeros, region words) —
expressions remain for shapes such as numbers, dates, windows and area suffixes, and take their words from
the lexicon — and no module of archive/parse is over 400 lines."""

import ast
from pathlib import Path

import pytest

from archive.parse import lexicon

PARSE = Path(__file__).resolve().parent.parent / "archive" / "parse"
MODULES = sorted(PARSE.glob("*.py"))
VOCABULARY_KINDS = ("noun", "origin", "new", "conversion", "trap", "channel", "scope", "zero", "self")
LONGEST_MODULE = 400


def _expression_strings(path: Path) -> list[str]:
    """The literal pieces of every regular expression the module compiles (re.compile's arguments)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "compile":
            for argument in call.args:
                found += [n.value for n in ast.walk(argument) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return found


@pytest.mark.parametrize("path", MODULES, ids=[path.name for path in MODULES])
def test_no_expression_is_written_with_a_word_of_the_vocabulary(path):
    words = {e.surface for e in lexicon.entries() if e.kind in VOCABULARY_KINDS}
    found = sorted({word for string in _expression_strings(path) for word in words if word in string})
    assert not found, f"{path.name} writes words the lexicon holds into its expressions: {found}"


@pytest.mark.parametrize("path", MODULES, ids=[path.name for path in MODULES])
def test_modules_of_the_reader_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LONGEST_MODULE, f"{path.name} has {lines} lines"
