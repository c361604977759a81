"""The attract loop: clinic name, rotating tips and "Touch to start" in every language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.ui.context import ScreenContext
from kiosk.ui.direction import in_direction
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Radius, Size, Space, Type
from kiosk.ui.widgets import label, picture

if TYPE_CHECKING:  # type hints only: the first screen paints before pydantic loads
    from kiosk.content.model import Bundle, MediaRef, Slide


class AttractScreen(Screen):
    """Loops through the bundle's slides until someone touches the screen.

    It repaints only when the slide changes, so an idle kiosk costs next to no CPU; a bundle
    that asks for a background video trades that for a muted loop behind the slides."""

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__(ctx)
        self.setAccessibleName("Touch to start")
        self.slide_index = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._next_slide)
        self.background = None  # a BackgroundVideo, made when the bundle has one

    def reset_state(self) -> None:
        self.slide_index = 0
        self._timer.start(self.ctx.bundle.model.attract.seconds_per_slide * 1000)
        self._start_background()

    def leave(self) -> None:
        self._timer.stop()
        if self.background is not None:
            self.background.stop()

    def _start_background(self) -> None:
        video = self.ctx.bundle.model.attract.background_video
        if video is None:
            return
        if self.background is None:
            # Imported here: QtMultimedia loads only for a bundle that asks for it.
            from kiosk.ui.video.background import BackgroundVideo

            self.background = BackgroundVideo(self.ctx.bundle.media_path(video), self)
            self.background.changed.connect(self.update)
        self.background.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.background is not None and self.background.running:
            painter = QPainter(self)
            self.background.paint(
                painter, self.width(), self.height(), QColor(self.ctx.theme.colours["background"])
            )
            painter.end()

    def build(self) -> None:
        model, theme = self.ctx.bundle.model, self.ctx.theme
        slides = model.attract.slides
        slide = slides[self.slide_index % len(slides)]
        clinic = label(self.ctx.text(model.clinic.name), "title")
        clinic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root.addWidget(clinic)
        portrait = self.height() > self.width()
        body = QVBoxLayout() if portrait else QHBoxLayout()
        body.setSpacing(theme.px(Space.HUGE))
        art = self._slide_art(slide, portrait)
        if art is not None:
            body.addWidget(art, 1)
        words = QVBoxLayout()
        words.addStretch(1)
        texts = [label(self.ctx.text(slide.title), "title")] if slide.title is not None else []
        tip = label(self.ctx.text(slide.text), "heading")
        tip.setStyleSheet(f"font-size: {theme.font_px(Type.DISPLAY)}px;")
        for text in [*texts, tip]:
            if art is None:  # nothing beside the words: they stand in the middle
                text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            words.addWidget(text)
        words.addStretch(1)
        body.addLayout(words, 1)
        self.root.addLayout(body, 1)
        self.root.addWidget(self._dots(len(slides)))
        self.root.addWidget(self._touch_to_start())

    def _slide_art(self, slide: Slide, portrait: bool) -> QLabel | None:
        """The slide's picture, else its icon drawn large, else None."""
        box = picture_box(self.ctx.theme, portrait)
        if slide.image is not None:
            return picture(self.ctx.media.pixmap(slide.image, box))
        if slide.icon is None:
            return None
        side = min(box.width(), box.height()) * 2 // 3
        art = QLabel()
        art.setPixmap(
            self.ctx.media.icon(slide.icon, self.ctx.theme.colours["primary"]).pixmap(
                QSize(side, side)
            )
        )
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        art.setObjectName("slide-icon")
        return art

    def _dots(self, count: int) -> QLabel:
        """Where the loop is: one filled dot among hollow ones."""
        current = self.slide_index % count
        marks = " ".join("●" if i == current else "○" for i in range(count))
        dots = label(
            in_direction(marks, self.ctx.direction), "muted"
        )  # first on the right in Arabic
        dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return dots

    def _touch_to_start(self) -> QLabel:
        """The invitation, in every language the bundle speaks."""
        wording, theme = self.ctx.bundle.wording, self.ctx.theme
        languages = self.ctx.bundle.model.languages
        start = label("   ·   ".join(wording("touch_to_start", lang) for lang in languages))
        start.setAlignment(Qt.AlignmentFlag.AlignCenter)
        start.setStyleSheet(
            f"background: {theme.colours['primary']}; color: {theme.colours['on_primary']};"
            f"font-size: {theme.font_px(Type.TITLE)}px; {theme.bold_css}"
            f"border-radius: {theme.px(Radius.ROUND)}px; padding: {theme.px(Space.L)}px;"
        )
        return start

    def _next_slide(self) -> None:
        self.slide_index += 1
        self.render()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.navigate.emit(Route("home"))
        event.accept()


def picture_box(theme: Theme, portrait: bool) -> QSize:
    """The box a slide's picture is fitted in."""
    return theme.size(Size.ATTRACT_PICTURE_PORTRAIT if portrait else Size.ATTRACT_PICTURE)


def first_picture(model: Bundle, theme: Theme, portrait: bool) -> tuple[MediaRef, QSize] | None:
    """The picture the attract screen shows first for `model`, and its box (None: no picture).

    Rendered ahead, off the UI thread, when a bundle is about to be swapped in."""
    image = model.attract.slides[0].image
    return None if image is None else (image, picture_box(theme, portrait))
