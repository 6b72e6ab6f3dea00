"""Plain values the parser returns: no database, no files.

Spans are character offsets into ``ParsedDocument.text`` (the normalized text),
so every figure can be traced back to the sentence it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from archive.parse.lexicon import lexicon_hash

# Stored with each document (here, not with the grammar: the read side shows it without loading the parser);
# it includes a hash of the lexicon and the patterns, so a change to either is a new version.
PARSER_VERSION = f"0.3.0+{lexicon_hash()}"

CASE_TYPES = ("confirmed", "asymptomatic", "positive", "initial_positive")
# The count columns of a report: the figures two documents about one window must agree on.
FIGURES = (
    "local_confirmed",
    "local_asymptomatic",
    "local_positive",
    "initial_positive",
    "imported_confirmed",
    "imported_asymptomatic",
    "converted",
)

# Fields of a Report the parser works with but the archive does not store.
WORKING_FIELDS = ("unplaced_cases", "partial", "readings")

STATUS_PARSED = "parsed"
STATUS_NO_BULLETIN = "no_bulletin"
STATUS_FAILED = "failed"

# The only problem code that makes a report inconsistent.
SUM_MISMATCH = "sum_mismatch"


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    span_start: int | None = None
    span_end: int | None = None

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "message": self.message,
            "span_start": self.span_start,
            "span_end": self.span_end,
        }


@dataclass
class DistrictCount:
    case_type: str
    city: str
    district: str
    count: int
    # 6-digit division codes from the gazetteer; None for areas without one
    # (development zones) and for areas the gazetteer does not know.
    city_code: str | None = None
    district_code: str | None = None


@dataclass
class ChannelCount:
    case_type: str
    channel: str
    label: str
    count: int


@dataclass
class Notice:
    ordinal: int
    title: str
    body: str


@dataclass
class Place:
    """A place named for new local cases: an address of a district post's list, or of a per-case line."""

    case_type: str  # confirmed | asymptomatic | positive (a list that does not split by type)
    city: str
    district: str
    name: str  # as written after the district, simplified, without list punctuation
    cases: int | None = None  # how many of the report's cases of that type the bulletin ties to it


@dataclass(frozen=True)
class Reading:
    """How one figure was read: the grammar's pattern and the tokens that gave it."""

    figure: str  # the column or row it set: local_confirmed, district_count asymptomatic 哈尔滨市 南岗区 …
    value: object
    pattern: str
    tokens: tuple  # the phrase's tokens (lexer.Token: kind letter, value, start, end in the document's text)

    def as_dict(self, text: str, kind_names: dict[str, str]) -> dict:
        """For --explain: the tokens with their kinds' names and their text (``text``: the document's)."""
        return {
            "figure": self.figure,
            "value": self.value,
            "pattern": self.pattern,
            "tokens": [
                {"kind": kind_names[token[0]], "text": text[token[2] : token[3]], "start": token[2], "end": token[3]}
                for token in self.tokens
            ],
        }


@dataclass
class Report:
    seq: int
    region: str
    region_level: str
    report_date: dt.date
    window_start_hour: int
    window_end_hour: int
    span_start: int
    span_end: int
    local_confirmed: int | None = None
    local_asymptomatic: int | None = None
    local_positive: int | None = None
    initial_positive: int | None = None
    imported_confirmed: int | None = None
    imported_asymptomatic: int | None = None
    converted: int | None = None
    region_code: str | None = None
    headline: str | None = None
    speaker: str | None = None
    districts: list[DistrictCount] = field(default_factory=list)
    channels: list[ChannelCount] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Cases per type that the bulletin's per-case lines give no area (外省市来沪就医人员): not stored,
    # they let validation tell a breakdown that leaves them out from one that does not add up.
    unplaced_cases: dict[str, int] = field(default_factory=dict, compare=False)
    # Breakdowns ("areas"/"channels", case type) the bulletin itself gives for part of the cases only
    # (a city's 均为…发现 in a province bulletin): under their total they are partial, not mismatched.
    partial: set[tuple[str, str]] = field(default_factory=set, compare=False)
    # How each figure was read (archive ingest --dry-run --json --explain): not stored.
    readings: list[Reading] = field(default_factory=list, compare=False)

    @property
    def consistent(self) -> bool:
        return not any(p.code == SUM_MISMATCH for p in self.problems)

    def total_of(self, case_type: str) -> int | None:
        """The stated total a breakdown of ``case_type`` must add up to."""
        if case_type == "confirmed":
            return self.local_confirmed
        if case_type == "asymptomatic":
            return self.local_asymptomatic
        if case_type == "initial_positive":
            return self.initial_positive
        if self.local_positive is not None:
            return self.local_positive
        parts = [self.local_confirmed, self.local_asymptomatic, self.initial_positive]
        if self.local_confirmed is None and self.local_asymptomatic is None:
            return None
        return sum(p or 0 for p in parts)


@dataclass(frozen=True)
class ParseHints:
    """What the caller knows that the text may not say."""

    year: int | None = None
    # The day a web archive captured the page: a page that states no year is dated on or before it.
    captured_on: dt.date | None = None


@dataclass
class ParsedDocument:
    text: str
    status: str
    reports: list[Report] = field(default_factory=list)
    published_on: dt.date | None = None
    error: str | None = None
    # What the page could not store: unplaced_bulletin, unrecognized_figure (document.problems).
    problems: list[Problem] = field(default_factory=list)
