"""The store's validation records (kiosk.content.record): one per bundle folder that passed
full validation, in data/validated/, signed with a key this kiosk makes for itself.

A record only ever saves time: writing one never fails an install or a start, and a record
that cannot be used means full validation, as if it were not there."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from pathlib import Path

from kiosk.content.limits import Limits
from kiosk.content.loader import LoadedBundle
from kiosk.content.record import RecordedBundle, RecordRefused, read_record, record_bytes
from kiosk.paths import KioskPaths
from kiosk.store.atomic_file import write_atomically

log = logging.getLogger(__name__)

KEY_NAME = "key"
KEY_BYTES = 32


def record_file(paths: KioskPaths, folder: Path) -> Path:
    """Where the record of the bundle in `folder` is kept."""
    name = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:32]
    return paths.validated_dir / f"{name}.json"


def remember(paths: KioskPaths, loaded: LoadedBundle, limits: Limits) -> bool:
    """Write the record of `loaded`, which has just passed full validation; False (logged) if
    it could not be written. Records of folders that are gone are removed on the way."""
    try:
        data = record_bytes(loaded, limits, _key(paths, make=True))
        write_atomically(record_file(paths, loaded.root), data)
    except (OSError, RecordRefused) as error:
        log.warning("No validation record for %s: %s", loaded.root, error)
        return False
    _forget_removed(paths)
    return True


def recall(paths: KioskPaths, folder: Path, limits: Limits) -> RecordedBundle | None:
    """The bundle in `folder` from its record, or None: no record, or one that is refused
    (logged with the reason), so the caller validates fully."""
    try:
        data = record_file(paths, folder).read_bytes()
        key = _key(paths, make=False)
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("Validation record of %s unreadable: %s", folder, error)
        return None
    try:
        recorded = read_record(folder, data, limits, key)
    except RecordRefused as refusal:
        log.info("Validation record of %s not used: %s; validating in full", folder, refusal)
        return None
    log.info("%s matches its validation record: shown from it, not validated again", folder)
    return recorded


def _key(paths: KioskPaths, make: bool) -> bytes:
    """This kiosk's record key (readable by the kiosk's user only). With `make`, a missing or
    damaged one is replaced; records signed with the old one are then refused, and remade."""
    path = paths.validated_dir / KEY_NAME
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
        if not make:
            raise
    if len(key) == KEY_BYTES:
        return key
    if not make:
        raise OSError(f"{path} holds {len(key)} bytes, not a key of {KEY_BYTES}")
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, key)  # two processes at once: the last one's key stays
    return key


def _forget_removed(paths: KioskPaths) -> None:
    """Remove records whose bundle folder no longer exists (pruned, or a moved build), and
    records that cannot be read at all."""
    for record in paths.validated_dir.glob("*.json"):
        try:
            body = json.loads(record.read_bytes().partition(b"\n")[2])
            gone = not Path(body["fingerprint"]["folder"]).exists()
        except (OSError, ValueError, KeyError, TypeError):
            gone = True
        if gone:
            record.unlink(missing_ok=True)
