"""The attract loop: clinic name, rotating tips and "Touch to start" in every language."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout

from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.widgets import label, picture


class AttractScreen(Screen):
    """Loops through the bundle's slides until someone touches the screen."""

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__(ctx)
        self.setAccessibleName("Touch to start")
        self.slide_index = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._next_slide)

    def reset_state(self) -> None:
        self.slide_index = 0
        self._timer.start(self.ctx.bundle.model.attract.seconds_per_slide * 1000)

    def leave(self) -> None:
        self._timer.stop()

    def build(self) -> None:
        model, theme = self.ctx.bundle.model, self.ctx.theme
        slide = model.attract.slides[self.slide_index % len(model.attract.slides)]
        clinic = label(self.ctx.text(model.clinic.name), "title")
        clinic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root.addWidget(clinic)
        row = QHBoxLayout()
        row.setSpacing(theme.px(48))
        if slide.image is not None:
            box = QSize(theme.px(760), theme.px(560))
            row.addWidget(picture(self.ctx.media.pixmap(slide.image, box)), 1)
        words = label(self.ctx.text(slide.text), "heading")
        words.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        if slide.title is not None:
            words.setText(f"{self.ctx.text(slide.title)}\n\n{self.ctx.text(slide.text)}")
        row.addWidget(words, 1)
        self.root.addLayout(row, 1)
        wording = self.ctx.bundle.wording
        languages = self.ctx.bundle.model.languages
        start = label("  ·  ".join(wording("touch_to_start", lang) for lang in languages))
        start.setAlignment(Qt.AlignmentFlag.AlignCenter)
        start.setProperty("role", "title")
        self.root.addWidget(start)

    def _next_slide(self) -> None:
        self.slide_index += 1
        self.render()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.navigate.emit(Route("home"))
        event.accept()
