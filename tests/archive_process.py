"""Real `archive` processes (for concurrency and crash tests), and small distinct bulletins for them.

Each bulletin ``n`` is a different city and day, so every file has its own bytes and its own
report: 1 report, 2 district rows and 1 channel row.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import text

from archive.store import create_archive_engine

# The console script's equivalent, except that after its imports it waits until the time.time() given
# as its first argument (0: no wait), so that processes started together reach the database together.
_ARCHIVE = """
import sys, time
from archive.cli import main
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
main(sys.argv[2:], prog_name="archive")
"""

_CITIES = (
    ("哈尔滨市", "道里区", "南岗区"),
    ("齐齐哈尔市", "龙沙区", "建华区"),
    ("牡丹江市", "东安区", "阳明区"),
    ("佳木斯市", "向阳区", "前进区"),
    ("大庆市", "萨尔图区", "龙凤区"),
)
ROWS_PER_BULLETIN = {"report": 1, "district_count": 2, "channel_count": 1}
_SUMMARY = re.compile(r"documents: (\d+) new(?: \(\d+ without a bulletin\))?, (\d+) skipped, (\d+) failed")


def bulletin(n: int) -> str:
    city, first, second = _CITIES[n % len(_CITIES)]
    # Days stay within the years bulletins were published (later ones are misreadings to the parser).
    day = dt.date(2020, 1, 1) + dt.timedelta(days=(n // len(_CITIES)) % 1400)
    a, b = 1 + n % 7 + 7 * (n // 7000), 1 + n % 5  # distinct bytes for every n, the days repeating
    return (
        f"{day.year}年{day.month}月{day.day}日0-24时,{city}新增本土确诊病例{a + b}例,"
        f"{first}{a}例、{second}{b}例;其中隔离管控人员中发现{a + b}例。"
    )


def write_bulletins(folder: Path, numbers: Iterable[int]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        path = folder / f"{n:05d}.txt"
        path.write_text(bulletin(n), encoding="utf-8")
        paths.append(path)
    return paths


def start_archive(*args, start_at: float = 0.0) -> subprocess.Popen:
    # -P: the archive installed, not a folder named archive in the current directory.
    command = [sys.executable, "-P", "-c", _ARCHIVE, str(start_at), *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def start_together(*commands: list, lead_time: float = 1.5) -> list[subprocess.Popen]:
    """Processes that all start their command ``lead_time`` seconds from now (after their imports)."""
    start_at = time.time() + lead_time
    return [start_archive(*command, start_at=start_at) for command in commands]


def finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    stdout, stderr = process.communicate(timeout=timeout)
    return process.returncode, stdout, stderr


def run_measured(*args, timeout: float = 300) -> tuple[int, str, str, int]:
    """Run `archive` to its end: (exit code, stdout, stderr, peak resident memory in bytes).

    Its output must be small (it is read after the process ends); it is killed after ``timeout``.
    """
    process = start_archive(*args)
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        watchdog.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = process.communicate()
    return process.returncode, stdout, stderr, usage.ru_maxrss * 1024


def summary_counts(stdout: str) -> tuple[int, int, int]:
    """(new, skipped, failed) from an ingest summary."""
    return tuple(int(group) for group in _SUMMARY.search(stdout).groups())


def query(db: str, sql: str) -> list[tuple]:
    engine = create_archive_engine(db)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def table_counts(db: str) -> dict[str, int]:
    return {table: query(db, f"SELECT count(*) FROM {table}")[0][0] for table in ("document", *ROWS_PER_BULLETIN)}


def expected_counts(documents: int) -> dict[str, int]:
    return {"document": documents, **{table: rows * documents for table, rows in ROWS_PER_BULLETIN.items()}}


def duplicate_reports(db: str) -> list[tuple]:
    """Reports of the same region, day and window: every bulletin written here has its own."""
    return query(
        db,
        "SELECT region, report_date, count(*) FROM report"
        " GROUP BY region, report_date, window_start_hour, window_end_hour HAVING count(*) > 1",
    )


def statuses(db: str) -> dict[str, int]:
    return dict(query(db, "SELECT status, count(*) FROM document GROUP BY status"))
