"""Shared test set-up: offscreen Qt and the test bundles."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.content import LoadedBundle, load_bundle
from kiosk.content.locate import builtin_bundle_dir
from kiosk.ui.window import KioskWindow, build_kiosk_window
from tests.helpers.driving import settle
from tests.helpers.places import SMALL_BUNDLE

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


MakeWindow = Callable[..., KioskWindow]


@pytest.fixture(scope="session")
def small() -> LoadedBundle:
    return load_bundle(SMALL_BUNDLE)


@pytest.fixture(scope="session")
def builtin() -> LoadedBundle:
    return load_bundle(builtin_bundle_dir())


@pytest.fixture
def make_window(qtbot) -> Iterator[MakeWindow]:
    """Build, show and register a kiosk window; fail the test if it leaves windows behind."""
    before = set(QApplication.topLevelWidgets())

    def make(bundle: LoadedBundle, size: tuple[int, int] = (1920, 1080), **options) -> KioskWindow:
        window = build_kiosk_window(bundle, **options)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return window

    yield make
    QApplication.processEvents()
    leaked = [
        w for w in set(QApplication.topLevelWidgets()) - before if w.isVisible() and w.isWindow()
    ]
    assert not leaked, f"top-level widgets left open: {leaked}"


@pytest.fixture
def small_bundle(tmp_path: Path) -> Path:
    """A fresh, writable copy of the small test bundle."""
    target = tmp_path / "small"
    shutil.copytree(SMALL_BUNDLE, target)
    return target
