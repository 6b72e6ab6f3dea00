"""Where a bulletin's new cases came from, when it does not say it of every count (early 2020).

新增确诊病例5例 with no 本土/境外 is local, less the imported part the bulletin names among them
(其中境外输入3例: local is the rest, ``derived_remainder``) unless it states the local count too
(本土23402例); a bulletin that names no origin at all has the problem ``origin_not_stated``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.parse.model import Problem, Report
from archive.parse.validate import take_imported_out


@dataclass
class Origins:
    unqualified: dict[str, tuple[int, tuple[int, int]]] = field(default_factory=dict)  # type → (count, span)
    imported_parts: set[str] = field(default_factory=set)  # types whose imported part is named
    explicit_local: set[str] = field(default_factory=set)  # types whose local count is stated as such
    stated: bool = False  # some count of the bulletin states its origin

    def settle(self, report: Report) -> None:
        for case_type, (count, span) in self.unqualified.items():
            if case_type in self.imported_parts and case_type not in self.explicit_local:
                derived = take_imported_out(report, case_type, count, span)
                if derived is not None:
                    report.problems.append(derived)
        if self.unqualified and not self.stated and not self.imported_parts:
            span = next(iter(self.unqualified.values()))[1]
            report.problems.append(
                Problem(
                    "origin_not_stated",
                    "the bulletin does not say whether its new cases are local or imported: counted as local",
                    *span,
                )
            )
