"""Time one `archive` command inside a process that has run it once already: the command's
own work (connecting, querying, writing its output), without the start-up of the
interpreter and the imports (the command's own included: the CLI imports them when a
command runs), which the whole-command timings include.

    python benchmarks/command_time.py --db URL reports --region 哈尔滨市 --format json
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

from archive.cli import main


def timed(argv: list[str]) -> float:
    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        main(argv, standalone_mode=False)  # imports what the command uses
        started = time.perf_counter()
        main(argv, standalone_mode=False)
        return time.perf_counter() - started


if __name__ == "__main__":
    print(f"{timed(sys.argv[1:]):.6f}")
