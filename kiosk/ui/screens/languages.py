"""The language chooser, opened by the top bar's Language button when the bundle has more
languages than the bar has room for: each language named in itself, as its speakers know it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.ui.screens.base import Screen
from kiosk.ui.tokens import Size, Space, Type
from kiosk.ui.widgets import button


class LanguageScreen(Screen):
    """One big button per language; a tap switches to it and goes back where the patient was."""

    def title(self) -> str:
        return self.ctx.word("choose_language")

    def build(self) -> None:
        theme = self.ctx.theme
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(theme.px(Space.XL))
        columns = 1 if self.portrait() else 2
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        for index, language in enumerate(self.ctx.bundle.model.languages):
            grid.addWidget(self._choice(language), *divmod(index, columns))
        grid.setRowStretch(grid.rowCount(), 1)
        # Eight languages in larger text on a small screen may not fit: then the page scrolls.
        self.root.addWidget(self.scroll_page(holder), 1)

    def choose(self, language: str) -> None:
        """Speak `language` from now on, back on the screen the patient came from."""
        self.ctx.session.set_language(language)
        self.go_back.emit()

    def _choice(self, language: str) -> QPushButton:
        """The language's own name for itself; the one in use is ticked, not only shaded."""
        theme = self.ctx.theme
        widget = button(self.ctx.bundle.wording("language_name", language))
        widget.setObjectName(f"language-{language}")
        widget.setCheckable(True)
        current = language == self.ctx.session.language
        widget.setChecked(current)
        if current:
            widget.setIcon(self.ctx.media.icon("mdi6.check", theme.colours["primary"]))
            widget.setIconSize(QSize(theme.px(Size.ICON_LARGE), theme.px(Size.ICON_LARGE)))
        widget.setMinimumHeight(theme.px(Size.ACTION_HEIGHT))
        widget.setStyleSheet(f"font-size: {theme.font_px(Type.LARGE)}px;")
        widget.clicked.connect(lambda _=False: self.choose(language))
        return widget
