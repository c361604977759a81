"""The exercise workout as a plain state machine: steps, holds, repeats, sets and rest."""

from __future__ import annotations

from kiosk.content.model import Exercise
from kiosk.flows.workout import Plan, Tick, Workout


def workout(step: int = 0, **plan: object) -> Workout:
    values = {
        "step_count": 3,
        "sets": 1,
        "repetitions": 3,
        "hold_seconds": 0,
        "rest_seconds": 0,
    }
    return Workout(Plan(**(values | plan)), step=step)


def seconds(w: Workout, count: int) -> list[Tick]:
    return [w.tick() for _ in range(count)]


def exercise(steps: list[dict[str, object]]) -> Exercise:
    text = {"en": "x"}
    return Exercise.model_validate(
        {
            "id": "e",
            "title": text,
            "summary": text,
            "muscles": [text],
            "sets": 2,
            "repetitions": 10,
            "hold_seconds": 5,
            "rest_seconds": 30,
            "steps": [{"illustration": "a.svg", "instruction": text} | s for s in steps],
            "stop_if": [text],
        }
    )


# --- The plan of a bundle exercise ------------------------------------------------------------


def test_setup_steps_and_hold_steps_come_from_the_exercise() -> None:
    plan = Plan.of(exercise([{"setup": True}, {"hold": True}, {}, {"hold": True}]))
    assert (plan.setup_steps, plan.hold_steps, plan.counting_step, plan.pass_start) == (
        1,
        (1, 3),
        3,
        1,
    )
    assert not plan.repeats(0) and plan.repeats(1)


def test_without_holds_the_last_step_counts() -> None:
    plan = Plan.of(exercise([{"setup": True}, {}, {}]))
    assert (plan.counting_step, plan.pass_start) == (2, 1)


# --- Counting ---------------------------------------------------------------------------------


def test_one_done_counts_only_on_the_counting_step() -> None:
    w = workout(setup_steps=1)
    for _ in range(3):
        w.count_repeat()  # on the setup step: the lying-down step counts nothing
    assert w.reps_done == 0
    w.next()
    w.count_repeat()  # a repeating step, but not where a pass ends
    assert w.reps_done == 0
    w.next()
    w.count_repeat()
    assert (w.reps_done, w.repeat_number) == (1, 2)
    assert w.step == 1  # the next repetition starts at the first repeating step


def test_a_hold_that_reaches_zero_counts_one_repeat_and_stays_for_the_next() -> None:
    w = workout(hold_seconds=3, hold_steps=(1,), step=1)
    w.tap_hold()
    assert seconds(w, 3) == [Tick.NOTHING, Tick.NOTHING, Tick.HOLD_ENDED]
    assert (w.reps_done, w.step, w.holding, w.hold_left) == (1, 1, False, 3)


def test_two_hold_steps_make_one_repetition_each_with_its_own_timer() -> None:
    w = workout(step_count=4, setup_steps=1, hold_seconds=2, hold_steps=(1, 2), step=1)
    w.tap_hold()
    seconds(w, 2)  # the left side
    assert (w.reps_done, w.step, w.hold_left, w.holding) == (0, 2, 2, False)
    w.tap_hold()
    assert seconds(w, 2)[-1] is Tick.HOLD_ENDED  # the right side: a full, separate hold
    assert (w.reps_done, w.step) == (1, 1)  # back to the first side for the next repetition


def test_holding_the_same_side_twice_moves_on_to_the_other() -> None:
    w = workout(step_count=3, hold_seconds=1, hold_steps=(1, 2), step=2)
    w.tap_hold()
    w.tick()
    assert (w.step, w.reps_done) == (1, 0)  # the first hold still waits in this pass
    w.tap_hold()
    w.tick()
    assert w.reps_done == 1


def test_a_hold_on_a_setup_step_times_but_counts_nothing() -> None:
    w = workout(setup_steps=1, hold_seconds=1, hold_steps=())
    w.tap_hold()
    assert w.tick() is Tick.HOLD_ENDED
    assert (w.reps_done, w.step) == (0, 0)


def test_a_step_change_drops_a_hold_in_progress() -> None:
    w = workout(step_count=2, repetitions=2, hold_seconds=5, hold_steps=(0,))
    w.tap_hold()
    w.tick()
    w.next()
    assert (w.holding, w.hold_left, w.reps_done) == (False, 5, 0)


def test_pausing_and_starting_again_runs_the_full_hold() -> None:
    w = workout(hold_seconds=3, hold_steps=(0,))
    w.tap_hold()
    w.tick()
    w.tap_hold()
    assert (w.holding, w.hold_left, w.hold_paused) == (False, 2, True)
    w.tap_hold()
    assert (w.holding, w.hold_left) == (True, 3)


# --- Sets and rest ----------------------------------------------------------------------------


def test_a_full_set_rests_then_starts_the_next() -> None:
    w = workout(step_count=1, sets=2, repetitions=2, rest_seconds=2)
    w.count_repeat()
    w.count_repeat()
    assert w.resting and not w.counts_here
    w.count_repeat()  # nothing to count while resting
    assert seconds(w, 2) == [Tick.NOTHING, Tick.REST_ENDED]
    assert (w.set_number, w.reps_done, w.resting) == (2, 0, False)


def test_no_rest_is_taken_when_the_bundle_gives_none() -> None:
    w = workout(step_count=1, sets=2, repetitions=1)
    w.count_repeat()
    assert (w.set_number, w.reps_done, w.resting) == (2, 0, False)
    w.count_repeat()
    assert w.finished and w.all_done


# --- What was done ----------------------------------------------------------------------------


def test_finishing_early_tells_what_was_done() -> None:
    w = workout(step_count=1, sets=2, repetitions=10)
    for _ in range(5):
        w.count_repeat()
    w.next()  # Finish on the last step
    assert w.finished
    assert (w.total_done, w.all_done) == (5, False)


def test_the_last_repetition_finishes_with_everything_done() -> None:
    w = workout(step_count=1, sets=2, repetitions=3, rest_seconds=1)
    for _ in range(3):
        w.count_repeat()
    w.tick()
    for _ in range(3):
        w.count_repeat()
    assert w.finished and (w.total_done, w.all_done) == (6, True)


def test_going_back_from_the_finish_card_returns_to_the_last_step() -> None:
    w = workout()
    w.next()
    w.next()
    w.next()
    assert w.finished
    w.previous()
    assert (w.finished, w.step) == (False, 2)
