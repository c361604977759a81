"""A short cross-fade between pages: the old page's picture fades out over the new one."""

from __future__ import annotations

from PySide6.QtCore import QPropertyAnimation, Qt
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget

FADE_MS = 150


class CrossFade:
    """Fades a snapshot of `host` away after the page under it has changed."""

    def __init__(self, host: QWidget) -> None:
        self._overlay = QLabel(host)
        # The picture fades while the new page already takes taps through it.
        self._overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._overlay.hide()
        self._effect = QGraphicsOpacityEffect(self._overlay)
        self._overlay.setGraphicsEffect(self._effect)
        self._animation = QPropertyAnimation(self._effect, b"opacity", self._overlay)
        self._animation.setDuration(FADE_MS)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.finished.connect(self.finish)
        self._host = host

    def snapshot(self) -> None:
        """Take the picture of what is on screen now, before the page changes."""
        if not self._host.isVisible():
            return
        self._overlay.setPixmap(self._host.grab())
        self._overlay.setGeometry(self._host.rect())

    def finish(self) -> None:
        """Jump to the end of the fade, and let go of the picture (8 MiB at 1080p)."""
        self._animation.stop()
        self._overlay.hide()
        self._overlay.clear()

    def play(self) -> None:
        """Fade the picture away, showing the new page."""
        if self._overlay.pixmap().isNull() or not self._host.isVisible():
            return
        self._overlay.show()
        self._overlay.raise_()
        self._animation.stop()
        self._animation.start()
