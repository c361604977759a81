"""Scrolling a page by dragging a finger across it, with momentum, in every scroll area.

One application-wide event filter does it for every area marked with enable_drag_scroll().
QScroller would do the same, but each area it serves registers a gesture recognizer that Qt
never frees (measured here: about 2.6 KB per scroll area made, even after ungrabGesture), and
the kiosk makes new areas for months. The filter keeps no reference to any area between drags.

A press reaches the button under the finger at once (patients expect an answer, not the
scroller's wait to see whether a touch becomes a drag); once the finger has moved far enough,
the touch becomes a drag: the button is let go without a click and the page follows the finger."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

DRAG_SCROLL = "drag_scroll"  # the property that marks an area
FRAME_MS = 16
FRICTION_PER_S = 0.05  # share of a fling's speed left after one second
STOP_SPEED = 30.0  # px/s: slower than this, a fling has ended
VELOCITY_WINDOW_S = 0.1  # the finger's speed is read over its last tenth of a second


def enable_drag_scroll(area: QAbstractScrollArea) -> None:
    """Let a finger drag `area`'s page up and down."""
    area.setProperty(DRAG_SCROLL, True)
    DragScroller.install()


def drag_threshold(widget: QWidget) -> int:
    """How far a finger moves before a touch is a drag: more on big, dense screens."""
    return max(QApplication.startDragDistance(), round(widget.window().height() * 0.012))


@dataclass
class _Drag:
    area: QAbstractScrollArea
    pressed: QWidget
    start: QPointF
    start_value: int
    pressed_at: int  # the press event's timestamp: the same press, on its way up to a parent
    dragging: bool = False
    samples: list[tuple[float, float]] = field(default_factory=list)  # (time, finger y)


class DragScroller(QObject):
    """The application's one drag-to-scroll filter (see the module's docstring)."""

    _instance: DragScroller | None = None

    @classmethod
    def install(cls) -> DragScroller:
        app = QApplication.instance()
        if cls._instance is None or cls._instance.parent() is not app:
            cls._instance = cls(app)
            app.installEventFilter(cls._instance)
        return cls._instance

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._drag: _Drag | None = None
        self._fling_area: QAbstractScrollArea | None = None
        self._speed = 0.0  # px/s of page movement while flinging
        self._position = 0.0
        self._fling = QTimer(self)
        self._fling.setInterval(FRAME_MS)
        self._fling.timeout.connect(self._fling_step)
        self._fling_clock = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            self._on_press(watched, event)
        elif self._drag is not None and isinstance(event, QMouseEvent):
            if kind == QEvent.Type.MouseMove:
                return self._on_move(event)
            if kind == QEvent.Type.MouseButtonRelease:
                self._on_release()
        return False

    def _on_press(self, widget: QWidget, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self._drag is not None and self._drag.pressed_at == event.timestamp():
            return  # the same press again, on its way up to a parent
        self._drag = None
        self._stop_fling()
        area = _marked_area(widget)
        if area is not None:
            bar = area.verticalScrollBar()
            position, pressed_at = event.globalPosition(), event.timestamp()
            self._drag = _Drag(area, widget, position, bar.value(), pressed_at)

    def _on_move(self, event: QMouseEvent) -> bool:
        drag = self._drag
        if not (event.buttons() & Qt.MouseButton.LeftButton and shiboken6.isValid(drag.area)):
            self._drag = None  # the release went elsewhere, or the tap closed the page
            return False
        moved = event.globalPosition().y() - drag.start.y()
        if not drag.dragging:
            if abs(moved) < drag_threshold(drag.area):
                return False
            drag.dragging = True
            if isinstance(drag.pressed, QAbstractButton):
                drag.pressed.setDown(False)  # let go: its release will not click
        drag.area.verticalScrollBar().setValue(round(drag.start_value - moved))
        now = time.monotonic()
        drag.samples = [s for s in drag.samples if now - s[0] <= VELOCITY_WINDOW_S]
        drag.samples.append((now, event.globalPosition().y()))
        return True  # the button under the finger must not see it (it would press itself again)

    def _on_release(self) -> None:
        drag, self._drag = self._drag, None
        now = time.monotonic()
        # A finger that stopped before lifting leaves no recent samples: no fling.
        recent = [s for s in drag.samples if now - s[0] <= VELOCITY_WINDOW_S]
        if not drag.dragging or len(recent) < 2 or not shiboken6.isValid(drag.area):
            return
        (t0, y0), (_, y1) = recent[0], recent[-1]
        self._speed = -(y1 - y0) / max(now - t0, 1e-3)  # the page moves against the finger
        if abs(self._speed) >= STOP_SPEED:
            self._fling_area = drag.area
            self._position = float(drag.area.verticalScrollBar().value())
            self._fling_clock = time.monotonic()
            self._fling.start()

    def _fling_step(self) -> None:
        if not shiboken6.isValid(self._fling_area):
            self._stop_fling()  # the page was closed mid-fling
            return
        now = time.monotonic()
        elapsed, self._fling_clock = now - self._fling_clock, now
        self._speed *= FRICTION_PER_S**elapsed
        self._position += self._speed * elapsed
        bar = self._fling_area.verticalScrollBar()
        bar.setValue(round(self._position))
        at_end = bar.value() in (bar.minimum(), bar.maximum())
        if abs(self._speed) < STOP_SPEED or (at_end and bar.value() != round(self._position)):
            self._stop_fling()

    def _stop_fling(self) -> None:
        self._fling.stop()
        self._fling_area = None

    @property
    def flinging(self) -> bool:
        return self._fling.isActive()


def _marked_area(widget: QWidget | None) -> QAbstractScrollArea | None:
    """The nearest drag-scrolled area holding `widget`, if any."""
    while widget is not None:
        if isinstance(widget, QAbstractScrollArea) and widget.property(DRAG_SCROLL):
            return widget
        widget = widget.parentWidget()
    return None
