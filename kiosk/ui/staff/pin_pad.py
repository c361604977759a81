"""The staff PIN pad: digits only, dots for what is typed, and a lockout after wrong tries."""

from __future__ import annotations

import logging
from typing import Literal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.staff.pin import MAX_DIGITS, MAX_TRIES, PinError, check_format, pin_is_set, set_pin
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.staff.parts import staff_button, staff_stylesheet, staff_theme
from kiosk.ui.theme import COLOURS
from kiosk.ui.tokens import Radius, Size, Space, Stroke, Type
from kiosk.ui.widgets import label

log = logging.getLogger(__name__)

Stage = Literal["enter", "choose", "confirm", "no-pin"]
HEADINGS: dict[Stage, str] = {
    "enter": "Staff PIN",
    "choose": "Choose a staff PIN",
    "confirm": "Enter it again",
    "no-pin": "No staff PIN is set",
}
# In kiosk mode no PIN can be chosen here: any patient could hold the corner and choose one.
NO_PIN = (
    "The staff panel stays closed until a staff PIN is set.\n\n"
    "To set one, run this on the kiosk's computer:\nkiosk set-pin\n\n"
    "Or start the kiosk once in a window (kiosk run --windowed) and choose it there."
)
PROMPTS: dict[Stage, str] = {
    "enter": "Type the staff PIN, then press OK.",
    "choose": "No staff PIN is set yet. Choose one of 4 to 8 digits, then press OK.",
    "confirm": "Type the same PIN again to make sure, then press OK.",
    "no-pin": NO_PIN,
}
COUNTDOWN_MS = 250  # the lockout's seconds are redrawn promptly, not a second late
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK")


class PinPadScreen(Screen):
    """Checks the staff PIN (or sets the first one) and opens the staff panel."""

    follows_patient_language = False

    def __init__(self, ctx: ScreenContext, access: StaffAccess) -> None:
        super().__init__(ctx)
        self.access = access  # the PIN's wrong-try counter lives there, across visits
        self.setAccessibleName("Staff PIN pad")
        self.typed = ""
        self.stage: Stage = "enter"
        self.chosen = ""  # the new PIN, while staff type it a second time
        self.message = ""
        self.message_is_error = False
        self._dots: QLabel | None = None
        self._message: QLabel | None = None
        self._keys: list[QPushButton] = []
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_MS)
        self._countdown.timeout.connect(self._tick)

    def shows_top_bar(self) -> bool:
        return False

    def reset_state(self) -> None:
        """Forget every digit typed: the next person starts from nothing."""
        self.typed = self.chosen = self.message = ""
        self.message_is_error = False
        self.stage = "enter"

    def show_route(self, route: Route) -> None:
        self.route = route
        self.reset_state()
        self.stage = self._first_stage()
        self.render()
        self._tick()

    def _first_stage(self) -> Stage:
        """Enter the PIN; with none set, choose one, but only at a desk (a windowed run)."""
        if pin_is_set(self.access.paths.pin_file):
            return "enter"
        if self.access.window.kiosk_mode:
            log.warning("the staff corner was held, but no staff PIN is set: run kiosk set-pin")
            return "no-pin"
        return "choose"

    def leave(self) -> None:
        self._countdown.stop()
        self.reset_state()  # nothing typed stays behind a closed pad

    def build(self) -> None:
        theme = staff_theme(self.ctx.theme)
        self.setStyleSheet(staff_stylesheet(theme, self.ctx.theme.larger_text))
        self.root.setContentsMargins(*theme.insets(Space.XXXL))
        portrait = self.window().height() > self.window().width()
        body = QVBoxLayout() if portrait else QHBoxLayout()
        body.setSpacing(theme.px(Space.HUGE))
        body.addLayout(self._words(), 1)
        if self.stage != "no-pin":
            body.addLayout(self._keypad(), 1)
        self.root.addLayout(body, 1)
        self._refresh()

    def _words(self) -> QVBoxLayout:
        theme = staff_theme(self.ctx.theme)
        column = QVBoxLayout()
        column.setSpacing(theme.px(Space.L))
        column.addStretch(1)
        column.addWidget(label(HEADINGS[self.stage], "title"))
        column.addWidget(label(PROMPTS[self.stage]))
        if self.stage == "no-pin":
            column.addStretch(1)
            column.addWidget(
                staff_button("Close", self.access.close_panel), 0, Qt.AlignmentFlag.AlignLeft
            )
            self._dots = self._message = None
            return column
        self._dots = label("", "value", wrap=False)
        self._dots.setAccessibleName("Digits typed")
        self._dots.setStyleSheet(
            f"font-size: {theme.font_px(Type.DISPLAY)}px; background: {COLOURS['surface']};"
            f"border: {theme.px(Stroke.THICK)}px solid {COLOURS['border']};"
            f"border-radius: {theme.px(Radius.MEDIUM)}px;"
            f"padding: 0 {theme.px(Space.L)}px;"
        )
        dots = theme.size(Size.PIN_DOTS)
        self._dots.setFixedHeight(dots.height())
        self._dots.setMinimumWidth(dots.width())
        column.addWidget(self._dots, 0, Qt.AlignmentFlag.AlignLeft)
        kind = "error" if self.message_is_error else "ok"
        self._message = label(self.message, kind if self.message else "")
        self._message.setMinimumHeight(theme.px(Size.PIN_MESSAGE_HEIGHT))
        column.addWidget(self._message)
        column.addStretch(1)
        cancel = staff_button("Cancel", self.access.close_panel)
        column.addWidget(cancel, 0, Qt.AlignmentFlag.AlignLeft)
        return column

    def _keypad(self) -> QVBoxLayout:
        theme = staff_theme(self.ctx.theme)
        grid = QGridLayout()
        grid.setSpacing(theme.px(Space.M))
        self._keys = []
        key_size = theme.size(Size.PIN_KEY)
        for index, key in enumerate(KEYS):
            role = "primary" if key == "OK" else ""
            widget = staff_button(key, lambda k=key: self.press(k), role)
            size = theme.font_px(Type.TITLE if key.isdigit() else Type.HEADING)
            widget.setStyleSheet(
                f"font-size: {size}px; min-height: {key_size.height()}px;"
                f" min-width: {key_size.width()}px;"
            )
            grid.addWidget(widget, index // 3, index % 3)
            self._keys.append(widget)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addLayout(grid)
        column.addStretch(1)
        return column

    # --- Typing --------------------------------------------------------------------------

    def press(self, key: str) -> None:
        """A key of the pad was tapped."""
        if self.stage == "no-pin" or self.access.gate().seconds_locked():
            return
        if key == "Delete":
            self.typed = self.typed[:-1]
        elif key == "OK":
            self._submit()
        elif len(self.typed) < MAX_DIGITS:
            self.typed += key
        self._refresh()

    def _submit(self) -> None:
        typed, self.typed = self.typed, ""
        if self.stage == "enter":
            self._check(typed)
        elif self.stage == "choose":
            self._choose(typed)
        else:
            self._confirm(typed)

    def _check(self, typed: str) -> None:
        gate = self.access.gate()
        if gate.try_pin(typed):
            self.reset_state()
            self.navigate.emit(Route("staff"))
            return
        if gate.seconds_locked():
            self._say(f"Too many wrong tries. The pad is locked for {gate.seconds_locked()} s.")
            self._tick()
            return
        left = MAX_TRIES - gate.wrong_tries
        tries = "1 try" if left == 1 else f"{left} tries"
        minutes = round(gate.next_lock_seconds() / 60)
        lock = "a minute" if minutes == 1 else f"{minutes} minutes"
        self._say(f"That PIN is not right. {tries} left before the pad locks for {lock}.")

    def _choose(self, typed: str) -> None:
        try:
            check_format(typed)
        except PinError as error:
            self._say(str(error))
            return
        self.chosen = typed
        self._set_stage("confirm", "")

    def _confirm(self, typed: str) -> None:
        if typed != self.chosen:
            self.chosen = ""
            self._set_stage("choose", "The two PINs were not the same. Please choose again.", True)
            return
        try:
            set_pin(self.access.paths.pin_file, typed)
        except (PinError, OSError) as error:
            self._set_stage("choose", f"The PIN could not be saved: {error}", True)
            return
        self.reset_state()
        self.navigate.emit(Route("staff"))

    def _set_stage(self, stage: Stage, text: str, error: bool = False) -> None:
        self.stage, self.message, self.message_is_error = stage, text, error
        self.render()

    def _say(self, text: str, error: bool = True) -> None:
        """Show `text` under the dots; drawn again only when it starts or stops being an error."""
        redraw = (bool(text), error) != (bool(self.message), self.message_is_error)
        self.message, self.message_is_error = text, error
        if redraw:
            self.render()

    # --- Showing the state ---------------------------------------------------------------

    def _refresh(self) -> None:
        """Redraw the dots, the message and whether the keys work, without rebuilding."""
        if self._dots is None or self._message is None:
            return
        self._dots.setText("●" * len(self.typed))
        self._message.setText(self.message)
        locked = bool(self.access.gate().seconds_locked())
        for key in self._keys:
            key.setEnabled(not locked)

    def _tick(self) -> None:
        """While locked: count down on screen; once open again, say so and enable the keys."""
        seconds = self.access.gate().seconds_locked()
        if seconds:
            self._say(f"Too many wrong tries. Try again in {seconds} s.")
            if not self._countdown.isActive():
                self._countdown.start()
        elif self._countdown.isActive():
            self._countdown.stop()
            self._say("You can try again now.", error=False)
        self._refresh()
