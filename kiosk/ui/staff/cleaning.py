"""The cleaning lock: staff wipe the screen while it ignores every touch, then attract.

Started from the staff panel; it ends by itself after cleaning_seconds, or early when staff
hold the corner (the PIN pad opens over it, and the PIN is needed for anything more)."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel

from kiosk.flows.countdown import CleaningLock
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.tokens import Type
from kiosk.ui.widgets import label

log = logging.getLogger(__name__)

TICK_MS = 200


class CleaningScreen(Screen):
    """ "Cleaning" and a large countdown; no control, no top bar: touches go nowhere."""

    def __init__(self, ctx: ScreenContext, access: StaffAccess) -> None:
        super().__init__(ctx)
        self.access = access
        self.lock = CleaningLock(ctx.settings.cleaning_seconds, time.monotonic)
        self.setAccessibleName("Cleaning")
        self._seconds: QLabel | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)

    def shows_top_bar(self) -> bool:
        return False

    def is_busy(self) -> bool:
        return self.lock.active  # no idle warning or reset while staff clean

    def show_route(self, route: Route) -> None:
        self.lock.countdown.seconds = self.ctx.settings.cleaning_seconds  # read now: may change
        self.lock.start()
        log.info("cleaning lock: started for %d s", self.ctx.settings.cleaning_seconds)
        self._ticker.start()
        super().show_route(route)

    def leave(self) -> None:
        self._ticker.stop()
        left = self.lock.seconds_left()
        if self.lock.end_early():
            log.info("cleaning lock: ended early by staff (the corner held), %d s left", left)

    def build(self) -> None:
        theme = self.ctx.theme
        self.root.addStretch(1)
        heading = label(self.ctx.word("cleaning"), "title")
        heading.setStyleSheet(f"font-size: {theme.font_px(Type.HERO)}px;")
        self._seconds = label(str(self.lock.seconds_left()), "huge", wrap=False)
        self._seconds.setObjectName("cleaning_seconds")
        self._seconds.setStyleSheet(f"font-size: {theme.font_px(Type.GIANT)}px;")
        wait = label(
            self.ctx.word("cleaning_wait", seconds=self.ctx.settings.cleaning_seconds), "heading"
        )
        for widget in (heading, self._seconds, wait):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.root.addWidget(widget)
        self.root.addStretch(1)

    def _tick(self) -> None:
        if self.lock.check():
            self._ticker.stop()
            log.info("cleaning lock: ended after %d s", self.ctx.settings.cleaning_seconds)
            self.access.close_panel()  # attract, the staff session forgotten
        elif self._seconds is not None and self._seconds.text() != str(self.lock.seconds_left()):
            self._seconds.setText(str(self.lock.seconds_left()))

    # Every touch and key ends here: nothing under the cloth is pressed.
    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
