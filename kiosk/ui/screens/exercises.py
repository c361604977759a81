"""Exercises: the list, and one exercise walked step by step."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Exercise, ImageFile
from kiosk.ui.context import ScreenContext
from kiosk.ui.media import MediaService
from kiosk.ui.rich_text import inline_html, plain
from kiosk.ui.screens.articles import list_card, vertical_list
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.theme import COLOURS
from kiosk.ui.widgets import ContentButton, SwipeDetector, button, card, label


class ExerciseListScreen(Screen):
    """Every exercise: picture, title, summary and the muscles it works."""

    keeps_widgets = True

    def title(self) -> str:
        tiles = [t for t in self.ctx.bundle.model.home.tiles if t.target == "exercises"]
        return self.ctx.text(tiles[0].label) if tiles else ""

    def build(self) -> None:
        cards = []
        for exercise in self.ctx.bundle.model.exercises:
            muscles = ", ".join(self.ctx.text(m) for m in exercise.muscles)
            card = list_card(
                self.ctx,
                self.ctx.text(exercise.title),
                self.ctx.text(exercise.summary),
                exercise.steps[0].illustration,
                f"{self.ctx.word('works')}: {muscles}",
            )
            card.clicked.connect(
                lambda _=False, e=exercise: self.navigate.emit(Route("exercise", e.id))
            )
            cards.append(card)
        self.root.addWidget(self.scroll_page(vertical_list(cards, self.ctx.theme.px(24))), 1)


# --- One exercise ----------------------------------------------------------------------------


@dataclass
class Workout:
    """Where a patient is in one exercise: step, set, repeat, and the hold and rest countdowns."""

    step_count: int
    sets: int
    repetitions: int
    hold_seconds: int
    rest_seconds: int
    step: int = 0
    set_number: int = 1
    reps_done: int = 0
    hold_left: int = 0
    holding: bool = False
    rest_left: int = 0
    finished: bool = False

    @classmethod
    def of(cls, exercise: Exercise) -> Workout:
        """A fresh start on `exercise`."""
        return cls(
            step_count=len(exercise.steps),
            sets=exercise.sets,
            repetitions=exercise.repetitions,
            hold_seconds=exercise.hold_seconds,
            rest_seconds=exercise.rest_seconds,
            hold_left=exercise.hold_seconds,
        )

    @property
    def resting(self) -> bool:
        return self.rest_left > 0

    @property
    def running(self) -> bool:
        """True while a countdown needs the clock."""
        return self.holding or self.resting

    @property
    def hold_paused(self) -> bool:
        return not self.holding and self.hold_left < self.hold_seconds

    @property
    def repeat_number(self) -> int:
        """The repeat being done now, 1-based (the last one once a set is complete)."""
        return min(self.reps_done + 1, self.repetitions)

    @property
    def last_step(self) -> bool:
        return self.step == self.step_count - 1

    def next(self) -> None:
        """On to the next step; past the last one, the exercise is finished."""
        if self.finished:
            return
        if self.last_step:
            self.finish()
        else:
            self._go_to(self.step + 1)

    def previous(self) -> None:
        """Back one step; from the finish card, back to the last step."""
        if self.finished:
            self.finished = False
        elif self.step > 0:
            self._go_to(self.step - 1)

    def finish(self) -> None:
        """Done: the finish card, with no countdown left running."""
        self.finished = True
        self.rest_left = 0
        self._reset_hold()

    def tap_hold(self) -> None:
        """Start the hold, pause it, or start a paused hold again from the top."""
        if self.holding:
            self.holding = False
        else:
            # An interrupted hold does not count for its seconds so far: the full hold again.
            self.hold_left = self.hold_seconds
            self.holding = True

    def stop_clock(self) -> None:
        """Pause the hold: the screen is being left and its clock stopped."""
        self.holding = False

    def tick(self) -> None:
        """One second has passed."""
        if self.resting:
            self.rest_left -= 1
            if not self.resting:
                self._next_set()
        elif self.holding:
            self.hold_left -= 1
            if self.hold_left <= 0:
                self._reset_hold()
                self.count_repeat()

    def count_repeat(self) -> None:
        """One repetition done: a full set leads to a rest, the last set to the finish."""
        if self.finished or self.resting:
            return
        self.reps_done += 1
        if self.reps_done < self.repetitions:
            return
        if self.set_number >= self.sets:
            self.finish()
        elif self.rest_seconds > 0:
            self._reset_hold()
            self.rest_left = self.rest_seconds
        else:
            self._next_set()

    def _go_to(self, step: int) -> None:
        self.step = step
        self._reset_hold()  # a hold belongs to its step

    def _next_set(self) -> None:
        self.set_number += 1
        self.reps_done = 0

    def _reset_hold(self) -> None:
        self.holding = False
        self.hold_left = self.hold_seconds


class Illustration(QWidget):
    """A picture that fills whatever room the layout leaves it, rendered once per size."""

    def __init__(self, media: MediaService, image: ImageFile, least: int) -> None:
        super().__init__()
        self._media, self._image = media, image
        self._pixmap: QPixmap | None = None
        self.setMinimumSize(least, least)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return self.minimumSize() * 3

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.width() < 1 or self.height() < 1:
            return
        # Fetched here, not on resize, so only the size that is finally shown gets rendered.
        if self._pixmap is None or not _fills(self._pixmap.size(), self.size()):
            self._pixmap = self._media.pixmap(self._image, self.size())
        x = (self.width() - self._pixmap.width()) // 2
        y = (self.height() - self._pixmap.height()) // 2
        QPainter(self).drawPixmap(x, y, self._pixmap)


def _fills(picture: QSize, box: QSize) -> bool:
    """True when `picture` is what fitting an image into `box` gives: inside, touching two sides."""
    inside = picture.width() <= box.width() and picture.height() <= box.height()
    return inside and (picture.width() == box.width() or picture.height() == box.height())


HOLD_ACTIONS = ("tap_to_start_hold", "tap_to_pause", "tap_to_restart")


class ExerciseScreen(Screen):
    """One exercise: a step at a time, with hold and rest countdowns and a repeat counter."""

    TICK_MS = 1000  # one countdown second; tests make it shorter

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__(ctx)
        self._workout: Workout | None = None
        self._ticker = QTimer(self)
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.timeout.connect(self._tick)
        swipe = SwipeDetector(self, ctx.theme.px(120))
        swipe.swiped_left.connect(self.next_step)
        swipe.swiped_right.connect(self.previous_step)
        self._forget_widgets()

    # --- Screen ------------------------------------------------------------------------------

    def exercise(self) -> Exercise:
        return next(e for e in self.ctx.bundle.model.exercises if e.id == self.route.item)

    @property
    def workout(self) -> Workout:
        if self._workout is None:
            self._workout = Workout.of(self.exercise())
        return self._workout

    def title(self) -> str:
        return self.ctx.text(self.exercise().title)

    def reset_state(self) -> None:
        self._ticker.stop()
        self._workout = None

    def leave(self) -> None:
        self._ticker.stop()
        if self._workout is not None:
            self._workout.stop_clock()

    def hideEvent(self, event: QHideEvent) -> None:
        # The window may swap pages without calling leave() (going Home clears its history
        # first); a countdown nobody can see must not run on and count repeats.
        if not event.spontaneous():
            self.leave()
        super().hideEvent(event)

    def is_busy(self) -> bool:
        # A patient holding or resting is not idle, though nobody touches the screen.
        return self._ticker.isActive()

    def build(self) -> None:
        self._forget_widgets()
        exercise, workout = self.exercise(), self.workout
        step = exercise.steps[workout.step]
        picture = Illustration(self.ctx.media, step.illustration, self.ctx.theme.px(160))
        main = self._finish_card(exercise) if workout.finished else self._step_panel(exercise)
        caution = self._caution(exercise)
        if self._portrait():
            self.root.addWidget(picture, 1)
            self.root.addWidget(main)
            self.root.addWidget(caution)
        else:
            left = QVBoxLayout()
            left.setSpacing(self.ctx.theme.px(24))
            left.addWidget(picture, 1)
            left.addWidget(caution)
            row = QHBoxLayout()
            row.setSpacing(self.ctx.theme.px(48))
            row.addLayout(left, 4)
            row.addWidget(main, 6)
            self.root.addLayout(row, 1)
        if not workout.finished:
            self.root.addLayout(self._step_row())

    # --- What the patient does ---------------------------------------------------------------

    def next_step(self) -> None:
        """Next (or swipe left): the next step, or the finish card after the last."""
        self._change(self.workout.next)

    def previous_step(self) -> None:
        """Previous (or swipe right): the step before."""
        self._change(self.workout.previous)

    def tap_hold(self) -> None:
        """The hold countdown was tapped: start, pause or start again."""
        self._change(self.workout.tap_hold)

    def count_repeat(self) -> None:
        """ "One done": count a repetition."""
        self._change(self.workout.count_repeat)

    def _tick(self) -> None:
        self._change(self.workout.tick)

    def _change(self, action: Callable[[], None]) -> None:
        """Apply `action` to the workout, then redraw only what it changed."""
        workout = self.workout
        shape = (workout.step, workout.finished, workout.resting)
        action()
        if (workout.step, workout.finished, workout.resting) != shape:
            self.render()  # a different page: rare, so it is simply built again
        else:
            self._refresh()
        if not workout.running:
            self._ticker.stop()
        elif not self._ticker.isActive():
            self._ticker.start(self.TICK_MS)

    def _refresh(self) -> None:
        """Bring the numbers and the hold button's words up to date, touching nothing else."""
        workout = self.workout
        seconds = workout.rest_left if workout.resting else workout.hold_left
        _set_text(self._seconds, str(seconds))
        _set_text(self._set_label, self._set_words())
        _set_text(self._repeat_label, self._repeat_words())
        if self._hold_button is not None:
            action = self._hold_action()
            if self._hold_button.accessibleName() != action:
                self._hold_button.setAccessibleName(action)
                _set_text(self._hold_caption, action)

    # --- Building ----------------------------------------------------------------------------

    def _forget_widgets(self) -> None:
        """Drop references to the widgets of the last build (they are being deleted)."""
        self._seconds: QLabel | None = None
        self._set_label: QLabel | None = None
        self._repeat_label: QLabel | None = None
        self._hold_button: ContentButton | None = None
        self._hold_caption: QLabel | None = None

    def _portrait(self) -> bool:
        # The stack's size is right even before this screen has been laid out for the first time.
        page = self.parentWidget() or self
        return page.height() > page.width()

    def _step_panel(self, exercise: Exercise) -> QWidget:
        """The instruction, then the countdown and the counter."""
        theme, workout = self.ctx.theme, self.workout
        step = exercise.steps[workout.step]
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(28))
        instruction = label(self.ctx.text(step.instruction), "heading")
        instruction.setObjectName("instruction")
        instruction.setStyleSheet(f"font-size: {theme.font_px(42)}px;")
        column.addWidget(instruction)
        if workout.step == 0 and exercise.equipment:
            needs = ", ".join(self.ctx.text(item) for item in exercise.equipment)
            column.addWidget(label(f"{self.ctx.word('you_need')}: {needs}", "muted"))
        row = QHBoxLayout()
        row.setSpacing(theme.px(36))
        if workout.resting:
            row.addWidget(self._rest_panel(), 0, Qt.AlignmentFlag.AlignTop)
        elif step.hold:
            row.addWidget(self._hold_panel(), 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(self._counter(), 1)
        column.addLayout(row)
        column.addStretch(1)
        return panel

    def _hold_panel(self) -> ContentButton:
        """The hold countdown: one big button that starts, pauses and starts again."""
        theme, workout = self.ctx.theme, self.workout
        action = self._hold_action()
        widget = ContentButton(action, "tile")
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        hint_text = self.ctx.word("hold_for", seconds=workout.hold_seconds)
        widget.setMinimumWidth(self._hold_width(hint_text))
        widget.setStyleSheet(f"border-radius: {theme.px(60)}px;")
        margin = theme.px(28)
        widget.body.setContentsMargins(margin, theme.px(16), margin, theme.px(20))
        widget.body.setSpacing(0)
        hint = widget.add(label(hint_text, "caption"))
        self._seconds = widget.add(self._big_number(workout.hold_left, "hold_seconds"))
        self._hold_caption = widget.add(label(action))
        self._hold_caption.setStyleSheet(f"font-size: {theme.font_px(30)}px;")
        for part in (hint, self._hold_caption):
            part.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget.clicked.connect(self.tap_hold)
        self._hold_button = widget
        return widget

    def _hold_width(self, hint: str) -> int:
        """Room for the hint on one line and each action on two, in whichever state it is.

        Wrapped labels do not widen a layout by themselves, and the width must not jump as the
        words change from "start" to "pause"."""
        theme = self.ctx.theme
        hint_font, action_font = QFont(theme.font_family), QFont(theme.font_family)
        hint_font.setPixelSize(theme.font_px(26))
        action_font.setPixelSize(theme.font_px(30))
        action_font.setBold(True)
        measure = QFontMetrics(action_font).horizontalAdvance
        actions = [self.ctx.word(key) for key in HOLD_ACTIONS]
        widest = max(
            QFontMetrics(hint_font).horizontalAdvance(hint),
            *(measure(word) for action in actions for word in action.split()),
            *(measure(action) // 2 for action in actions),
        )
        return min(max(widest + 2 * theme.px(40), theme.font_px(320)), theme.font_px(460))

    def _rest_panel(self) -> QFrame:
        """The rest between sets: a big countdown that runs by itself."""
        theme = self.ctx.theme
        frame, body = card()
        frame.setAccessibleName(self.ctx.word("rest"))
        frame.setMinimumWidth(theme.font_px(360))
        body.setContentsMargins(theme.px(24), theme.px(16), theme.px(24), theme.px(16))
        body.setSpacing(0)
        heading = label(self.ctx.word("rest"), "heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(heading)
        self._seconds = self._big_number(self.workout.rest_left, "rest_seconds")
        body.addWidget(self._seconds)
        return frame

    def _big_number(self, seconds: int, name: str) -> QLabel:
        """The seconds left, in the largest type; `name` tells hold from rest."""
        number = label(str(seconds), "huge", wrap=False)
        number.setObjectName(name)
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Set on the label itself: the tile's label rule would otherwise win over "huge".
        number.setStyleSheet(f"font-size: {self.ctx.theme.font_px(150)}px;")
        return number

    def _counter(self) -> QVBoxLayout:
        """Set n of N, repeat n of N, and a button to count a repeat done without the timer."""
        column = QVBoxLayout()
        column.setSpacing(self.ctx.theme.px(16))
        self._set_label = label(self._set_words(), "heading")
        self._set_label.setObjectName("set_label")
        self._repeat_label = label(self._repeat_words(), "heading")
        self._repeat_label.setObjectName("repeat_label")
        column.addWidget(self._set_label)
        column.addWidget(self._repeat_label)
        if not self.workout.resting:
            done = self._icon_button("count_repeat", "mdi6.check", "")
            done.clicked.connect(self.count_repeat)
            column.addWidget(done, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return column

    def _step_row(self) -> QHBoxLayout:
        """Previous, "step n of m", and Next (Finish on the last step)."""
        workout = self.workout
        row = QHBoxLayout()
        row.setSpacing(self.ctx.theme.px(24))
        previous = self._icon_button("previous", "mdi6.arrow-left", "")
        previous.setEnabled(workout.step > 0)
        previous.clicked.connect(self.previous_step)
        where = label(
            self.ctx.word("step_of", n=workout.step + 1, total=workout.step_count), "heading"
        )
        where.setObjectName("step_label")
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        key, icon = ("finish", "mdi6.check") if workout.last_step else ("next", "mdi6.arrow-right")
        following = self._icon_button(key, icon, "primary")
        # Right to left puts the arrow after the word, pointing the way the patient goes.
        following.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        following.clicked.connect(self.next_step)
        row.addWidget(previous)
        row.addWidget(where, 1)
        row.addWidget(following)
        return row

    def _finish_card(self, exercise: Exercise) -> QWidget:
        """Well done, with the next exercise (if there is one) and Home."""
        theme = self.ctx.theme
        frame, body = card()
        body.setContentsMargins(theme.px(40), theme.px(32), theme.px(40), theme.px(40))
        body.setSpacing(theme.px(28))
        heading = QHBoxLayout()
        heading.setSpacing(theme.px(20))
        icon = QLabel()
        size = theme.px(96)
        icon.setPixmap(self.ctx.media.icon("mdi6.check-circle", COLOURS["primary"]).pixmap(size))
        heading.addWidget(icon)
        praise = label(self.ctx.word("well_done"), "title")
        praise.setObjectName("well_done")
        heading.addWidget(praise, 1)
        body.addLayout(heading)
        done = self.ctx.word("sets_reps", sets=exercise.sets, reps=exercise.repetitions)
        body.addWidget(label(done, "heading"))
        following = self._next_exercise()
        if following is not None:
            body.addWidget(self._next_exercise_button(following))
        home = self._icon_button("home", "mdi6.home", "")
        home.clicked.connect(self.go_home)
        body.addWidget(home)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(frame)
        column.addStretch(1)
        return holder

    def _next_exercise_button(self, following: Exercise) -> ContentButton:
        """A big button naming what comes next, so the patient knows where it leads."""
        text = self.ctx.word("next_exercise")
        widget = ContentButton(text, "tile")
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        widget.add(label(text)).setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = widget.add(label(self.ctx.text(following.title), "caption"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget.clicked.connect(lambda: self.navigate.emit(Route("exercise", following.id)))
        return widget

    def _caution(self, exercise: Exercise) -> QLabel:
        """When to stop, in the caution style; shown with every step and the finish card."""
        items = [self.ctx.text(item) for item in exercise.stop_if]
        heading = html.escape(self.ctx.word("stop_if"))
        lines = "".join(f"<br>•&nbsp;{inline_html(item)}" for item in items)
        caution = label(f"<b>{heading}</b>{lines}", "caution", rich=True)
        caution.setObjectName("stop_if")
        caution.setAccessibleName(plain(" ".join([self.ctx.word("stop_if"), *items])))
        return caution

    def _icon_button(self, wording_key: str, icon: str, role: str) -> QPushButton:
        colour = COLOURS["on_primary"] if role == "primary" else COLOURS["primary"]
        widget = button(self.ctx.word(wording_key), role, self.ctx.media.icon(icon, colour))
        size = self.ctx.theme.px(44)
        widget.setIconSize(QSize(size, size))
        return widget

    # --- Words -------------------------------------------------------------------------------

    def _hold_action(self) -> str:
        """What a tap on the hold button does now; it is also the button's accessible name."""
        workout = self.workout
        if workout.holding:
            return self.ctx.word("tap_to_pause")
        return self.ctx.word("tap_to_restart" if workout.hold_paused else "tap_to_start_hold")

    def _set_words(self) -> str:
        return self.ctx.word("set_of", n=self.workout.set_number, total=self.workout.sets)

    def _repeat_words(self) -> str:
        workout = self.workout
        return self.ctx.word("rep_of", n=workout.repeat_number, total=workout.repetitions)

    def _next_exercise(self) -> Exercise | None:
        exercises = self.ctx.bundle.model.exercises
        index = next(i for i, e in enumerate(exercises) if e.id == self.route.item)
        return exercises[index + 1] if index + 1 < len(exercises) else None


def _set_text(widget: QLabel | None, text: str) -> None:
    """Change a label only when its words change, so a tick repaints just the number."""
    if widget is not None and widget.text() != text:
        widget.setText(text)
