"""Benchmark the archive: ingest, re-ingest, reparse and read commands on generated corpora.

Every measurement runs the `archive` command (or the floor, benchmarks/floor.py) in a
child process, timed from outside: wall time, CPU time and peak resident memory
(from os.wait4, which reports on that child alone).

    python benchmarks/run.py                       # N = 10,000 and 100,000; SQLite and PostgreSQL
    python benchmarks/run.py --quick               # N = 1,000, a smoke run
    python benchmarks/run.py --sizes 10000 --databases sqlite --jobs 2

The corpora are written once into --work (default: a temporary folder) and reused by
later runs given the same folder. PostgreSQL runs use a database of their own
(archive_bench_N), created on the server of --pg-url and dropped afterwards.
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(HERE))

import make_corpus

ARCHIVE = [sys.executable, "-c", "from archive.cli import main; main()"]
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# Read commands as people run them: one region's figures, the whole archive's check.
READ_COMMANDS = {
    "reports": ["reports", "--region", "{region}", "--format", "json"],
    "districts": ["districts", "--region", "{region}", "--format", "json"],
    "series": ["series", "--region", "{region}", "--format", "json"],
    "check": ["check", "--format", "json"],
    "report": ["report", "--region", "{region}", "--out", "{out}"],
}
TARGETS = {
    "sqlite": 3000,  # bulletins per second, end to end, one process
    "postgresql": 1500,
}
TARGET_FLOOR_RATIO = 4
TARGET_SCALING_PER_TENFOLD = 11
TARGET_RSS_MB = 300
TARGET_REINGEST = 20_000
TARGET_READ_SECONDS = 0.5


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


def archive(db: str, *args: str) -> Run:
    return measure([*ARCHIVE, "--db", db, *args])


# --- databases --------------------------------------------------------------------


class Database:
    """A brand-new archive database for one corpus size."""

    def __init__(self, kind: str, size: int, work: Path, pg_url: str):
        self.kind = kind
        if kind == "sqlite":
            self.url = str(work / f"archive-{size}.db")
            for suffix in ("", "-wal", "-shm"):
                Path(self.url + suffix).unlink(missing_ok=True)
            self.floor_url = str(work / f"floor-{size}.db")
            Path(self.floor_url).unlink(missing_ok=True)
            return
        self._admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
        self._name = f"archive_bench_{size}"
        self._drop()
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self._name}"'))
        self.url = self.floor_url = make_url(pg_url).set(database=self._name).render_as_string(hide_password=False)

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
            for path in (self.url, self.url + "-wal", self.url + "-shm", self.floor_url):
                Path(path).unlink(missing_ok=True)
            return
        self._drop()
        self._admin.dispose()

    def _drop(self) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)'))


# --- the measurements -------------------------------------------------------------------


def corpus(work: Path, size: int, seed: int) -> Path:
    """The corpus of ``size`` pages, written unless a previous run left it complete."""
    folder = work / f"corpus-{size}"
    marker = folder / ".complete.json"  # hidden: ingest skips it
    if marker.exists() and json.loads(marker.read_text()) == {"count": size, "seed": seed}:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    make_corpus.write_corpus(folder, size, seed)
    marker.write_text(json.dumps({"count": size, "seed": seed}))
    return folder


def corpus_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.name.startswith("."))


def read_command(db: str, command: str, region: str, work: Path, repeats: int) -> tuple[str, str]:
    """The command line run, and its best time of ``repeats`` runs (or why there is none): the
    whole command, then the command's own work without the interpreter's start-up."""
    args = [arg.format(region=region, out=work / "report.html") for arg in READ_COMMANDS[command]]
    runs = [archive(db, *args) for _ in range(repeats)]
    if "No such command" in runs[0].stderr:
        return " ".join(args), "not available"
    if any(run.exit_code != 0 for run in runs):
        return " ".join(args), f"failed (exit {runs[0].exit_code})"
    work_runs = [measure([sys.executable, str(HERE / "command_time.py"), "--db", db, *args]) for _ in range(repeats)]
    work_seconds = min(float(run.stdout) for run in work_runs)
    return " ".join(args), f"{min(run.wall for run in runs):.2f} s (work {work_seconds:.2f} s)"


@dataclass
class Results:
    rows: list[tuple[str, dict[str, str], str]]  # (measure, value by database, target)
    notes: list[str]

    def add(self, measure: str, kind: str, value: str, target: str = "") -> None:
        for name, values, _ in self.rows:
            if name == measure:
                values[kind] = value
                return
        self.rows.append((measure, {kind: value}, target))

    def note(self, line: str) -> None:
        if line not in self.notes:
            self.notes.append(line)


def bench_database(kind: str, sizes: list[int], corpora: dict[int, Path], args, results: Results) -> None:
    ingest_times = {}
    for size in sizes:
        folder = corpora[size]
        database = Database(kind, size, args.work, args.pg_url)
        try:
            archive(database.url, "db", "upgrade")
            jobs = ["--jobs", str(args.jobs)] if args.jobs > 1 else []
            run = archive(database.url, "ingest", "--recursive", str(folder), *jobs)
            if run.exit_code != 0:
                raise SystemExit(f"ingest into {kind} failed (exit {run.exit_code}):\n{run.stdout}")
            counts = database.counts()
            rows = sum(counts.values())
            ingest_times[size] = run.wall
            n = f"{size:,}"
            target = f"≥ {TARGETS[kind]:,}/s"
            results.add(f"ingest {n}: time", kind, f"{run.wall:.1f} s (cpu {run.cpu:.1f} s)")
            results.add(f"ingest {n}: bulletins/s", kind, f"{counts['report'] / run.wall:,.0f}", target)
            results.add(f"ingest {n}: rows/s", kind, f"{rows / run.wall:,.0f} ({rows:,} rows)")
            results.add(f"ingest {n}: peak RSS", kind, f"{run.peak_rss_mb:.0f} MB", f"≤ {TARGET_RSS_MB} MB")
            floor = measure([sys.executable, str(HERE / "floor.py"), str(folder), database.floor_url])
            results.add(f"floor {n}: time", kind, f"{floor.wall:.2f} s")
            results.add(f"ingest/floor {n}", kind, f"{run.wall / floor.wall:.1f}×", f"≤ {TARGET_FLOOR_RATIO}×")
            if size == max(sizes):
                bench_archive(kind, database, size, folder, args, results)
        finally:
            if not args.keep:
                database.drop()
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        results.add(
            f"ingest time {large:,} / {small:,}", kind, f"{ingest_times[large] / ingest_times[small]:.1f}",
            f"≤ {TARGET_SCALING_PER_TENFOLD * large / small / 10:g}",
        )  # fmt: skip


def bench_archive(kind: str, database: Database, size: int, folder: Path, args, results: Results) -> None:
    """Re-ingest, reparse and read commands on the largest archive."""
    n = f"{size:,}"
    again = archive(database.url, "ingest", "--recursive", str(folder))
    skipped = re.search(r"(\d+) skipped", again.stdout)
    all_skipped = skipped is not None and int(skipped.group(1)) == size
    results.add(
        f"re-ingest {n} unchanged: files/s", kind,
        f"{size / again.wall:,.0f}" + ("" if all_skipped else " (NOT all skipped)"), f"≥ {TARGET_REINGEST:,}/s",
    )  # fmt: skip
    reparse = archive(database.url, "reparse")
    results.add(f"reparse {n}: time", kind, f"{reparse.wall:.1f} s ({size / reparse.wall:,.0f} documents/s)")
    region = make_corpus.cities()[1].name
    repeats = 1 if args.quick else 3
    startup = min(archive(database.url, "--version").wall for _ in range(repeats))
    results.add("archive --version (start-up)", kind, f"{startup:.2f} s")
    for command in READ_COMMANDS:
        shown, value = read_command(database.url, command, region, args.work, repeats)
        results.add(f"read: {command}", kind, value, f"≤ {TARGET_READ_SECONDS} s")
        results.note(f"read: {command} = archive {shown}")
    pairs, disagreeing = database.cross_pairs()
    results.add("check: sources one level apart", kind, f"{pairs:,} pairs compared, {disagreeing:,} disagree")


def print_table(results: Results, kinds: list[str]) -> None:
    header = ["measure", *kinds, "target"]
    table = [[name, *(values.get(kind, "") for kind in kinds), target] for name, values, target in results.rows]
    widths = [max(len(row[column]) for row in [header, *table]) for column in range(len(header))]
    for row in [header, ["-" * width for width in widths], *table]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    for line in results.notes:
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes (default 10000,100000)")
    parser.add_argument("--databases", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--quick", action="store_true", help="one corpus of 1,000 pages: a smoke run")
    parser.add_argument("--jobs", type=int, default=1, help="archive ingest --jobs (default 1)")
    parser.add_argument("--work", type=Path, help="folder for corpora and SQLite files (default: temporary)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-url", default=os.environ.get("ARCHIVE_TEST_PG_URL", DEFAULT_PG_URL))
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else sorted(int(size) for size in args.sizes.split(","))
    kinds = [kind.strip() for kind in args.databases.split(",")]
    temporary = args.work is None
    args.work = Path(tempfile.mkdtemp(prefix="archive-bench-")) if temporary else args.work
    args.work.mkdir(parents=True, exist_ok=True)
    try:
        results = Results([], [])
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
        jobs = f", ingest --jobs {args.jobs}" if args.jobs > 1 else ", ingest in one process"
        results.note(f"{os.cpu_count()} CPUs{jobs}; times are wall-clock seconds of the whole command")
        print_table(results, kinds)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
