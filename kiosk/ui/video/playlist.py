"""The list of the series' videos with their posters; tapping one asks for it to play."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Video
from kiosk.ui.context import ScreenContext
from kiosk.ui.theme import COLOURS
from kiosk.ui.widgets import ContentButton, label, picture, scroll_page


class Playlist(QWidget):
    """Poster and title of each video, the current one marked; emits `chosen` with an index."""

    chosen = Signal(int)

    def __init__(
        self,
        ctx: ScreenContext,
        videos: list[Video],
        current: int,
        stacked: bool,
        parent: QWidget | None = None,
    ) -> None:
        """`stacked` puts each title under its poster (a narrow column), else beside it."""
        super().__init__(parent)
        self._stacked = stacked
        spacing = ctx.theme.px(16)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, spacing, 0)  # room for the scroll bar
        column.setSpacing(spacing)
        for index, video in enumerate(videos):
            column.addWidget(self._entry(ctx, index, video, index == current))
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_page(holder))

    def _entry(self, ctx: ScreenContext, index: int, video: Video, current: bool) -> ContentButton:
        theme = ctx.theme
        title = ctx.text(video.title)
        entry = ContentButton(title, "card")
        inset = theme.px(8)
        entry.body.setContentsMargins(inset, inset, inset, inset)
        if current:
            entry.setStyleSheet(
                f"QPushButton {{ border: {theme.px(5)}px solid {COLOURS['primary']};"
                f" background: {COLOURS['pressed_surface']}; }}"
            )
        row = QVBoxLayout() if self._stacked else QHBoxLayout()
        row.setSpacing(theme.px(16))
        poster = picture(ctx.media.pixmap(video.poster, QSize(theme.px(200), theme.px(113))))
        poster.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(poster)
        name = label(f"{index + 1}. {title}")
        name.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(name, 1)
        entry.body.addLayout(row)
        entry.clicked.connect(lambda: self.chosen.emit(index))
        return entry
