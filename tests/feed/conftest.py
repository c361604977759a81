"""A signing key, a published feed (on a loopback web host or in a folder) and a kiosk store."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.feed import FeedFollower, source_for
from kiosk.feed.keys import PublicKey, generate_key_pair
from kiosk.feed.publish import Published, publish
from kiosk.feed.state import now
from kiosk.paths import KioskPaths
from kiosk.store import BundleStore
from tests.feed.feed_server import FeedServer
from tests.helpers.places import SMALL_BUNDLE
from tests.helpers.staff import bundle_version

TIMEOUT = 0.5  # seconds a test's feed host may stay silent


@dataclass
class SigningKey:
    file: Path
    public: PublicKey


@dataclass
class Feed:
    """A feed folder, and the address kiosks read it at (the web host's, or the folder)."""

    folder: Path
    address: str
    key: SigningKey
    sources: Path  # where bundle versions are made before publishing
    server: FeedServer | None = None

    def publish(
        self, version: str, title: str = "", key: SigningKey | None = None, **options
    ) -> Published:
        """Publish a copy of the small bundle at `version` with `kiosk publish`'s function
        (`options`: its expires_in_days and clock)."""
        folder = self.sources / f"{version}-{title or 'plain'}"
        if not folder.exists():
            bundle_version(folder, version, title or f"Version {version}")
        return publish(folder, (key or self.key).file, self.folder, **options)

    def snapshot(self, name: str) -> Path:
        """A copy of the feed folder as it is now (to play an old feed back later)."""
        copy = self.sources.parent / f"snapshot-{name}"
        shutil.copytree(self.folder, copy)
        return copy

    def restore(self, snapshot: Path) -> None:
        """Make the feed folder what it was when `snapshot` was taken."""
        shutil.rmtree(self.folder)
        shutil.copytree(snapshot, self.folder)


def make_key(folder: Path, name: str = "sign.key") -> SigningKey:
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / name
    return SigningKey(file, generate_key_pair(file))


@pytest.fixture
def key(tmp_path: Path) -> SigningKey:
    return make_key(tmp_path / "keys")


@pytest.fixture
def other_key(tmp_path: Path) -> SigningKey:
    return make_key(tmp_path / "keys", "other.key")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FeedServer]:
    host = FeedServer(tmp_path / "host")
    yield host
    host.stop()


@pytest.fixture
def web_feed(tmp_path: Path, key: SigningKey, server: FeedServer) -> Feed:
    return Feed(server.root, server.url, key, tmp_path / "sources", server)


@pytest.fixture
def folder_feed(tmp_path: Path, key: SigningKey) -> Feed:
    folder = tmp_path / "synced" / "feed"
    return Feed(folder, str(folder), key, tmp_path / "sources")


@pytest.fixture(params=["web", "folder"])
def feed(request: pytest.FixtureRequest) -> Feed:
    """The same feed served both ways: each test using it runs once per form."""
    return request.getfixturevalue(f"{request.param}_feed")


@pytest.fixture
def store(tmp_path: Path) -> BundleStore:
    """A kiosk's store, on the small bundle (version 2.1) as its built-in one."""
    return BundleStore(KioskPaths.under(tmp_path / "home"), builtin_dir=SMALL_BUNDLE)


def live(store: BundleStore) -> tuple[object, list[str]]:
    """What a kiosk would show and keep: the pointer and the installed folders."""
    return store.pointer(), sorted(p.name for p in store.paths.bundles_dir.iterdir())


def follower_for(
    feed: Feed, store: BundleStore, *keys: SigningKey, clock: Callable[[], datetime] = now
) -> FeedFollower:
    """A follower of `feed` for `store`, trusting `keys` (the feed's own key by default), on
    `clock`."""
    texts = [k.public.text for k in keys or (feed.key,)]
    return FeedFollower(source_for(feed.address, TIMEOUT), texts, store, clock=clock)
