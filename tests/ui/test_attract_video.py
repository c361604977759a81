"""A bundle may ask for a muted video looping behind the attract screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kiosk.content import load_bundle
from kiosk.ui.screens.base import Route
from kiosk.ui.theme import COLOURS
from kiosk.ui.video.background import SCRIM_OPACITY
from kiosk.ui.video.playback import VideoPlayback
from tests.helpers.colour import relative_luminance


def with_background(folder: Path, video: str = "clips/blue-clip.mp4") -> Path:
    manifest = folder / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["attract"]["background_video"] = video
    manifest.write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture
def attract(make_window, small_bundle: Path):
    window = make_window(load_bundle(with_background(small_bundle)), (1280, 800))
    return window, window.current_screen


def test_the_video_plays_behind_the_slides(qtbot, attract) -> None:
    _window, screen = attract
    background = screen.background
    qtbot.waitUntil(lambda: not background.image.isNull(), timeout=10000)
    picture = screen.grab().toImage()
    edge = picture.pixelColor(4, picture.height() // 2)  # page colour, no slide content here
    page = QColor(COLOURS["background"])
    assert edge != page  # the video shows through
    assert edge.blue() > edge.red()  # and it is the blue clip, under the scrim
    assert abs(edge.red() - page.red()) < 80  # but veiled: the slides stay readable


def test_the_video_loops_until_someone_touches(qtbot, attract) -> None:
    window, screen = attract
    qtbot.waitUntil(lambda: screen.background.loops >= 2, timeout=20000)
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    assert window.route == Route("home")
    assert not screen.background.running
    qtbot.waitUntil(lambda: not screen.findChildren(VideoPlayback), timeout=5000)


def test_a_missing_video_leaves_the_plain_attract_screen(qtbot, make_window, small_bundle) -> None:
    bundle = load_bundle(with_background(small_bundle))
    (small_bundle / "clips" / "blue-clip.mp4").unlink()  # gone after the bundle was checked
    with qtbot.captureExceptions() as errors:
        window = make_window(bundle, (1280, 800))
        screen = window.current_screen
        qtbot.waitUntil(lambda: screen.background.failed, timeout=5000)
    assert not errors
    assert not screen.background.running
    assert screen.grab().toImage().pixelColor(4, 400) == QColor(COLOURS["background"])


@pytest.mark.parametrize("text", ["text", "muted"])
def test_slide_text_keeps_seven_to_one_over_the_darkest_video(text: str) -> None:
    page = QColor(COLOURS["background"])
    veiled = QColor(*(round(SCRIM_OPACITY * c) for c in (page.red(), page.green(), page.blue())))
    lighter = relative_luminance(veiled.name())
    darker = relative_luminance(COLOURS[text])
    assert (lighter + 0.05) / (darker + 0.05) >= 7.0
