"""What a kiosk remembers about its feed, in data/feed/: each file replaced atomically.

- trusted.json: the last version taken from the feed (id, version, SHA-256). A feed offering
  an older version, or the same version with other bytes, is refused: this is what stops a
  downgrade or a replayed old feed, across restarts too.
- status.json: the last check, the last success and the last problem, in words, for the staff
  panel and `kiosk status --json` (which runs in another process).
- cache.json: the last verified feed.json with its ETag and Last-Modified, so a poll can ask
  "changed since?" and carry on from the copy when the answer is no.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.feed.errors import FeedRefused
from kiosk.feed.versions import is_version
from kiosk.paths import KioskPaths
from kiosk.store.atomic_file import write_atomically

log = logging.getLogger(__name__)

STATE_FORMAT = 1


def now() -> datetime:
    """The time now, in UTC to the second (what state files hold)."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Trusted:
    """The last bundle taken from the feed."""

    bundle_id: str
    version: str
    sha256: str
    trusted_at: str = ""


@dataclass(frozen=True)
class FeedStatus:
    """The feed's state for people: what happened at the last check, and when."""

    address: str = ""
    last_check: datetime | None = None
    last_check_ok: bool = False
    last_result: str = ""  # what the last check found, in a sentence (news or a problem)
    last_success: datetime | None = None
    last_error: str = ""  # the last problem, kept after later successes (see last_error_at)
    last_error_at: datetime | None = None
    offered: str = ""  # what the feed offered at the last check, e.g. "knee-care version 1.4.0"
    activity: str = ""  # what it does now ("Downloading..."); "" between checks
    next_check: datetime | None = None
    failures: int = 0  # checks in a row that could not reach the feed or its bundle
    refused_sha256: str = ""  # a bundle refused after download: not fetched again
    failed_in_a_row: int = 0  # checks in a row that did not succeed, for any reason
    refusal: str = ""  # why the feed was last refused (errors.REFUSAL_REASONS); "" since a success
    expires_at: datetime | None = None  # the last verified feed's expiry; None if it has none

    def to_json(self) -> dict[str, Any]:
        """The status as JSON values (times as ISO 8601 text)."""
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, datetime):
                out[key] = value.isoformat()
        return out

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> FeedStatus:
        values: dict[str, Any] = {}
        for field in fields(cls):
            value = raw.get(field.name)
            if field.name in _TIMES:
                values[field.name] = _time(value)
            elif isinstance(value, type(field.default)):
                values[field.name] = value
        return cls(**values)


_TIMES = {"last_check", "last_success", "last_error_at", "next_check", "expires_at"}


@dataclass(frozen=True)
class CachedFeed:
    """The last verified feed.json and the validators the host sent with it."""

    address: str
    etag: str
    last_modified: str
    data: bytes


class FeedState:
    """The feed's files in the kiosk's data folder."""

    def __init__(self, paths: KioskPaths) -> None:
        self.folder = paths.data_dir / "feed"

    @property
    def trusted_file(self) -> Path:
        return self.folder / "trusted.json"

    @property
    def status_file(self) -> Path:
        return self.folder / "status.json"

    @property
    def cache_file(self) -> Path:
        return self.folder / "cache.json"

    def trusted(self) -> Trusted | None:
        """The last version taken from the feed; None before the first.

        Raises FeedRefused if the record exists but cannot be read: without it a downgrade
        could not be told apart, so nothing is taken until it is fixed or removed."""
        try:
            raw = json.loads(self.trusted_file.read_bytes())
            trusted = Trusted(
                str(raw["id"]), str(raw["version"]), str(raw["sha256"]), str(raw.get("at", ""))
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.error("Feed trust record %s unreadable: %s", self.trusted_file, error)
            trusted = None
        if trusted is None or not is_version(trusted.version):
            raise FeedRefused(
                f"The record of the last version taken from the feed ({self.trusted_file}) is "
                "damaged, so nothing more is taken. Delete that file to start again.",
                reason="trust_record",
            )
        return trusted

    def trust(self, trusted: Trusted) -> None:
        """Remember `trusted` as the last version taken (before anything else is)."""
        record = {
            "format": STATE_FORMAT,
            "id": trusted.bundle_id,
            "version": trusted.version,
            "sha256": trusted.sha256,
            "at": trusted.trusted_at or now().isoformat(),
        }
        self._write(self.trusted_file, record)
        log.info("Feed: now trusting %s %s", trusted.bundle_id, trusted.version)

    def status(self) -> FeedStatus:
        """The last status written; an empty one if there is none (or it is damaged)."""
        raw = self._read(self.status_file)
        return FeedStatus.from_json(raw) if raw is not None else FeedStatus()

    def save_status(self, status: FeedStatus) -> None:
        self._write(self.status_file, {"format": STATE_FORMAT, **status.to_json()})

    def cached(self, address: str) -> CachedFeed | None:
        """The last verified feed.json from `address`; None if there is none."""
        raw = self._read(self.cache_file)
        if raw is None or raw.get("address") != address:
            return None
        try:
            data = base64.b64decode(str(raw["data"]), validate=True)
            return CachedFeed(address, str(raw["etag"]), str(raw["last_modified"]), data)
        except (KeyError, binascii.Error):
            return None

    def cache(self, cached: CachedFeed) -> None:
        record = {
            "format": STATE_FORMAT,
            "address": cached.address,
            "etag": cached.etag,
            "last_modified": cached.last_modified,
            "data": base64.b64encode(cached.data).decode("ascii"),
        }
        self._write(self.cache_file, record)

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            raw = json.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("Feed state %s unreadable (%s); starting it afresh", path, error)
            return None
        return raw if isinstance(raw, dict) else None

    def _write(self, path: Path, record: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, (json.dumps(record, indent=2) + "\n").encode("utf-8"))


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
