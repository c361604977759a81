"""One exercise, walked step by step: the screen that shows a Workout and forwards taps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Exercise
from kiosk.content.take_home import take_home_address
from kiosk.flows.workout import Tick, Workout
from kiosk.ui.chime import Chime
from kiosk.ui.context import ScreenContext
from kiosk.ui.direction import opposite
from kiosk.ui.screens import exercise_parts as parts
from kiosk.ui.screens.base import Route, Screen, text_path, word_path
from kiosk.ui.screens.exercises import exercises_for
from kiosk.ui.take_home_code import take_home_card
from kiosk.ui.tokens import Size, Space, Type
from kiosk.ui.widgets import ContentButton, Illustration, SwipeDetector, card, label

SECOND_MS = 1000  # one countdown second


class ExerciseScreen(Screen):
    """One exercise: a step at a time, with hold and rest countdowns and a repeat counter."""

    def __init__(self, ctx: ScreenContext, second_ms: int = SECOND_MS) -> None:
        super().__init__(ctx)
        self._workout: Workout | None = None
        self.clock = QTimer(self)
        self.clock.setTimerType(Qt.TimerType.PreciseTimer)
        self.clock.timeout.connect(self._tick)
        self.set_second_ms(second_ms)
        self.chime = Chime(self)
        self.sound_on = False
        swipe = SwipeDetector(self, ctx.theme.px(Size.SWIPE))
        swipe.swiped_onward.connect(self.next_step)
        swipe.swiped_backward.connect(self.previous_step)
        self._forget_widgets()

    def set_second_ms(self, milliseconds: int) -> None:
        """How long a countdown second lasts (tests and demonstrations make it shorter)."""
        self.clock.setInterval(milliseconds)

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

    def title_path(self) -> str:
        return self._path("title")

    def _path(self, *loc: str | int) -> str:
        """The narration's name for a text of this exercise."""
        index = self.ctx.bundle.model.exercises.index(self.exercise())
        return text_path("exercises", index, *loc)

    def reset_state(self) -> None:
        self.clock.stop()
        self._workout = None
        # The clinic's choice for sound (the videos' too); the patient may turn it on or off.
        self.sound_on = not self.ctx.settings.start_muted

    def leave(self) -> None:
        self.clock.stop()
        if self._workout is not None:
            self._workout.stop_clock()

    def hideEvent(self, event: QHideEvent) -> None:
        # The window may swap pages without calling leave() (going Home clears its history
        # first); a countdown nobody can see must not run on and count repeats.
        if not event.spontaneous():
            self.leave()
        super().hideEvent(event)

    def stop_subject(self) -> tuple[str, str]:
        return ("exercise", self.exercise().id)

    def is_busy(self) -> bool:
        # A patient holding or resting is not idle, though nobody touches the screen.
        return self.clock.isActive()

    def build(self) -> None:
        self._forget_widgets()
        exercise, workout = self.exercise(), self.workout
        step = exercise.steps[workout.step]
        picture = Illustration(
            self.ctx.media, step.illustration, self.ctx.theme.px(Size.ILLUSTRATION_LEAST)
        )
        main = self._finish_card() if workout.finished else self._step_panel(exercise)
        caution = parts.caution(self.ctx, exercise)
        self.reads(word_path("stop_if"), caution)
        for number in range(len(exercise.stop_if)):
            self.reads(self._path("stop_if", number), caution)
        if self.portrait():
            self.root.addWidget(picture, 1)
            self.root.addWidget(main)
            self.root.addWidget(caution)
        else:
            left = QVBoxLayout()
            left.setSpacing(self.ctx.theme.px(Space.L))
            left.addWidget(picture, 1)
            left.addWidget(caution)
            row = QHBoxLayout()
            row.setSpacing(self.ctx.theme.px(Space.XXXL))
            row.addLayout(left, 4)
            row.addWidget(main, 6)
            self.root.addLayout(row, 1)
        if not workout.finished:
            self.root.addLayout(self._step_row())

    # --- What the patient does ---------------------------------------------------------------

    def next_step(self) -> None:
        """Next (or a swipe onward): the next step, or the finish card after the last."""
        self._change(self.workout.next)

    def previous_step(self) -> None:
        """Previous (or a swipe backward): the step before."""
        self._change(self.workout.previous)

    def tap_hold(self) -> None:
        """The hold countdown was tapped: start, pause or start again."""
        self._change(self.workout.tap_hold)

    def count_repeat(self) -> None:
        """ "One done": count a repetition (only offered on the step where one ends)."""
        self._change(self.workout.count_repeat)

    def toggle_sound(self) -> None:
        """The chime at a hold's end, on or off."""
        self.sound_on = not self.sound_on
        self.render()

    def _tick(self) -> None:
        self._change(self._second)

    def _second(self) -> None:
        if self.workout.tick() is Tick.HOLD_ENDED and self.sound_on:
            self.chime.play(self.ctx.settings.volume_cap)

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
            self.clock.stop()
        elif not self.clock.isActive():
            self.clock.start()

    def _refresh(self) -> None:
        """Bring the numbers and the hold button's words up to date, touching nothing else."""
        workout = self.workout
        seconds = workout.rest_left if workout.resting else workout.hold_left
        _set_text(self._seconds, str(seconds))
        for widget, (words, path) in zip(
            (self._set_label, self._repeat_label), self._counted(), strict=True
        ):
            _set_text(widget, words)
            self.reads_now(path, widget)
        if self._hold_button is not None:
            action = parts.hold_action(self.ctx, workout)
            if self._hold_button.accessibleName() != action:
                self._hold_button.setAccessibleName(action)
                _set_text(self._hold_caption, action)
                self.reads_now(word_path(parts.hold_action_key(workout)), self._hold_caption)

    # --- Building ----------------------------------------------------------------------------

    def _forget_widgets(self) -> None:
        """Drop references to the widgets of the last build (they are being deleted)."""
        self._seconds: QLabel | None = None
        self._set_label: QLabel | None = None
        self._repeat_label: QLabel | None = None
        self._hold_button: ContentButton | None = None
        self._hold_caption: QLabel | None = None

    def _step_panel(self, exercise: Exercise) -> QWidget:
        """The instruction, then the countdown and the counter."""
        theme, workout = self.ctx.theme, self.workout
        step = exercise.steps[workout.step]
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(Space.L))
        instruction = label(self.ctx.text(step.instruction), "heading")
        instruction.setObjectName("instruction")
        instruction.setStyleSheet(f"font-size: {theme.font_px(Type.LARGE)}px;")
        column.addWidget(self.reads(self._path("steps", workout.step, "instruction"), instruction))
        if workout.step == 0 and exercise.equipment:
            needs = self.ctx.listed([self.ctx.text(item) for item in exercise.equipment])
            equipment = label(f"{self.ctx.word('you_need')}: {needs}", "muted")
            column.addWidget(self.reads(word_path("you_need"), equipment))
            for number in range(len(exercise.equipment)):
                self.reads(self._path("equipment", number), equipment)
        row = QHBoxLayout()
        row.setSpacing(theme.px(Space.XL))
        if workout.resting:
            panel_, self._seconds = parts.rest_panel(self.ctx, workout.rest_left)
            row.addWidget(panel_, 0, Qt.AlignmentFlag.AlignTop)
            self.reads(word_path("rest"), panel_.findChild(QLabel, "rest_heading"))
        elif step.hold:
            hold, self._seconds, self._hold_caption = parts.hold_button(self.ctx, workout)
            hold_for = parts.filled_word(self.ctx, "hold_for", seconds=workout.plan.hold_seconds)
            self.reads(hold_for[1], hold.findChild(QLabel, "hold_hint"))
            self.reads(word_path(parts.hold_action_key(workout)), self._hold_caption)
            hold.clicked.connect(self.tap_hold)
            self._hold_button = hold
            row.addWidget(hold, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(self._counter(step.hold), 1)
        column.addLayout(row)
        # The code on the first step and on the finish card: at the start and at the end.
        if workout.step == 0 and (code := self._take_home()) is not None:
            column.addWidget(code, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return panel

    def _take_home(self) -> QWidget | None:
        """The exercise's take-home code, if the bundle gives it an address."""
        address = take_home_address(self.ctx.bundle.model, self.exercise())
        return take_home_card(self.ctx, address) if address else None

    def _counter(self, holds: bool) -> QVBoxLayout:
        """Set n of N and repeat n of N on a step that repeats; "one done" where one ends;
        the chime's switch on a step that holds."""
        column = QVBoxLayout()
        column.setSpacing(self.ctx.theme.px(Space.M))
        workout = self.workout
        if workout.plan.repeats(workout.step) or workout.resting:
            (set_words, set_path), (repeat_words, repeat_path) = self._counted()
            self._set_label = self.reads(set_path, label(set_words, "heading"))
            self._set_label.setObjectName("set_label")
            self._repeat_label = self.reads(repeat_path, label(repeat_words, "heading"))
            self._repeat_label.setObjectName("repeat_label")
            column.addWidget(self._set_label)
            column.addWidget(self._repeat_label)
        if workout.counts_here:
            done = parts.icon_button(self.ctx, "count_repeat", "mdi6.check")
            done.clicked.connect(self.count_repeat)
            column.addWidget(done, 0, Qt.AlignmentFlag.AlignLeft)
        if holds and not workout.resting:
            column.addWidget(self._sound_button(), 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return column

    def _sound_button(self) -> QWidget:
        """Says whether the hold's end chimes; a tap turns it the other way."""
        key, icon = (
            ("sound_on", "mdi6.bell-ring") if self.sound_on else ("sound_off", "mdi6.bell-off")
        )
        widget = parts.icon_button(self.ctx, key, icon)
        widget.setObjectName("chime")
        widget.clicked.connect(self.toggle_sound)
        return widget

    def _step_row(self) -> QHBoxLayout:
        """Previous, "step n of m", and Next (Finish on the last step)."""
        workout = self.workout
        row = QHBoxLayout()
        row.setSpacing(self.ctx.theme.px(Space.L))
        previous = parts.icon_button(self.ctx, "previous", "mdi6.arrow-left")
        previous.setEnabled(workout.step > 0)
        previous.clicked.connect(self.previous_step)
        words, path = parts.filled_word(
            self.ctx, "step_of", n=workout.step + 1, total=workout.plan.step_count
        )
        where = self.reads(path, label(words, "heading"))
        where.setObjectName("step_label")
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        key, icon = ("finish", "mdi6.check") if workout.last_step else ("next", "mdi6.arrow-right")
        following = parts.icon_button(self.ctx, key, icon, "primary")
        # Laid out against the reading direction: the arrow after the word, pointing onward.
        following.setLayoutDirection(opposite(self.ctx.direction))
        following.clicked.connect(self.next_step)
        row.addWidget(previous)
        row.addWidget(where, 1)
        row.addWidget(following)
        return row

    def _finish_card(self) -> QWidget:
        """Well done, what was done, the next exercise (if there is one) and Home."""
        theme = self.ctx.theme
        frame, outer = card()
        outer.setContentsMargins(
            theme.px(Space.XXL), theme.px(Space.XL), theme.px(Space.XXL), theme.px(Space.XXL)
        )
        # The take-home code beside the words in landscape, so the card keeps its height;
        # under them in portrait, where the width is short and the height is not.
        row = QHBoxLayout()
        row.setSpacing(theme.px(Space.XL))
        body = QVBoxLayout()
        body.setSpacing(theme.px(Space.L))
        row.addLayout(body, 1)
        code = self._take_home()
        if code is not None and not self.portrait():
            row.addWidget(code, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(row)
        body.addLayout(parts.praise_heading(self.ctx))
        self.reads(word_path("well_done"), frame.findChild(QLabel, "well_done"))
        done, done_path = parts.what_was_done(self.ctx, self.workout)
        if done:
            summary = self.reads(done_path, label(done, "heading"))
            summary.setObjectName("what_was_done")
            body.addWidget(summary)
        following = self._next_exercise()
        if following is not None:
            onward = parts.next_exercise_button(self.ctx, following)
            following_index = self.ctx.bundle.model.exercises.index(following)
            for path, words in zip(
                (word_path("next_exercise"), text_path("exercises", following_index, "title")),
                onward.findChildren(QLabel),
                strict=True,
            ):
                self.reads(path, words)
            route = Route("exercise", following.id, within=self.route.within)
            onward.clicked.connect(lambda: self.navigate.emit(route))
            body.addWidget(onward)
        home = parts.icon_button(self.ctx, "home", "mdi6.home")
        home.clicked.connect(self.go_home)
        body.addWidget(home)
        if code is not None and self.portrait():
            body.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
        return parts.top_aligned(frame)

    # --- Words -------------------------------------------------------------------------------

    def _counted(self) -> tuple[tuple[str, str], tuple[str, str]]:
        """ "Set n of N" and "Repeat n of N", each with its name in the narration index."""
        workout, plan = self.workout, self.workout.plan
        return (
            parts.filled_word(self.ctx, "set_of", n=workout.set_number, total=plan.sets),
            parts.filled_word(self.ctx, "rep_of", n=workout.repeat_number, total=plan.repetitions),
        )

    def _next_exercise(self) -> Exercise | None:
        """The one after this in the list it was opened from (all, or one place's)."""
        ids = [e.id for e in exercises_for(self.ctx.bundle.model.exercises, self.route.within)]
        if self.route.item not in ids or ids[-1] == self.route.item:
            return None
        following = ids[ids.index(self.route.item) + 1]
        return next(e for e in self.ctx.bundle.model.exercises if e.id == following)


def _set_text(widget: QLabel | None, text: str) -> None:
    """Change a label only when its words change, so a tick repaints just the number."""
    if widget is not None and widget.text() != text:
        widget.setText(text)
