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
