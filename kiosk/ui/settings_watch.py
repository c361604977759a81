"""Noticing that the settings file changed on disk (an admin, a script or a fleet tool wrote it)
and applying it as a save from the staff panel would, without a restart."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from kiosk import settings as kiosk_settings

log = logging.getLogger(__name__)

POLL_MS = 5000


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class SettingsWatcher(QObject):
    """Polls the settings file (a stat every few seconds) and hands each new version to `apply`.

    Polling, not a file-system watcher: it also sees a file replaced by rename, as editors
    and configuration tools write it, and costs next to nothing."""

    def __init__(
        self, path: Path, apply: Callable[[Any], None], parent: QObject, poll_ms: int = POLL_MS
    ) -> None:
        super().__init__(parent)
        self.path, self._apply = path, apply
        self._seen = _stamp(path)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(poll_ms)

    def check(self) -> bool:
        """Apply the file if it changed since last seen; True if it did."""
        stamp = _stamp(self.path)
        if stamp == self._seen:
            return False
        self._seen = stamp
        settings, messages = kiosk_settings.load(self.path)
        for message in messages:
            log.warning("%s", message)
        log.info("settings file changed: applying %s", self.path)
        self._apply(settings)
        return True

    def seen_now(self) -> None:
        """The kiosk wrote the file itself (the staff panel saved): nothing new to apply."""
        self._seen = _stamp(self.path)
