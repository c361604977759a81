"""The player's buttons and progress bar. They only show state and emit signals, as in Qt's
player example; the screen decides what each tap does."""

from __future__ import annotations

import enum

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.context import ScreenContext
from kiosk.ui.direction import opposite
from kiosk.ui.tokens import Radius, Size, Space
from kiosk.ui.widgets import button, label


class Arrangement(enum.Enum):
    """How the buttons are laid out, from the widest to the narrowest; the first that fits."""

    ONE_ROW = 1
    TWO_ROWS = 2
    SHORT = 3  # two rows, previous and next as icons only


def clock(milliseconds: int) -> str:
    """A time as m:ss (1:05), the way a patient reads a video's length."""
    minutes, seconds = divmod(max(0, milliseconds) // 1000, 60)
    return f"{minutes}:{seconds:02d}"


class PlayerControls(QWidget):
    """Progress with elapsed/total time, play/pause, previous/next, captions and sound toggles."""

    play = Signal()
    pause = Signal()
    previous = Signal()
    next = Signal()
    captions_changed = Signal(bool)  # True: show captions
    muting_changed = Signal(bool)  # True: muted

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        theme = ctx.theme
        self._playing = False
        self._muted = True
        self.progress = self._progress_bar()
        self.time = label(clock(0), "muted", wrap=False)
        self.play_pause = self._button("", "primary")
        self.play_pause.setMinimumWidth(theme.px(Size.PLAY_WIDTH))
        self.play_pause.clicked.connect(self._on_play_pause)
        self.previous_button = self._button(ctx.word("previous_video"), "", "mdi6.skip-previous")
        self.previous_button.clicked.connect(self.previous)
        self.next_button = self._button(ctx.word("next_video"), "", "mdi6.skip-next")
        # Laid out against the reading direction: the icon after the words, pointing onward.
        self.next_button.setLayoutDirection(opposite(ctx.direction))
        self.next_button.clicked.connect(self.next)
        self.captions = self._button(ctx.word("captions"), "", "mdi6.closed-caption")
        self.captions.setCheckable(True)
        self.captions.toggled.connect(self.captions_changed)
        self.sound = self._button("", "")
        self.sound.clicked.connect(lambda: self.muting_changed.emit(not self._muted))
        self._gap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._arrangement: Arrangement | None = None
        self._lay_out()
        self.set_playing(False)
        self.set_muted(True)
        self.set_progress(0, 0)

    def set_playing(self, playing: bool) -> None:
        """Show Pause while playing, Play while paused."""
        self._playing = playing
        key, icon = ("pause", "mdi6.pause") if playing else ("play", "mdi6.play")
        self._set_face(
            self.play_pause, self.ctx.word(key), icon, self.ctx.theme.colours["on_primary"]
        )

    def set_muted(self, muted: bool) -> None:
        """Say whether the sound is on; the button turns it the other way."""
        self._muted = muted
        key, icon = ("sound_off", "mdi6.volume-off") if muted else ("sound_on", "mdi6.volume-high")
        self._set_face(self.sound, self.ctx.word(key), icon, self.ctx.theme.colours["primary"])

    def set_captions(self, shown: bool) -> None:
        self.captions.blockSignals(True)  # showing state is not a request to change it
        self.captions.setChecked(shown)
        self.captions.blockSignals(False)

    def set_progress(self, position_ms: int, duration_ms: int) -> None:
        self.progress.setRange(0, max(1, duration_ms))
        self.progress.setValue(min(position_ms, max(1, duration_ms)))
        self.time.setText(f"{clock(position_ms)} / {clock(duration_ms)}")

    def _on_play_pause(self) -> None:
        (self.pause if self._playing else self.play).emit()

    def _lay_out(self) -> None:
        spacing = self.ctx.theme.px(Space.L)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(spacing)
        timeline = QHBoxLayout()
        timeline.setSpacing(spacing)
        timeline.addWidget(self.progress, 1)
        timeline.addWidget(self.time)
        column.addLayout(timeline)
        self._grid = QGridLayout()
        self._grid.setSpacing(spacing)
        column.addLayout(self._grid)
        self._arrange(Arrangement.ONE_ROW)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # the stylesheet's font sizes are known now

    def _fit(self) -> None:
        """The widest arrangement that fits (rearranging changes the height, never the width)."""
        fitting = next((a for a in Arrangement if self._row_width(a) <= self.width()), None)
        self._arrange(fitting or Arrangement.SHORT)

    def _row_width(self, arrangement: Arrangement) -> int:
        """How wide the buttons are in `arrangement`: a column is as wide as its widest."""
        self._label_skips(arrangement != Arrangement.SHORT)
        rows = self._rows(arrangement)
        columns = [
            max(row[c].sizeHint().width() for row in rows if c < len(row))
            for c in range(max(map(len, rows)))
        ]
        return sum(columns) + self._grid.spacing() * (len(columns) - 1)

    def _rows(self, arrangement: Arrangement) -> list[list[QPushButton]]:
        transport = [self.previous_button, self.play_pause, self.next_button]
        toggles = [self.captions, self.sound]
        if arrangement == Arrangement.ONE_ROW:
            return [transport + toggles]
        return [transport, toggles]

    def _arrange(self, arrangement: Arrangement) -> None:
        """Put the buttons in one row, or two, or two with previous/next as icons only."""
        self._label_skips(arrangement != Arrangement.SHORT)
        if arrangement == self._arrangement:
            return
        self._arrangement = arrangement
        for row, buttons in enumerate(self._rows(arrangement)):
            for column, widget in enumerate(buttons):
                self._grid.addWidget(widget, row, column)  # moves it if already placed
        # One row: the toggles sit at the right; two rows: the buttons share the width
        # (growing from their natural widths, where column stretch would squeeze the words).
        one_row = arrangement == Arrangement.ONE_ROW
        policy = QSizePolicy.Policy.Minimum if one_row else QSizePolicy.Policy.Expanding
        for widget in self._rows(arrangement)[0]:
            widget.setSizePolicy(policy, QSizePolicy.Policy.Fixed)
        if one_row:
            self._grid.addItem(self._gap, 0, 5)
        else:
            self._grid.removeItem(self._gap)

    def _label_skips(self, labelled: bool) -> None:
        """Previous/next with their words, or (where there is no room) with icons only."""
        self.previous_button.setText(self.ctx.word("previous_video") if labelled else "")
        self.next_button.setText(self.ctx.word("next_video") if labelled else "")

    def _progress_bar(self) -> QProgressBar:
        theme = self.ctx.theme
        bar = QProgressBar()
        bar.setTextVisible(False)
        bar.setFixedHeight(theme.px(Space.M))
        bar.setStyleSheet(
            f"QProgressBar {{ background: {theme.colours['pressed_surface']}; border: none;"
            f" border-radius: {theme.px(Radius.SMALL)}px; }}"
            f"QProgressBar::chunk {{ background: {theme.colours['primary']};"
            f" border-radius: {theme.px(Radius.SMALL)}px; }}"
        )
        return bar

    def _button(self, text: str, role: str, icon: str = "") -> QPushButton:
        widget = button(text, role)
        widget.setIconSize(QSize(self.ctx.theme.px(Size.ICON), self.ctx.theme.px(Size.ICON)))
        if icon:
            widget.setIcon(self.ctx.directed_icon(icon, self.ctx.theme.colours["primary"]))
        return widget

    def _set_face(self, widget: QPushButton, text: str, icon: str, colour: str) -> None:
        """Change what a button says, its accessible name and its icon together."""
        widget.setText(text)
        widget.setAccessibleName(text)
        widget.setIcon(self.ctx.media.icon(icon, colour))
