"""Apply a pure function to batches of items, in this process or in worker processes."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from archive.store.collector import collect_less

# Imported when workers start: `archive --help` reads AUTOMATIC_AFTER_ITEMS from here.
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

Item = TypeVar("Item")
Result = TypeVar("Result")

# Items sent to a worker at a time: small enough to share a batch evenly among the
# workers, large enough that sending them costs little next to the work.
_CHUNK = 32
# With the number of processes left to the mapper (jobs None), items are worked on in this
# process until more than this many have come: starting workers and sending every result
# back costs more than it saves on a small input.
AUTOMATIC_AFTER_ITEMS = 1000


class BatchMapper(Generic[Item, Result]):
    """``submit(items)`` starts ``function`` on each item and returns a callable that
    waits for the results, in order. With ``jobs`` > 1 the work runs in that many
    processes, so that the caller can write one batch while the next is being worked on;
    with ``jobs`` None, in one process per core once the input proves large
    (AUTOMATIC_AFTER_ITEMS), in this process until then.
    """

    def __init__(self, function: Callable[[Item], Result], jobs: int | None = 1):
        self._function = function
        self._pool: ProcessPoolExecutor | None = None
        self._processes = automatic_jobs() if jobs is None else jobs
        # Items to work on in this process before starting the workers.
        self._serial_items = AUTOMATIC_AFTER_ITEMS if jobs is None else 0

    def submit(self, items: Sequence[Item]) -> Callable[[], list[Result]]:
        if self._processes > 1 and self._pool is None and self._serial_items <= 0:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                self._processes, _start_method(), initializer=_start_worker, initargs=(os.getpid(),)
            )
        if self._pool is None:
            self._serial_items -= len(items)
            results = [self._function(item) for item in items]
            return lambda: results
        futures: list[Future] = [
            self._pool.submit(_apply, self._function, items[start : start + _CHUNK])
            for start in range(0, len(items), _CHUNK)
        ]
        return lambda: [result for future in futures for result in future.result()]

    def __enter__(self) -> BatchMapper[Item, Result]:
        return self

    def __exit__(self, *_exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def _start_method():
    """Workers are started by a server process (forkserver), not forked from this one: a copy
    of this process would hold its database connection, and outlive it if it is killed (a
    PostgreSQL COPY left waiting for data, holding its locks). Spawned where there is no
    forkserver (a script calling this then needs the `if __name__ == "__main__":` guard)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _start_worker(client: int) -> None:
    collect_less()
    threading.Thread(target=_exit_with_client, args=(client,), daemon=True).start()


def _exit_with_client(client: int) -> None:
    """End this worker when the process it works for ends, even by SIGKILL (which leaves it no
    chance to stop its workers): else the worker, and the fork server that waits for its
    workers, would live on, holding the pipes of the killed process's output open."""
    while _running(client):
        time.sleep(1)
    os._exit(1)


def _running(pid: int) -> bool:
    """The process exists and has not ended (a process that ended but whose parent has not
    collected its exit status yet is a zombie: /proc shows it as Z)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:  # no /proc: the process exists, as far as one can tell
        return True


def automatic_jobs() -> int:
    """One process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _apply(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    return [function(item) for item in items]
