"""What a statement's tokens say, before any report: its count-noun pairs, a conversion's wording, the local
counts of one sentence, and what kind of sentence it is for the bulletin it follows."""

from __future__ import annotations

import re

from archive.parse import lexicon
from archive.parse.case_lines import CASE_NUMBER
from archive.parse.grammar import Phrase, grammar
from archive.parse.lexer import COUNT, IMPORTED, LOCAL, NUMBER, Token, tokens, word_kinds
from archive.parse.model import Problem
from archive.parse.sentences import Sentence

MAX_COUNT = 10_000_000  # beyond it a number is a typo or garbage (10^20 例): a problem, not a figure
_COUNT_SHAPE = re.compile(r"(?:\d|[零〇一二两三四五六七八九十百千万])[例名]")
_POST_WORDS = {value: lexicon.alternation(lexicon.words("post", value)) for value in ("list_opener", "list_opener_alone")}
# What opens a district post's address list (分别居住于: / 其余居住于: / 居住于,): the list after it is the
# post's (district_posts.py), not the bulletin's statement.
LIST_OPENER_RE = re.compile(
    f"(?={lexicon.first_characters(lexicon.words('post', 'list_opener', 'list_opener_alone'))})"
    rf"(?:(?:{_POST_WORDS['list_opener']})[:,]?|(?:{_POST_WORDS['list_opener_alone']})(?:[:,]|$))"
)


def count_value(text: str, token: Token, named_from: int | None, span_from: int | None) -> tuple[int | None, Problem | None]:
    """A count's value; None with a problem naming what it counts (the text from ``named_from``) and spanning
    its phrase (from ``span_from``) when it is implausible."""
    if isinstance(token.value, int) and token.value <= MAX_COUNT:
        return token.value, None
    named_from = token.start if named_from is None else named_from
    message = f"{text[named_from:token.end]} is not a plausible count (over {MAX_COUNT:,} or not a number): not stored"
    return None, Problem("implausible_count", message, named_from if span_from is None else span_from, token.end)


def pairs(phrase: Phrase):
    """(qualifiers, noun, count) of a totals phrase, paired in order: a noun and the count after it
    (确诊病例6例) or a count and the noun after it (6例确诊病例), whichever comes first."""
    qualifiers: list[Token] = []
    pending: Token | None = None
    for token in phrase.tokens:
        if token.kind in ("N", COUNT, NUMBER):
            if pending is None or (pending.kind == "N") == (token.kind == "N"):
                pending = token
                continue
            noun, count = (pending, token) if pending.kind == "N" else (token, pending)
            yield qualifiers, noun, count
            qualifiers, pending = [], None
        elif token.kind not in (",", "&"):
            qualifiers.append(token)


def count_noun_pairs(phrase: Phrase):
    count = None
    for token in phrase.tokens:
        if token.kind == COUNT:
            count = token
        elif token.kind == "N" and count is not None:
            yield count, token
            count = None


def conversion_label(text: str, phrase: Phrase) -> str:
    """A conversion's wording: after its count, origin, case noun, copula or bracket, up to the conversion word
    (922例确诊病例为此前无症状感染者转归 → 此前无症状感染者转归)."""
    toks = phrase.tokens
    end = max(index for index, token in enumerate(toks) if token.kind == "V")
    start, depth = 0, 0
    for index, token in enumerate(toks[:end]):
        if token.kind == "(":
            depth += 1
        elif token.kind == ")":
            depth -= 1
            start = index + 1
        elif depth == 0 and (token.kind in (COUNT, LOCAL, IMPORTED, "=", "A") or token.kind == "N" and toks[index + 1].kind == "="):
            start = index + 1
    return text[toks[start].start : toks[end].end]


def local_counts(text: str, start: int = 0, end: int | None = None) -> dict[str, int]:
    """The local counts per case type one statement gives (a district post's block sentence: 新增1142例本土确诊病例,
    无新增本土无症状感染者): the first stated for each type, 0 for a zero wording."""
    found = list(tokens(text, start, len(text) if end is None else end))
    counts: dict[str, int] = {}
    for phrase in grammar().phrases(found):
        if phrase.yields == "totals":
            for qualifiers, noun, count in pairs(phrase):
                if not any(t.kind == IMPORTED for t in qualifiers) and isinstance(count.value, int):
                    counts.setdefault(noun.value, count.value)
        elif phrase.yields == "zero" and not phrase.of(IMPORTED):
            for noun in phrase.of("N"):
                counts.setdefault(noun.value, 0)
    return counts


# Kinds of words that let a sentence without a count state something (均在平房区, 社区筛查发现, 系…转为确诊病例,
# 无新增…, 阳性感染者均为无症状感染者) or change what the next sentences are (a trap's 无新增死亡病例).
_KINDS_THAT_READ = frozenset("NaHFVZzWTEX")


def is_quiet(sentence: Sentence) -> bool:
    """A sentence no pattern can read anything from: no count, and no word of a kind a pattern starts from
    (当前疫情防控形势依然严峻复杂…; 一是请市民…): idle, without being lexed."""
    return _COUNT_SHAPE.search(sentence.text) is None and not (word_kinds(sentence.text) & _KINDS_THAT_READ)


def only_case_lines(sentence: Sentence) -> bool:
    return CASE_NUMBER.search(sentence.text) is not None and _COUNT_SHAPE.search(sentence.text) is None


def only_traps(found: list[Token], phrases: list[Phrase]) -> bool:
    """Every count of the sentence is a trap's (当日新增治愈出院病例1239例,其中…): it ends nothing."""
    trapped, covered = False, set()
    for phrase in phrases:
        if phrase.yields == "trap" or trapped and not any(t.kind == "E" for t in phrase.tokens):
            trapped = True
            covered.update(range(phrase.first, phrase.first + len(phrase.tokens)))
        else:
            trapped = False
    counts = [i for i, t in enumerate(found) if t.kind == COUNT]
    return bool(counts) and all(i in covered for i in counts)


def opens_statement(found: list[Token], phrases: list[Phrase]) -> bool:
    """A sentence that opens with 新增 (after 此外/另外) or whose first phrase states new cases
    (31个省…报告新增…): a new statement, which the bulletin goes on with."""
    first = next((t for t in found if t.kind not in "P,:"), None)
    return first is not None and first.kind == "E" or bool(phrases) and phrases[0].yields in ("totals", "zero", "no_news")


def lead_types(totals: list[tuple[str, int]]) -> tuple[str, ...]:
    """The case type that sentences after the lead speak of unless they name one.

    A stated positive total, or several types with cases, means all positives
    (新增本土确诊病例1例、无症状感染者2例。南岗区3例。); a lone type means that type.
    """
    with_cases = [case_type for case_type, count in totals if count]
    if not totals:
        return ()
    counts = dict(totals)
    typed = {case_type for case_type in with_cases if case_type != "positive"}
    if "positive" in with_cases and len(typed) == 1 and counts[next(iter(typed))] == counts["positive"]:
        return tuple(typed)  # 阳性感染者14例,均为无症状感染者: the positives are all of one type
    if "positive" in with_cases or len(set(with_cases)) > 1:
        return ("positive",)
    return (with_cases or [totals[0][0]])[:1]


