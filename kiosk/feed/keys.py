"""Ed25519 keys for the feed: the private key that signs it, and the public keys kiosks trust.

A public key is written as one line, "ed25519:" and the 32 raw key bytes in base64, so it can
be pasted into settings.toml. Its key id is the first 16 hex digits of its SHA-256: short
enough to read out, and what a signed feed names so a kiosk can say which key signed it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.feed.errors import FeedError
from kiosk.feed.key_format import FEED_KEY_PATTERN, PUBLIC_PREFIX


@dataclass(frozen=True)
class PublicKey:
    """A public key a kiosk trusts, with its id."""

    key: Ed25519PublicKey
    text: str  # "ed25519:..."

    @property
    def key_id(self) -> str:
        return key_id(self.key)

    def verify(self, signature: bytes, message: bytes) -> bool:
        """Whether `signature` is this key's signature of exactly `message`."""
        try:
            self.key.verify(signature, message)
        except InvalidSignature:
            return False
        return True


def key_id(key: Ed25519PublicKey) -> str:
    """The short name of a public key: 16 hex digits of the SHA-256 of its raw bytes."""
    return hashlib.sha256(_raw(key)).hexdigest()[:16]


def public_key_text(key: Ed25519PublicKey) -> str:
    """The one-line form of `key` that goes into a kiosk's feed_keys setting."""
    return PUBLIC_PREFIX + base64.b64encode(_raw(key)).decode("ascii")


def parse_public_key(text: str) -> PublicKey:
    """The key written as `text` ("ed25519:..."); raises FeedError if it is not one."""
    text = text.strip()
    if not re.fullmatch(FEED_KEY_PATTERN, text):
        raise FeedError(f"{text!r} is not a public key from kiosk keygen (ed25519:...)")
    try:
        raw = base64.b64decode(text.removeprefix(PUBLIC_PREFIX), validate=True)
        return PublicKey(Ed25519PublicKey.from_public_bytes(raw), text)
    except (binascii.Error, ValueError):
        raise FeedError(f"{text!r} is not a valid Ed25519 public key") from None


def trusted_keys(texts: Iterable[str]) -> dict[str, PublicKey]:
    """The keys named in the settings, by key id."""
    keys = (parse_public_key(text) for text in texts)
    return {key.key_id: key for key in keys}


def generate_key_pair(private_file: Path) -> PublicKey:
    """Write a new private key to `private_file` (readable by its owner only); returns its
    public half. Refuses to replace an existing file: a lost signing key cannot be undone."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        fd = os.open(private_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise FeedError(
            f"{private_file} already exists and was left as it is; choose another file name."
        ) from None
    with os.fdopen(fd, "wb") as file:
        file.write(pem)
    public = private.public_key()
    return PublicKey(public, public_key_text(public))


def load_private_key(private_file: Path) -> Ed25519PrivateKey:
    """The signing key in `private_file` (as kiosk keygen wrote it); raises FeedError."""
    try:
        key = serialization.load_pem_private_key(private_file.read_bytes(), password=None)
    except OSError as error:
        raise FeedError(f"{private_file}: cannot be read ({error.strerror or error})") from None
    except (ValueError, TypeError):
        raise FeedError(f"{private_file}: is not a private key written by kiosk keygen") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise FeedError(f"{private_file}: is not an Ed25519 key")
    return key


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
