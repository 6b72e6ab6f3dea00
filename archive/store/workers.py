"""Apply a pure function to batches of items, in this process or in worker processes."""

from __future__ import annotations

import os
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
            # Processes start the platform's default way. Forked (Linux before Python 3.14): quick,
            # nothing is imported again, and the caller must not be running other threads then.
            # Spawned (elsewhere): a script calling this needs the `if __name__ == "__main__":` guard.
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self._processes, initializer=collect_less)
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


def automatic_jobs() -> int:
    """One process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _apply(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    return [function(item) for item in items]
