"""Logging to a size-capped, rotating file, with Qt's own messages in the same log."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "kiosk.log"
MAX_LOG_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 5  # so at most ~12 MB of logs, whatever runs for months

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, level: int = logging.INFO, to_stderr: bool = True) -> Path:
    """Send the kiosk's log, and Qt's, to a rotating file in `log_dir`; returns its path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "kiosk_handler", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    ]
    if to_stderr:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.kiosk_handler = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
    route_qt_messages()
    return path


def route_qt_messages() -> None:
    """Qt's warnings (a missing plugin, a bad stylesheet) go to the kiosk's log."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handle(kind, context, message: str) -> None:
        category = getattr(context, "category", "") or "default"
        qt_log.log(levels.get(kind, logging.WARNING), "%s: %s", category, message)

    qInstallMessageHandler(handle)
