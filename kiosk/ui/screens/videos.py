"""The stretch video series: caution card, the playlist played in order, then a closing card."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.content.model import Video
from kiosk.content.take_home import take_home_address
from kiosk.flows.video_series import AfterCard, Phase, VideoSeries
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.base import Reading, Screen, block_paths, text_path, word_path
from kiosk.ui.take_home_code import take_home_card
from kiosk.ui.tokens import Size, Space, Type
from kiosk.ui.video.captions import CaptionLibrary, Cue
from kiosk.ui.video.cards import caution_card, centred, closing_card
from kiosk.ui.video.controls import PlayerControls
from kiosk.ui.video.memory import keep_frames_off_the_heap
from kiosk.ui.video.playback import VideoPlayback
from kiosk.ui.video.playlist import Playlist
from kiosk.ui.video.surface import VideoSurface
from kiosk.ui.widgets import button, clear_layout

log = logging.getLogger(__name__)

VIDEO_SHAPE = 9 / 16  # height over width of the series' videos, for sizing the video area
DUCKED = 0.15  # the video's volume while read-aloud speaks, as a share of its own


__all__ = ["Phase", "VideoScreen"]  # Phase: the series' phases, from kiosk.flows


class VideoScreen(Screen):
    """Plays the bundle's video series; the player lives across render() (language, resize)."""

    now_playing = Signal(int)  # the index of the video just opened

    def __init__(self, ctx: ScreenContext, volume_cap: float | None = None) -> None:
        """`volume_cap` (0.0-1.0) overrides the setting of that name."""
        super().__init__(ctx)
        keep_frames_off_the_heap()  # process-wide; here because video frames are what need it
        self.volume_cap = volume_cap
        self.captions = CaptionLibrary(ctx.bundle)
        self.series = VideoSeries(len(self.videos))
        self.playback: VideoPlayback | None = None
        self._shown = False  # the current video's first frame was drawn
        self.surface: VideoSurface | None = None
        self.controls: PlayerControls | None = None
        self.playlist: Playlist | None = None
        self._timer = QTimer(self)  # the error card's and the closing card's time on screen
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._ducked = False  # read-aloud is speaking: the video's sound is lowered

    @property
    def videos(self) -> list[Video]:
        return self.ctx.bundle.model.videos.items

    @property
    def video(self) -> Video:
        return self.videos[self.index]

    # The series' state, as the screen shows it.
    @property
    def phase(self) -> Phase:
        return self.series.phase

    @property
    def index(self) -> int:
        return self.series.index

    @property
    def paused(self) -> bool:
        return self.series.paused

    @property
    def captions_on(self) -> bool:
        return self.series.captions_on

    @property
    def sound_on(self) -> bool:
        return self.series.sound_on

    # --- Screen ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.ctx.text(self.ctx.bundle.model.videos.title)

    def title_path(self) -> str:
        return text_path("videos", "title")

    def reading(self) -> list[Reading]:
        """The cards' words, or the title of the video on show (the player's page is not
        built anew for each video)."""
        if self.playlist is not None and self.phase != Phase.CAUTION:
            title = self.playlist.titles[self.index]
            return [(text_path("videos", "items", self.index, "title"), title)]
        return super().reading()

    def duck_sound(self, ducked: bool) -> None:
        self._ducked = ducked
        self._apply_sound()

    def reset_state(self) -> None:
        self._stop()
        # Captions on and (by default) sound off: waiting rooms are usually quiet.
        self.series = VideoSeries(len(self.videos))
        self.series.reset(self.ctx.settings.start_muted)

    def leave(self) -> None:
        self.reset_state()  # a visit always starts again at the caution card
        if self.surface is not None:
            # The player's widgets hold the last frame and the posters (several MiB); the
            # next visit builds its page afresh anyway.
            clear_layout(self.root)
            self.surface, self.controls, self.playlist = None, None, None

    def stop_subject(self) -> tuple[str, str]:
        return ("video", self.video.id)  # the one playing, or the first before the series

    def is_busy(self) -> bool:
        """Busy while the series runs on its own: a video playing, or the error card."""
        return self.series.busy

    def build(self) -> None:
        self.surface, self.controls, self.playlist = None, None, None
        series = self.ctx.bundle.model.videos
        if self.phase == Phase.CAUTION:
            self._build_caution()
        elif self.phase == Phase.CLOSING:
            closing = closing_card(self.ctx, series.closing)
            self._read_card(closing, "closing")
            closing.clicked.connect(self.go_home)
            self.root.addWidget(centred(closing), 1)
            if address := take_home_address(self.ctx.bundle.model, series):
                self.root.addWidget(
                    take_home_card(self.ctx, address), 0, Qt.AlignmentFlag.AlignHCenter
                )
        else:
            self._build_player()

    # --- The series -----------------------------------------------------------------------

    def start_series(self) -> None:
        """The patient read the caution: play from the first video."""
        self.play_video(0)

    def play_video(self, index: int) -> None:
        """Open video `index` in a new player and play it."""
        self._stop()
        self.series.open(index)
        self._shown = False
        path = self.ctx.bundle.media_path(self.video.file)
        self.playback = VideoPlayback(path, self.ctx.pace.video_stall_seconds, self)
        self.playback.frame_ready.connect(self._on_frame)
        self.playback.position_changed.connect(self._on_position)
        self.playback.duration_changed.connect(self._on_position)
        self.playback.finished.connect(self.next_video)
        self.playback.failed.connect(self.video_failed)
        self._apply_sound()
        # Opened first: FFmpeg reads and decodes on its own threads while the player's widgets
        # (posters included) are built here; the first frame arrives after both.
        self.playback.start()
        self._show_player()
        self.now_playing.emit(index)

    def next_video(self) -> None:
        """On to the next video, or the closing card after the last."""
        self.series.next()
        self._follow_series()

    def previous_video(self) -> None:
        """Back one video; on the first, start it again."""
        self.series.previous()
        self._follow_series()

    def _follow_series(self) -> None:
        """Play or show what the series moved on to."""
        if self.series.phase == Phase.CLOSING:
            self.show_closing()
        else:
            self.play_video(self.series.index)

    def current_caption(self) -> str:
        """The caption for the current position, or "" when captions are off."""
        cue = self.current_cue()
        return cue.text if cue else ""

    def current_cue(self) -> Cue | None:
        """The caption cue for the current position (its text and place), if one shows."""
        if self.playback is None or not self.captions_on:
            return None
        track = self.captions.track(self.video, self.ctx.session.language)
        return track.cue_at(self.playback.position)

    def show_closing(self) -> None:
        """The closing card; home on a tap or after the pace's closing time."""
        self._stop()
        self.series.close()
        self.render()
        self._timer.start(round(self.ctx.pace.video_closing_seconds * 1000))

    def _stop(self) -> None:
        """Stop the player and free its decoder, and any card's timer."""
        self._timer.stop()
        if self.playback is not None:
            self.playback.release()
            self.playback = None

    def _on_timer(self) -> None:
        after = self.series.after_card()
        if after == AfterCard.NEXT_VIDEO:
            self.next_video()
        elif after == AfterCard.HOME:
            self.go_home.emit()

    # --- What the player reports ----------------------------------------------------------

    def _on_frame(self, image: QImage) -> None:
        if not self._shown:  # counted once it is on screen, not when it merely opened
            self._shown = True
            self.viewed.emit("video", self.video.id)
        if self.surface is not None:
            self.surface.set_image(image)

    def _on_position(self, *_: int) -> None:
        playback = self.playback
        if self.controls is not None:
            position, duration = (playback.position, playback.duration) if playback else (0, 0)
            self.controls.set_progress(position, duration)
        if self.surface is not None:
            cue = self.current_cue()
            self.surface.set_caption(cue.text if cue else "", cue.line_percent if cue else None)

    def video_failed(self, reason: str) -> None:
        """Say the current video can't play, log why, and move on after a few seconds."""
        log.warning("video %s can't play: %s", self.video.file, reason)
        self._stop()
        self.series.fail()
        self._show_player()
        self._timer.start(round(self.ctx.pace.video_error_seconds * 1000))

    # --- What the patient asks ------------------------------------------------------------

    def resume(self) -> None:
        """Play on after a pause; on the error card, try the same video again."""
        if self.phase == Phase.FAILED:
            self.series.resume()
            self.play_video(self.index)
        elif self.playback is not None:
            self.series.resume()
            self.playback.play()
            self._show_state()

    def pause(self) -> None:
        if self.playback is not None:
            self.series.pause()
            self.playback.pause()
            self._show_state()

    def _on_captions(self, shown: bool) -> None:
        self.series.captions_on = shown
        self._on_position()

    def _on_muting(self, muted: bool) -> None:
        self.series.sound_on = not muted
        self._apply_sound()
        self._show_state()

    def _apply_sound(self) -> None:
        """Sound on or off, never louder than the cap (read now: staff may have changed it),
        and lowered while read-aloud speaks."""
        cap = self.ctx.settings.volume_cap if self.volume_cap is None else self.volume_cap
        if self.playback is not None:
            self.playback.set_sound(self.sound_on, cap * (DUCKED if self._ducked else 1.0))

    def _show_player(self) -> None:
        """Show the current video: the player layout is built once, then updated in place.

        Rebuilding it per video would cost a frame or two, and leaks: each scrolling list
        registers a Qt gesture recognizer that is never wholly freed."""
        if self.surface is None or self.playlist is None:
            self.render()
            return
        self._dress_surface()
        self.playlist.set_current(self.index)
        self._show_state()
        self._on_position()

    def _dress_surface(self) -> None:
        """The poster, the error message or the last frame, for the current video and phase."""
        theme = self.ctx.theme
        poster_box = theme.size(Size.POSTER)
        self.surface.set_still(self.ctx.media.pixmap(self.video.poster, poster_box))
        has_frame = self.playback is not None and not self.playback.last_image.isNull()
        # Rebuilt mid-video (language, size): the last frame at once, no flash of the poster.
        self.surface.set_image(self.playback.last_image if has_frame else QImage())
        if self.phase == Phase.FAILED:
            icon = self.ctx.media.icon("mdi6.alert-circle-outline", "#ffffff")
            size = theme.px(Size.POSTER_PLAY)
            self.surface.set_message(self.ctx.word("video_cannot_play"), icon.pixmap(size, size))
        else:
            self.surface.set_message("", QPixmap())

    def _show_state(self) -> None:
        if self.controls is not None:
            self.controls.set_playing(self.series.playing)
            self.controls.set_muted(not self.sound_on)
            self.controls.set_captions(self.captions_on)

    # --- Building -------------------------------------------------------------------------

    def _build_caution(self) -> None:
        theme = self.ctx.theme
        caution = caution_card(self.ctx, self.ctx.bundle.model.videos.caution)
        self._read_card(caution, "caution")
        self.root.addWidget(centred(caution), 1)
        start = self.reads(
            word_path("understand_play"), button(self.ctx.word("understand_play"), "primary")
        )
        start.setIcon(self.ctx.media.icon("mdi6.play", self.ctx.theme.colours["on_primary"]))
        start.setIconSize(QSize(theme.px(Size.ICON_LARGE), theme.px(Size.ICON_LARGE)))
        start.setMinimumHeight(theme.px(Size.ACTION_HEIGHT))
        start.setStyleSheet(
            f"font-size: {theme.font_px(Type.LARGE)}px;"
            f" padding: {theme.px(Space.M)}px {theme.px(Space.GIANT)}px;"
        )
        start.clicked.connect(self.start_series)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(start)
        row.addStretch(1)
        self.root.addLayout(row)

    def _read_card(self, card: QWidget, name: str) -> None:
        """The card's title, then its paragraphs and bullets, for read-aloud."""
        model = getattr(self.ctx.bundle.model.videos, name)
        title, body = card.findChild(QLabel, "card_title"), card.findChild(QLabel, "card_body")
        self.reads(text_path("videos", name, "title"), title)
        for path in block_paths(("videos", name, "body"), model.body):
            self.reads(path, body)

    def _build_player(self) -> None:
        theme, portrait = self.ctx.theme, self.height() > self.width()
        self.surface = VideoSurface(theme.font_px(Type.LARGE))
        self._dress_surface()
        self.controls = PlayerControls(self.ctx)
        self.controls.play.connect(self.resume)
        self.controls.pause.connect(self.pause)
        self.controls.next.connect(self.next_video)
        self.controls.previous.connect(self.previous_video)
        self.controls.captions_changed.connect(self._on_captions)
        self.controls.muting_changed.connect(self._on_muting)
        # Larger text leaves a landscape list too narrow for a title beside its poster.
        stacked = not portrait and theme.larger_text
        self.playlist = playlist = Playlist(self.ctx, self.videos, self.index, stacked)
        playlist.chosen.connect(self.play_video)
        if portrait:  # picture on top (as tall as the video needs), the list below the controls
            margins = self.root.contentsMargins()
            room = self.width() - margins.left() - margins.right()
            self.surface.setMaximumHeight(math.ceil(room * VIDEO_SHAPE))
            self.root.addWidget(self.surface, 3)
            self.root.addWidget(self.controls)
            self.root.addWidget(playlist, 2)
        else:  # picture beside the list, controls across the bottom
            stage = QHBoxLayout()
            stage.setSpacing(theme.px(Space.L))
            stage.addWidget(self.surface, 1)
            playlist.setFixedWidth(theme.px(Size.PLAYLIST_WIDTH))
            stage.addWidget(playlist)
            self.root.addLayout(stage, 1)
            self.root.addWidget(self.controls)
        self._show_state()
        self._on_position()
