"""The bar above every screen but attract: Back, Home, the title, language and text size."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.context import ScreenContext
from kiosk.ui.theme import COLOURS
from kiosk.ui.widgets import button, clear_layout, label


class TopBar(QWidget):
    """Navigation and the patient's settings; rebuilt whenever the language or screen changes."""

    back = Signal()
    home = Signal()

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.row = QHBoxLayout(self)

    def render(self, title: str, show_back: bool, show_home: bool) -> None:
        """Rebuild the bar for the current screen."""
        clear_layout(self.row)
        theme, ctx = self.ctx.theme, self.ctx
        self.row.setContentsMargins(theme.px(40), theme.px(20), theme.px(40), theme.px(4))
        self.row.setSpacing(theme.px(20))
        icon_colour = COLOURS["primary"]
        if show_back:
            back = button(ctx.word("back"), icon=ctx.media.icon("mdi6.arrow-left", icon_colour))
            back.clicked.connect(self.back)
            self.row.addWidget(back)
        if show_home:
            home = button(ctx.word("home"), icon=ctx.media.icon("mdi6.home", icon_colour))
            home.clicked.connect(self.home)
            self.row.addWidget(home)
        heading = label(title, "heading", wrap=False)
        self.row.addWidget(heading, 1)
        languages = ctx.bundle.model.languages
        if len(languages) > 1:
            for language in languages:
                self.row.addWidget(self._language_button(language))
        larger = button(
            ctx.word("larger_text"), icon=ctx.media.icon("mdi6.format-size", icon_colour)
        )
        larger.setCheckable(True)
        larger.setChecked(ctx.session.larger_text)
        larger.toggled.connect(ctx.session.set_larger_text)
        self.row.addWidget(larger)

    def _language_button(self, language: str):
        name = self.ctx.bundle.wording("language_name", language)
        widget = button(name)
        widget.setCheckable(True)
        widget.setChecked(language == self.ctx.session.language)
        widget.clicked.connect(lambda: self.ctx.session.set_language(language))
        return widget
