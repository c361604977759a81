"""The pointer file: which installed bundle is active, last-known-good and pending.

It is JSON, e.g. {"format": 1, "active": "knee-care-1.4.0", "last_known_good":
"knee-care-1.3.0", "pending": null, "written_at": "2025-01-31T09:12:00+00:00"}, each value the
name of a folder in bundles/. It is only ever replaced whole (see atomic_file).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from kiosk.store.atomic_file import write_atomically
from kiosk.store.errors import StoreError

log = logging.getLogger(__name__)

POINTER_FORMAT = 1
# A folder name in bundles/: a bundle id, a dash and a dotted version; never a path.
_FOLDER_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}-\d{1,6}(\.\d{1,6}){0,3}$")
ROLES = ("active", "last_known_good", "pending")
# The content that ships with the kiosk, as active or last-known-good: it is the earlier
# content a clinic can go back to. Never a folder in bundles/ (no folder name has a colon).
BUILTIN = ":built-in"
Role = Literal["active", "last-known-good", "pending", "other"]


class PointerUnreadable(StoreError):
    """The pointer file exists but cannot be understood (damaged or edited by hand)."""


@dataclass(frozen=True)
class Pointer:
    """The three roles a bundle folder can have; None when nothing holds that role."""

    active: str | None = None
    last_known_good: str | None = None
    pending: str | None = None

    def role_of(self, name: str) -> Role:
        """The role of the folder `name`."""
        if name == self.active:
            return "active"
        if name == self.last_known_good:
            return "last-known-good"
        return "pending" if name == self.pending else "other"

    def kept(self) -> set[str]:
        """The folder names that must never be pruned."""
        roles = (self.active, self.last_known_good, self.pending)
        return {name for name in roles if name and name != BUILTIN}

    def previous(self) -> str | None:
        """What going back returns to: last-known-good, else the built-in content when an
        installed bundle is on show (a pointer from before the built-in one counted)."""
        if self.last_known_good:
            return self.last_known_good
        return BUILTIN if self.active and self.active != BUILTIN else None

    def activated(self) -> Pointer:
        """Pending goes live and the one on show (the built-in content at first) is kept."""
        if not self.pending:
            return self
        return Pointer(self.pending, self.active or BUILTIN, None)

    def rolled_back(self) -> Pointer:
        """What was on show and what went before it swap places."""
        return replace(self, active=self.previous(), last_known_good=self.active or BUILTIN)


def is_folder_name(name: object) -> bool:
    """Whether `name` is a well-formed bundle folder name (and so safe to join to a path)."""
    return isinstance(name, str) and bool(_FOLDER_NAME.match(name))


def read_pointer(path: Path) -> Pointer:
    """The pointer in `path`; an empty one if the file does not exist yet."""
    try:
        raw = json.loads(path.read_bytes())
    except FileNotFoundError:
        return Pointer()
    except (OSError, ValueError) as error:
        raise PointerUnreadable(f"The bundle pointer {path} cannot be read ({error}).") from None
    if not isinstance(raw, dict) or raw.get("format") != POINTER_FORMAT:
        raise PointerUnreadable(f"The bundle pointer {path} is not in the expected form.")
    values = {}
    for role in ROLES:
        name = raw.get(role)
        if name is not None and name != BUILTIN and not is_folder_name(name):
            message = f"The bundle pointer {path} names {name!r}, which is not a bundle folder."
            raise PointerUnreadable(message)
        values[role] = name
    return Pointer(**values)


def write_pointer(path: Path, pointer: Pointer) -> None:
    """Replace the pointer file atomically."""
    data = {"format": POINTER_FORMAT}
    data.update({role: getattr(pointer, role) for role in ROLES})
    data["written_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    write_atomically(path, (json.dumps(data, indent=2) + "\n").encode())
    log.info("Bundle pointer now %s", data)
