"""After "Stop — this hurts": the bundle's guidance for that moment, and one way home."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from kiosk.ui.rich_text import inline_html
from kiosk.ui.screens.base import Screen, text_path, word_path
from kiosk.ui.tokens import Size, Space, Type
from kiosk.ui.video.cards import centred
from kiosk.ui.widgets import button, card, label


class StopScreen(Screen):
    """Stop the movement, what to do now, tell us; a bundle made before stop_guidance gets
    the kiosk's own short wording."""

    def title(self) -> str:
        return ""  # the card says it, large

    def can_go_back(self) -> bool:
        return False  # back to the exercise or video would start it again: only Home

    def shows_home_in_bar(self) -> bool:
        return False  # one button leads home: the big one on the card

    def build(self) -> None:
        theme = self.ctx.theme
        frame, body = card()
        frame.setObjectName("stop_card")
        frame.setAccessibleName(self._heading())
        body.setContentsMargins(
            theme.px(Space.XXXL), theme.px(Space.XXL), theme.px(Space.XXXL), theme.px(Space.XXL)
        )
        body.setSpacing(theme.px(Space.L))
        body.addLayout(self._header())
        for widget in self._guidance():
            body.addWidget(widget)
        body.addWidget(self._home_button())
        self.root.addWidget(centred(frame), 1)

    def _heading(self) -> str:
        guidance = self.ctx.bundle.model.stop_guidance
        return self.ctx.text(guidance.title) if guidance else self.ctx.word("stop_title")

    def _header(self) -> QHBoxLayout:
        theme = self.ctx.theme
        row = QHBoxLayout()
        row.setSpacing(theme.px(Space.L))
        symbol = QLabel()
        size = theme.px(Size.ICON_HERO)
        symbol.setPixmap(
            self.ctx.media.icon(
                "mdi6.hand-back-right", self.ctx.theme.colours["front_desk"]
            ).pixmap(QSize(size, size))
        )
        row.addWidget(symbol, 0, Qt.AlignmentFlag.AlignTop)
        heading = label(self._heading(), "title")
        heading.setObjectName("stop_title")
        guidance = self.ctx.bundle.model.stop_guidance
        self.reads(
            text_path("stop_guidance", "title") if guidance else word_path("stop_title"), heading
        )
        heading.setStyleSheet(f"color: {self.ctx.theme.colours['front_desk']};")
        row.addWidget(heading, 1)
        return row

    def _guidance(self) -> list[QLabel]:
        """The numbered steps and what to tell us; or the kiosk's own sentence."""
        guidance = self.ctx.bundle.model.stop_guidance
        size = f"font-size: {self.ctx.theme.font_px(Type.HEADING)}px;"
        if guidance is None:
            fallback = label(self.ctx.word("stop_default"), "heading")
            fallback.setObjectName("stop_steps")
            return [self.reads(word_path("stop_default"), fallback)]
        steps = "".join(f"<li>{inline_html(self.ctx.text(step))}</li>" for step in guidance.steps)
        numbered = label(f"<ol style='margin:0'>{steps}</ol>", rich=True)
        numbered.setObjectName("stop_steps")
        numbered.setStyleSheet(size)
        numbered.setAccessibleName(" ".join(self.ctx.text(step) for step in guidance.steps))
        for number in range(len(guidance.steps)):
            self.reads(text_path("stop_guidance", "steps", number), numbered)
        tell = label(f"<b>{html.escape(self.ctx.text(guidance.tell_us))}</b>", "caution", True)
        tell.setObjectName("stop_tell_us")
        self.reads(text_path("stop_guidance", "tell_us"), tell)
        tell.setStyleSheet(size)
        return [numbered, tell]

    def _home_button(self) -> QPushButton:
        theme = self.ctx.theme
        home = button(self.ctx.word("home"), "primary")
        home.setIcon(self.ctx.media.icon("mdi6.home", self.ctx.theme.colours["on_primary"]))
        home.setIconSize(QSize(theme.px(Size.ICON_LARGE), theme.px(Size.ICON_LARGE)))
        home.setMinimumHeight(theme.px(Size.ACTION_HEIGHT))
        home.setStyleSheet(f"font-size: {theme.font_px(Type.LARGE)}px;")
        home.clicked.connect(self.go_home)
        return home
