"""The garbage collector's settings for long batch runs (ingest, reparse)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Allocations between collections of the youngest generation (Python's default is 700).
_BATCH_RUN_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect reference cycles less often while a batch run allocates millions of short-lived
    objects.

    Parsing and storing make few cycles (reference counting frees their objects), yet the
    cyclic collector would walk the young objects every 700 allocations and the whole heap
    now and then: a tenth of an ingest's time. What exists when the run starts (modules,
    caches) is set aside with gc.freeze() so that full collections skip it.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(_BATCH_RUN_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def collect_less() -> None:
    """For a worker process that only parses: the settings of fewer_collections, for good."""
    gc.freeze()
    gc.set_threshold(_BATCH_RUN_THRESHOLD, *gc.get_threshold()[1:])
