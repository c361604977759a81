"""Using the kiosk without touch: a keyboard or a USB navigation keypad moves a thick focus
ring from control to control, activates the one ringed, and goes back.

Which key does what is the `keypad_keys` setting, so a keypad that sends other keys (an
EZ-Access style pad, a media remote) can be mapped without code."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kiosk.settings import Settings
from kiosk.ui.screens.base import Route

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

ACTIONS = ("next", "previous", "activate", "back", "help")
RING_FOLLOW_MS = 100  # the ring follows its control as pages scroll and re-lay out
# Outer yellow and inner black bands: the ring shows on light, dark and coloured controls.
RING_COLOURS = ("#ffd400", "#000000")
RING_WIDTH = 12  # px at 1080p, the two bands together
_REVERSED = {"next": "previous", "previous": "next"}


def parse_keymap(entries: Iterable[str]) -> dict[int, str]:
    """Qt key codes to actions, from "Key=action" entries (Qt key names: Tab, Down, F1...).

    Entries naming an unknown key or action are logged and skipped."""
    keymap: dict[int, str] = {}
    for entry in entries:
        name, _, action = entry.partition("=")
        sequence = QKeySequence.fromString(name.strip())
        if action not in ACTIONS or sequence.isEmpty():
            log.warning("keypad_keys: %r is not Key=action (actions: %s)", entry, ACTIONS)
            continue
        keymap[sequence[0].key().value] = action
    return keymap


class FocusRing(QWidget):
    """A thick two-colour ring drawn over the window around the focused control."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName("Focus ring")
        self.target: QWidget | None = None
        self._follow = QTimer(self)
        self._follow.setInterval(RING_FOLLOW_MS)
        self._follow.timeout.connect(self.place)
        self.hide()

    def ring(self, target: QWidget | None) -> None:
        """Draw the ring around `target`; None hides it."""
        self.target = target
        if target is None:
            self._follow.stop()
            self.hide()
            return
        self.place()
        self.show()
        self.raise_()
        self._follow.start()

    def width_px(self) -> int:
        return max(4, round(RING_WIDTH * self.parentWidget().height() / 1080))

    def place(self) -> None:
        target, window = self.target, self.parentWidget()
        if target is None or not target.isVisible():
            self.hide()
            return
        grow = self.width_px()
        top_left = target.mapTo(window, QPoint(0, 0))
        box = QRect(top_left, target.size()).adjusted(-grow, -grow, grow, grow)
        if box != self.geometry():
            self.setGeometry(box)
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        band = self.width_px() / 2
        for index, colour in enumerate(RING_COLOURS):
            inset = band / 2 + index * band
            pen = QPen(QColor(colour), band)
            painter.setPen(pen)
            rect = self.rect().toRectF().adjusted(inset, inset, -inset, -inset)
            painter.drawRoundedRect(rect, 3 * band, 3 * band)


class KeypadNavigator(QObject):
    """Turns mapped keys into moves between the current page's controls, taps and Back, and
    says when Help was pressed (the composition root starts read-aloud).

    The ring shows only once a key is used: touch users never see it, and a touch hides it."""

    help_pressed = Signal()

    def __init__(self, window: KioskWindow, keys: Iterable[str]) -> None:
        super().__init__(window)
        self.window = window
        self.keymap = parse_keymap(keys)
        self.ring = FocusRing(window)
        self.active = False  # a key was used since the last touch or reset
        self.current: QAbstractButton | None = None  # the ringed control
        # The top bar as it was at a tap on one of its controls: the page, the control's place
        # and the bar's names. A tap there may draw the bar anew (Read to me becomes Repeat
        # and Stop reading); the ring then stays in it (see _in_redrawn_bar).
        self._tapped_in_bar: tuple[Route, int, list[str]] | None = None
        window.went_idle.connect(self.reset)
        window.route_changed.connect(self._page_changed)
        QApplication.instance().installEventFilter(self)

    def use_settings(self, settings: Settings) -> None:
        self.keymap = parse_keymap(settings.keypad_keys)

    def handles(self, event: QKeyEvent) -> bool:
        """Whether `event` is one of the keypad's keys (the kiosk-mode key lock lets it by)."""
        return event.key() in self.keymap

    def reset(self) -> None:
        """The next patient starts with no ring and nothing focused."""
        self.active = False
        self.ring.ring(None)
        if self.current is not None and self.current.hasFocus():
            self.current.clearFocus()
        self.current = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and self.active:
            self.reset()  # a touch: back to touch use
        elif kind == QEvent.Type.KeyPress and event.key() in self.keymap:
            # Once per key: at the kiosk's window, or at the widget it was sent to.
            ours = watched is self.window.windowHandle() or (
                isinstance(watched, QWidget) and watched.window() is self.window
            )
            if ours:
                self.window.idle.touched()  # a key taken here never reaches the idle watcher
                self.act(self._action(event.key()))
                return True
        return False

    def _action(self, key: int) -> str:
        """The action `key` is mapped to; Left and Right follow the screen, so in a mirrored
        (right-to-left) window Left moves on and Right moves back."""
        action = self.keymap[key]
        mirrored = self.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if mirrored and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return _REVERSED.get(action, action)
        return action

    # --- Actions -------------------------------------------------------------------------

    def act(self, action: str) -> None:
        """Do `action` (next, previous, activate, back, help), as the keypad asked."""
        self.active = True
        if self.window.route == Route("attract"):
            self.window.home()  # any key wakes the kiosk, as a touch does
            if action == "help":
                self.help_pressed.emit()  # and Help reads home aloud at once
            return
        if action == "help":
            self.help_pressed.emit()
        elif action in ("next", "previous"):
            self.move(1 if action == "next" else -1)
        elif action == "activate":
            self.activate()
        else:
            self.window.back()
            QTimer.singleShot(0, self, self._keep_focus)

    def controls(self) -> list[QAbstractButton]:
        """The page's controls in reading order, the top bar first, then the screen: row by
        row, and along each row the way the patient's language reads."""
        window = self.window
        found = [
            button
            for root in (window.top_bar, window.current_screen)
            for button in root.findChildren(QAbstractButton)
            if button.isVisibleTo(window) and button.isEnabled() and button.accessibleName()
        ]

        mirrored = window.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def place(button: QAbstractButton) -> tuple[int, int]:
            corner = button.mapTo(window, QPoint(0, 0))
            return corner.y(), -(corner.x() + button.width()) if mirrored else corner.x()

        top_bar = [b for b in found if window.top_bar.isAncestorOf(b)]
        screen = [b for b in found if b not in top_bar]
        return sorted(top_bar, key=place) + sorted(screen, key=place)

    def move(self, step: int) -> None:
        controls = self.controls()
        if not controls:
            return
        current = self.current
        if current in controls:
            target = controls[(controls.index(current) + step) % len(controls)]
        else:
            target = self._first_in_screen(controls) if step > 0 else controls[-1]
        self.focus(target)

    def activate(self) -> None:
        current = self.current
        if current is not None and current in self.controls():
            bar = self._bar_controls(self.controls())
            names = [control.accessibleName() for control in bar]
            place = bar.index(current) if current in bar else None
            self._tapped_in_bar = (self.window.route, place, names) if place is not None else None
            current.click()
            QTimer.singleShot(0, self, self._keep_focus)
        else:
            self.move(1)

    def focus(self, control: QAbstractButton) -> None:
        """Ring `control`, scroll it into view, and give it the focus (assistive technology
        announces the focused control)."""
        self.current = control
        control.setFocus(Qt.FocusReason.TabFocusReason)
        area = _scroll_area_of(control)
        if area is not None:
            area.ensureWidgetVisible(control, 0, self.ring.width_px() * 2)
        self.ring.ring(control)

    def _first_in_screen(self, controls: list[QAbstractButton]) -> QAbstractButton:
        screen = [c for c in controls if self.window.current_screen.isAncestorOf(c)]
        return (screen or controls)[0]

    def _keep_focus(self) -> None:
        """After a tap or Back the page may be drawn anew: ring its first control."""
        if not self.active:
            return
        current = self.current
        tapped_in_bar, self._tapped_in_bar = self._tapped_in_bar, None
        if current is None or not current.isVisible() or current not in self.controls():
            controls = self.controls()
            again = self._in_redrawn_bar(tapped_in_bar, self._bar_controls(controls))
            if again is not None:
                self.focus(again)
            elif controls:
                self.focus(self._first_in_screen(controls))
            else:
                self.ring.ring(None)
        else:
            self.ring.ring(current)

    def _bar_controls(self, controls: list[QAbstractButton]) -> list[QAbstractButton]:
        return [c for c in controls if self.window.top_bar.isAncestorOf(c)]

    def _in_redrawn_bar(
        self, tapped: tuple[Route, int, list[str]] | None, bar: list[QAbstractButton]
    ) -> QAbstractButton | None:
        """After a tap in the top bar on the same page: the control of the same name (a
        language), else the new control nearest its place (Repeat for Read to me)."""
        if tapped is None or tapped[0] is not self.window.route or not bar:
            return None
        place, names = tapped[1], tapped[2]
        same = [c for c in bar if c.accessibleName() == names[place]]
        new = [c for c in bar if c.accessibleName() not in names]
        if same or new:
            return (same or sorted(new, key=lambda c: abs(bar.index(c) - place)))[0]
        return bar[min(place, len(bar) - 1)]

    def _page_changed(self, _route: Route) -> None:
        if self.active:
            QTimer.singleShot(0, self, self._keep_focus)


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
