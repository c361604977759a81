"""The staff PIN: a salted slow hash on disk, never the digits; five wrong tries lock for 60 s."""

from __future__ import annotations

import pytest

from kiosk.staff.pin import LOCKOUT_SECONDS, PinError, PinGate, pin_is_set, set_pin, verify_pin


def test_pin_is_stored_only_as_a_salted_hash(tmp_path) -> None:
    pin_file = tmp_path / "pin"
    set_pin(pin_file, "482913")
    stored = pin_file.read_text()
    assert "482913" not in stored and '"scheme": "scrypt"' in stored
    assert verify_pin(pin_file, "482913")
    assert not verify_pin(pin_file, "482914")
    set_pin(tmp_path / "other", "482913")
    assert (tmp_path / "other").read_text() != stored  # a fresh salt each time
    assert pin_file.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "１２３４"])
def test_pin_must_be_four_to_eight_digits(tmp_path, pin) -> None:
    with pytest.raises(PinError):
        set_pin(tmp_path / "pin", pin)


def test_no_pin_set_means_nothing_verifies(tmp_path) -> None:
    assert not pin_is_set(tmp_path / "pin")
    assert not verify_pin(tmp_path / "pin", "0000")
    (tmp_path / "pin").write_text("garbage")
    assert not pin_is_set(tmp_path / "pin")


def test_five_wrong_tries_lock_the_pad_for_a_minute(tmp_path) -> None:
    now = [1000.0]
    set_pin(tmp_path / "pin", "2468")
    gate = PinGate(tmp_path / "pin", clock=lambda: now[0])
    for _ in range(5):
        assert not gate.try_pin("1111")
    assert gate.seconds_locked() == LOCKOUT_SECONDS
    assert not gate.try_pin("2468")  # even the right PIN waits out the lock
    now[0] += LOCKOUT_SECONDS
    assert gate.seconds_locked() == 0
    assert gate.try_pin("2468")


def test_each_lock_in_a_row_lasts_longer_and_a_right_pin_starts_again(tmp_path) -> None:
    now = [1000.0]
    set_pin(tmp_path / "pin", "2468")
    gate = PinGate(tmp_path / "pin", tmp_path / "lock.json", clock=lambda: now[0])
    for minutes in (1, 5, 15, 60, 60):
        for _ in range(5):
            assert not gate.try_pin("1111")
        assert gate.seconds_locked() == minutes * 60
        now[0] += minutes * 60
    assert gate.try_pin("2468")
    for _ in range(5):
        gate.try_pin("1111")
    assert gate.seconds_locked() == 60


def test_the_lock_and_the_count_survive_a_restart(tmp_path) -> None:
    now = [1000.0]
    set_pin(tmp_path / "pin", "2468")
    lock_file = tmp_path / "data" / "pin-lock.json"
    for _ in range(3):  # each try in a new run of the kiosk
        assert not PinGate(tmp_path / "pin", lock_file, clock=lambda: now[0]).try_pin("1111")
    gate = PinGate(tmp_path / "pin", lock_file, clock=lambda: now[0])
    assert gate.wrong_tries == 3
    gate.try_pin("1111")
    gate.try_pin("1111")
    restarted = PinGate(tmp_path / "pin", lock_file, clock=lambda: now[0])
    assert restarted.seconds_locked() == 60
    assert not restarted.try_pin("2468")


def test_a_clock_turned_back_cannot_stretch_a_lock_past_the_longest(tmp_path) -> None:
    now = [1_000_000.0]
    set_pin(tmp_path / "pin", "2468")
    gate = PinGate(tmp_path / "pin", tmp_path / "lock.json", clock=lambda: now[0])
    for _ in range(5):
        gate.try_pin("1111")
    now[0] -= 365 * 24 * 3600  # someone set the clock a year back
    assert gate.seconds_locked() == 3600


def test_a_damaged_lock_record_locks_rather_than_opens(tmp_path) -> None:
    set_pin(tmp_path / "pin", "2468")
    (tmp_path / "lock.json").write_text("{not json")
    gate = PinGate(tmp_path / "pin", tmp_path / "lock.json", clock=lambda: 1000.0)
    assert gate.seconds_locked() == 60


def test_the_log_has_counts_never_digits(tmp_path, caplog) -> None:
    caplog.set_level("INFO")
    set_pin(tmp_path / "pin", "2468")
    gate = PinGate(tmp_path / "pin", tmp_path / "lock.json", clock=lambda: 1000.0)
    for _ in range(5):
        gate.try_pin("1357")
    assert "locked for 1 min after 5 wrong tries" in caplog.text
    assert "1357" not in caplog.text and "2468" not in caplog.text
    assert "1357" not in (tmp_path / "lock.json").read_text()
