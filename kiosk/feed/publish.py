"""`kiosk publish`: put a checked bundle into a feed folder and sign the feed that names it.

The bundle goes in first and feed.json is replaced last, each by a rename, so a host or a
sync tool serving the folder never offers a feed whose bundle is missing or half written.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.content import open_bundle
from kiosk.content.archive import write_zip
from kiosk.feed.envelope import FEED_FILE, FeedEntry, open_feed, read_unsigned, sign_feed
from kiosk.feed.errors import FeedError
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


def publish(bundle: Path, key_file: Path, feed_dir: Path) -> Published:
    """Validate `bundle` (a .zip or a folder), copy it into `feed_dir` as <id>-<version>.zip
    and write a signed feed.json naming it.

    Raises BundleInvalid if the bundle has problems, FeedError if the key cannot be used or
    the feed already offers this version or a newer one (kiosks would refuse it)."""
    private = load_private_key(key_file)
    public = PublicKey(private.public_key(), public_key_text(private.public_key()))
    feed_file = feed_dir / FEED_FILE
    with open_bundle(bundle) as loaded:
        model = loaded.model
        _refuse_not_newer(feed_file, model.version)
        feed_dir.mkdir(parents=True, exist_ok=True)
        target = feed_dir / f"{model.id}-{model.version}.zip"
        if bundle.is_dir():
            _replace(target, lambda temp: write_zip(loaded.root, loaded.files, temp))
        else:
            _replace(target, lambda temp: shutil.copyfile(bundle, temp))
    entry = FeedEntry(
        model.id, model.version, target.name, target.stat().st_size, file_sha256(target), _stamp()
    )
    data = sign_feed(entry, private)
    open_feed(data, {public.key_id: public})  # what kiosks will do, done once here
    _replace(feed_file, lambda temp: temp.write_bytes(data))
    return Published(entry, feed_file, target, public.key_id)


def _refuse_not_newer(feed_file: Path, version: str) -> None:
    if not feed_file.exists():
        return
    previous = read_unsigned(feed_file.read_bytes())
    if previous is not None and not is_newer(version, previous.version):
        raise FeedError(
            f"{feed_file} already offers {previous.describe()}, and kiosks only take a newer "
            f"version than the one they have. Raise the version in bundle.json above "
            f"{previous.version}, then publish again."
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


def _stamp() -> str:
    return now().isoformat()
