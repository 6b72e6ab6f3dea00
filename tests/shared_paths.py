"""Where ../shared lives, and a skip marker for tests that need it."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = SHARED / "seeds" / "000_fe24fd3066b55818.txt"
FORMATS = SHARED / "formats.json"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seed page and formats.json) is absent")
