"""`kiosk publish`: put a checked bundle into a feed folder and sign the feed that names it.

The bundle goes in first and feed.json is replaced last, each by a rename, so a host or a
sync tool serving the folder never offers a feed whose bundle is missing or half written.

Every feed carries an expiry (kiosk.feed.expiry). Publishing the bundle the feed already
offers, byte for byte, signs it again with a new expiry: that is how a feed is kept current.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.content import open_bundle
from kiosk.content.archive import write_zip
from kiosk.feed.envelope import FEED_FILE, FeedEntry, open_feed, read_unsigned, sign_feed
from kiosk.feed.errors import FeedError
from kiosk.feed.expiry import DEFAULT_EXPIRES_IN_DAYS, expires_at
from kiosk.feed.keys import PublicKey, load_private_key, public_key_text
from kiosk.feed.sources import file_sha256
from kiosk.feed.state import now
from kiosk.feed.versions import is_newer
from kiosk.store.atomic_file import fsync_folder


@dataclass(frozen=True)
class Published:
    """What `publish` wrote."""

    entry: FeedEntry
    feed_file: Path
    bundle_file: Path
    key_id: str


def publish(
    bundle: Path,
    key_file: Path,
    feed_dir: Path,
    expires_in_days: int = DEFAULT_EXPIRES_IN_DAYS,
    clock: Callable[[], datetime] = now,
) -> Published:
    """Validate `bundle` (a .zip or a folder), copy it into `feed_dir` as <id>-<version>.zip
    and write a signed feed.json naming it, good for `expires_in_days` from `clock()`.

    Raises BundleInvalid if the bundle has problems, FeedError if the key cannot be used, the
    expiry is out of range, or the feed already offers a newer version, or this version with
    other contents (kiosks would refuse it)."""
    published = clock().replace(microsecond=0)
    expiry = expires_at(published, expires_in_days)
    private = load_private_key(key_file)
    public = PublicKey(private.public_key(), public_key_text(private.public_key()))
    feed_file = feed_dir / FEED_FILE
    with open_bundle(bundle) as loaded:
        model = loaded.model
        previous = _previous(feed_file)
        _refuse_older(previous, model.version)
        feed_dir.mkdir(parents=True, exist_ok=True)
        target = feed_dir / f"{model.id}-{model.version}.zip"

        def write(temp: Path) -> None:
            if bundle.is_dir():
                write_zip(loaded.root, loaded.files, temp)
            else:
                shutil.copyfile(bundle, temp)
            _refuse_other_bytes(previous, model.version, temp)

        _replace(target, write)
    entry = FeedEntry(
        model.id,
        model.version,
        target.name,
        target.stat().st_size,
        file_sha256(target),
        published.isoformat(),
        expiry.isoformat(),
    )
    data = sign_feed(entry, private)
    open_feed(data, {public.key_id: public})  # what kiosks will do, done once here
    _replace(feed_file, lambda temp: temp.write_bytes(data))
    return Published(entry, feed_file, target, public.key_id)


def _previous(feed_file: Path) -> FeedEntry | None:
    """What the feed offers now; None for a new feed (or one that cannot be read)."""
    if not feed_file.exists():
        return None
    return read_unsigned(feed_file.read_bytes())


def _refuse_older(previous: FeedEntry | None, version: str) -> None:
    if previous is not None and is_newer(previous.version, version):
        raise FeedError(
            f"The feed already offers {previous.describe()}, and kiosks only take a newer "
            f"version than the one they have. Raise the version in bundle.json above "
            f"{previous.version}, then publish again."
        )


def _refuse_other_bytes(previous: FeedEntry | None, version: str, made: Path) -> None:
    """The same version again is a renewal (a new expiry) only with the very same bytes:
    kiosks that took the old bytes refuse other ones under that version."""
    if previous is None or is_newer(version, previous.version):
        return
    if file_sha256(made) != previous.sha256:
        raise FeedError(
            f"The feed already offers {previous.describe()} with other contents, and kiosks "
            f"only take a newer version than the one they have. Raise the version in "
            f"bundle.json above {previous.version}, then publish again (publishing the same "
            "bundle unchanged renews the feed's expiry)."
        )


def _replace(target: Path, write: Callable[[Path], object]) -> None:
    """Replace `target` in one rename with the file `write` makes; readable by the web host
    (the umask's permissions, not a temporary file's 0600)."""
    temp = target.with_name(f".{target.name}.tmp")
    try:
        write(temp)
        with temp.open("rb+") as file:
            os.fsync(file.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    fsync_folder(target.parent)
