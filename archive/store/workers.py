"""Apply a pure function to batches of items, in this process or in worker processes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Generic, TypeVar

from archive.store.collector import collect_less

Item = TypeVar("Item")
Result = TypeVar("Result")

# Items sent to a worker at a time: small enough to share a batch evenly among the
# workers, large enough that sending them costs little next to the work.
_CHUNK = 32


class BatchMapper(Generic[Item, Result]):
    """``submit(items)`` starts ``function`` on each item and returns a callable that
    waits for the results, in order. With ``jobs`` > 1 the work runs in that many
    processes, so that the caller can write one batch while the next is being worked on.
    """

    def __init__(self, function: Callable[[Item], Result], jobs: int = 1):
        self._function = function
        # Processes start the platform's default way. Forked (Linux before Python 3.14): quick,
        # nothing is imported again, and the caller must not be running other threads then.
        # Spawned (elsewhere): a script calling this needs the `if __name__ == "__main__":` guard.
        self._pool = ProcessPoolExecutor(max_workers=jobs, initializer=collect_less) if jobs > 1 else None

    def submit(self, items: Sequence[Item]) -> Callable[[], list[Result]]:
        if self._pool is None:
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


def _apply(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    return [function(item) for item in items]
