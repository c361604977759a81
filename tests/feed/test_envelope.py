"""feed.json: the payload is believed only once its signature checks out."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.feed.envelope import MAX_FEED_BYTES, FeedEntry, open_feed, read_unsigned, sign_feed
from kiosk.feed.errors import FeedRefused
from kiosk.feed.keys import generate_key_pair, load_private_key, trusted_keys

ENTRY = FeedEntry("knee-care", "1.4.0", "knee-care-1.4.0.zip", 1234, "ab" * 32, "2025-01-01")


@pytest.fixture
def signer(tmp_path: Path) -> tuple[Ed25519PrivateKey, dict]:
    public = generate_key_pair(tmp_path / "sign.key")
    return load_private_key(tmp_path / "sign.key"), trusted_keys([public.text])


def test_a_signed_feed_opens_to_its_entry(signer) -> None:
    private, keys = signer
    assert open_feed(sign_feed(ENTRY, private), keys) == ENTRY


def test_a_changed_signature_is_refused(signer) -> None:
    private, keys = signer
    envelope = json.loads(sign_feed(ENTRY, private))
    other = sign_feed(FeedEntry("knee-care", "9.0", "x.zip", 1, "cd" * 32), private)
    envelope["signature"] = json.loads(other)["signature"]  # valid, but for another payload
    with pytest.raises(FeedRefused, match="signature does not match its contents"):
        open_feed(json.dumps(envelope).encode(), keys)


def test_a_signature_made_for_something_else_is_refused(signer) -> None:
    private, keys = signer
    envelope = json.loads(sign_feed(ENTRY, private))
    bare = private.sign(envelope["payload"].encode())  # the payload without the feed's context
    envelope["signature"] = base64.b64encode(bare).decode()
    with pytest.raises(FeedRefused, match="signature does not match"):
        open_feed(json.dumps(envelope).encode(), keys)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not json", "feed.json is not valid JSON"),
        (b"[]", "is not a feed written by kiosk publish"),
        (b'{"format": "knee-kiosk-feed/1"}', "lacks its payload, key id or signature"),
        (b'{"format": "knee-kiosk-feed/1", "format": "x"}', 'repeats the key "format"'),
        (b" " * (MAX_FEED_BYTES + 1), "is over 64 KiB"),
    ],
)
def test_a_malformed_feed_is_named(signer, data: bytes, words: str) -> None:
    with pytest.raises(FeedRefused, match=words):
        open_feed(data, signer[1])


def test_a_signed_payload_with_bad_fields_is_refused(signer) -> None:
    private, keys = signer
    bad = FeedEntry("Knee Care", "1.4-beta", "../escape.zip", 0, "xyz")
    with pytest.raises(FeedRefused, match="has no valid id, version, file, size, sha256"):
        open_feed(sign_feed(bad, private), keys)


def test_the_publisher_reads_its_own_feed_without_keys(signer) -> None:
    private, _ = signer
    assert read_unsigned(sign_feed(ENTRY, private)) == ENTRY
    assert read_unsigned(b"garbage") is None
