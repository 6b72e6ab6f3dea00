"""The reader's speed and memory: parse_document over ../shared/real, normalization included, in one process,
and the peak memory of parsing one 40 MB page (a bulletin repeated), in a child process of its own.

    python benchmarks/parse_speed.py                 # best of three runs; the 40 MB page
    python benchmarks/parse_speed.py --runs 1 --big-page-mb 0

Targets (issue 15): at least 1.5 M characters a second; the 40 MB page within 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

REAL_PAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "real"
TARGET_CHARACTERS_PER_SECOND = 1_500_000
TARGET_BIG_PAGE_MB = 300
BIG_PAGE_BULLETIN = "2022年3月1日0-24时,哈尔滨市新增本土确诊病例5例,道里区3例、南岗区2例。\n"
_PARSE_BIG_PAGE = """
import sys
from archive.parse import parse_document
copies = int(float(sys.argv[1]) * 1e6 / len(sys.argv[2].encode("utf-8")))
parsed = parse_document(sys.argv[2] * copies)
print(len(parsed.reports), len(parsed.text))
"""


def parse_rate(texts: list[str], runs: int) -> tuple[float, float]:
    """(best wall seconds, best process seconds) of parsing every text once."""
    from archive.parse import parse_document

    parse_document(texts[0])  # the lexicon, the automaton and the gazetteer are built once per process
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            parse_document(text)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def big_page_peak_mb(megabytes: float) -> tuple[float, str]:
    """Peak resident memory of a child process that parses one page of ``megabytes`` MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PARSE_BIG_PAGE, str(megabytes), BIG_PAGE_BULLETIN],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    reports, characters = done.stdout.split()
    return max(peak, before) / 1024, f"{elapsed:.1f} s, {reports} report(s) from {int(characters):,} characters"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=REAL_PAGES, help="folder of real pages (default ../shared/real)")
    parser.add_argument("--runs", type=int, default=3, help="runs over the real pages; the best counts (default 3)")
    parser.add_argument("--big-page-mb", type=float, default=40, help="size of the one-page test; 0 skips it")
    args = parser.parse_args()
    missed = []
    if args.real.is_dir():
        texts = [path.read_text(encoding="utf-8") for path in sorted(args.real.rglob("*.txt"))]
        characters = sum(map(len, texts))
        wall, cpu = parse_rate(texts, args.runs)
        rate = characters / wall
        print(f"parse_document over {len(texts)} real pages ({characters:,} characters): best of {args.runs}")
        print(f"  {wall:.2f} s wall ({rate / 1e6:.2f} M characters/s), {cpu:.2f} s of CPU ({characters / cpu / 1e6:.2f} M/s)")
        print(f"  target ≥ {TARGET_CHARACTERS_PER_SECOND / 1e6:.1f} M characters/s: {'met' if rate >= TARGET_CHARACTERS_PER_SECOND else 'NOT met'}")
        if rate < TARGET_CHARACTERS_PER_SECOND:
            missed.append("parse rate")
    else:
        print(f"{args.real} is absent: the parse rate is not measured")
    if args.big_page_mb > 0:
        peak, detail = big_page_peak_mb(args.big_page_mb)
        met = peak <= TARGET_BIG_PAGE_MB
        print(f"one {args.big_page_mb:g} MB page: peak {peak:.0f} MB ({detail}); target ≤ {TARGET_BIG_PAGE_MB} MB: {'met' if met else 'NOT met'}")
        if not met:
            missed.append("big page memory")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
