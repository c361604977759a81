"""The names the narration index gives the texts it reads: a place in bundle.json, the kiosk's
own wording, or wording with its blanks filled in ("Step 2 of 5")."""

from __future__ import annotations

WORDING_PREFIX = "wording."


def wording_path(key: str) -> str:
    """Where the index keeps the kiosk's own wording `key`."""
    return WORDING_PREFIX + key


def filled_path(key: str, **values: object) -> str:
    """Where the index keeps wording `key` filled in with `values`, named in order:
    wording.step_of(n=2,total=5). A value taken from the bundle is named by its place
    (wording.about_clinic(clinic=clinic.name)), so one name serves every language."""
    filled = ",".join(f"{name}={value}" for name, value in sorted(values.items()))
    return f"{wording_path(key)}({filled})"


def is_filled(path: str) -> bool:
    """Whether `path` names wording filled in (filled_path), not words that stay the same."""
    return path.startswith(WORDING_PREFIX) and path.endswith(")")
