"""A bundle's background video: played muted, over and over, behind the attract screen.

Each loop opens the file in a fresh VideoPlayback (as the video screen does per video), so a
loop that runs all day keeps no decoder state. A file that cannot play stops the background
for this visit; the attract screen then shows its plain colour, and the log says why."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.ui.video.playback import VideoPlayback

log = logging.getLogger(__name__)

STALL_SECONDS = 10.0
# How much of the page colour lies over the video: text keeps at least 7:1 against the
# darkest video picture (tests/ui/test_attract_video.py measures it).
SCRIM_OPACITY = 0.86


class BackgroundVideo(QObject):
    """Loops one video file; `changed` says a new picture is ready in `image`."""

    changed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.image = QImage()
        self.loops = 0  # plays started, for tests and the log
        self.failed = False
        self._playback: VideoPlayback | None = None

    @property
    def running(self) -> bool:
        return self._playback is not None

    def start(self) -> None:
        """Play from the start (again); nothing if the file already failed on this visit."""
        self._release()
        if self.failed:
            return
        self.loops += 1
        playback = VideoPlayback(self.path, STALL_SECONDS, self)
        playback.frame_ready.connect(self._on_frame)
        playback.finished.connect(self.start)
        playback.failed.connect(self._on_failed)
        self._playback = playback
        playback.start()

    def stop(self) -> None:
        """Stop and free the decoder; the next start() may try a failed file again."""
        self._release()
        self.failed = False
        self.image = QImage()

    def paint(self, painter: QPainter, width: int, height: int, scrim: QColor) -> None:
        """The latest picture scaled to cover width x height, with the scrim over it."""
        if self.image.isNull():
            return
        source = self.image.size()
        scale = max(width / source.width(), height / source.height())
        shown_w, shown_h = width / scale, height / scale  # the part of the picture that fits
        crop = QRectF(
            (source.width() - shown_w) / 2, (source.height() - shown_h) / 2, shown_w, shown_h
        )
        painter.drawImage(QRectF(0, 0, width, height), self.image, crop)
        veil = QColor(scrim)
        veil.setAlphaF(SCRIM_OPACITY)
        painter.fillRect(0, 0, width, height, veil)

    def _on_frame(self, image: QImage) -> None:
        self.image = image
        self.changed.emit()

    def _on_failed(self, reason: str) -> None:
        log.warning("attract background video %s can't play: %s", self.path.name, reason)
        self.failed = True
        self._release()
        self.image = QImage()
        self.changed.emit()

    def _release(self) -> None:
        if self._playback is not None:
            self._playback.release()
            self._playback = None
