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
from kiosk.flows.pace import Pace
from kiosk.paths import HOME_ENV
from kiosk.ui.composition import Kiosk, build_kiosk
from kiosk.ui.window import KioskWindow
from tests.helpers.driving import settle
from tests.helpers.places import SMALL_BUNDLE

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


MakeWindow = Callable[..., KioskWindow]
MakeKiosk = Callable[..., Kiosk]


@pytest.fixture(autouse=True)
def kiosk_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test's kiosk folders (settings, PIN, lock, data) live under a fresh tmp folder:
    no test reads or writes the real ones, and parallel workers never share them."""
    home = tmp_path_factory.mktemp("kiosk-home")
    monkeypatch.setenv(HOME_ENV, str(home))
    return home


@pytest.fixture(scope="session")
def small() -> LoadedBundle:
    return load_bundle(SMALL_BUNDLE)


@pytest.fixture(scope="session")
def builtin() -> LoadedBundle:
    return load_bundle(builtin_bundle_dir())


@pytest.fixture
def pace() -> Pace:
    """The kiosk's waits; a test module overrides this fixture to shorten them."""
    return Pace()


@pytest.fixture
def make_kiosk(qtbot, pace: Pace) -> Iterator[MakeKiosk]:
    """Build a kiosk and show its window; fail the test if it leaves windows behind."""
    before = set(QApplication.topLevelWidgets())

    def make(bundle: LoadedBundle, size: tuple[int, int] = (1920, 1080), **options) -> Kiosk:
        kiosk = build_kiosk(bundle, **{"pace": pace, **options})
        window = kiosk.window
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return kiosk

    yield make
    QApplication.processEvents()
    leaked = [
        w for w in set(QApplication.topLevelWidgets()) - before if w.isVisible() and w.isWindow()
    ]
    assert not leaked, f"top-level widgets left open: {leaked}"


@pytest.fixture
def make_window(make_kiosk: MakeKiosk) -> MakeWindow:
    """A kiosk's window, for tests of the patients' screens."""

    def make(bundle: LoadedBundle, size: tuple[int, int] = (1920, 1080), **options) -> KioskWindow:
        return make_kiosk(bundle, size, **options).window

    return make


@pytest.fixture
def small_bundle(tmp_path: Path) -> Path:
    """A fresh, writable copy of the small test bundle."""
    target = tmp_path / "small"
    shutil.copytree(SMALL_BUNDLE, target)
    return target
