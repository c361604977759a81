"""Fixtures for driving the real kiosk window offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.content import LoadedBundle, load_bundle
from kiosk.content.locate import builtin_bundle_dir
from kiosk.ui.window import KioskWindow, build_kiosk_window
from tests.conftest import SMALL_BUNDLE

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


def settle() -> None:
    """Let queued work run: a re-render after a resize, then the showing of its new widgets."""
    for _ in range(3):
        QApplication.processEvents()


def find_button(root: QWidget, name: str) -> QAbstractButton:
    """The one visible button whose accessible name is `name`."""
    settle()
    found = [
        b
        for b in root.findChildren(QAbstractButton)
        if b.accessibleName() == name and b.isVisibleTo(root)
    ]
    assert len(found) == 1, f"expected one visible button named {name!r}, found {len(found)}"
    return found[0]


def visible_names(root: QWidget) -> list[str]:
    """Accessible names of every visible button, for failure messages and checks."""
    settle()
    return [b.accessibleName() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root)]


def tap(qtbot, root: QWidget, name: str) -> None:
    """Tap the visible button named `name` as a finger would (press and release on it)."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(find_button(root, name), Qt.MouseButton.LeftButton)


def bundle_path(bundle: LoadedBundle) -> Path:
    return bundle.root
