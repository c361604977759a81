"""Noticing that nobody has touched the kiosk for a while."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    """Emits `idle` when no touch, click or key has reached the app for `seconds`."""

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer may fire 5% early: the warning would show before its time.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(round(seconds * 1000))
        self._timer.timeout.connect(self.idle)
        self._last_input = time.monotonic()
        QApplication.instance().installEventFilter(self)

    def set_seconds(self, seconds: float) -> None:
        """A new quiet spell (a setting changed), counted from the next touch."""
        self._timer.setInterval(round(seconds * 1000))

    def restart(self) -> None:
        """Start counting the quiet spell again from now."""
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def touched(self) -> None:
        """Count an input another filter took first (a tap on the reset warning)."""
        self._last_input = time.monotonic()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def quiet_for(self) -> float:
        """Seconds since the last touch, click or key (or since the kiosk started)."""
        return time.monotonic() - self._last_input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
            if self._timer.isActive():
                self._timer.start()
        return False

    def detach(self) -> None:
        """Stop watching the application's events (the window is closing)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
