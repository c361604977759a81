"""`kiosk publish`'s work: validate, copy the bundle in, then write and sign feed.json."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kiosk.content import BundleInvalid
from kiosk.feed.envelope import FEED_FILE, open_feed
from kiosk.feed.errors import FeedError
from kiosk.feed.keys import trusted_keys
from kiosk.feed.publish import publish
from kiosk.feed.sources import file_sha256
from tests.feed.conftest import SigningKey
from tests.helpers.staff import broken_bundle, bundle_version, zipped


def test_a_zip_is_copied_in_and_named_by_a_signed_feed(tmp_path: Path, key: SigningKey) -> None:
    bundle = zipped(bundle_version(tmp_path / "b", "3.0", "Three"), tmp_path / "my upload.zip")
    feed = tmp_path / "feed"
    published = publish(bundle, key.file, feed)
    assert published.bundle_file == feed / "small-test-3.0.zip"
    assert published.bundle_file.read_bytes() == bundle.read_bytes()
    entry = open_feed((feed / FEED_FILE).read_bytes(), trusted_keys([key.public.text]))
    assert entry == published.entry
    assert (entry.bundle_id, entry.version, entry.file) == (
        "small-test",
        "3.0",
        published.bundle_file.name,
    )
    assert (entry.size, entry.sha256) == (bundle.stat().st_size, file_sha256(bundle))
    assert sorted(p.name for p in feed.iterdir()) == [FEED_FILE, "small-test-3.0.zip"]


def test_the_files_are_readable_by_a_web_server(tmp_path: Path, key: SigningKey) -> None:
    old = os.umask(0o022)
    try:
        published = publish(
            bundle_version(tmp_path / "b", "3.0", "Three"), key.file, tmp_path / "f"
        )
    finally:
        os.umask(old)
    for path in (published.feed_file, published.bundle_file):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_a_version_not_newer_than_the_feed_is_refused(tmp_path: Path, key: SigningKey) -> None:
    feed = tmp_path / "feed"
    publish(bundle_version(tmp_path / "b3", "3.0", "Three"), key.file, feed)
    before = (feed / FEED_FILE).read_bytes()
    for version in ("3.0", "2.9"):
        with pytest.raises(FeedError, match="kiosks only take a newer version"):
            publish(bundle_version(tmp_path / f"x{version}", version, "X"), key.file, feed)
    assert (feed / FEED_FILE).read_bytes() == before
    assert publish(bundle_version(tmp_path / "b4", "3.0.1", "Next"), key.file, feed)


def test_a_bundle_with_problems_is_not_published(tmp_path: Path, key: SigningKey) -> None:
    with pytest.raises(BundleInvalid) as refusal:
        publish(broken_bundle(tmp_path / "broken"), key.file, tmp_path / "feed")
    assert len(refusal.value.problems) == 2
    assert not (tmp_path / "feed").exists()


def test_a_missing_key_stops_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="cannot be read"):
        publish(bundle_version(tmp_path / "b", "3.0", "T"), tmp_path / "no.key", tmp_path / "f")
    assert not (tmp_path / "f").exists()
