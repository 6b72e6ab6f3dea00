"""The examples table (tests/examples.tsv): the reader's specification, as sentence → facts.

Each row of the table is a small self-contained page — columns ``id``, ``text``, ``facts``, tab-separated;
a line starting with # is a comment; a line break inside a text is written ⏎ — and the facts it must give,
written by hand from ../shared/DESIGN.md and FORMATS.md (never copied from the parser's output):

- ``nothing``: the page holds no report at all;
- else the page's reports in span order, separated by `` || ``, each a ``;``-separated list of
  ``region=…``, ``level=…``, ``date=YYYY-MM-DD``, ``window=S-E`` (checked when given); every stated count
  (``local_confirmed=5``, ``local_asymptomatic=…``, ``local_positive=…``, ``initial_positive=…``,
  ``imported_confirmed=…``, ``imported_asymptomatic=…``, ``converted=…``; a count not listed must be NULL);
  every district row ``D:case_type:city:district=N`` and every channel row ``C:case_type:channel_key:label=N``
  (both lists exact); ``problems>=code,code`` (codes that must be among the report's problems); and
  ``consistent=false`` when the report must be inconsistent (else it must be consistent).

The second test lexes every example and fails naming each lexicon entry (archive/parse/lexicon/*.tsv) that
no example uses — words the lexer makes tokens of must occur as a token of that surface, other words
(posts, streets, travel, details …) as a substring of a normalized example — and each grammar pattern
(patterns.tsv, macros aside) that no example matches.

How to add a wording: add one line to the lexicon file of its kind (surface, kind, value, an example) and
one row to tests/examples.tsv whose text uses it, with the facts the page must give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from archive.parse import parse_document
from archive.parse.model import FIGURES

TABLE = Path(__file__).with_name("examples.tsv")
LINE_BREAK = "⏎"
REPORT_SEPARATOR = " || "
COUNT_FIELDS = FIGURES
PLAIN_FIELDS = ("region", "level", "date", "window", "consistent")


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    facts: str
    line: int


@dataclass
class Expected:
    plain: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    districts: list[tuple] = field(default_factory=list)
    channels: list[tuple] = field(default_factory=list)
    problems: set[str] = field(default_factory=set)


def _load() -> list[Example]:
    examples, seen = [], set()
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"{TABLE.name}:{number}: expected 3 tab-separated fields (id, text, facts), got {len(fields)}")
        ident, text, facts = (f.strip() for f in fields)
        if ident in seen:
            raise ValueError(f"{TABLE.name}:{number}: id {ident} used twice")
        seen.add(ident)
        examples.append(Example(ident, text.replace(LINE_BREAK, "\n"), facts, number))
    return examples


EXAMPLES = _load()


def parse_facts(facts: str) -> list[Expected]:
    """The reports a facts cell describes ([] for ``nothing``)."""
    if facts == "nothing":
        return []
    return [_parse_report(part) for part in facts.split(REPORT_SEPARATOR)]


def _parse_report(part: str) -> Expected:
    expected = Expected()
    for item in (i.strip() for i in part.split(";")):
        if not item:
            continue
        if item.startswith("problems>="):
            expected.problems.update(code.strip() for code in item[len("problems>=") :].split(","))
        elif item.startswith(("D:", "C:")):
            row, _, count = item.rpartition("=")
            kind, first, second, third = row.split(":", 3)
            (expected.districts if kind == "D" else expected.channels).append((first, second, third, int(count)))
        else:
            name, sep, value = item.partition("=")
            if not sep:
                raise ValueError(f"cannot read fact {item!r}")
            if name in COUNT_FIELDS:
                expected.counts[name] = int(value)
            elif name in PLAIN_FIELDS:
                expected.plain[name] = value
            else:
                raise ValueError(f"unknown fact {name!r} in {item!r}")
    return expected


def _differences(index: int, expected: Expected, report) -> list[str]:
    where = f"report {index} ({report.region} {report.report_date})"
    got_plain = {
        "region": report.region,
        "level": report.region_level,
        "date": report.report_date.isoformat(),
        "window": f"{report.window_start_hour}-{report.window_end_hour}",
    }
    out = []
    for name, value in expected.plain.items():
        if name != "consistent" and got_plain[name] != value:
            out.append(f"{where}: {name} expected {value}, got {got_plain[name]}")
    for name in COUNT_FIELDS:
        want, got = expected.counts.get(name), getattr(report, name)
        if want != got:
            out.append(f"{where}: {name} expected {want}, got {got}")
    rows = {
        "districts": (expected.districts, [(d.case_type, d.city, d.district, d.count) for d in report.districts]),
        "channels": (expected.channels, [(c.case_type, c.channel, c.label, c.count) for c in report.channels]),
    }
    for name, (want, got) in rows.items():
        missing = sorted(set(want) - set(got))
        extra = sorted(set(got) - set(want))
        if missing or extra:
            out.append(f"{where}: {name} missing {missing}, unexpected {extra}")
    codes = {p.code for p in report.problems}
    if not expected.problems <= codes:
        out.append(f"{where}: problems lack {sorted(expected.problems - codes)} (got {sorted(codes)})")
    want_consistent = expected.plain.get("consistent", "true") == "true"
    if report.consistent != want_consistent:
        reasons = [p.message for p in report.problems if p.code == "sum_mismatch"]
        out.append(f"{where}: consistent expected {want_consistent}, got {report.consistent} {reasons}")
    return out


@pytest.mark.parametrize("example", [pytest.param(e, id=e.id) for e in EXAMPLES])
def test_example_reads_as_specified(example: Example):
    expected = parse_facts(example.facts)
    parsed = parse_document(example.text)
    reports = parsed.reports
    problems = []
    if len(reports) != len(expected):
        found = [f"{r.region} {r.report_date} {r.window_start_hour}-{r.window_end_hour}" for r in reports]
        problems.append(f"expected {len(expected)} report(s), got {len(reports)}: {found}")
    for index, (want, report) in enumerate(zip(expected, reports), start=1):
        problems.extend(_differences(index, want, report))
    assert not problems, f"{TABLE.name}:{example.line} {example.id}\n" + "\n".join(problems)


def test_every_lexicon_entry_and_pattern_has_an_example():
    from archive.parse import lexicon
    from archive.parse.grammar import grammar
    from archive.parse.lexer import KINDS, TEXT, tokens
    from archive.parse.normalize import normalize_text
    from archive.parse.sentences import sentences

    token_kinds = {name.split(":")[0] for name in KINDS.values()}  # the lexicon kinds the lexer makes tokens of
    texts = [normalize_text(example.text) for example in EXAMPLES]
    token_surfaces: set[str] = set()
    matched: set[str] = set()
    for text in texts:
        for sentence in sentences(text):
            found = list(tokens(text, sentence.start, sentence.end))
            token_surfaces.update(text[t.start : t.end] for t in found if t.kind != TEXT)
            matched.update(phrase.pattern.name for phrase in grammar().phrases(found))
    unused = []
    for entry in lexicon.entries():
        if entry.kind in token_kinds:
            used = entry.surface in token_surfaces
        else:
            used = any(entry.surface in text for text in texts)
        if not used:
            unused.append(f"{entry.file}: {entry.surface} ({entry.kind}, {'token' if entry.kind in token_kinds else 'substring'})")
    patterns = [name for name, _tokens, yields, *_ in lexicon.pattern_rows() if yields != "macro"]
    unmatched = [f"patterns.tsv: {name}" for name in patterns if name not in matched]
    missing = unused + unmatched
    assert not missing, f"{len(missing)} lexicon entries or patterns without an example row in {TABLE.name}:\n" + "\n".join(missing)
