"""The list of the series' videos with their posters; tapping one asks for it to play."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Video
from kiosk.ui.context import ScreenContext
from kiosk.ui.tokens import Size, Space, Stroke
from kiosk.ui.widgets import ContentButton, ScrollColumn, label, picture, scroll_page


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
        self._ctx, self._stacked = ctx, stacked
        spacing = ctx.theme.px(Space.M)
        holder = ScrollColumn(spacing)
        column = holder.column
        column.setSpacing(spacing)
        self.titles: list[QLabel] = []  # each video's title, as _entry makes them
        self._entries = [self._entry(index, video) for index, video in enumerate(videos)]
        for entry in self._entries:
            column.addWidget(entry)
        column.addStretch(1)
        self._scroll = scroll_page(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        self.set_current(current)

    def set_current(self, current: int) -> None:
        """Mark the video now playing, and scroll the list to it."""
        theme = self._ctx.theme
        marked = (
            f"QPushButton {{ border: {theme.px(Stroke.HEAVY)}px solid {theme.colours['primary']};"
            f" background: {theme.colours['pressed_surface']}; }}"
        )
        for index, entry in enumerate(self._entries):
            entry.setStyleSheet(marked if index == current else "")
        if 0 <= current < len(self._entries):
            self._scroll.ensureWidgetVisible(self._entries[current])

    def _entry(self, index: int, video: Video) -> ContentButton:
        theme = self._ctx.theme
        title = self._ctx.text(video.title)
        entry = ContentButton(title, "card")
        inset = theme.px(Space.XS)
        entry.body.setContentsMargins(inset, inset, inset, inset)
        row = QVBoxLayout() if self._stacked else QHBoxLayout()
        row.setSpacing(theme.px(Space.M))
        box = theme.size(Size.PLAYLIST_THUMB)
        poster = picture(self._ctx.media.pixmap(video.poster, box))
        poster.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(poster)
        name = label(f"{index + 1}. {title}")
        name.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.titles.append(name)
        row.addWidget(name, 1)
        entry.body.addLayout(row)
        entry.clicked.connect(lambda: self.chosen.emit(index))
        return entry
