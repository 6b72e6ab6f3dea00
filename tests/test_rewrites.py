"""Rewrites that keep a page's meaning keep its figures (../shared/rewrites.py over every real page and
every FORMATS.md example): the same totals, area rows and channel rows for ≥ 99 % of (report, rewrite)
pairs. Every miss is printed (`pytest tests/test_rewrites.py -s`)."""

from rewrite_stability import measure
from shared_paths import needs_shared

KEPT_AT_LEAST = 0.99


@needs_shared
def test_rewrites_keep_the_figures_of_real_pages_and_examples():
    measured = measure()
    print("\n" + "\n".join(measured.misses) + "\n" + measured.summary())
    assert measured.share >= KEPT_AT_LEAST, measured.summary()
