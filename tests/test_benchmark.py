"""The benchmark runs end to end: a smoke run (--quick) on SQLite."""

import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_the_quick_benchmark_prints_every_figure(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARK), "--quick", "--databases", "sqlite", "--work", str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["measure", "sqlite", "target"]
    for measure in (
        "ingest 1,000: bulletins/s",
        "ingest 1,000: rows/s",
        "ingest 1,000: peak RSS",
        "floor 1,000: time",
        "ingest/floor 1,000",
        "re-ingest 1,000 unchanged: files/s",
        "reparse 1,000: time",
        "read: reports",
        "read: check",
    ):
        assert any(line.startswith(measure) for line in lines), f"no {measure!r} in\n{result.stdout}"
    assert "NOT all skipped" not in result.stdout
    assert sum(1 for _ in (tmp_path / "corpus-1000").rglob("*.*")) == 1000 + 1  # the pages and the marker
