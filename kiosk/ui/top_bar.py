"""The bar above every screen but attract: Back, Home, the title, language and text size."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

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
        self.column = QVBoxLayout(self)
        self.row = QHBoxLayout()
        self.column.addLayout(self.row)

    def render(self, title: str, show_back: bool, show_home: bool, portrait: bool) -> None:
        """Rebuild the bar for the current screen; in portrait the title gets its own row."""
        clear_layout(self.column)
        self.row = QHBoxLayout()
        self.column.addLayout(self.row)
        theme, ctx = self.ctx.theme, self.ctx
        self.column.setContentsMargins(theme.px(40), theme.px(20), theme.px(40), theme.px(4))
        self.row.setSpacing(theme.px(20))
        if show_back:
            self.row.addWidget(self._icon_button("back", "mdi6.arrow-left", self.back))
        if show_home:
            self.row.addWidget(self._icon_button("home", "mdi6.home", self.home))
        heading = label(title, "heading", wrap=portrait)
        # A long title may be cut short rather than push buttons off the screen.
        heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if portrait:
            self.row.addStretch(1)
            self.column.addWidget(heading)
        else:
            self.row.addWidget(heading, 1)
        languages = ctx.bundle.model.languages
        if len(languages) > 1:
            for language in languages:
                self.row.addWidget(self._language_button(language))
        larger = self._icon_button("larger_text", "mdi6.format-size", None)
        larger.setCheckable(True)
        larger.setChecked(ctx.session.larger_text)
        larger.toggled.connect(ctx.session.set_larger_text)
        self.row.addWidget(larger)

    def _icon_button(self, wording_key: str, icon: str, signal) -> QPushButton:
        widget = button(
            self.ctx.word(wording_key), icon=self.ctx.media.icon(icon, COLOURS["primary"])
        )
        size = self.ctx.theme.px(44)
        widget.setIconSize(QSize(size, size))
        if signal is not None:
            widget.clicked.connect(signal)
        return widget

    def _language_button(self, language: str) -> QPushButton:
        name = self.ctx.bundle.wording("language_name", language)
        widget = button(name)
        widget.setCheckable(True)
        widget.setChecked(language == self.ctx.session.language)
        widget.clicked.connect(lambda: self.ctx.session.set_language(language))
        return widget
