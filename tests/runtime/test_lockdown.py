"""Kiosk mode holds: closing, shortcuts and links do nothing; only the staff exit closes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.runtime.lockdown import KeyboardLock, UrlRefuser
from kiosk.ui.screens.base import Route
from tests.helpers.driving import tap


@pytest.fixture
def locked_window(make_window, small):
    window = make_window(small, kiosk_mode=True)
    lock, refuser = KeyboardLock(), UrlRefuser()
    yield window
    lock.release()
    refuser.release()
    window.exit_kiosk()


def test_close_requests_leave_the_window_up(qtbot, locked_window) -> None:
    locked_window.close()  # handled before close() returns
    QApplication.processEvents()
    assert locked_window.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ],
    ids=["escape", "alt-f4", "ctrl-w", "ctrl-q", "alt-tab"],
)
def test_shortcuts_do_nothing(qtbot, locked_window, key, modifiers) -> None:
    locked_window.home()
    qtbot.keyClick(locked_window, key, modifiers)
    assert locked_window.isVisible()
    assert locked_window.route == Route("home")


def test_only_the_staff_exit_closes_it(qtbot, make_window, small) -> None:
    window = make_window(small, kiosk_mode=True)
    window.exit_kiosk()
    assert not window.isVisible()


def test_windowed_mode_closes_normally(make_window, small) -> None:
    window = make_window(small)
    window.close()
    assert not window.isVisible()


def test_no_link_is_followed(qtbot, locked_window, small, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    locked_window.home()
    for name in ("Lisez ceci", "Accueil", "Choisir"):
        tap(qtbot, locked_window, name)
    for label in locked_window.findChildren(QLabel):
        assert not label.openExternalLinks()
        assert "<a " not in label.text().lower()
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton) if label.isVisible() else None
    assert opened == []


def test_a_url_that_reaches_qt_is_refused(qtbot) -> None:
    refuser = UrlRefuser()
    try:
        QDesktopServices.openUrl(QUrl("https://example.com/"))
        assert refuser.refused == ["https://example.com/"]
    finally:
        refuser.release()
