"""Reading: the phrases of a bulletin's sentences → its Report's figures.

The grammar (grammar.py, lexicon/patterns.tsv) says what each phrase is; reading says what it means for
the report, in the context the statement has built so far: the case types the current part speaks of,
the origin its qualifiers carry, an open city group of a province list (rows.py), and a trap whose own
count and breakdown are no new cases. Context lives in one ``Statement`` frame, renewed at each sentence
and at each run boundary (;), so a figure is read the same whatever punctuation surrounds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from archive.parse.grammar import Phrase, grammar
from archive.parse.lexer import AREA, COUNT, IMPORTED, LOCAL, TEXT, Token, tokens
from archive.parse.model import Problem, Reading, Report
from archive.parse.origins import Origins
from archive.parse.rows import RowWriter
from archive.parse.sentences import Sentence
from archive.parse.statements import (
    count_value,
    LIST_OPENER_RE,
    conversion_label,
    count_noun_pairs,
    is_quiet,
    lead_types,
    only_case_lines,
    only_traps,
    opens_statement,
    pairs,
)
from archive.parse.validate import LOCAL_AND_IMPORTED, TOTAL_FIELDS, Remainder

_MAX_IDLE_SENTENCES = 2
# Traps that end nothing: a sentence of suspected cases neither ends the bulletin nor is part of it.
_NEUTRAL_TRAPS = frozenset({"suspected", "excluded"})


@dataclass
class Statement:
    """The context of the part being read."""

    types: tuple[str, ...]  # the case types rows now describe; () while only imported cases are spoken of
    origin: str | None = None  # the origin qualifiers carry ("local" / "imported")
    trapped: bool = False  # a trap's count was read: its breakdown follows, no new cases
    area_of_totals: object = None  # 哈尔滨市确诊病例5例、无症状感染者98例: the area the per-type counts are of
    counted: tuple[str, ...] = ()  # the types of the last total, whatever its origin (其中境外输入58例,本土23402例)


@dataclass
class _Outcome:
    contributed: bool = False
    trapped: bool = False
    neutral: bool = False


@dataclass
class BulletinReader:
    report: Report
    scope: object  # the report's Area, or None
    text: str
    lead_types: tuple[str, ...] = ()
    remainders: list[Remainder] = field(default_factory=list)
    _lead_totals: list[tuple[str, int]] = field(default_factory=list)
    origins: Origins = field(default_factory=Origins)

    def __post_init__(self):
        self.rows = RowWriter(self.report, self.scope, self.text)
        self.statement = Statement(())

    # --- sentences ------------------------------------------------------------------------
    def read(self, body: Iterable[Sentence], first_tokens: list[Token] | None = None) -> int:
        """Read sentences (the first one's tokens given when known) while they are the bulletin's: where its figures end."""
        end = 0
        after_trap = False
        idle = 0
        for index, sentence in enumerate(body):
            if index and (only_case_lines(sentence) or is_quiet(sentence)):
                idle += 1  # case lines without a count (case_lines.py reads them), or nothing a pattern reads
                if idle > _MAX_IDLE_SENTENCES:
                    break
                continue
            opener = LIST_OPENER_RE.search(self.text, sentence.start, sentence.end)
            stop = opener.end() if opener else sentence.end
            known = first_tokens if index == 0 and first_tokens is not None else None
            found = [t for t in known if t.end <= stop] if known is not None else list(tokens(self.text, sentence.start, stop))
            phrases = grammar().phrases(found)
            if index and after_trap and not opens_statement(found, phrases) and not only_traps(found, phrases):
                # After figures that are no new cases, only a new statement (or more such figures) belongs
                # to the bulletin; a sentence without a count (全区现无本地疑似病例) does not end it.
                idle += 1
                if any(t.kind == COUNT for t in found) or idle > _MAX_IDLE_SENTENCES:
                    break
                continue
            outcome = self._read_sentence(found, phrases)
            if index == 0:
                self.lead_types = lead_types(self._lead_totals)
                end = sentence.end
            if outcome.contributed:
                end = sentence.end
                after_trap, idle = False, 0
            elif outcome.trapped:
                after_trap = True
            elif index and not outcome.neutral:
                # A sentence without any count does not end the bulletin; one with a count the reader
                # does not take, or a run of idle sentences, does.
                idle += 1
                if any(t.kind == COUNT for t in found) or idle > _MAX_IDLE_SENTENCES:
                    break
            if opener:
                break  # an address list follows
        self.rows.close_group()
        self.origins.settle(self.report)
        self.rows.finish()
        return end

    def _read_sentence(self, found: list[Token], phrases: list[Phrase]) -> _Outcome:
        self.statement = Statement(self.lead_types)
        self.rows.close_group()
        outcome = _Outcome()
        position = 0
        for phrase in phrases:
            self._boundaries(found, position, phrase.first, outcome)
            position = phrase.first + len(phrase.tokens)
            read = getattr(self, f"_read_{phrase.yields}")(phrase)
            traps = phrase.of("T")
            if not read and not traps and not self.statement.trapped:
                for count in phrase.of(COUNT):  # 其中男性3例: a count the phrase holds but nothing read
                    self._unrecognized(count)
            if read:
                outcome.contributed = True
            elif traps and all(t.value in _NEUTRAL_TRAPS for t in traps):
                outcome.neutral = True
            elif traps:
                outcome.trapped = True
        self._boundaries(found, position, len(found), outcome)
        return outcome

    def _boundaries(self, found: list[Token], start: int, end: int, outcome: _Outcome) -> None:
        """Tokens between phrases: run ends and brackets renew the context; a count no pattern took is said."""
        for token in found[start:end]:
            if token.kind == ";":
                self._end_run()
            elif token.kind == "(":
                self.rows.depth += 1
            elif token.kind == ")":
                self.rows.depth = max(0, self.rows.depth - 1)
                self.rows.left_bracket()
            elif token.kind == COUNT and not self.statement.trapped:
                self._unrecognized(token)

    def _end_run(self) -> None:
        if self.rows.depth == 0:
            self.statement.trapped = False
            self.statement.area_of_totals = None
            self.rows.close_group()

    def _unrecognized(self, token: Token) -> None:
        start = max(self.text.rfind(mark, 0, token.start) for mark in ",;。\n(")
        self.report.problems.append(
            Problem("unrecognized_figure", f"a figure the parser does not understand: {self.text[start + 1 : token.end]}", token.start, token.end)
        )

    # --- totals -----------------------------------------------------------------------------
    def _read_totals(self, phrase: Phrase) -> bool:
        opens = any(t.kind == "E" for t in phrase.tokens)
        if self.statement.trapped and not opens:
            return False  # 治愈出院1239例,其中境外输入34例,本土1205例: the trap's own breakdown
        if opens:
            self.statement.origin = None  # 新增 opens a new statement: qualifiers of the last one end
        types, counted = [], []
        for qualifiers, noun, count in pairs(phrase):
            value = self._count(count, min(noun.start, count.start), phrase.start)
            if value is None:
                continue
            kinds = {t.kind for t in qualifiers}
            if IMPORTED in kinds:
                self.statement.origin = "imported"
            elif LOCAL in kinds:
                self.statement.origin = "local"
            imported = self.statement.origin == "imported"
            case_type = noun.value
            areas = [t for t in qualifiers if t.kind == AREA]
            if not imported and self.rows.area_total(areas, self.statement, case_type, value):
                self._explain(f"district_count {case_type}", value, phrase)
                continue
            self._set_total(case_type, imported, value, phrase, explicit=self.statement.origin is not None)
            counted.append(case_type)
            if self.statement.origin is not None:
                self.origins.stated = True
            elif case_type not in self.origins.unqualified and getattr(self.report, TOTAL_FIELDS[(case_type, False)]) == value:
                self.origins.unqualified[case_type] = (value, (phrase.start, phrase.end))
            if not imported:
                types.append(case_type)
        self.statement.types = tuple(dict.fromkeys(types))
        self.statement.counted = tuple(dict.fromkeys(counted))
        self.statement.trapped = False
        self.rows.close_group()
        return True

    def _read_local_part(self, phrase: Phrase) -> bool:
        """其中境外输入58例,本土23402例: the local part of the total before it."""
        if self.statement.trapped:
            return False
        value = self._count(phrase.of(COUNT)[0])
        if value is None:
            return True
        self.statement.origin = "local"
        self.statement.types = self.statement.counted
        for case_type in self.statement.counted:
            self._set_total(case_type, False, value, phrase, explicit=True)
        self.origins.stated = True
        return True

    def _set_total(self, case_type: str, imported: bool, count: int, phrase: Phrase, explicit: bool = False) -> None:
        name = TOTAL_FIELDS.get((case_type, imported))
        if name is None:  # imported positives or initial positives: no column for them
            return
        stated = getattr(self.report, name)
        # 新增确诊病例3020例 … 本土病例3000例: the local count stated as such replaces the unqualified total.
        replaces = explicit and not imported and case_type in self.origins.unqualified and stated == self.origins.unqualified[case_type][0]
        if stated is None or replaces:
            setattr(self.report, name, count)
            self._explain(name, count, phrase)
        if explicit and not imported:
            self.origins.explicit_local.add(case_type)
        if not imported and not self.lead_types:
            self._lead_totals.append((case_type, count))

    def _read_zero(self, phrase: Phrase) -> bool:
        types = []
        after_trap = False
        for token in phrase.tokens:
            if token.kind == "T":
                after_trap = True
            elif token.kind == "N":
                if not after_trap:
                    types.append(token.value)
                after_trap = False
        kinds = {t.kind for t in phrase.tokens}
        imported = IMPORTED in kinds or (self.statement.origin == "imported" and LOCAL not in kinds)
        for case_type in dict.fromkeys(types):
            self._set_total(case_type, imported, 0, phrase)
            if imported and case_type in self.origins.unqualified:
                self.origins.imported_parts.add(case_type)  # 新增确诊病例1例…无境外输入性病例: none of them imported
            if imported or LOCAL in kinds:
                self.origins.stated = True
            else:
                self.origins.unqualified.setdefault(case_type, (0, (phrase.start, phrase.end)))
        return bool(types)

    def _read_no_news(self, phrase: Phrase) -> bool:
        """无新增新冠肺炎疫情信息报告: nothing new of any kind."""
        for case_type in ("confirmed", "asymptomatic"):
            for imported in (False, True):
                self._set_total(case_type, imported, 0, phrase)
        self.origins.stated = True
        return True

    def _read_trap(self, phrase: Phrase) -> bool:
        self.statement.trapped = True
        return False

    def _read_imported_part(self, phrase: Phrase) -> bool:
        """其中境外输入3例 / 均为境外输入: how many of an unqualified total were imported."""
        if self.statement.trapped:
            return False
        counts = [t for t in phrase.tokens if t.kind == COUNT]
        types = self.statement.types or tuple(self.origins.unqualified)
        self.statement.origin, self.statement.types = "imported", ()  # what follows speaks of the imported cases
        for case_type in types:
            if case_type not in self.origins.unqualified or case_type not in LOCAL_AND_IMPORTED:
                continue
            count = self._count(counts[0]) if counts else self.origins.unqualified[case_type][0]
            if count is not None:
                self.origins.imported_parts.add(case_type)
                setattr(self.report, LOCAL_AND_IMPORTED[case_type][1], count)
                self._explain(LOCAL_AND_IMPORTED[case_type][1], count, phrase)
        return True

    def _read_all_of_type(self, phrase: Phrase) -> bool:
        """阳性感染者14例,均为无症状感染者: every case of the total is of one type."""
        if len(self.statement.types) != 1:
            return False
        total = self.report.total_of(self.statement.types[0])
        case_type = phrase.of("N")[0].value
        if total is None or case_type == self.statement.types[0]:
            return False
        self._set_total(case_type, self.statement.origin == "imported", total, phrase)
        self.statement.types = (case_type,) if self.statement.origin != "imported" else ()
        return True

    def _read_conversion(self, phrase: Phrase) -> bool:
        if self.statement.origin == "imported":
            return True  # imported cases' conversions: converted counts local ones
        counts = phrase.of(COUNT)
        if counts:
            count = self._count(counts[0])
        elif phrase.tokens[0].kind in "=A" and self.report.local_confirmed:
            count = self.report.local_confirmed  # 新增本土确诊病例1例,…,系无症状感染者转为确诊病例
        else:
            return False
        if count is None:
            return False
        label = conversion_label(self.text, phrase)
        self.rows.conversion(count, label, self._explain_tokens(phrase))
        return True

    # --- rows -------------------------------------------------------------------------------
    def _read_channel_counts(self, phrase: Phrase) -> bool:
        label = self.rows.channel_label(phrase)
        imported = self.statement.origin == "imported" or any(t.kind == IMPORTED for t in phrase.tokens)
        types = []
        for count, noun in count_noun_pairs(phrase):
            value = self._count(count)
            types.append(noun.value)
            if value is not None and not imported and not self.statement.trapped:
                self.rows.channel(noun.value, label, value, self._explain_tokens(phrase))
        self.statement.types = () if imported else tuple(types)
        return True

    def _read_channel(self, phrase: Phrase) -> bool:
        if self.statement.trapped:
            return False
        if self.statement.origin == "imported":
            return True  # how imported cases were found: channel rows describe local cases only
        counts = phrase.of(COUNT)
        value = self._count(counts[0]) if counts else None
        if counts and value is None:
            return True
        return self.rows.channel_phrase(phrase, value, self.statement, self._explain_tokens(phrase))

    def _read_remainder(self, phrase: Phrase) -> bool:
        label = self.rows.channel_label(phrase)
        # In the lead sentence 其余 is the rest of every type the lead counts
        # (新增确诊病例11例和无症状感染者64例,3例无症状感染者在…中发现,其余在…).
        in_lead = not self.lead_types and self._lead_totals
        if in_lead:
            types = tuple(dict.fromkeys(t for t, _ in self._lead_totals if t != "positive"))
        else:
            types = self.statement.types
        self.remainders.append(Remainder(types or self.statement.types, label, (phrase.start, phrase.end)))
        return True

    def _read_area(self, phrase: Phrase) -> bool:
        """An area with its count (南岗区19例, 1例位于南岗区, 闵行校区3例), or the one its cases are in (在道外区)."""
        return self._areas(phrase, [[t for t in phrase.tokens if t.kind in (AREA, TEXT)]])

    def _read_area_each(self, phrase: Phrase) -> bool:
        """合肥、蚌埠各1例: every area named takes the count."""
        return self._areas(phrase, [[area] for area in phrase.of(AREA)])

    def _areas(self, phrase: Phrase, names: list[list[Token]]) -> bool:
        if self.statement.trapped:
            return False  # the trap's own breakdown
        counts = phrase.of(COUNT)
        count = self._count(counts[0]) if counts else None
        if counts and count is None:
            return True
        reading = self._explain_tokens(phrase)
        return any([self.rows.area_phrase(name, count, self.statement, reading) for name in names])

    def _read_types(self, phrase: Phrase) -> bool:
        """A mention of case types without a count: the rows that follow are of those types."""
        nouns = phrase.of("N")
        kinds = {t.kind for t in phrase.tokens}
        if "E" in kinds:
            self.statement.trapped = False  # 新增确诊病例中,…: a new statement after a trap's
        if IMPORTED in kinds:
            self.statement.types = ()
        else:
            self.statement.types = tuple(dict.fromkeys(n.value for n in nouns))
        return False

    def _read_case_line(self, phrase: Phrase) -> bool:
        return False  # per-case lines give district rows through case_lines.py

    def _read_count(self, phrase: Phrase) -> bool:
        return False  # a lone count: unrecognized (_read_sentence says so)

    # --- helpers ----------------------------------------------------------------------------
    def _count(self, token: Token, named_from: int | None = None, span_from: int | None = None) -> int | None:
        value, problem = count_value(self.text, token, named_from, span_from)
        if problem is not None:
            self.report.problems.append(problem)
        return value

    def _explain_tokens(self, phrase: Phrase) -> Reading:
        return Reading("", None, phrase.pattern.name, tuple(phrase.tokens))

    def _explain(self, what: str, value, phrase: Phrase) -> None:
        self.report.readings.append(Reading(what, value, phrase.pattern.name, tuple(phrase.tokens)))
