"""Rewrites that keep a page's meaning (../shared/rewrites.py) must keep its figures.

For every page of ../shared/real and every FORMATS.md example, each rewrite that applies is
parsed and compared with the page as written, report by report (matched by region, day and
window): the totals, the area rows and the channel rows must be the same.

    python tests/rewrite_stability.py          # prints the share kept, per rewrite, and every miss
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shared_paths import FORMATS, SHARED  # noqa: E402

from archive.parse import parse_document  # noqa: E402
from archive.parse.model import FIGURES  # noqa: E402


def _rewrites():
    sys.path.insert(0, str(SHARED))
    from rewrites import REWRITES

    return REWRITES


def pages() -> list[tuple[str, str]]:
    """(name, text) of every real page and every FORMATS.md example."""
    found = [
        (str(path.relative_to(SHARED)), path.read_text(encoding="utf-8"))
        for path in sorted((SHARED / "real").rglob("*.txt"))
    ]
    for example in json.loads(FORMATS.read_text(encoding="utf-8"))["examples"]:
        found.append((f"formats.json {example['id']}", example["text"]))
    return found


def figures(text: str) -> dict[tuple, tuple]:
    """Per report (region, day, window): its totals, area rows and channel rows."""
    out = {}
    for report in parse_document(text).reports:
        key = (report.region, report.report_date.isoformat(), report.window_start_hour, report.window_end_hour)
        out[key] = (
            tuple(getattr(report, name) for name in FIGURES),
            tuple(sorted((d.case_type, d.city, d.district, d.count) for d in report.districts)),
            tuple(sorted((c.case_type, c.channel, c.count) for c in report.channels)),
        )
    return out


@dataclass
class Stability:
    pairs: Counter = field(default_factory=Counter)  # (report, rewrite) pairs per rewrite
    kept: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        total = sum(self.pairs.values())
        return sum(self.kept.values()) / total if total else 1.0

    def summary(self) -> str:
        lines = [f"{sum(self.kept.values())}/{sum(self.pairs.values())} (report, rewrite) pairs keep their figures ({100 * self.share:.1f}%)"]
        for name, total in self.pairs.items():
            lines.append(f"  {name}: {self.kept[name]}/{total}")
        return "\n".join(lines)


def measure(selected: list[tuple[str, str]] | None = None) -> Stability:
    result = Stability()
    for page, text in selected or pages():
        base = figures(text)
        if not base:
            continue
        for name, rewrite in _rewrites():
            rewritten = rewrite(text)
            if rewritten is None:
                continue
            got = figures(rewritten)
            for key, want in base.items():
                result.pairs[name] += 1
                if got.get(key) == want:
                    result.kept[name] += 1
                else:
                    result.misses.append(f"{page} · {name} · {key}\n    want {want}\n    got  {got.get(key)}")
    return result


if __name__ == "__main__":
    measured = measure()
    print("\n".join(measured.misses))
    print(measured.summary())
