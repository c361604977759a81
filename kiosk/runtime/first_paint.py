"""Knowing when the first screen has been painted, for smoke tests and start-up figures."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def seconds_since_process_start() -> float:
    """Wall time since this process began (Linux: from /proc), else since Python started."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            started_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            now = float(uptime.read().split()[0])
        return now - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()


class FirstPaint(QObject):
    """Calls `on_paint` once, after the window's first paint has been handled."""

    def __init__(self, window: QWidget, on_paint: Callable[[], None]) -> None:
        super().__init__(window)
        self._on_paint = on_paint
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._on_paint)  # after this paint has finished
        return False
