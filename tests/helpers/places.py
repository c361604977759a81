"""Where the tests find the repository and the test bundles."""

from __future__ import annotations

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = TESTS_DIR.parent
SMALL_BUNDLE = TESTS_DIR / "bundles" / "small"
