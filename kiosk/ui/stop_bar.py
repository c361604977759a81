"""The strip under the exercise and video screens that holds "Stop — this hurts".

One strip owned by the window, so the control is in the same place on every such screen,
whatever the screen's own layout, in portrait and with larger text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.context import ScreenContext
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import button, clear_layout


class StopBar(QWidget):
    """Shown while the current screen has something to stop; `pressed` when tapped."""

    pressed = Signal()

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.row = QHBoxLayout(self)
        self.stop_button: QPushButton | None = None
        self.hide()

    def render(self, shown: bool) -> None:
        """Show (in the patient's language and size) or hide the strip."""
        self.setVisible(shown)
        if not shown:
            return
        clear_layout(self.row)
        theme = self.ctx.theme
        self.row.setContentsMargins(theme.px(Space.XXL), 0, theme.px(Space.XXL), theme.px(Space.M))
        widget = button(
            self.ctx.word("stop_hurts"),
            "stop",
            self.ctx.media.icon("mdi6.hand-back-right", self.ctx.theme.colours["on_primary"]),
        )
        widget.setIconSize(QSize(theme.px(Space.XXXL), theme.px(Space.XXXL)))
        widget.setObjectName("stop_hurts")
        widget.clicked.connect(self.pressed)
        self.stop_button = widget
        self.row.addStretch(1)
        self.row.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
        self.row.addStretch(1)
