"""Helpers for driving the real kiosk window offscreen, as a finger would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.content import LoadedBundle
from kiosk.ui.screens.base import Route


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


HOLD = 0.2  # seconds: the gesture's hold, shortened for the tests


def finger(qtbot, window, action: str, where: QPoint) -> None:
    """A press, release or move at `where` in the window, reaching whichever widget is there.

    Sent to the window's QWindow, as a real touch is: QTest given a widget would deliver it
    to that widget alone, past the controls under the finger."""
    settle()  # the layout of a page just shown
    window.finish_transition()  # the page fade's picture would take the touch
    handle = window.windowHandle()
    if action == "move":
        qtbot.mouseMove(handle, where)
        return
    send = {"press": qtbot.mousePress, "release": qtbot.mouseRelease, "click": qtbot.mouseClick}
    send[action](handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    settle()


def press_and_hold(qtbot, window, where: QPoint) -> None:
    """A finger down at `where` until the gesture completes (the PIN pad opens)."""
    finger(qtbot, window, "press", where)
    qtbot.waitUntil(lambda: window.route == Route("staff-pin"), timeout=3000)
    finger(qtbot, window, "release", where)
