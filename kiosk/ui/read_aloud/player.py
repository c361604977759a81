"""Playing narration files: one QMediaPlayer and QAudioOutput, reused file after file.

Imported only when read-aloud is first offered: QtMultimedia and its FFmpeg backend cost
about 30 ms and 20 MiB, which a kiosk whose bundle has no narration never pays."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

from kiosk.ui.video.playback import note_no_python_overrides

log = logging.getLogger(__name__)

Status = QMediaPlayer.MediaStatus


def audio_output_available() -> bool:
    """Whether this machine has a device to play sound on (a speaker or headphones)."""
    return bool(QMediaDevices.audioOutputs())


def watch_audio_outputs(parent: QObject) -> QMediaDevices:
    """What says when a sound device is plugged in or out (audioOutputsChanged)."""
    return QMediaDevices(parent)


class SpeechPlayer(QObject):
    """Plays one narration file at a time; reports the position, the real length and the end."""

    position_changed = Signal(float)  # seconds into the file
    length_known = Signal(float)  # the file's real length, in seconds
    ended = Signal()
    failed = Signal(str)  # why, for the log

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        # As for the videos' players: no Python connectNotify for FFmpeg's threads to ask.
        note_no_python_overrides(self.player.playingChanged, self.audio.mutedChanged)
        self.player.positionChanged.connect(lambda ms: self.position_changed.emit(ms / 1000))
        self.player.durationChanged.connect(self._on_duration)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(self._on_error)
        self._failed = False  # one report per file: an error is often followed by InvalidMedia

    @property
    def volume(self) -> float:
        return self.audio.volume()

    def play(self, path: Path, volume: float) -> None:
        """Play `path` from its start at `volume` (0.0-1.0)."""
        self._failed = False
        self.audio.setVolume(volume)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()

    def set_volume(self, volume: float) -> None:
        """Play on at `volume` (0.0-1.0)."""
        self.audio.setVolume(volume)

    def seek(self, seconds: float) -> None:
        self.player.setPosition(round(seconds * 1000))
        self.player.play()

    def stop(self) -> None:
        """Stop and let go of the file."""
        self.player.stop()
        self.player.setSource(QUrl())

    def _on_duration(self, milliseconds: int) -> None:
        if milliseconds > 0:
            self.length_known.emit(milliseconds / 1000)

    def _on_status(self, status: Status) -> None:
        if status == Status.EndOfMedia:
            self.ended.emit()
        elif status == Status.InvalidMedia:
            self._fail(self.player.errorString() or "it could not be opened")

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self._fail(f"{error.name}: {message}")

    def _fail(self, reason: str) -> None:
        if not self._failed:
            self._failed = True
            self.failed.emit(reason)
