"""A store in a temporary KIOSK_HOME, and versions of the small test bundle to install."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.paths import HOME_ENV, KioskPaths
from kiosk.store import BundleStore
from tests.helpers.places import SMALL_BUNDLE

MakeVersion = Callable[[str], Path]
BUNDLE_ID = "small-test"


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> KioskPaths:
    """The kiosk's folders under tmp_path/home, also named by $KIOSK_HOME."""
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    return KioskPaths.from_environment().ensure()


@pytest.fixture
def store(paths: KioskPaths) -> BundleStore:
    """A store whose built-in bundle is the small test bundle (the real one is large)."""
    return BundleStore(paths, builtin_dir=SMALL_BUNDLE)


@pytest.fixture
def make_version(tmp_path: Path) -> MakeVersion:
    """A writable copy of the small bundle with its version set, e.g. make_version("3.0")."""

    def make(version: str) -> Path:
        folder = tmp_path / "sources" / version
        if not folder.exists():
            shutil.copytree(SMALL_BUNDLE, folder)
            set_version(folder, version)
        return folder

    return make


def set_version(folder: Path, version: str) -> None:
    manifest = folder / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["version"] = version
    manifest.write_text(json.dumps(data, indent=2), encoding="utf-8")


def name(version: str) -> str:
    """The store folder of the small bundle at `version`."""
    return f"{BUNDLE_ID}-{version}"


def install_active(store: BundleStore, make_version: MakeVersion, *versions: str) -> None:
    """Install and activate each version in turn."""
    for version in versions:
        store.install(make_version(version))
        store.activate_pending()


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under `root` with a digest of its bytes (or its link target)."""
    found = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[key] = "link:" + str(path.readlink())
        elif path.is_dir():
            found[key] = "folder"
        else:
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found
