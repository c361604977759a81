"""Kiosk mode: patients cannot close the kiosk, switch away with keys, or open a browser."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
_COMBINING = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_URL_SCHEMES = ("http", "https", "file", "mailto", "ftp", "tel", "sms")


class KeyboardLock(QObject):
    """Swallows every key but the keypad's: Alt+F4, Ctrl+W, Ctrl+Q and the rest reach nothing.

    Patients never type (the staff PIN pad is on-screen buttons). The keys that work the kiosk
    without touch (`allowed`: arrows, Tab, Return...) pass, unless held with Ctrl, Alt or the
    system key, which no keypad sends."""

    def __init__(
        self,
        parent: QObject | None = None,
        allowed: Callable[[QKeyEvent], bool] = lambda event: False,
    ) -> None:
        super().__init__(parent)
        self._allowed = allowed
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS:
            return False
        held = event.modifiers() & _COMBINING
        return bool(held) or not self._allowed(event)

    def release(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class UrlRefuser(QObject):
    """Takes over every URL scheme so nothing in the kiosk can open a browser or a file."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []
        for scheme in _URL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self, "refuse")

    @Slot(QUrl)
    def refuse(self, url: QUrl) -> None:
        self.refused.append(url.toString())
        log.warning("refused to open %s: the kiosk opens no links", url.toString())

    def release(self) -> None:
        for scheme in _URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
