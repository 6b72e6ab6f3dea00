"""Benchmark the archive: start-up, ingest, re-ingest, reparse and read commands, each with its target.

Every measurement runs the `archive` command (or the floor, benchmarks/floor.py, or
sqlite-utils) in a child process, timed from outside: wall time, CPU time and peak
resident memory (from os.wait4, which reports on that child alone). Commands are
started as a console script starts them: the interpreter importing the command's module.

    python benchmarks/run.py                       # N = 10,000 and 100,000; SQLite and PostgreSQL
    python benchmarks/run.py --quick               # N = 1,000, a smoke run
    python benchmarks/run.py --sizes 10000 --databases sqlite
    python benchmarks/run.py --sizes 1000000 --work /work/bench --results /work/bench/results.json

Ingest is measured in one process (--jobs 1) at every size, and with --jobs left to the
archive (one process per core once the input is large) at the largest size. The real
pages of --real (default: ../shared/real next to the repository, skipped when absent)
and one page of --big-page-mb megabytes (a bulletin repeated) are ingested too.
sqlite-utils (`pip install sqlite-utils`) lists the tables of the same SQLite file, side
by side with the read commands, as the start-up a small database tool pays.

At every size the real pages are ingested beside the corpus and the read commands of
SCALE_READS are timed (best of three) on a region of the corpus that every size holds whole,
with how many reports (or pairs, or places) each selects. A size above LARGEST_FULL_SIZE is
large: only its ingest and SCALE_READS are measured, the ingest on SQLite by one command
(--jobs as the archive chooses), on PostgreSQL as a team runs it: two `archive ingest`
processes at once on two halves of the corpus's folders, then one on the whole corpus, which
must skip everything. --results FILE keeps the SCALE_READS times by database and size, so that
a later run prints their growth from LARGEST_FULL_SIZE to a large size measured earlier.

The corpora are written once into --work (default: a temporary folder) and reused by
later runs given the same folder (a corpus being written is taken up where it stopped).
PostgreSQL runs use a database of their own (archive_bench_N), created on the server of
--pg-url and dropped afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import hashlib
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from archive.parse.model import STATUS_FAILED

HERE = Path(__file__).resolve().parent
REAL_PAGES = HERE.parent.parent / "shared" / "real"
sys.path.insert(0, str(HERE))

import make_corpus

ARCHIVE = [sys.executable, "-c", "from archive.cli import main; main()"]
SQLITE_UTILS = [sys.executable, "-c", "from sqlite_utils.cli import cli; cli()"]
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# Targets (issue 12). Seconds are wall-clock seconds of the whole command, start-up included.
TARGET_STARTUP_SECONDS = 0.15  # --help, --version
TARGET_READ_SECONDS = 0.25
TARGET_READ_PER_SQLITE_UTILS = 2  # a read command ÷ `sqlite-utils tables` on the same file
TARGET_REPORT_SECONDS = 1.0
TARGET_CHECK_SECONDS = 2.0
TARGET_BULLETINS_PER_SECOND = {"sqlite": 3000, "postgresql": 2000}  # one process
TARGET_AUTOMATIC_JOBS_PER_SECOND = {"sqlite": 4000}  # --jobs chosen by the archive
TARGET_FLOOR_RATIO = 4
TARGET_SCALING_PER_TENFOLD = 11
TARGET_RSS_MB = 300
TARGET_REINGEST = 20_000

# The one-page test: this bulletin (97 bytes) repeated, about 400,000 times for 40 MB.
BIG_PAGE_BULLETIN = "2022年3月1日0-24时,哈尔滨市新增本土确诊病例5例,道里区3例、南岗区2例。\n"
SEARCH_WORD = "口罩"  # in the generated notices (make_corpus.NOTICES)
# Read commands as people run them (a table on the terminal, a few rows) and their targets.
READ_COMMANDS = {
    "reports": (["reports", "--limit", "5"], TARGET_READ_SECONDS),
    "show": (["show", "1"], TARGET_READ_SECONDS),
    "districts": (["districts", "--region", "{region}", "--limit", "20"], TARGET_READ_SECONDS),
    "series": (["series", "--region", "{region}", "--from", "2022-01-01", "--to", "2022-01-03"], TARGET_READ_SECONDS),
    "places": (["places", "--limit", "20"], TARGET_READ_SECONDS),
    "notices --search": (["notices", "--search", SEARCH_WORD, "--limit", "5"], TARGET_READ_SECONDS),
    "check": (["check", "--format", "json"], TARGET_CHECK_SECONDS),
    "report": (["report", "--region", "{region}", "--out", "{out}"], TARGET_REPORT_SECONDS),
}
TIMED_FOR_WORK = {"reports", "check", "report"}  # also timed inside one process (command_time.py)
# The region the read commands filter by: the corpus's first source, a city whose reports, and
# those of its province and districts, every size from 10,000 pages on holds whole.
REGION = make_corpus.sources()[0].name

# Issue 17: read commands that cost what they select, up to 1,000,000 bulletins. Sizes above
# LARGEST_FULL_SIZE measure only the ingest and these.
LARGEST_FULL_SIZE = 100_000
MARCH_2022 = (dt.date(2022, 3, 1), dt.date(2022, 3, 31))
PLACES_DAY = dt.date(2022, 4, 10)
PLACES_DISTRICT = "浦东新区"  # in the real pages (Shanghai), ingested beside the corpus
SCALE_READS = {
    "check --summary": (["check", "--summary"], 1.5),
    "check --region R": (["check", "--region", "{region}"], 1.0),
    "report --region R": (["report", "--region", "{region}", "--out", "{out}"], 1.5),
    "reports --region R, March 2022": (
        ["reports", "--region", "{region}", "--from", str(MARCH_2022[0]), "--to", str(MARCH_2022[1])], 0.6
    ),
    "districts --region R, March 2022": (
        ["districts", "--region", "{region}", "--from", str(MARCH_2022[0]), "--to", str(MARCH_2022[1])], 0.6
    ),
    "series --region R": (["series", "--region", "{region}"], 0.6),
    f"places --district {PLACES_DISTRICT}, {PLACES_DAY}": (
        ["places", "--district", PLACES_DISTRICT, "--from", str(PLACES_DAY), "--to", str(PLACES_DAY), "--format", "csv"],
        0.6,
    ),
}  # fmt: skip
TARGET_GROWTH = 1.3  # a SCALE_READS time at a large size ÷ at LARGEST_FULL_SIZE
_INGEST_SUMMARY = re.compile(r"documents: (\d+) new(?: \(\d+ without a bulletin\))?, (\d+) skipped, (\d+) failed")
CORPUS_MARK_EVERY = 10_000  # pages written between two marks of a corpus being written


@dataclass(frozen=True)
class Run:
    """One child process, measured."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the child (and of children it waited for)
    peak_rss_mb: float
    stdout: str
    stderr: str
    exit_code: int


def measure(command: list[str]) -> Run:
    return measure_together([command])[0]


def measure_together(commands: list[list[str]]) -> list[Run]:
    """Start ``commands`` at once and measure each process until it ends (os.wait4 on any
    child, so that each gets its own wall time)."""
    with contextlib.ExitStack() as stack:
        started = time.perf_counter()
        running = {}
        for number, command in enumerate(commands):
            out, err = (stack.enter_context(tempfile.TemporaryFile()) for _ in range(2))
            process = subprocess.Popen(command, stdout=out, stderr=err)
            running[process.pid] = (number, process, out, err)
        runs: list[Run | None] = [None] * len(commands)
        while running:
            pid, status, usage = os.wait4(-1, 0)
            wall = time.perf_counter() - started
            number, process, out, err = running.pop(pid)
            process.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait for it again
            out.seek(0)
            err.seek(0)
            stdout, stderr = (stream.read().decode("utf-8", "replace") for stream in (out, err))
            cpu, rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
            runs[number] = Run(wall, cpu, rss, stdout, stderr, process.returncode)
    return runs


def best(command: list[str], repeats: int) -> Run:
    """The fastest of ``repeats`` runs: the machine is shared, and load only ever slows a run."""
    return min((measure(command) for _ in range(repeats)), key=lambda run: run.wall)


def archive(db: str, *args: str) -> Run:
    return measure([*ARCHIVE, "--db", db, *args])


# --- databases --------------------------------------------------------------------


class Database:
    """A brand-new archive database, migrated to the newest revision."""

    def __init__(self, kind: str, name: str, work: Path, pg_url: str):
        self.kind = kind
        if kind == "sqlite":
            self.url = str(work / f"archive-{name}.db")
            self.floor_url = str(work / f"floor-{name}.db")
            self._remove_files()
        else:
            self._admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
            self._name = f"archive_bench_{name}"
            self._drop()
            with self._admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{self._name}"'))
            self.url = self.floor_url = make_url(pg_url).set(database=self._name).render_as_string(hide_password=False)
        archive(self.url, "db", "upgrade")

    def scalar(self, sql: str, **params):
        engine = create_engine(self.url if "://" in self.url else f"sqlite:///{self.url}")
        try:
            with engine.connect() as connection:
                return connection.execute(text(sql), params).scalar_one()
        finally:
            engine.dispose()

    def counts(self) -> dict[str, int]:
        engine = create_engine(self.url if "://" in self.url else f"sqlite:///{self.url}")
        try:
            with engine.connect() as connection:
                return {
                    table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                    for table in ("document", "report", "district_count", "channel_count", "notice")
                }
        finally:
            engine.dispose()

    def cross_pairs(self) -> tuple[int, int]:
        """Pairs of sources one level apart that `archive check` compared, and how many disagree."""
        engine = create_engine(self.url if "://" in self.url else f"sqlite:///{self.url}")
        try:
            with engine.connect() as connection:
                pairs, agreeing = connection.execute(
                    text("SELECT count(*), sum(CASE WHEN agree THEN 1 ELSE 0 END) FROM cross_check")
                ).one()
                return pairs, pairs - (agreeing or 0)
        finally:
            engine.dispose()

    def drop(self) -> None:
        if self.kind == "sqlite":
            self._remove_files()
            return
        self._drop()
        self._admin.dispose()

    def _remove_files(self) -> None:
        for path in (self.url, self.floor_url):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(path + suffix).unlink(missing_ok=True)

    def _drop(self) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)'))


# --- results ----------------------------------------------------------------------


@dataclass
class Results:
    rows: list[tuple[str, dict[str, str], str]]  # (measure, value by database, target)
    notes: list[str]
    missed: list[str]  # targets not met: "measure (database): value, target"

    def add(self, measure: str, kind: str, value: str, target: str = "", met: bool | None = None) -> None:
        if met is False:
            value += " (NOT MET)"
            self.missed.append(f"{measure} ({kind}): {value.removesuffix(' (NOT MET)')}, target {target}")
        for name, values, _ in self.rows:
            if name == measure:
                values[kind] = value
                return
        self.rows.append((measure, {kind: value}, target))

    def note(self, line: str) -> None:
        if line not in self.notes:
            self.notes.append(line)


# --- the measurements -------------------------------------------------------------------


def corpus(work: Path, size: int, seed: int) -> Path:
    """The corpus of ``size`` pages, written unless a previous run left it complete; a run
    that was stopped while writing it is taken up at its last mark (every CORPUS_MARK_EVERY pages)."""
    folder = work / f"corpus-{size}"
    marker = folder / ".complete.json"  # hidden: ingest skips it
    progress = folder / ".written.json"  # the pages written so far, while writing
    # The generator's own bytes too: a changed make_corpus.py writes other pages.
    generator = hashlib.sha256(Path(make_corpus.__file__).read_bytes()).hexdigest()[:16]
    wanted = {"count": size, "seed": seed, "generator": generator}
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        return folder
    state = json.loads(progress.read_text()) if progress.exists() else {}
    written = state.pop("written", 0)
    if state != wanted:  # nothing written yet, or another corpus: start afresh
        written = 0
    if not written:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for start in range(written, size, CORPUS_MARK_EVERY):
        end = min(size, start + CORPUS_MARK_EVERY)
        make_corpus.write_corpus(folder, end, seed, start=start)
        progress.write_text(json.dumps({**wanted, "written": end}))
    marker.write_text(json.dumps(wanted))
    progress.unlink()
    return folder


def page_files(folder: Path) -> Iterator[Path]:
    """The files below ``folder`` that are pages (not the hidden marks). os.walk, not Path.rglob: rglob keeps
    every path it yielded in a set, which for a million pages made this process 580 MB, and each command it
    then started reported that as its own peak (Linux keeps the high-water mark of the memory an exec replaces)."""
    for root, _folders, files in os.walk(folder):
        for name in files:
            if not name.startswith("."):
                yield Path(root, name)


def corpus_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in page_files(folder))


def ingest(database: Database, folder: Path, jobs: int | None, results: Results, label: str, target: int | None):
    """Ingest ``folder`` (``jobs`` None: as the archive chooses); returns the run and the report count."""
    jobs_option = [] if jobs is None else ["--jobs", str(jobs)]
    run = archive(database.url, "ingest", "--recursive", str(folder), *jobs_option)
    if run.exit_code not in (0, 1):  # 1: some inputs failed, which real pages may do
        raise SystemExit(f"ingest into {database.kind} failed (exit {run.exit_code}):\n{run.stderr}")
    counts = database.counts()
    per_second = counts["report"] / run.wall
    results.add(f"{label}: time", database.kind, f"{run.wall:.1f} s (cpu {run.cpu:.1f} s)")
    results.add(
        f"{label}: bulletins/s", database.kind, f"{per_second:,.0f}",
        f"≥ {target:,}/s" if target else "", None if target is None else per_second >= target,
    )  # fmt: skip
    rss = run.peak_rss_mb
    results.add(f"{label}: peak RSS", database.kind, f"{rss:.0f} MB", f"≤ {TARGET_RSS_MB} MB", rss <= TARGET_RSS_MB)
    return run, counts


def bench_database(kind: str, sizes: list[int], corpora: dict[int, Path], args, results: Results, saved: dict) -> None:
    ingest_times = {}
    full = [size for size in sizes if size <= LARGEST_FULL_SIZE]
    for size in sizes:
        folder = corpora[size]
        if size > LARGEST_FULL_SIZE:
            bench_large(kind, size, folder, args, results, saved)
            continue
        n = f"{size:,}"
        database = Database(kind, str(size), args.work, args.pg_url)
        try:
            run, counts = ingest(database, folder, 1, results, f"ingest {n}", TARGET_BULLETINS_PER_SECOND[kind])
            ingest_times[size] = run.wall
            results.add(f"ingest {n}: rows/s", kind, f"{sum(counts.values()) / run.wall:,.0f} ({sum(counts.values()):,} rows)")
            floor = measure([sys.executable, str(HERE / "floor.py"), str(folder), database.floor_url])
            results.add(f"floor {n}: time", kind, f"{floor.wall:.2f} s")
            ratio = run.wall / floor.wall
            results.add(f"ingest/floor {n}", kind, f"{ratio:.1f}×", f"≤ {TARGET_FLOOR_RATIO}×", ratio <= TARGET_FLOOR_RATIO)
            if size == max(full):
                bench_archive(kind, database, size, folder, args, results)
            scale_reads(kind, database, size, args, results, saved)
        finally:
            if not args.keep:
                database.drop()
    if full and not args.quick:
        database = Database(kind, f"{max(full)}_auto", args.work, args.pg_url)
        try:
            run, _ = ingest(
                database, corpora[max(full)], None, results, f"ingest {max(full):,}, --jobs automatic",
                TARGET_AUTOMATIC_JOBS_PER_SECOND.get(kind),
            )  # fmt: skip
        finally:
            database.drop()
    if len(full) > 1:
        small, large = min(full), max(full)
        scaling = ingest_times[large] / ingest_times[small]
        limit = TARGET_SCALING_PER_TENFOLD * large / small / 10
        results.add(f"ingest time {large:,} / {small:,}", kind, f"{scaling:.1f}", f"≤ {limit:g}", scaling <= limit)


def bench_large(kind: str, size: int, folder: Path, args, results: Results, saved: dict) -> None:
    """A size above LARGEST_FULL_SIZE: the ingest (on PostgreSQL as a team runs it), then SCALE_READS."""
    database = Database(kind, str(size), args.work, args.pg_url)
    try:
        if kind == "postgresql":
            ingest_as_a_team(database, size, folder, results)
        else:
            label = f"ingest {size:,}, --jobs automatic"
            ingest(database, folder, None, results, label, TARGET_AUTOMATIC_JOBS_PER_SECOND.get(kind))
        scale_reads(kind, database, size, args, results, saved)
    finally:
        if not args.keep:
            database.drop()


def halves(folder: Path) -> list[list[Path]]:
    """The corpus's top folders (a province each) in two lists of about as many pages each."""
    folders = sorted(path for path in folder.iterdir() if path.is_dir())
    if len(folders) < 2:
        raise SystemExit(f"{folder} holds one province: too few pages for two ingests of a folder each")
    pages = [sum(1 for _ in page_files(path)) for path in folders]
    before = [sum(pages[:cut]) for cut in range(len(folders) + 1)]
    cut = min(range(1, len(folders)), key=lambda cut: abs(2 * before[cut] - before[-1]))
    return [folders[:cut], folders[cut:]]


def ingest_as_a_team(database: Database, size: int, folder: Path, results: Results) -> None:
    """Two `archive ingest` processes (--jobs 1 each) at once on two halves of the corpus's
    folders; every page must be stored once and none fail. Then one ingest of the whole
    corpus, which must skip every page."""
    kind, n = database.kind, f"{size:,}"
    parts = halves(folder)
    runs = measure_together(
        [[*ARCHIVE, "--db", database.url, "ingest", "--recursive", "--jobs", "1", *map(str, part)] for part in parts]
    )
    new = failed = 0
    for number, (part, run) in enumerate(zip(parts, runs), 1):
        summary, reports = _INGEST_SUMMARY.search(run.stdout), re.search(r"^reports: (\d+)$", run.stdout, re.M)
        if run.exit_code != 0 or summary is None or reports is None:
            raise SystemExit(f"ingest {number} of 2 into {kind} failed (exit {run.exit_code}):\n{run.stderr[-3000:]}")
        part_new, part_skipped, part_failed = map(int, summary.groups())
        new, failed = new + part_new, failed + part_failed
        label = f"ingest {n}, process {number} of 2 at once ({parts[number - 1][0].name}…, {len(part)} folders)"
        per_second = int(reports.group(1)) / run.wall
        results.add(f"{label}: time", kind, f"{run.wall:.1f} s (cpu {run.cpu:.1f} s)")
        results.add(
            f"{label}: bulletins/s", kind,
            f"{per_second:,.0f} ({part_new:,} new, {part_skipped:,} skipped, {part_failed:,} failed)",
        )  # fmt: skip
        rss = run.peak_rss_mb
        results.add(f"{label}: peak RSS", kind, f"{rss:.0f} MB", f"≤ {TARGET_RSS_MB} MB", rss <= TARGET_RSS_MB)
    counts = database.counts()
    distinct = database.scalar("SELECT count(DISTINCT sha256) FROM document")
    failed_stored = database.scalar("SELECT count(*) FROM document WHERE status = :failed", failed=STATUS_FAILED)
    results.add(
        f"ingest {n}, two processes at once: stored", kind,
        f"{counts['document']:,} documents ({distinct:,} distinct, {failed_stored:,} failed; {new:,} new, {failed:,} "
        f"failed by the processes), {counts['report']:,} reports in {max(run.wall for run in runs):.1f} s",
        f"{n} documents once, none failed",
        counts["document"] == distinct == new == size and failed == failed_stored == 0,
    )  # fmt: skip
    again = archive(database.url, "ingest", "--recursive", str(folder))
    summary = _INGEST_SUMMARY.search(again.stdout)
    if again.exit_code != 0 or summary is None:
        raise SystemExit(f"the whole-corpus ingest into {kind} failed (exit {again.exit_code}):\n{again.stderr[-3000:]}")
    again_new, skipped, again_failed = map(int, summary.groups())
    results.add(
        f"ingest {n} again, the whole corpus in one process", kind,
        f"{again.wall:.1f} s: {skipped:,} skipped, {again_new:,} new, {again_failed:,} failed; {database.counts()['document']:,} documents",
        "every page skipped", again_new == again_failed == 0 and skipped == size,
    )  # fmt: skip


def scale_reads(kind: str, database: Database, size: int, args, results: Results, saved: dict) -> None:
    """SCALE_READS on the archive plus the real pages (not with --quick): whole-process time,
    best of three, and how many reports (pairs, places) each selects; times kept in ``saved``."""
    n = f"{size:,}"
    if args.quick or not args.real.is_dir():
        results.note(f"read {n}: without the real pages ({'--quick' if args.quick else f'no {args.real}'})")
    else:
        run = archive(database.url, "ingest", "--recursive", str(args.real))
        if run.exit_code not in (0, 1):  # 1: some inputs failed, which real pages may do
            raise SystemExit(f"ingest of {args.real} into {kind} failed (exit {run.exit_code}):\n{run.stderr}")
    results.note(f"read: R = {REGION}")
    repeats = 1 if args.quick else 3
    selects = selections(database)
    times = saved.setdefault(kind, {}).setdefault(str(size), {})
    for command, (arguments, target) in SCALE_READS.items():
        given = [argument.format(region=REGION, out=args.work / "report.html") for argument in arguments]
        results.note(f"read: {command} = archive {' '.join(given)}")
        runs = [archive(database.url, *given) for _ in range(repeats)]
        if any(run.exit_code != 0 for run in runs):
            failed = next(run for run in runs if run.exit_code != 0)
            results.add(f"read {n}: {command}", kind, f"failed (exit {failed.exit_code})", f"≤ {target} s", False)
            continue
        wall = min(run.wall for run in runs)
        times[command] = wall
        results.add(f"read {n}: {command}", kind, f"{wall:.2f} s", f"≤ {target} s", wall <= target)
        if command not in selects:  # places: the rows of its csv
            selects[command] = f"{len(list(csv.reader(io.StringIO(runs[0].stdout)))) - 1:,} places"
        results.add(f"selects at {n}: {command}", kind, selects[command])


def selections(database: Database) -> dict[str, str]:
    """What each of SCALE_READS but places selects in ``database``."""
    of_region = "FROM report WHERE region = :region"
    reports = database.scalar(f"SELECT count(*) {of_region}", region=REGION)
    in_march = database.scalar(
        f"SELECT count(*) {of_region} AND report_date BETWEEN :start AND :end",
        region=REGION, start=str(MARCH_2022[0]), end=str(MARCH_2022[1]),
    )  # fmt: skip
    pairs = database.scalar("SELECT count(*) FROM cross_check WHERE :region IN (region, parent_region)", region=REGION)
    every_pair = database.scalar("SELECT count(*) FROM cross_check")
    every_report = database.scalar("SELECT count(*) FROM report")
    return {
        "check --summary": f"{every_report:,} reports, {every_pair:,} pairs of sources compared",
        "check --region R": f"{pairs:,} pairs of sources compared",
        "report --region R": f"{reports:,} reports",
        "reports --region R, March 2022": f"{in_march:,} reports",
        "districts --region R, March 2022": f"{in_march:,} reports",
        "series --region R": f"{reports:,} reports",
    }


def growth(kinds: list[str], saved: dict, results: Results) -> None:
    """SCALE_READS at each large size ÷ at LARGEST_FULL_SIZE, from this run's times or earlier ones (--results)."""
    for kind in kinds:
        by_size = saved.get(kind, {})
        base = by_size.get(str(LARGEST_FULL_SIZE), {})
        for size in sorted(int(size) for size in by_size if int(size) > LARGEST_FULL_SIZE):
            for command in SCALE_READS:
                if command in base and command in by_size[str(size)]:
                    ratio = by_size[str(size)][command] / base[command]
                    results.add(
                        f"growth {LARGEST_FULL_SIZE:,} → {size:,}: {command}", kind, f"{ratio:.2f}×",
                        f"≤ {TARGET_GROWTH}×", ratio <= TARGET_GROWTH,
                    )  # fmt: skip


def bench_archive(kind: str, database: Database, size: int, folder: Path, args, results: Results) -> None:
    """Re-ingest, reparse, start-up and read commands on the largest archive."""
    n = f"{size:,}"
    again = archive(database.url, "ingest", "--recursive", "--jobs", "1", str(folder))
    skipped = re.search(r"(\d+) skipped", again.stdout)
    all_skipped = skipped is not None and int(skipped.group(1)) == size
    per_second = size / again.wall
    results.add(
        f"re-ingest {n} unchanged: files/s", kind,
        f"{per_second:,.0f}" + ("" if all_skipped else " (NOT all skipped)"), f"≥ {TARGET_REINGEST:,}/s",
        per_second >= TARGET_REINGEST,
    )  # fmt: skip
    reparse = archive(database.url, "reparse", "--jobs", "1")
    results.add(f"reparse {n}: time", kind, f"{reparse.wall:.1f} s ({size / reparse.wall:,.0f} documents/s)")
    repeats = 1 if args.quick else 5
    for option in ("--help", "--version"):
        startup = best([*ARCHIVE, option], repeats).wall
        met = startup <= TARGET_STARTUP_SECONDS
        results.add(f"archive {option}", kind, f"{startup:.2f} s", f"≤ {TARGET_STARTUP_SECONDS} s", met)
    floor = sqlite_utils_tables(kind, database.url, repeats, results)
    for command, (arguments, target) in READ_COMMANDS.items():
        args_given = [arg.format(region=REGION, out=args.work / "report.html") for arg in arguments]
        results.note(f"read: {command} = archive {' '.join(args_given)}")
        read_command(database.url, kind, command, args_given, target, floor, repeats, results)
    pairs, disagreeing = database.cross_pairs()
    results.add("check: sources one level apart", kind, f"{pairs:,} pairs compared, {disagreeing:,} disagree")



def sqlite_utils_tables(kind: str, db: str, repeats: int, results: Results) -> float | None:
    """The best time of `sqlite-utils tables DB`; None for PostgreSQL or when it is not installed."""
    if kind != "sqlite":
        return None
    if importlib.util.find_spec("sqlite_utils") is None:
        results.add("sqlite-utils tables (side by side)", kind, "not installed: pip install sqlite-utils")
        return None
    run = best([*SQLITE_UTILS, "tables", db], repeats)
    results.add("sqlite-utils tables (side by side)", kind, f"{run.wall:.2f} s")
    return run.wall


def read_command(
    db: str, kind: str, command: str, args: list[str], target: float, floor: float | None, repeats: int, results: Results
) -> None:
    """The best whole-command time of ``repeats`` runs, against its target and, for the quick
    commands on SQLite, against sqlite-utils run in turn with it (so that both see the same
    load); for some, the command's own work (no start-up)."""
    first = archive(db, *args)
    if "No such command" in first.stderr:
        results.add(f"read: {command}", kind, "not available", f"≤ {target} s")
        return
    if first.exit_code != 0:
        results.add(f"read: {command}", kind, f"failed (exit {first.exit_code})", f"≤ {target} s", False)
        return
    walls = [first.wall]
    for _ in range(repeats - 1):
        if floor is not None:
            floor = min(floor, measure([*SQLITE_UTILS, "tables", db]).wall)
        walls.append(archive(db, *args).wall)
    wall = min(walls)
    shown = f"{wall:.2f} s"
    if command in TIMED_FOR_WORK:
        work_runs = [measure([sys.executable, str(HERE / "command_time.py"), "--db", db, *args]) for _ in range(repeats)]
        shown += f" (work {min(float(run.stdout) for run in work_runs):.2f} s)"
    met = wall <= target
    target_text = f"≤ {target} s"
    if floor is not None and target == TARGET_READ_SECONDS:
        shown += f", {wall / floor:.1f}× sqlite-utils"
        target_text += f", ≤ {TARGET_READ_PER_SQLITE_UTILS}× sqlite-utils"
        met = met and wall / floor <= TARGET_READ_PER_SQLITE_UTILS
    results.add(f"read: {command}", kind, shown, target_text, met)


def bench_real_pages(folder: Path, args, results: Results) -> None:
    """The real pages (longer than the generated ones), in one process, on SQLite."""
    pages = sum(1 for _ in page_files(folder))
    database = Database("sqlite", "real", args.work, args.pg_url)
    try:
        run, counts = ingest(database, folder, 1, results, f"ingest real pages ({pages} files)", None)
        results.add(f"ingest real pages ({pages} files): pages/s", "sqlite", f"{pages / run.wall:,.0f}")
        floor = measure([sys.executable, str(HERE / "floor.py"), str(folder), database.floor_url])
        ratio = f"{run.wall / floor.wall:.1f}× (floor {floor.wall:.2f} s)"
        results.add(f"ingest real pages ({pages} files): ÷ floor", "sqlite", ratio)
        size_mb = corpus_bytes(folder) / 1e6
        results.note(
            f"real pages: {folder}, {size_mb:.1f} MB, {size_mb * 1e6 / pages:,.0f} bytes a page, {counts['report']:,} reports"
        )
    finally:
        database.drop()


def bench_big_page(megabytes: float, args, results: Results) -> None:
    """One page of ``megabytes`` MB: one bulletin repeated (memory must stay flat)."""
    page = args.work / f"big-page-{megabytes:g}MB.txt"
    copies = max(1, int(megabytes * 1e6 / len(BIG_PAGE_BULLETIN.encode("utf-8"))))
    page.write_text(BIG_PAGE_BULLETIN * copies, encoding="utf-8")
    database = Database("sqlite", "big_page", args.work, args.pg_url)
    try:
        run = archive(database.url, "ingest", str(page))
        label = f"ingest one {megabytes:g} MB page"
        results.add(f"{label}: time", "sqlite", f"{run.wall:.1f} s (exit {run.exit_code})")
        met = run.peak_rss_mb <= TARGET_RSS_MB
        results.add(f"{label}: peak RSS", "sqlite", f"{run.peak_rss_mb:.0f} MB", f"≤ {TARGET_RSS_MB} MB", met)
    finally:
        database.drop()
        page.unlink(missing_ok=True)


def print_table(results: Results, kinds: list[str]) -> None:
    header = ["measure", *kinds, "target"]
    table = [[name, *(values.get(kind, "") for kind in kinds), target] for name, values, target in results.rows]
    widths = [max(len(row[column]) for row in [header, *table]) for column in range(len(header))]
    for row in [header, ["-" * width for width in widths], *table]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    for line in results.notes:
        print(line)
    if results.missed:
        print("targets not met on this machine:")
        for line in results.missed:
            print(f"  {line}")
    else:
        print("every target measured here is met")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="10000,100000",
        help=f"corpus sizes (default 10000,100000); above {LARGEST_FULL_SIZE:,} only the ingest and the scale reads",
    )  # fmt: skip
    parser.add_argument("--databases", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--quick", action="store_true", help="one corpus of 1,000 pages, one run each: a smoke run")
    parser.add_argument("--work", type=Path, help="folder for corpora and SQLite files (default: temporary)")
    parser.add_argument("--real", type=Path, default=REAL_PAGES, help="folder of real pages (default ../shared/real)")
    parser.add_argument("--big-page-mb", type=float, help="size of the one-page test (default 40; 1 with --quick)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases")
    parser.add_argument(
        "--results", type=Path,
        help="JSON file of the scale reads' times by database and size: earlier runs' are read for their "
        "growth, this run's added",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-url", default=os.environ.get("ARCHIVE_TEST_PG_URL", DEFAULT_PG_URL))
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else sorted(int(size) for size in args.sizes.split(","))
    kinds = [kind.strip() for kind in args.databases.split(",")]
    big_page_mb = args.big_page_mb if args.big_page_mb is not None else (1 if args.quick else 40)
    temporary = args.work is None
    args.work = Path(tempfile.mkdtemp(prefix="archive-bench-")) if temporary else args.work
    args.work.mkdir(parents=True, exist_ok=True)
    saved = json.loads(args.results.read_text()) if args.results and args.results.exists() else {}
    try:
        results = Results([], [], [])
        corpora = {}
        for size in sizes:
            started = time.perf_counter()
            corpora[size] = corpus(args.work, size, args.seed)
            size_mb = corpus_bytes(corpora[size]) / 1e6
            results.note(f"corpus {size:,}: {size_mb:.1f} MB, {size_mb * 1e6 / size:,.0f} bytes a page")
            print(f"corpus of {size:,} pages ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for kind in kinds:
            print(f"benchmarking {kind} …", file=sys.stderr)
            bench_database(kind, sizes, corpora, args, results, saved)
        if "sqlite" in kinds:
            if not args.quick and args.real.is_dir():
                print("real pages …", file=sys.stderr)
                bench_real_pages(args.real, args, results)
            if big_page_mb > 0:
                print(f"one {big_page_mb:g} MB page …", file=sys.stderr)
                bench_big_page(big_page_mb, args, results)
        growth(kinds, saved, results)
        if args.results:
            args.results.write_text(json.dumps(saved, indent=1, ensure_ascii=False))
        results.note(
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end; times are wall-clock "
            "seconds of the whole command (best of 5 for start-up and reads, of 3 for the scale reads), "
            "one process unless stated"
        )
        print_table(results, kinds)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
