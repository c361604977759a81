"""Checking at start-up that QtMultimedia has a backend that can decode video files."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def multimedia_available() -> bool:
    """True if QtMultimedia loaded a backend that opens MP4 files (call after QApplication)."""
    try:
        from PySide6.QtMultimedia import QMediaFormat, QMediaPlayer
    except ImportError as error:  # a build without QtMultimedia, or its libraries missing
        log.warning("videos unavailable: QtMultimedia could not be imported (%s)", error)
        return False
    formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    if QMediaFormat.FileFormat.MPEG4 not in formats:
        log.warning("videos unavailable: no multimedia backend decodes MP4 (found %s)", formats)
        return False
    player = QMediaPlayer()
    available = player.isAvailable()
    player.deleteLater()
    if not available:
        log.warning("videos unavailable: the multimedia backend refused to make a player")
    return available
