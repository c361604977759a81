"""feed.json: what the feed offers, signed as one file.

The file is a small JSON envelope around the exact bytes that were signed:

    {"format": "knee-kiosk-feed/1",
     "payload": "{\"id\": \"knee-care\", \"version\": \"1.4.0\", \"file\": ..., \"size\": ...,
                  \"sha256\": ..., \"published_at\": ..., \"expires_at\": ...}",
     "key_id": "3f2a9c0d51e6b7a8",
     "signature": "<base64 Ed25519 signature>"}

One file, replaced in one rename, so a web host or a synced folder never serves a feed with
the signature of another (a separate .sig file can arrive before or after its feed). The
signature covers a fixed context line and the payload's UTF-8 bytes exactly as published; a
kiosk checks it before it reads a single field of the payload.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.content.limits import DEFAULT_LIMITS
from kiosk.content.model import BUNDLE_ID_PATTERN
from kiosk.content.safe_json import JsonRefused, parse_json_bytes
from kiosk.feed.errors import FeedRefused
from kiosk.feed.keys import PublicKey, key_id
from kiosk.feed.versions import is_version

FEED_FILE = "feed.json"
FORMAT = "knee-kiosk-feed/1"
MAX_FEED_BYTES = 64 * 1024
# Signed ahead of the payload so a signature made for something else never passes as a feed's.
_CONTEXT = b"knee-kiosk feed v1\n"
_ID = re.compile(BUNDLE_ID_PATTERN)
_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.zip$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class FeedEntry:
    """The bundle a feed offers: which one, where it is beside feed.json, and its digest."""

    bundle_id: str
    version: str
    file: str  # a plain file name in the feed's folder
    size: int  # bytes
    sha256: str  # hex digest of the .zip
    published_at: str = ""  # when `kiosk publish` ran (UTC, ISO 8601); for people only
    # After this (UTC, ISO 8601) kiosks refuse the feed (kiosk.feed.expiry); "" in a feed
    # published before feeds carried one.
    expires_at: str = ""

    def describe(self) -> str:
        """The entry in words: "knee-care version 1.4.0"."""
        return f"{self.bundle_id} version {self.version}"

    def payload(self) -> bytes:
        """The bytes that are signed."""
        fields = {
            "id": self.bundle_id,
            "version": self.version,
            "file": self.file,
            "size": self.size,
            "sha256": self.sha256,
            "published_at": self.published_at,
        }
        if self.expires_at:  # absent, as older publishers wrote it, when there is none
            fields["expires_at"] = self.expires_at
        return json.dumps(fields, indent=1).encode("utf-8")


def sign_feed(entry: FeedEntry, private_key: Ed25519PrivateKey) -> bytes:
    """The bytes of feed.json offering `entry`, signed with `private_key`."""
    payload = entry.payload()
    envelope = {
        "format": FORMAT,
        "payload": payload.decode("utf-8"),
        "key_id": key_id(private_key.public_key()),
        "signature": base64.b64encode(private_key.sign(_CONTEXT + payload)).decode("ascii"),
    }
    return (json.dumps(envelope, indent=2) + "\n").encode("utf-8")


def open_feed(data: bytes, keys: dict[str, PublicKey]) -> FeedEntry:
    """The entry in feed.json `data` once its signature by one of `keys` checks out.

    Raises FeedRefused, saying whether the file is malformed, signed by a key this kiosk does
    not trust, or not matching its signature."""
    envelope = _envelope(data)
    signer = keys.get(envelope["key_id"])
    if signer is None:
        if not keys:
            raise FeedRefused(
                "No trusted feed keys are set on this kiosk (the feed_keys setting).",
                reason="untrusted_key",
            )
        raise FeedRefused(
            f"The feed is signed with a key this kiosk does not trust (key id "
            f"{envelope['key_id']}). Add its public key to feed_keys, or publish with a "
            "trusted key.",
            reason="untrusted_key",
        )
    payload = envelope["payload"].encode("utf-8")
    if not signer.verify(envelope["signature"], _CONTEXT + payload):
        raise FeedRefused(
            "The feed's signature does not match its contents, so it was refused: feed.json "
            "was changed after it was signed. Publish it again with kiosk publish.",
            reason="signature",
        )
    return _entry(payload)


def read_unsigned(data: bytes) -> FeedEntry | None:
    """The entry in feed.json `data` without checking its signature (for the publisher's own
    folder); None if it cannot be read."""
    try:
        return _entry(_envelope(data)["payload"].encode("utf-8"))
    except FeedRefused:
        return None


def _envelope(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_FEED_BYTES:
        raise _malformed(f"feed.json is over {MAX_FEED_BYTES // 1024} KiB; it is not a feed.")
    raw = _parse(data, "feed.json")
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise _malformed(f"feed.json is not a feed written by kiosk publish (format {FORMAT}).")
    payload, signer, signature = raw.get("payload"), raw.get("key_id"), raw.get("signature")
    if not (isinstance(payload, str) and isinstance(signer, str) and isinstance(signature, str)):
        raise _malformed("feed.json lacks its payload, key id or signature.")
    try:
        raw["signature"] = base64.b64decode(signature, validate=True)
    except binascii.Error:
        raise _malformed("feed.json's signature is not base64 text.") from None
    return raw


def _entry(payload: bytes) -> FeedEntry:
    raw = _parse(payload, "feed.json's payload")
    if not isinstance(raw, dict):
        raise _malformed("feed.json's payload is not a JSON object.")
    checks = {
        "id": lambda v: isinstance(v, str) and _ID.match(v),
        "version": is_version,
        "file": lambda v: isinstance(v, str) and _FILE.match(v),
        "size": lambda v: type(v) is int and 0 < v <= DEFAULT_LIMITS.unpacked_bytes,
        "sha256": lambda v: isinstance(v, str) and _SHA256.match(v),
        "expires_at": lambda v: v is None or is_utc_time(v),
    }
    wrong = [key for key, check in checks.items() if not check(raw.get(key))]
    if wrong:
        raise _malformed(f"feed.json's payload has no valid {', '.join(wrong)}.")
    published = raw.get("published_at", "")
    return FeedEntry(
        raw["id"],
        raw["version"],
        raw["file"],
        raw["size"],
        raw["sha256"],
        published if isinstance(published, str) else "",
        raw.get("expires_at") or "",
    )


def _parse(data: bytes, what: str) -> Any:
    try:
        return parse_json_bytes(data, DEFAULT_LIMITS)
    except JsonRefused as refusal:
        raise _malformed(f"{what} {refusal}.") from None


def _malformed(message: str) -> FeedRefused:
    return FeedRefused(message, reason="malformed")


def is_utc_time(text: object) -> bool:
    """Whether `text` is an ISO 8601 time with its offset from UTC (as publish writes)."""
    if not isinstance(text, str) or len(text) > 40:
        return False
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False
