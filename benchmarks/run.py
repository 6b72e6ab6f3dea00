"""Benchmark the archive: start-up, ingest, re-ingest, reparse and read commands, each with its target.

Every measurement runs the `archive` command (or the floor, benchmarks/floor.py, or
sqlite-utils) in a child process, timed from outside: wall time, CPU time and peak
resident memory (from os.wait4, which reports on that child alone). Commands are
started as a console script starts them: the interpreter importing the command's module.

    python benchmarks/run.py                       # N = 10,000 and 100,000; SQLite and PostgreSQL
    python benchmarks/run.py --quick               # N = 1,000, a smoke run
    python benchmarks/run.py --sizes 10000 --databases sqlite

Ingest is measured in one process (--jobs 1) at every size, and with --jobs left to the
archive (one process per core once the input is large) at the largest size. The real
pages of --real (default: ../shared/real next to the repository, skipped when absent)
and one page of --big-page-mb megabytes (a bulletin repeated) are ingested too.
sqlite-utils (`pip install sqlite-utils`) lists the tables of the same SQLite file, side
by side with the read commands, as the start-up a small database tool pays.

The corpora are written once into --work (default: a temporary folder) and reused by
later runs given the same folder. PostgreSQL runs use a database of their own
(archive_bench_N), created on the server of --pg-url and dropped afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = (stream.read().decode("utf-8", "replace") for stream in (out, err))
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout, stderr, process.returncode)


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


def corpus_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.name.startswith("."))


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


def bench_database(kind: str, sizes: list[int], corpora: dict[int, Path], args, results: Results) -> None:
    ingest_times = {}
    largest = max(sizes)
    for size in sizes:
        folder = corpora[size]
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
            if size == largest:
                bench_archive(kind, database, size, folder, args, results)
        finally:
            if not args.keep:
                database.drop()
    if not args.quick:
        database = Database(kind, f"{largest}_auto", args.work, args.pg_url)
        try:
            run, _ = ingest(
                database, corpora[largest], None, results, f"ingest {largest:,}, --jobs automatic",
                TARGET_AUTOMATIC_JOBS_PER_SECOND.get(kind),
            )  # fmt: skip
        finally:
            database.drop()
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        scaling = ingest_times[large] / ingest_times[small]
        limit = TARGET_SCALING_PER_TENFOLD * large / small / 10
        results.add(f"ingest time {large:,} / {small:,}", kind, f"{scaling:.1f}", f"≤ {limit:g}", scaling <= limit)


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
    region = make_corpus.cities()[1].name
    for command, (arguments, target) in READ_COMMANDS.items():
        args_given = [arg.format(region=region, out=args.work / "report.html") for arg in arguments]
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
    pages = sum(1 for path in folder.rglob("*") if path.is_file() and not path.name.startswith("."))
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
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes (default 10000,100000)")
    parser.add_argument("--databases", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--quick", action="store_true", help="one corpus of 1,000 pages, one run each: a smoke run")
    parser.add_argument("--work", type=Path, help="folder for corpora and SQLite files (default: temporary)")
    parser.add_argument("--real", type=Path, default=REAL_PAGES, help="folder of real pages (default ../shared/real)")
    parser.add_argument("--big-page-mb", type=float, help="size of the one-page test (default 40; 1 with --quick)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-url", default=os.environ.get("ARCHIVE_TEST_PG_URL", DEFAULT_PG_URL))
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else sorted(int(size) for size in args.sizes.split(","))
    kinds = [kind.strip() for kind in args.databases.split(",")]
    big_page_mb = args.big_page_mb if args.big_page_mb is not None else (1 if args.quick else 40)
    temporary = args.work is None
    args.work = Path(tempfile.mkdtemp(prefix="archive-bench-")) if temporary else args.work
    args.work.mkdir(parents=True, exist_ok=True)
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
            bench_database(kind, sizes, corpora, args, results)
        if "sqlite" in kinds:
            if not args.quick and args.real.is_dir():
                print("real pages …", file=sys.stderr)
                bench_real_pages(args.real, args, results)
            if big_page_mb > 0:
                print(f"one {big_page_mb:g} MB page …", file=sys.stderr)
                bench_big_page(big_page_mb, args, results)
        results.note(
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end; times are wall-clock "
            "seconds of the whole command (best of 5 for start-up and reads), one process unless stated"
        )
        print_table(results, kinds)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
