"""One video file in its own QMediaPlayer, video sink and audio output, watched for trouble.

A fresh VideoPlayback is made for each video and released after it, so no state (or decoder
memory) carries over from one file to the next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, SignalInstance
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

Status = QMediaPlayer.MediaStatus

# A file whose last picture comes this long before its stated end was cut short (truncated):
# FFmpeg decodes what is there and then reports a normal end of media.
END_TOLERANCE_MS = 1000
END_TOLERANCE_SHARE = 0.05


def _ignore(*_: object) -> None:
    """A slot that does nothing (see note_no_python_overrides)."""


def note_no_python_overrides(*signals: SignalInstance) -> None:
    """Connect and disconnect once here, in the GUI thread, on each object's signal.

    PySide then records that these objects have no Python connectNotify/disconnectNotify.
    Without that, the FFmpeg backend's threads, tearing down a renderer, stop to ask Python
    (taking the GIL) while holding a Qt lock that the GUI thread, holding the GIL, may be
    waiting for: a deadlock, seen about once in a hundred source changes."""
    for signal in signals:
        signal.connect(_ignore)
        signal.disconnect(_ignore)


class VideoPlayback(QObject):
    """Plays one file into QImages; says `finished` at a real end and `failed` on any trouble."""

    frame_ready = Signal(QImage)
    position_changed = Signal("qlonglong")  # milliseconds
    duration_changed = Signal("qlonglong")  # milliseconds
    finished = Signal()
    failed = Signal(str)  # why, in words for the log

    def __init__(self, path: Path, stall_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.last_image = QImage()
        self.last_image_ms = -1  # where in the video last_image comes from
        self._frames = 0
        self._latest_frame_ms = -1
        self._position = -1
        self._ended = False
        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        # No audio output until the patient turns sound on: without one the FFmpeg backend
        # runs no audio thread, and that thread is the one seen deadlocking with the GUI
        # thread over the GIL when a player is stopped (waiting rooms are muted anyway).
        self.audio: QAudioOutput | None = None
        self.player.setVideoSink(self.sink)
        note_no_python_overrides(self.player.playingChanged, self.sink.videoSizeChanged)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self.duration_changed)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(self._on_error)
        # The stall watchdog: restarted by every sign of progress while playing.
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(round(stall_seconds * 1000))
        self._watchdog.timeout.connect(self._on_stall)

    def set_stall_seconds(self, seconds: float) -> None:
        """How long without progress, while playing, counts as a failure from now on."""
        self._watchdog.setInterval(round(seconds * 1000))

    @property
    def position(self) -> int:
        return max(0, self.player.position())

    @property
    def duration(self) -> int:
        return max(0, self.player.duration())

    def start(self) -> None:
        """Open the file and play it from the start."""
        if not self.path.is_file():
            # Said on the next turn of the event loop, as a broken file would be.
            QTimer.singleShot(0, self, self._on_missing)
            return
        self.player.setSource(QUrl.fromLocalFile(str(self.path)))
        self.play()

    def play(self) -> None:
        if not self._ended:
            self.player.play()
            self._watchdog.start()

    def pause(self) -> None:
        self._watchdog.stop()
        self.player.pause()

    def set_sound(self, on: bool, volume: float) -> None:
        """Sound on at `volume` (0.0-1.0), or muted."""
        if self.audio is None:
            if not on:
                return
            self.audio = QAudioOutput(self)
            note_no_python_overrides(self.audio.mutedChanged)
            self.player.setAudioOutput(self.audio)
        self.audio.setVolume(volume)
        self.audio.setMuted(not on)

    def release(self) -> None:
        """Stop, close the file and free the decoder; this object is deleted soon after."""
        self._ended = True
        self.blockSignals(True)  # nothing about this file matters any more
        self._watchdog.stop()
        self.player.stop()
        self.player.setSource(QUrl())
        self.deleteLater()

    # --- What the player reports ----------------------------------------------------------

    def _on_frame(self, frame: QVideoFrame) -> None:
        if self._ended or not frame.isValid():
            return  # an empty frame marks the end or a stop: keep the last picture
        self._frames += 1
        self.last_image_ms = frame.startTime() // 1000
        self._latest_frame_ms = max(self._latest_frame_ms, self.last_image_ms)
        self.last_image = frame.toImage()
        self._progressed()
        self.frame_ready.emit(self.last_image)

    def _on_position(self, position: int) -> None:
        if position != self._position:
            self._position = position
            self._progressed()
            self.position_changed.emit(position)

    def _progressed(self) -> None:
        if self._watchdog.isActive():
            self._watchdog.start()

    def _on_status(self, status: Status) -> None:
        if status == Status.LoadedMedia and not self.player.hasVideo():
            self._fail("it has no video stream (sound only?)")
        elif status == Status.InvalidMedia:
            self._fail(self.player.errorString() or "it could not be opened")
        elif status == Status.EndOfMedia:
            self._on_end()

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self._fail(f"{error.name}: {message}")

    def _on_end(self) -> None:
        duration = self.duration
        if self._frames == 0:
            self._fail("no picture could be decoded")
        elif self._latest_frame_ms < duration - END_TOLERANCE_MS - END_TOLERANCE_SHARE * duration:
            self._fail(
                f"pictures stop at {self._latest_frame_ms} ms of {duration} ms "
                "(the file may be cut short)"
            )
        else:
            self._ended = True
            self._watchdog.stop()
            self.finished.emit()

    def _on_missing(self) -> None:
        self._fail("the file is missing")

    def _on_stall(self) -> None:
        self._fail(f"no progress for {self._watchdog.interval() / 1000:g} s while playing")

    def _fail(self, reason: str) -> None:
        if self._ended:
            return  # one report per file: an error is often followed by InvalidMedia
        self._ended = True
        self._watchdog.stop()
        self.player.stop()
        self.failed.emit(reason)
