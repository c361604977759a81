"""The hidden way in: press and hold a corner of the screen to open the staff PIN pad."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.screens.base import Route

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

CORNER_SIDE = 60  # px at 1080p: a fingertip, smaller than any control's main area
MOVE_SLACK = 30  # px at 1080p a finger may wander out of the corner while it holds
STAFF_SCREENS = ("staff-pin", "staff")

# Touches reach widgets as synthesised mouse events, so mouse events cover both.
_PRESS, _MOVE, _RELEASE = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
)
_WATCHED = {_PRESS, _MOVE, _RELEASE}


def corner_rect(size: QSize, corner: str, side: int) -> QRect:
    """The square of `side` px in `corner` ("top-left"...) of a window of `size`."""
    vertical, horizontal = corner.split("-")
    x = 0 if horizontal == "left" else size.width() - side
    y = 0 if vertical == "top" else size.height() - side
    return QRect(x, y, side, side)


class CornerGesture(QObject):
    """Emits `held` when a press stays in the configured corner for the pace's hold.

    It watches the whole application, so it works over every screen and control. The press
    goes through to whatever lies under it; only the release that ends a completed hold is
    swallowed, so a Back button under the corner is not clicked on the way in."""

    held = Signal()

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._completed)
        self._armed = False
        self._held_back = False  # a press on attract, kept from waking it until we know
        self._swallowing = False
        # Qt drops the filter by itself when this child of the window is deleted with it.
        QApplication.instance().installEventFilter(self)

    def corner(self) -> QRect:
        """The corner square, in window coordinates, from the gesture_corner setting."""
        side = self._window.ctx.theme.px(CORNER_SIDE)
        return corner_rect(self._window.size(), self._window.ctx.settings.gesture_corner, side)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window:
            return False
        if self._swallowing and kind != _PRESS:  # a new press: the last one ended elsewhere
            self._swallowing = kind != _RELEASE
            return True
        self._swallowing = False
        where = self._window.mapFromGlobal(event.globalPosition().toPoint())
        if kind == _PRESS:
            return self._pressed(where)
        if self._armed and (kind == _RELEASE or not self._near_corner(where)):
            self._cancel()
        return False

    def _pressed(self, where: QPoint) -> bool:
        if self._armed:
            return self._held_back  # the same press, passed on to the next parent
        if self._window.route.screen in STAFF_SCREENS or not self.corner().contains(where):
            return False
        self._armed = True
        self._timer.start(round(self._window.ctx.pace.staff_hold_seconds * 1000))
        # On attract a touch wakes the kiosk at once; hold that back until the press ends.
        self._held_back = self._window.route.screen == "attract"
        return self._held_back

    def _near_corner(self, where: QPoint) -> bool:
        slack = self._window.ctx.theme.px(MOVE_SLACK)
        return self.corner().adjusted(-slack, -slack, slack, slack).contains(where)

    def _cancel(self) -> None:
        """A short press or a finger moved away: it was a patient's touch after all."""
        self._timer.stop()
        self._armed = False
        if self._held_back:
            self._held_back = False
            self._window.go(Route("home"))

    def _completed(self) -> None:
        self._armed = self._held_back = False
        self._swallowing = True
        self.held.emit()
