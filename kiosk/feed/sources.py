"""Where a feed is read from: a web address or a folder, behind one small interface."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from kiosk.feed.envelope import FEED_FILE, MAX_FEED_BYTES
from kiosk.feed.errors import FeedRefused, FeedUnreachable

CHUNK = 64 * 1024
DEFAULT_TIMEOUT = 30.0  # seconds a host may stay silent before the try is given up
# A feed address that names a scheme: only http and https are followed.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class Fetched:
    """feed.json as fetched: its bytes, or None when unchanged since the validators given."""

    data: bytes | None
    etag: str = ""
    last_modified: str = ""


class FeedSource(Protocol):
    """A feed's two files: feed.json, and the .zip it names, in the same place."""

    address: str

    def fetch_feed(self, etag: str = "", last_modified: str = "") -> Fetched:
        """feed.json, or Fetched(None) if it has not changed since `etag`/`last_modified`.

        Raises FeedUnreachable when it cannot be read now."""
        ...

    def download(self, file: str, target: Path, size: int) -> None:
        """Fetch `file` into `target`, carrying on from the bytes already in `target`.

        Raises FeedUnreachable if it stops early (what arrived is kept), FeedRefused if the
        file is larger than `size`."""
        ...


def source_for(address: str, timeout: float = DEFAULT_TIMEOUT) -> FeedSource:
    """The source for a feed address: an http(s) URL or a folder (or a feed.json in one)."""
    from kiosk.feed.folder_source import FolderSource
    from kiosk.feed.http_source import HttpSource

    if _SCHEME.match(address):
        if not address.lower().startswith(("http://", "https://")):
            raise FeedRefused(f"The feed address {address} is neither http(s) nor a folder.")
        return HttpSource(address, timeout)
    return FolderSource(address)


def feed_file_address(address: str) -> str:
    """The address of feed.json itself: `address` if it names a .json file, else inside it."""
    if address.lower().endswith(".json"):
        return address
    return address.rstrip("/\\") + "/" + FEED_FILE


def read_limited(stream: BinaryIO, what: str) -> bytes:
    """At most MAX_FEED_BYTES from `stream`; FeedRefused if there is more."""
    data = stream.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise FeedRefused(
            f"{what} is over {MAX_FEED_BYTES // 1024} KiB; it is not a feed.", reason="malformed"
        )
    return data


def append_stream(stream: BinaryIO, target: Path, have: int, size: int, what: str) -> int:
    """Copy `stream` to the end of `target` (which holds `have` bytes); returns the new size.

    Whatever arrived stays in `target` when the stream breaks off; FeedRefused if the file
    grows past `size` (and `target` is removed: those bytes are not the feed's bundle)."""
    with target.open("ab" if have else "wb") as sink:
        while chunk := stream.read(CHUNK):
            have += len(chunk)
            if have > size:
                sink.close()
                target.unlink(missing_ok=True)
                raise FeedRefused(
                    f"{what} is larger than the {size:,} bytes the feed names.",
                    reason="bundle_mismatch",
                )
            sink.write(chunk)
    return have


def stopped_early(what: str, have: int, size: int) -> FeedUnreachable:
    """The error for a download cut short; the next try carries on from `have` bytes."""
    return FeedUnreachable(
        f"The download of {what} stopped at {have:,} of {size:,} bytes; the next try carries "
        "on from there."
    )


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of the file at `path`, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
