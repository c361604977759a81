"""Ordering bundle versions: dotted numbers compared part by part, as numbers.

bundle.json's version is one to four dotted whole numbers ("1.4.0"). Missing parts count as
zero, so "1.4" and "1.4.0" are the same version, and "1.10" is newer than "1.9".
"""

from __future__ import annotations

import re

_VERSION = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")  # the same form the bundle model accepts
_PARTS = 4


def version_key(version: str) -> tuple[int, ...]:
    """A key that sorts versions oldest first; raises ValueError for a malformed version."""
    if not _VERSION.match(version):
        raise ValueError(f"{version!r} is not a version of dotted numbers such as 1.4.0")
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (_PARTS - len(parts)))


def is_newer(version: str, than: str) -> bool:
    """Whether `version` comes after `than`."""
    return version_key(version) > version_key(than)


def is_version(text: object) -> bool:
    """Whether `text` is a well-formed version."""
    return isinstance(text, str) and bool(_VERSION.match(text))
