"""Home: a few large tiles from the bundle, and the safety note."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from kiosk.content.model import Tile
from kiosk.ui.screens.base import Route, Screen, target_route, text_path, word_path
from kiosk.ui.tokens import Size, Space
from kiosk.ui.widgets import ContentButton, button, label


def tile_route(tile: Tile) -> Route:
    """Where a home tile leads: a section, or one article for article:<id>."""
    return target_route(tile.target)


class HomeScreen(Screen):
    """The patient's menu."""

    keeps_widgets = True

    def __init__(self, ctx, videos_available: bool = True) -> None:
        super().__init__(ctx)
        self.videos_available = videos_available

    def title(self) -> str:
        return self.ctx.text(self.ctx.bundle.model.title)

    def title_path(self) -> str:
        return text_path("title")

    def build(self) -> None:
        home = self.ctx.bundle.model.home
        tiles = home.tiles
        if home.greeting is not None:
            greeting = label(self.ctx.text(home.greeting), "heading")
            greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            greeting.setObjectName("greeting")
            self.root.addWidget(self.reads(text_path("home", "greeting"), greeting))
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        spacing = self.ctx.theme.px(Space.XL)
        grid.setSpacing(spacing)
        columns = self._columns(len(tiles))
        for index, tile in enumerate(tiles):
            grid.addWidget(self._tile(index, tile), index // columns, index % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)  # equal columns, whatever their words ask for
        # Large text on a small screen may not fit: then the tiles scroll rather than clip.
        self.root.addWidget(self.scroll_page(holder), 1)
        self.root.addLayout(self._footer())

    def _footer(self) -> QHBoxLayout:
        """The safety note, and the way to "About this content" (sources, reviews, credits)."""
        footer = QHBoxLayout()
        footer.setSpacing(self.ctx.theme.px(Space.L))
        note = label(self.ctx.text(self.ctx.bundle.model.safety_note), "muted")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        footer.addWidget(self.reads(text_path("safety_note"), note), 1)
        icon = self.ctx.media.icon("mdi6.information-outline", self.ctx.theme.colours["primary"])
        about = button(self.ctx.word("about_content"), icon=icon)
        about.setIconSize(QSize(self.ctx.theme.px(Space.XXL), self.ctx.theme.px(Space.XXL)))
        about.clicked.connect(lambda: self.navigate.emit(Route("about")))
        footer.addWidget(self.reads(word_path("about_content"), about))
        return footer

    def _columns(self, count: int) -> int:
        """Two columns; three on a wide screen with five or more tiles, so that all of them
        show at once, larger text too, rather than the last row hiding below the fold."""
        if count < 2:
            return 1
        return 3 if count > 4 and not self.portrait() else 2

    def _tile(self, index: int, tile: Tile) -> ContentButton:
        theme, name = self.ctx.theme, self.ctx.text(tile.label)
        widget = ContentButton(name, "tile")
        icon = QLabel()
        size = theme.px(Size.TILE_ICON)
        icon.setPixmap(
            self.ctx.media.icon(tile.icon, self.ctx.theme.colours["on_primary"]).pixmap(
                QSize(size, size)
            )
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget.add(icon)
        title = widget.add(label(name))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reads(text_path("home", "tiles", index, "label"), title)
        caption_text = self.ctx.text(tile.caption) if tile.caption else ""
        caption_path = text_path("home", "tiles", index, "caption")
        if tile.target == "videos" and not self.videos_available:
            caption_text = self.ctx.word("videos_unavailable")
            caption_path = word_path("videos_unavailable")
            widget.setEnabled(False)
        if caption_text:
            caption = widget.add(label(caption_text, "caption"))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.reads(caption_path, caption)
        widget.clicked.connect(lambda: self.navigate.emit(tile_route(tile)))
        return widget
