"""The warned idle reset: after a quiet spell, "Still there?" counts down over the screen;
More time, a tap anywhere or a key keeps the patient's place, and silence starts over."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.flows.countdown import IdlePlan, ResetWarning
from kiosk.settings import Settings
from kiosk.ui.context import ScreenContext
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.tokens import Size, Space, Type
from kiosk.ui.widgets import button, card, clear_layout, label

log = logging.getLogger(__name__)

TICK_MS = 200  # the card's number and the wait for a hold or video to end, checked this often
SCRIM = QColor(0, 0, 0, 150)  # dims the page behind the card

# A finger or a key anywhere, while the card shows, is the patient saying "still here".
_ANSWERS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress}
_SWALLOWED = {
    *_ANSWERS,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
}


def idle_plan(settings: Settings) -> IdlePlan:
    return IdlePlan(settings.idle_timeout, settings.idle_warning_seconds)


class ResetWarningCard(QWidget):
    """Covers the window while the countdown runs; takes focus so it is announced."""

    more_time = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._seconds: QLabel | None = None
        self._column = QVBoxLayout(self)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        """Show the card (built in the patient's language and size), or update its number."""
        if not self.isVisible():
            self._build(seconds)
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
            self.show()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._seconds is not None and self._seconds.text() != str(seconds):
            self._seconds.setText(str(seconds))
            self.setAccessibleDescription(self._description(seconds))

    def _description(self, seconds: int) -> str:
        return f"{self.ctx.word('reset_in', seconds=seconds)} {self.ctx.word('more_time')}."

    def _build(self, seconds: int) -> None:
        clear_layout(self._column)  # built afresh each time: the language or size may differ
        theme = self.ctx.theme
        self.setAccessibleName(self.ctx.word("still_there"))
        self.setAccessibleDescription(self._description(seconds))
        frame, body = card()
        frame.setMaximumWidth(theme.px(Size.READING_WIDTH))
        body.setContentsMargins(*theme.insets(Space.XXXL))
        body.setSpacing(theme.px(Space.L))
        body.addWidget(_centred(label(self.ctx.word("still_there"), "title")))
        self._seconds = _centred(label(str(seconds), "huge", wrap=False))
        self._seconds.setObjectName("reset_seconds")
        body.addWidget(self._seconds)
        body.addWidget(_centred(label(self.ctx.word("reset_in", seconds=seconds), "heading")))
        more = button(self.ctx.word("more_time"), "primary")
        more.setMinimumHeight(theme.px(Size.ACTION_HEIGHT))
        more.setStyleSheet(f"font-size: {theme.font_px(Type.TITLE)}px;")
        more.clicked.connect(self.more_time)
        body.addWidget(more)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(frame, 4)
        row.addStretch(1)
        self._column.addStretch(1)
        self._column.addLayout(row)
        self._column.addStretch(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.more_time.emit()  # Enter chooses More time; any other key says "still here" too

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), SCRIM)


def _centred(widget: QLabel) -> QLabel:
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


class WarnedReset(QObject):
    """The quiet spell, the card and the reset. Asks `is_busy` before warning: a running hold
    or a playing video defers the card until it ends. Emits `reset_due` when the card ran out."""

    reset_due = Signal()
    shown = Signal()  # the card appeared

    def __init__(
        self,
        window: QWidget,
        ctx: ScreenContext,
        is_busy: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self._window, self._is_busy, self._clock = window, is_busy, clock
        self.plan = idle_plan(ctx.settings)
        self.watcher = IdleWatcher(self.plan.quiet_before_warning, self)
        self.watcher.idle.connect(self._quiet_spell_over)
        self.warning = ResetWarning(self.plan.warning_length, clock)
        self.card = ResetWarningCard(ctx, window)
        self.card.more_time.connect(self.more_time)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)

    @property
    def showing(self) -> bool:
        return self.warning.showing

    def use_settings(self, settings: Settings) -> None:
        self.plan = idle_plan(settings)
        self.watcher.set_seconds(self.plan.quiet_before_warning)
        self.warning.countdown.seconds = self.plan.warning_length

    def start(self) -> None:
        """A patient's screen is up: count the quiet spell from now; no card."""
        self._hide_card()
        self.watcher.restart()

    def stop(self) -> None:
        """Attract (or closing): no quiet spell, no card."""
        self._hide_card()
        self.watcher.stop()

    def more_time(self) -> None:
        """The patient is still there: the card goes and the whole idle time starts again."""
        self.watcher.touched()
        if self.warning.more_time():
            log.info("idle warning: more time (%d so far)", self.warning.times_extended)
        self.start()

    def _quiet_spell_over(self) -> None:
        self._ticker.start()
        self._tick()

    def _tick(self) -> None:
        if not self.warning.showing:
            self._maybe_warn()
        elif self.warning.reset_due():
            self._hide_card()
            self.reset_due.emit()
        else:
            self.card.show_seconds(self.warning.seconds_left())

    def _maybe_warn(self) -> None:
        """Warn once nothing runs on its own; a touch meanwhile starts the quiet spell again."""
        if self.watcher.quiet_for() < self.plan.quiet_before_warning - TICK_MS / 1000:
            self.start()  # touched while a hold or video ran: a new quiet spell
        elif not self._is_busy():
            self.warning.begin()
            QApplication.instance().installEventFilter(self)
            self.card.show_seconds(self.warning.seconds_left())
            self.shown.emit()

    def _hide_card(self) -> None:
        self._ticker.stop()
        self.warning.dismiss()
        if self.card.isVisible():
            QApplication.instance().removeEventFilter(self)
            self.card.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While the card shows, a tap or key anywhere in the window is More time, and
        goes no further (it must not also press what lies under the card)."""
        kind = event.type()
        if kind not in _SWALLOWED or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window:
            return False
        if kind in _ANSWERS and self.warning.showing:
            self.more_time()
        return True

    def detach(self) -> None:
        self._hide_card()
        self.watcher.detach()
