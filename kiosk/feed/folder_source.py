"""A feed in a folder: a network share, or one kept in step by Syncthing or an MDM tool.

Sync tools copy files in any order, so the bundle a new feed.json names may not have arrived
yet, or only in part: that is a try-again-later, and the SHA-256 check catches a half copy.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.feed.errors import FeedUnreachable
from kiosk.feed.sources import (
    Fetched,
    append_stream,
    feed_file_address,
    read_limited,
    stopped_early,
)


class FolderSource:
    """feed.json and its bundle in a folder on this machine."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.feed_path = Path(feed_file_address(address)).expanduser()

    def fetch_feed(self, etag: str = "", last_modified: str = "") -> Fetched:
        try:
            info = self.feed_path.stat()
            # The folder's own "ETag": a rewritten feed.json has a new time or size.
            stamp = f"{info.st_mtime_ns}-{info.st_size}"
            if etag and stamp == etag:
                return Fetched(None, etag)
            with self.feed_path.open("rb") as file:
                return Fetched(read_limited(file, "feed.json"), stamp)
        except FileNotFoundError:
            raise FeedUnreachable(
                f"There is no feed.json at {self.feed_path}. Is the drive or synced folder "
                "connected, and has the feed been published there?"
            ) from None
        except OSError as error:
            raise FeedUnreachable(
                f"{self.feed_path} could not be read ({error.strerror or error})."
            ) from None

    def download(self, file: str, target: Path, size: int) -> None:
        source = self.feed_path.parent / file
        have = target.stat().st_size if target.exists() else 0
        try:
            if source.stat().st_size < have or have > size:
                have = 0  # what is kept cannot be the start of this file
            with source.open("rb") as stream:
                stream.seek(have)
                have = append_stream(stream, target, have, size, file)
        except FileNotFoundError:
            raise FeedUnreachable(
                f"The bundle {file} named by the feed is not in {source.parent} yet "
                "(still being copied or synced?)."
            ) from None
        except OSError as error:
            raise FeedUnreachable(
                f"{source} could not be read ({error.strerror or error})."
            ) from None
        if have < size:
            raise stopped_early(file, have, size)
