"""Kiosk mode: patients cannot close the kiosk, switch away with keys, or open a browser."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
_URL_SCHEMES = ("http", "https", "file", "mailto", "ftp", "tel", "sms")


class KeyboardLock(QObject):
    """Swallows every key: Escape, Alt+F4, Ctrl+W, Ctrl+Q and the rest reach nothing.

    Patients never type (the staff PIN pad is on-screen buttons), so no key is needed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _KEY_EVENTS

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
