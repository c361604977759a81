"""Screenshots of the video series for the gallery: real decoded frames, captions in each
language, the error card and the closing card."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from kiosk.ui.screens.base import Route

if TYPE_CHECKING:
    from kiosk.ui.screens.videos import VideoScreen
    from kiosk.ui.window import KioskWindow

WAIT_SECONDS = 15.0


def wait_until(condition: Callable[[], bool], seconds: float = WAIT_SECONDS) -> bool:
    """Run the event loop until `condition` holds or `seconds` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)  # the decoder works in its own threads: let them run
    return True


def capture_videos(window: KioskWindow, shoot: Callable[[str], object]) -> None:
    """Visit the series and call `shoot(name)` at each state worth a picture."""
    from kiosk.ui.screens.videos import VideoScreen  # QtMultimedia only when asked for

    window.go(Route("videos"))
    screen = window.current_screen
    assert isinstance(screen, VideoScreen)
    shoot("videos-caution")
    screen.start_series()
    if show_a_captioned_frame(screen):
        spoken = window.session.language
        for language in window.ctx.bundle.model.languages:
            window.session.set_language(language)
            shoot(f"videos-playing-{language}")
        window.session.set_language(spoken)
    screen.video_failed("shown for a screenshot")
    shoot("videos-cannot-play")
    screen.show_closing()
    shoot("videos-closing")
    screen.leave()


def show_a_captioned_frame(screen: VideoScreen) -> bool:
    """Pause the first video on the middle of its second caption, with that frame drawn."""
    if not wait_until(lambda: screen.surface is not None and screen.surface.has_frame):
        return False
    track = screen.captions.track(screen.video, screen.ctx.session.language)
    if not track.cues:
        return True
    cue = track.cues[min(1, len(track.cues) - 1)]
    target = (cue.start_ms + cue.end_ms) // 2
    screen.pause()
    screen.playback.player.setPosition(target)  # a paused player still shows where it seeks to
    return wait_until(lambda: abs(screen.playback.last_image_ms - target) < 200)
