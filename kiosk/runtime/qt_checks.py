"""Checks that need a running Qt, run by `kiosk doctor` in a child process (offscreen), so a
crash or a missing library in one cannot take the doctor down with it."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtGui import QFontDatabase, QGuiApplication

FRAME_TIMEOUT_MS = 10_000


def check_multimedia(video: Path | None) -> tuple[bool, str]:
    """A backend loaded and, given a video, it decodes a first frame of it."""
    from kiosk.ui.video.backend import multimedia_available

    if not multimedia_available():
        return False, "no multimedia backend: videos will be unavailable"
    if video is None:
        return True, "a multimedia backend loaded"
    elapsed = first_frame_ms(video)
    if elapsed is None:
        return False, f"a backend loaded but decoded no frame of {video.name} in 10 s"
    return True, f"decoded the first frame of {video.name} in {elapsed:.0f} ms"


def first_frame_ms(video: Path) -> float | None:
    """Milliseconds from play() to the first valid decoded frame, or None on a time-out."""
    from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

    player, sink, loop = QMediaPlayer(), QVideoSink(), QEventLoop()
    player.setVideoSink(sink)
    got: list[float] = []

    def on_frame(frame) -> None:
        if frame.isValid() and not got:
            got.append(time.perf_counter())
            loop.quit()

    sink.videoFrameChanged.connect(on_frame)
    QTimer.singleShot(FRAME_TIMEOUT_MS, loop.quit)
    player.setSource(QUrl.fromLocalFile(str(video)))
    started = time.perf_counter()
    player.play()
    loop.exec()
    player.stop()
    return (got[0] - started) * 1000 if got else None


def check_fonts(fonts: list[Path]) -> tuple[bool, str]:
    """Each font file loads into Qt's font database."""
    bad = [f.name for f in fonts if QFontDatabase.addApplicationFont(str(f)) < 0]
    return (False, "cannot load " + ", ".join(bad)) if bad else (True, f"{len(fonts)} font(s) load")


def run_check(name: str, files: list[Path]) -> int:
    """Run one named check with a fresh offscreen app; print its verdict; 0 when it passed."""
    app = QGuiApplication.instance() or QGuiApplication(["kiosk-doctor"])
    if name == "multimedia":
        ok, detail = check_multimedia(files[0] if files else None)
    else:
        ok, detail = check_fonts(files)
    app.processEvents()
    print(detail)
    return 0 if ok else 1
