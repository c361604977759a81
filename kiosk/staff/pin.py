"""The staff PIN: stored only as a salted scrypt hash, with a lockout after wrong tries that
grows with each lock and survives a restart."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.store.atomic_file import write_atomically

log = logging.getLogger(__name__)

MIN_DIGITS, MAX_DIGITS = 4, 8
MAX_TRIES = 5
# Each lock in a row lasts longer: 1 minute, then 5, 15 and 60. A right PIN starts again.
LOCKOUT_STEPS = (60.0, 300.0, 900.0, 3600.0)
LOCKOUT_SECONDS = LOCKOUT_STEPS[0]
# scrypt cost: ~50 ms per check on a small PC, so guessing 10,000 PINs offline takes minutes,
# not microseconds, and online guessing is stopped by the lockout anyway.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class PinError(ValueError):
    """A PIN that cannot be set; the message says why, for staff."""


def check_format(pin: str) -> None:
    """Refuse a PIN that is not 4 to 8 digits."""
    if not (pin.isdigit() and pin.isascii() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise PinError(f"The PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits.")


def hash_pin(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)


def set_pin(pin_file: Path, pin: str) -> None:
    """Store a new PIN (as a salted hash, never the digits)."""
    check_format(pin)
    salt = os.urandom(16)
    record = {"scheme": "scrypt", **_SCRYPT, "salt": salt.hex(), "hash": hash_pin(pin, salt).hex()}
    pin_file.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(pin_file, json.dumps(record).encode())
    pin_file.chmod(0o600)


def pin_is_set(pin_file: Path) -> bool:
    return _read(pin_file) is not None


def _read(pin_file: Path) -> dict | None:
    try:
        record = json.loads(pin_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("scheme") != "scrypt":
        return None
    return record


def verify_pin(pin_file: Path, pin: str) -> bool:
    """True when `pin` matches the stored one (compared in constant time)."""
    record = _read(pin_file)
    if record is None:
        return False
    try:
        salt, expected = bytes.fromhex(record["salt"]), bytes.fromhex(record["hash"])
        cost = {key: int(record[key]) for key in ("n", "r", "p")}
    except (KeyError, ValueError, TypeError):
        return False
    actual = hashlib.scrypt(pin.encode(), salt=salt, dklen=len(expected), **cost)
    return hmac.compare_digest(actual, expected)


@dataclass
class PinGate:
    """Counts wrong tries; after MAX_TRIES the pad locks, longer each time (LOCKOUT_STEPS).

    The count and the lock live in `lock_file`, written atomically, so a restart or a power
    cut clears neither. They are timed by the wall clock, which a restart does not reset; a
    lock ending further off than the longest step (the clock was turned back) is cut to it.
    The log gets counts, never digits."""

    pin_file: Path
    lock_file: Path | None = None  # None: kept in memory only (a preview without a data folder)
    clock: Callable[[], float] = time.time
    wrong_tries: int = 0
    lockouts: int = 0  # locks in a row since the last right PIN
    locked_until: float = field(default=0.0)

    def __post_init__(self) -> None:
        self._load()

    def seconds_locked(self) -> int:
        """Whole seconds until the pad opens again; 0 when it is open."""
        remaining = min(self.locked_until - self.clock(), LOCKOUT_STEPS[-1])
        return max(0, math.ceil(remaining))

    def next_lock_seconds(self) -> float:
        """How long the pad will lock if this run of wrong tries reaches MAX_TRIES."""
        return LOCKOUT_STEPS[min(self.lockouts, len(LOCKOUT_STEPS) - 1)]

    def try_pin(self, pin: str) -> bool:
        """Check `pin` unless locked; counts the try and keeps the count on disk."""
        if self.seconds_locked():
            return False
        if verify_pin(self.pin_file, pin):
            if self.wrong_tries or self.lockouts:
                log.info("staff PIN accepted; the wrong-try count and lock steps start again")
            self.wrong_tries, self.lockouts, self.locked_until = 0, 0, 0.0
            self._save()
            return True
        self.wrong_tries += 1
        if self.wrong_tries >= MAX_TRIES:
            seconds = self.next_lock_seconds()
            self.wrong_tries, self.lockouts = 0, self.lockouts + 1
            self.locked_until = self.clock() + seconds
            log.warning(
                "staff PIN pad locked for %d min after %d wrong tries (lock %d in a row)",
                seconds // 60,
                MAX_TRIES,
                self.lockouts,
            )
        else:
            log.info(
                "wrong staff PIN: %d of %d tries before the pad locks", self.wrong_tries, MAX_TRIES
            )
        self._save()
        return False

    def _load(self) -> None:
        if self.lock_file is None:
            return
        try:
            state = json.loads(self.lock_file.read_text(encoding="utf-8"))
            self.wrong_tries = int(state["wrong_tries"])
            self.lockouts = int(state["lockouts"])
            self.locked_until = float(state["locked_until"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged record must not open the door: lock as a first lock would.
            log.warning("%s cannot be read; the PIN pad locks for a minute", self.lock_file)
            self.wrong_tries, self.lockouts = 0, 1
            self.locked_until = self.clock() + LOCKOUT_STEPS[0]

    def _save(self) -> None:
        if self.lock_file is None:
            return
        state = {
            "wrong_tries": self.wrong_tries,
            "lockouts": self.lockouts,
            "locked_until": self.locked_until,
        }
        try:
            self.lock_file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.lock_file, json.dumps(state).encode())
        except OSError as error:  # the count still holds in memory for this run
            log.warning("cannot keep the PIN pad's wrong tries in %s: %s", self.lock_file, error)
