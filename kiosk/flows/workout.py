"""Where a patient is in one exercise: step, set, repeat, and the hold and rest countdowns.

A repetition is one pass through the steps that repeat (setup steps are done once, first).
Each hold step runs its own timer; the repetition counts when every hold of the pass is done,
or when the patient says "one done" on the counting step. Time comes in as `tick()` calls, one
per second, from whoever owns the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from kiosk.content.model import Exercise


@dataclass(frozen=True)
class Plan:
    """What an exercise asks for, as the workout needs it."""

    step_count: int
    sets: int
    repetitions: int
    hold_seconds: int
    rest_seconds: int
    setup_steps: int = 0  # the first steps, done once before the repeats
    hold_steps: tuple[int, ...] = ()  # the repeating steps that hold

    @classmethod
    def of(cls, exercise: Exercise) -> Plan:
        """The plan of a bundle exercise."""
        setup = next((i for i, step in enumerate(exercise.steps) if not step.setup), 0)
        return cls(
            step_count=len(exercise.steps),
            sets=exercise.sets,
            repetitions=exercise.repetitions,
            hold_seconds=exercise.hold_seconds,
            rest_seconds=exercise.rest_seconds,
            setup_steps=setup,
            hold_steps=tuple(i for i, s in enumerate(exercise.steps) if s.hold and i >= setup),
        )

    @property
    def counting_step(self) -> int:
        """Where a repetition is finished: the last hold of a pass, else the last step."""
        return self.hold_steps[-1] if self.hold_steps else self.step_count - 1

    @property
    def pass_start(self) -> int:
        """Where the next repetition begins: the first hold, else the first repeating step."""
        return self.hold_steps[0] if self.hold_steps else self.setup_steps

    @property
    def total_repetitions(self) -> int:
        return self.sets * self.repetitions

    def repeats(self, step: int) -> bool:
        """True for a step that is part of each repetition (not a setup step)."""
        return step >= self.setup_steps


class Tick(Enum):
    """What a second of the clock brought about, for the screen to announce."""

    NOTHING = "nothing"
    HOLD_ENDED = "hold_ended"
    REST_ENDED = "rest_ended"


@dataclass
class Workout:
    """One patient's progress through one exercise."""

    plan: Plan
    step: int = 0
    set_number: int = 1
    reps_done: int = 0  # in the current set
    hold_left: int = 0
    holding: bool = False
    rest_left: int = 0
    finished: bool = False
    holds_done: set[int] = field(default_factory=set)  # hold steps finished in this pass

    def __post_init__(self) -> None:
        self.hold_left = self.plan.hold_seconds

    @classmethod
    def of(cls, exercise: Exercise) -> Workout:
        """A fresh start on `exercise`."""
        return cls(Plan.of(exercise))

    # --- State --------------------------------------------------------------------------------

    @property
    def resting(self) -> bool:
        return self.rest_left > 0

    @property
    def running(self) -> bool:
        """True while a countdown needs the clock."""
        return self.holding or self.resting

    @property
    def hold_paused(self) -> bool:
        return not self.holding and self.hold_left < self.plan.hold_seconds

    @property
    def repeat_number(self) -> int:
        """The repeat being done now, 1-based (the last one once a set is complete)."""
        return min(self.reps_done + 1, self.plan.repetitions)

    @property
    def last_step(self) -> bool:
        return self.step == self.plan.step_count - 1

    @property
    def counts_here(self) -> bool:
        """True where "one done" counts a repetition: the counting step, when not resting."""
        return self.step == self.plan.counting_step and not self.resting and not self.finished

    @property
    def total_done(self) -> int:
        """Repetitions done so far, over all sets."""
        return (self.set_number - 1) * self.plan.repetitions + self.reps_done

    @property
    def all_done(self) -> bool:
        return self.total_done >= self.plan.total_repetitions

    # --- What the patient does ----------------------------------------------------------------

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
            self.hold_left = self.plan.hold_seconds
            self.holding = True

    def stop_clock(self) -> None:
        """Pause the hold: the screen is being left and its clock stopped."""
        self.holding = False

    def count_repeat(self) -> None:
        """ "One done" on the counting step: a repetition, without (or after) the timer."""
        if self.counts_here:
            self._count()

    def tick(self) -> Tick:
        """One second has passed; says whether a hold or a rest just ended."""
        if self.resting:
            self.rest_left -= 1
            if self.resting:
                return Tick.NOTHING
            self._next_set()
            return Tick.REST_ENDED
        if self.holding:
            self.hold_left -= 1
            if self.hold_left <= 0:
                self._hold_ended()
                return Tick.HOLD_ENDED
        return Tick.NOTHING

    # --- Inside -------------------------------------------------------------------------------

    def _hold_ended(self) -> None:
        """A full hold: on to the pass's next hold (the other side), or count the repetition."""
        self._reset_hold()
        if self.step not in self.plan.hold_steps:
            return  # a hold on a setup step times, but counts nothing
        self.holds_done.add(self.step)
        waiting = [step for step in self.plan.hold_steps if step not in self.holds_done]
        if waiting:
            later = [step for step in waiting if step > self.step]
            self._go_to((later or waiting)[0])
        else:
            self._count()

    def _count(self) -> None:
        """One repetition done: a full set leads to a rest, the last set to the finish."""
        self.reps_done += 1
        self.holds_done.clear()
        if self.reps_done >= self.plan.repetitions:
            if self.set_number >= self.plan.sets:
                self.finish()
                return
            if self.plan.rest_seconds > 0:
                self.rest_left = self.plan.rest_seconds
            else:
                self._next_set()
        self._go_to(self.plan.pass_start)

    def _go_to(self, step: int) -> None:
        self.step = step
        self._reset_hold()  # a hold belongs to its step

    def _next_set(self) -> None:
        self.set_number += 1
        self.reps_done = 0

    def _reset_hold(self) -> None:
        self.holding = False
        self.hold_left = self.plan.hold_seconds
