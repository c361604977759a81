"""The stretch video series on the real window, with real files decoded offscreen."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from kiosk.content import load_bundle
from kiosk.flows.pace import Pace
from kiosk.ui.screens.base import Route
from kiosk.ui.screens.videos import Phase
from kiosk.ui.video.backend import multimedia_available
from kiosk.ui.video.captions import CaptionLibrary, CaptionTrack, Cue
from kiosk.ui.video.controls import clock
from tests.helpers.driving import settle, tap, visible_names
from tests.helpers.places import TESTS_DIR
from tests.helpers.screens import TIMEOUT, open_series, start_series, wait_for_frame

pytestmark = pytest.mark.slow  # each test plays real two-second clips

SOUND_ONLY = TESTS_DIR / "bundles" / "faulty" / "sound-only.mp4"
CANNOT_PLAY = "This video can't play right now."


def label_texts(root: QWidget) -> list[str]:
    return [widget.text() for widget in root.findChildren(QLabel) if widget.isVisibleTo(root)]


def is_blue(colour: QColor) -> bool:
    """The blue of blue-clip.mp4 (#1f5ebf), not the red that starts the pattern clip."""
    return colour.blue() > 150 and colour.blue() - colour.red() > 100 and colour.green() < 130


# --- Playback ------------------------------------------------------------------------------


def test_caution_card_comes_first_then_play_starts_the_series(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = open_series(qtbot, window, english=False)
    assert screen.phase == Phase.CAUTION
    assert "Avant de regarder" in label_texts(screen)
    assert "J'ai compris, lancer" in visible_names(window)
    assert screen.playback is None and not screen.is_busy()
    tap(qtbot, window, "J'ai compris, lancer")
    wait_for_frame(qtbot, screen, 0)
    assert screen.phase == Phase.PLAYING and screen.is_busy()
    assert {"Pause", "Vidéo suivante", "Sous-titres", "Son coupé"} <= set(visible_names(window))


def test_frames_arrive_and_are_drawn(qtbot, make_window, small) -> None:
    window = make_window(small)
    viewed: list[tuple[str, str]] = []
    window.viewed.connect(lambda kind, item: viewed.append((kind, item)))
    start_series(qtbot, window)
    screen = window.current_screen
    tap(qtbot, window, "Blue clip")  # jump through the playlist
    wait_for_frame(qtbot, screen, 1)
    assert ("video", "blue") in viewed  # counted once on screen
    frame = screen.playback.last_image
    assert is_blue(frame.pixelColor(frame.width() // 10, frame.height() // 2))
    shot = screen.surface.grab().toImage()  # drawn on screen, not only decoded
    assert is_blue(shot.pixelColor(shot.width() // 2, shot.height() // 3))


def test_captions_change_at_the_cue_times(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    shown: list[tuple[int, str]] = []
    screen.playback.position_changed.connect(
        lambda position: shown.append((position, screen.surface.caption))
    )
    with qtbot.waitSignal(screen.now_playing, timeout=TIMEOUT):
        pass  # the first clip plays to its end
    expected = CaptionTrack(
        [Cue(0, 800, "First caption"), Cue(1000, 2000, "Second caption")]
    ).text_at
    assert [(p, text) for p, text in shown if text != expected(p)] == []
    texts = [text for _, text in shown if text]
    assert texts.index("First caption") < texts.index("Second caption")


def test_auto_advance_then_closing_card_then_home(qtbot, make_window, small, monkeypatch) -> None:
    window = make_window(small, pace=Pace(video_closing_seconds=1.0))
    screen = start_series(qtbot, window)
    with qtbot.waitSignal(screen.now_playing, timeout=TIMEOUT) as advanced:
        pass
    assert advanced.args == [1]
    wait_for_frame(qtbot, screen, 1)
    qtbot.waitUntil(lambda: screen.phase == Phase.CLOSING, timeout=TIMEOUT)
    assert "All done" in visible_names(window)
    assert screen.playback is None and not screen.is_busy()
    qtbot.waitUntil(lambda: window.route == Route("home"), timeout=TIMEOUT)


def test_tapping_the_closing_card_goes_home(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    tap(qtbot, window, "Blue clip")  # the last one
    qtbot.waitUntil(lambda: screen.phase == Phase.CLOSING, timeout=TIMEOUT)
    tap(qtbot, window, "All done")
    assert window.route == Route("home")


def test_previous_and_next_move_through_the_list(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    tap(qtbot, window, "Next video")
    wait_for_frame(qtbot, screen, 1)
    tap(qtbot, window, "Previous video")
    wait_for_frame(qtbot, screen, 0)
    # On the first video, Previous starts it again: a new player, from the start.
    qtbot.waitUntil(lambda: screen.playback.position >= 400, timeout=TIMEOUT)
    played = screen.playback
    tap(qtbot, window, "Previous video")
    assert screen.playback is not played
    wait_for_frame(qtbot, screen, 0)
    assert screen.playback.position < 400


# --- Captions and sound --------------------------------------------------------------------


def test_switching_language_mid_video_switches_captions_at_once(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    qtbot.waitUntil(lambda: screen.surface.caption == "First caption", timeout=TIMEOUT)
    playback = screen.playback
    tap(qtbot, window, "Français")
    assert screen.playback is playback  # the same player carries on: no restart
    assert screen.surface.caption in ("Premier sous-titre", "", "Deuxième sous-titre")
    assert screen.surface.caption == screen.current_caption()
    qtbot.waitUntil(lambda: screen.surface.caption == "Deuxième sous-titre", timeout=TIMEOUT)
    assert screen.index == 0


def test_sound_starts_muted_and_captions_on_and_both_toggle(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    screen.volume_cap = 0.4
    assert screen.playback.audio is None  # muted: no audio output, no audio thread at all
    tap(qtbot, window, "Sound off")
    assert not screen.playback.audio.isMuted()
    assert screen.playback.audio.volume() == pytest.approx(0.4)
    assert "Sound on" in visible_names(window)
    qtbot.waitUntil(lambda: screen.surface.caption == "First caption", timeout=TIMEOUT)
    tap(qtbot, window, "Captions")
    assert screen.surface.caption == "" and not screen.captions_on
    tap(qtbot, window, "Captions")
    assert screen.surface.caption == screen.current_caption()


def test_caption_lookup_handles_gaps_overlaps_and_a_missing_language(small) -> None:
    track = CaptionTrack([Cue(0, 3000, "long"), Cue(1000, 1500, "short"), Cue(4000, 5000, "x")])
    assert [track.text_at(ms) for ms in (0, 1200, 1500, 3500, 4000, 5000)] == [
        "long",
        "short",
        "long",
        "",
        "x",
        "",
    ]
    library = CaptionLibrary(small)
    video = small.model.videos.items[0]
    assert library.track(video, "es").text_at(100) == "Premier sous-titre"  # the bundle default
    assert library.track(video, "en").text_at(1100) == "Second caption"
    assert clock(0) == "0:00" and clock(65_400) == "1:05"


def test_a_cue_s_line_setting_places_it(tmp_path) -> None:
    from kiosk.ui.video.captions import line_percent

    assert [line_percent(s) for s in (None, "8%", "0", "-1", "x%")] == [
        None,
        8.0,
        0.0,
        None,
        None,
    ]
    vtt = tmp_path / "placed.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:02.000 line:6%\nHeels down\n", encoding="utf-8")
    assert CaptionTrack.read(vtt).cue_at(500) == Cue(0, 2000, "Heels down", 6.0)


def test_a_placed_caption_is_drawn_where_its_cue_says(qtbot) -> None:
    from PySide6.QtGui import QColor, QPixmap

    from kiosk.ui.video.surface import VideoSurface

    surface = VideoSurface(32)
    qtbot.addWidget(surface)
    surface.resize(640, 360)
    still = QPixmap(640, 360)
    still.fill(QColor("white"))
    surface.set_still(still)

    def band_at(y: int) -> bool:
        """True where the caption's dark band crosses row `y` (white text aside)."""
        image = surface.grab().toImage()
        dark = [x for x in range(0, 640, 8) if image.pixelColor(x, y).lightness() < 128]
        return len(dark) > 20

    surface.set_caption("Keep your back heel on the floor")
    assert band_at(320) and not band_at(40)  # the default: at the bottom
    surface.set_caption("Keep your back heel on the floor", 5.0)
    assert band_at(40) and not band_at(320)  # the cue's line: near the top, heels in sight


# --- Recovery ------------------------------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a video at all\n" * 200)


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:6000])


def _sound_only(path: Path) -> None:
    shutil.copyfile(SOUND_ONLY, path)


def _missing(path: Path) -> None:
    path.unlink()


# FFmpeg's own report of the broken file, expected here.
@pytest.mark.qt_log_ignore(r"Could not open media\. FFmpeg error description")
@pytest.mark.parametrize("damage", [_garbage, _truncated, _sound_only, _missing])
def test_a_broken_file_shows_the_error_card_then_the_next_video(
    qtbot,
    make_window,
    small_bundle: Path,
    damage: Callable[[Path], None],
    monkeypatch,
    caplog,
) -> None:
    bundle = load_bundle(small_bundle)
    damage(small_bundle / "clips" / "pattern-clip.mp4")  # after loading: validation refuses it
    window = make_window(bundle, pace=Pace(video_error_seconds=0.5))
    screen = start_series(qtbot, window)
    qtbot.waitUntil(lambda: screen.phase == Phase.FAILED, timeout=TIMEOUT)
    assert screen.surface.message == CANNOT_PLAY
    assert screen.is_busy()  # the series goes on by itself: no idle reset under the card
    assert "clips/pattern-clip.mp4" in caplog.text
    wait_for_frame(qtbot, screen, 1)
    assert screen.surface.message == ""


def test_a_stalled_player_is_treated_as_broken(qtbot, make_window, small, caplog) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    wait_for_frame(qtbot, screen, 0)  # with the usual patience: a loaded machine opens slowly
    screen.playback.set_stall_seconds(1.5)
    screen.playback.player.pause()  # the decoder stops making progress behind the screen's back
    qtbot.waitUntil(lambda: screen.phase == Phase.FAILED, timeout=TIMEOUT)
    assert "no progress" in caplog.text
    assert screen.surface.message == CANNOT_PLAY


# --- Leaving and idle ----------------------------------------------------------------------


def test_leaving_stops_playback_and_frees_the_player(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    wait_for_frame(qtbot, screen, 0)
    player = screen.playback.player
    states: list[QMediaPlayer.PlaybackState] = []
    player.playbackStateChanged.connect(states.append)
    with qtbot.waitSignal(player.destroyed, timeout=TIMEOUT):
        tap(qtbot, window, "Home")
    assert window.route == Route("home")
    assert states == [QMediaPlayer.PlaybackState.StoppedState]
    assert screen.playback is None and not screen.is_busy()


def test_idle_reset_waits_while_a_video_plays_not_while_paused(qtbot, make_window, small) -> None:
    window = make_window(small, idle_seconds=0.8)
    screen = start_series(qtbot, window)
    with qtbot.waitSignal(screen.now_playing, timeout=TIMEOUT):
        pass  # two seconds of video: the idle timer ran out twice meanwhile
    assert window.route.screen == "videos"
    tap(qtbot, window, "Pause")
    assert not screen.is_busy()
    qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=TIMEOUT)
    assert screen.playback is None and screen.phase == Phase.CAUTION


def test_the_backend_check_finds_ffmpeg(qtbot) -> None:
    assert multimedia_available()


# --- Layout --------------------------------------------------------------------------------


def _scrolls(widget: QWidget | None) -> bool:
    while widget is not None:
        if isinstance(widget, QAbstractScrollArea):
            return True
        widget = widget.parentWidget()
    return False


@pytest.mark.parametrize("larger_text", [False, True], ids=["normal-text", "larger-text"])
@pytest.mark.parametrize(
    "size",
    [(1920, 1080), (1280, 800), (1080, 1920), (3840, 2160)],
    ids=lambda s: "x".join(map(str, s)),
)
def test_every_control_is_touch_sized_and_on_screen_in_every_state(
    qtbot, make_window, small, size: tuple[int, int], larger_text: bool
) -> None:
    window = make_window(small, size=size)
    window.session.set_larger_text(larger_text)
    window.go(Route("videos"))
    screen = window.current_screen
    states: dict[str, Callable[[], None]] = {
        "caution": lambda: None,
        "playing": screen.start_series,
        "cannot play": lambda: screen.video_failed("a layout test"),
        "closing": screen.show_closing,
    }
    for state, enter in states.items():
        enter()
        settle()
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
        for b in buttons:
            name = b.accessibleName()
            assert name, f"{state}: a button has no accessible name"
            assert b.height() >= window.ctx.theme.touch, f"{state}: {name} is {b.height()} px high"
            if not _scrolls(b):
                where = b.rect().translated(b.mapTo(window, b.rect().topLeft()))
                assert window.rect().contains(where), f"{state}: {name} is cut off"
                assert b.width() >= b.sizeHint().width(), f"{state}: {name} is squeezed"
        assert (window.width(), window.height()) == size, f"{state} pushed the window to grow"
