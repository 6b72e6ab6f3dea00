"""Labelled page sets (tests/corpus, tests/round2): writing them, and comparing the parser with them.

A set is a folder with ``pages/`` and ``expected.json``, written by a ``make_*.py`` script in
which every page is a literal and its expected rows are written BY HAND (never computed by the
parser). The writing helpers (D, C, R, page_entry, build_files, write_files) are used by those
scripts; LabelledPages is used by the tests that compare the parser with a set.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from archive.parse import ParseHints, parse_document
from archive.sources import decode_bytes, html_to_text
from page_comparison import REPORT_FIELDS, compare_parsed, diff_text, want_report
from report_shape import COUNT_FIELDS

CF, AS, PO, IP = "confirmed", "asymptomatic", "positive", "initial_positive"

# --- writing a set ------------------------------------------------------------------------


def D(case_type: str, city: str, district: str, count: int) -> dict:
    """A district_count row."""
    return {"case_type": case_type, "city": city, "district": district, "count": count}


def C(case_type: str, channel: str, label: str, count: int) -> dict:
    """A channel_count row."""
    return {"case_type": case_type, "channel": channel, "label": label, "count": count}


def R(
    region: str,
    level: str,
    date: str,
    window: tuple[int, int],
    *,
    lc: int | None = None,
    la: int | None = None,
    lp: int | None = None,
    ip: int | None = None,
    ic: int | None = None,
    ia: int | None = None,
    conv: int | None = None,
    districts: tuple | list = (),
    channels: tuple | list = (),
    consistent: bool = True,
    problems: tuple | list = (),
) -> dict:
    """A report in the shape of ../shared/formats.json (window = [start hour, end hour])."""
    return {
        "region": region,
        "region_level": level,
        "report_date": date,
        "window": list(window),
        "local_confirmed": lc,
        "local_asymptomatic": la,
        "local_positive": lp,
        "initial_positive": ip,
        "imported_confirmed": ic,
        "imported_asymptomatic": ia,
        "converted": conv,
        "districts": list(districts),
        "channels": list(channels),
        "consistent": consistent,
        "problem_codes_include": list(problems),
    }


def page_entry(
    name: str,
    ext: str,
    encoding: str,
    text: str,
    reports: list[dict],
    *,
    tags: list[str],
    year_hint: int | None = None,
    newline: str = "\n",
) -> dict:
    """One page of a set: its text (written in ``encoding`` with ``newline``) and expected reports."""
    return {
        "name": name,
        "ext": ext,
        "encoding": encoding,
        "text": text,
        "reports": reports,
        "tags": tags,
        "year_hint": year_hint,
        "newline": newline,
    }


def file_name(index: int, entry: dict) -> str:
    return f"{index:03d}_{entry['name']}.{entry['ext']}"


def build_files(pages: list[dict], about: str) -> dict[str, bytes]:
    """Relative path (under the set's folder) -> bytes, for every page and expected.json."""
    out: dict[str, bytes] = {}
    listing = []
    names = set()
    for index, entry in enumerate(pages, start=1):
        if entry["name"] in names:
            raise SystemExit(f"duplicate page name {entry['name']}")
        names.add(entry["name"])
        name = file_name(index, entry)
        text = entry["text"].replace("\n", entry["newline"])
        out[f"pages/{name}"] = text.encode(entry["encoding"])
        listing.append(
            {
                "file": name,
                "encoding": entry["encoding"],
                "year_hint": entry["year_hint"],
                "status": "parsed" if entry["reports"] else "no_bulletin",
                "tags": entry["tags"],
                "reports": entry["reports"],
            }
        )
    document = {"about": about, "pages": listing}
    out["expected.json"] = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return out


def write_files(directory: Path, files: dict[str, bytes]) -> None:
    """Write a set built by build_files, removing page files that are no longer listed."""
    pages_dir = directory / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    wanted = {path.split("/", 1)[1] for path in files if path.startswith("pages/")}
    for stale in pages_dir.iterdir():
        if stale.is_file() and stale.name not in wanted:
            stale.unlink()
    for path, data in files.items():
        (directory / path).write_bytes(data)
    print(f"wrote {len(wanted)} pages and expected.json to {directory}")


# --- comparing the parser with a set ------------------------------------------------------

PAGE_FIELDS = ("decoded", "status", "report_count")
FIELDS = PAGE_FIELDS + REPORT_FIELDS


class LabelledPages:
    """A labelled set on disk: each page goes the way a user's file goes (bytes -> sources ->
    parse_document) and is compared field by field with its expected rows."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.pages_dir = directory / "pages"
        self.pages: list[dict] = json.loads((directory / "expected.json").read_text(encoding="utf-8"))["pages"]
        self._by_file = {entry["file"]: entry for entry in self.pages}
        self._compared: dict[str, tuple[list[tuple[str, bool, object, object]], str | None]] = {}

    def page_text(self, entry: dict) -> tuple[str, bool]:
        """(text handed to the parser, whether the bytes decoded to what the page's encoding says)."""
        raw = (self.pages_dir / entry["file"]).read_bytes()
        stated = raw.decode(entry["encoding"]).replace("\r\n", "\n")
        text, _encoding = decode_bytes(raw)
        decoded_right = text == stated
        if entry["file"].endswith(".html"):
            text = html_to_text(text)
        return text, decoded_right

    def compare_page(self, file: str) -> tuple[list[tuple[str, bool, object, object]], str | None]:
        """([(field, ok, expected, got), ...], parse error or None) for one page."""
        if file not in self._compared:
            self._compared[file] = self._compare(self._by_file[file])
        return self._compared[file]

    def _compare(self, entry: dict) -> tuple[list[tuple[str, bool, object, object]], str | None]:
        results: list[tuple[str, bool, object, object]] = []
        try:
            text, decoded_right = self.page_text(entry)
            parsed = parse_document(text, ParseHints(year=entry.get("year_hint")))
        except Exception as error:  # noqa: BLE001 - a crash counts as every field wrong, with the reason shown
            crash = f"{type(error).__name__}: {error}"
            results.append(("decoded", False, "no exception", crash))
            results.append(("status", False, entry["status"], crash))
            results.append(("report_count", False, len(entry["reports"]), crash))
            for want in entry["reports"]:
                for field in REPORT_FIELDS:
                    results.append((field, False, want_report(want)[field], crash))
            return results, crash

        results.append(("decoded", decoded_right, True, decoded_right))
        results.extend(compare_parsed(entry, parsed))
        return results, parsed.error

    def is_exact(self, file: str) -> bool:
        results, _error = self.compare_page(file)
        return all(ok for _f, ok, _w, _g in results)

    def field_ok(self, file: str, field: str) -> bool:
        """Whether a page-level field (decoded, status, report_count) is as expected."""
        results, _error = self.compare_page(file)
        return next(ok for name, ok, _w, _g in results if name == field)

    def extra_figures(self, file: str) -> list[str]:
        """Figures the parser gave that the page does not state: more reports than expected, a
        count where the expected one is NULL or differs, district or channel rows not expected.
        (Expected figures the parser missed are not listed.)"""
        results, _error = self.compare_page(file)
        extra = []
        for field, ok, want, got in results:
            if ok or got == "<no report>":
                continue
            if field == "report_count" and isinstance(got, int) and got > want:
                extra.append(f"{got} reports, expected {want}")
            elif field in COUNT_FIELDS and got is not None:
                extra.append(f"{field} {got}, expected {want}")
            elif field in ("districts", "channels") and isinstance(got, list):
                extra.extend(f"{field[:-1]} row {row}" for row in got if row not in want)
        return extra

    def diff(self, file: str) -> str:
        """The fields of one page that differ from its expected rows, for a person to read."""
        results, error = self.compare_page(file)
        return diff_text(file, results, error)

    def accuracy_table(self) -> tuple[str, dict[str, tuple[int, int]], list[str]]:
        """(printable per-field accuracy table, {field: (correct, total)}, files not exactly right)."""
        correct: Counter[str] = Counter()
        total: Counter[str] = Counter()
        failing: list[str] = []
        for entry in self.pages:
            results, _error = self.compare_page(entry["file"])
            if not all(ok for _f, ok, _w, _g in results):
                failing.append(entry["file"])
            for field, ok, _want, _got in results:
                total[field] += 1
                correct[field] += ok
        rows = [f"{'field':<22}{'correct':>9}{'total':>8}{'accuracy':>10}"]
        for field in FIELDS:
            if total[field]:
                rows.append(
                    f"{field:<22}{correct[field]:>9}{total[field]:>8}{100 * correct[field] / total[field]:>9.1f}%"
                )
        all_correct, all_total = sum(correct.values()), sum(total.values())
        rows.append(f"{'all fields':<22}{all_correct:>9}{all_total:>8}{100 * all_correct / all_total:>9.1f}%")
        pages_ok = len(self.pages) - len(failing)
        rows.append(f"{'pages fully right':<22}{pages_ok:>9}{len(self.pages):>8}{100 * pages_ok / len(self.pages):>9.1f}%")
        stats = {field: (correct[field], total[field]) for field in FIELDS}
        return "\n".join(rows), stats, failing
