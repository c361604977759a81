"""Stopping cleanly when asked: `systemctl stop` sends SIGTERM, Ctrl+C in a terminal SIGINT.

Python runs a signal handler only when the interpreter gets control, and inside Qt's event
loop it may not for a long time (an idle attract screen runs no Python at all). So each signal
also writes a byte to a socket Qt watches, which wakes the loop. The kiosk then leaves its
event loop as staff's exit does: aboutToQuit runs, and the metrics file says kiosk_up 0."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopOnSignals(QObject):
    """Leaves `app`'s event loop with status 0 on SIGTERM or SIGINT."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        signal.set_wakeup_fd(self._writer.fileno())
        for number in STOP_SIGNALS:
            signal.signal(number, self._noted)
        self._received: list[int] = []
        app.aboutToQuit.connect(self._release)

    def _noted(self, number: int, _frame: object) -> None:
        self._received.append(number)

    def _woken(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)
        # The Python handler runs once the interpreter has control, which this slot gives it.
        if self._received:
            log.info("stopping on %s", signal.Signals(self._received[0]).name)
            self._app.exit(0)  # not quit(): a fullscreen kiosk refuses to close its window

    def _release(self) -> None:
        signal.set_wakeup_fd(-1)
        for number in STOP_SIGNALS:
            signal.signal(number, signal.SIG_DFL)
        self._notifier.setEnabled(False)
