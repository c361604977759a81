"""The staff PIN: stored only as a salted scrypt hash, with a lockout after wrong tries."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.store.atomic_file import write_atomically

MIN_DIGITS, MAX_DIGITS = 4, 8
MAX_TRIES = 5
LOCKOUT_SECONDS = 60.0
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
    """Counts wrong tries; after MAX_TRIES the pad is locked for LOCKOUT_SECONDS."""

    pin_file: Path
    clock: Callable[[], float] = time.monotonic
    wrong_tries: int = 0
    locked_until: float = field(default=0.0)

    def seconds_locked(self) -> int:
        """Whole seconds until the pad opens again; 0 when it is open."""
        return max(0, int(self.locked_until - self.clock() + 0.999))

    def try_pin(self, pin: str) -> bool:
        """Check `pin` unless locked; counts the try."""
        if self.seconds_locked():
            return False
        if verify_pin(self.pin_file, pin):
            self.wrong_tries = 0
            return True
        self.wrong_tries += 1
        if self.wrong_tries >= MAX_TRIES:
            self.wrong_tries = 0
            self.locked_until = self.clock() + LOCKOUT_SECONDS
        return False
