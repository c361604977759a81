"""Shared test set-up: offscreen Qt and the test bundles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
SMALL_BUNDLE = TESTS_DIR / "bundles" / "small"


@pytest.fixture
def small_bundle(tmp_path: Path) -> Path:
    """A fresh, writable copy of the small test bundle."""
    target = tmp_path / "small"
    shutil.copytree(SMALL_BUNDLE, target)
    return target
