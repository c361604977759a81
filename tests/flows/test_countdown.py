"""The reset warning's and the cleaning lock's countdowns, on a fake clock."""

from __future__ import annotations

import pytest

from kiosk.flows.countdown import CleaningLock, Countdown, IdlePlan, ResetWarning


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_a_countdown_shows_whole_seconds_rounded_up() -> None:
    clock = FakeClock()
    countdown = Countdown(20, clock)
    assert (countdown.running, countdown.seconds_left()) == (False, 0)
    countdown.start()
    assert countdown.seconds_left() == 20
    clock.advance(0.5)
    assert countdown.seconds_left() == 20
    clock.advance(0.5)
    assert countdown.seconds_left() == 19
    assert not countdown.ran_out()
    clock.advance(19)
    assert (countdown.seconds_left(), countdown.ran_out()) == (0, True)
    clock.advance(5)
    assert countdown.seconds_left() == 0


@pytest.mark.parametrize(
    ("idle", "wanted", "length", "quiet"),
    [(90, 20, 20, 70), (30, 20, 15, 15), (10, 20, 5, 5), (2, 20, 1, 1)],
)
def test_the_warning_is_the_setting_but_at_most_half_the_idle_time(
    idle: float, wanted: float, length: float, quiet: float
) -> None:
    plan = IdlePlan(idle, wanted)
    assert (plan.warning_length, plan.quiet_before_warning) == (length, quiet)


def test_the_warning_counts_down_to_a_reset_untouched() -> None:
    clock = FakeClock()
    warning = ResetWarning(20, clock)
    assert not warning.showing and not warning.reset_due()
    warning.begin()
    assert (warning.showing, warning.seconds_left()) == (True, 20)
    clock.advance(19.9)
    assert not warning.reset_due()
    clock.advance(0.1)
    assert warning.reset_due()


def test_more_time_works_again_and_again() -> None:
    clock = FakeClock()
    warning = ResetWarning(20, clock)
    for number in range(1, 11):
        warning.begin()
        clock.advance(15)
        assert warning.seconds_left() == 5
        assert warning.more_time()
        assert not warning.showing and not warning.reset_due()
        assert warning.times_extended == number
    assert not warning.more_time()  # no card: nothing to extend
    assert warning.times_extended == 10


def test_a_dismissed_warning_is_not_more_time() -> None:
    warning = ResetWarning(20, FakeClock())
    warning.begin()
    warning.dismiss()
    assert (warning.showing, warning.times_extended) == (False, 0)


def test_the_cleaning_lock_ends_by_itself_after_its_time() -> None:
    clock = FakeClock()
    lock = CleaningLock(45, clock)
    lock.start()
    assert (lock.active, lock.seconds_left()) == (True, 45)
    clock.advance(44.5)
    assert not lock.check() and lock.seconds_left() == 1
    clock.advance(0.5)
    assert lock.check()
    assert (lock.active, lock.ended_by) == (False, "time")
    assert not lock.check()  # reported once


def test_staff_can_end_the_cleaning_lock_early() -> None:
    clock = FakeClock()
    lock = CleaningLock(45, clock)
    assert not lock.end_early()  # not on
    lock.start()
    clock.advance(10)
    assert lock.end_early()
    assert (lock.active, lock.ended_by, lock.check()) == (False, "staff", False)
