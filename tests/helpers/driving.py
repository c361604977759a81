"""Helpers for driving the real kiosk window offscreen, as a finger would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.content import LoadedBundle


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
