"""The content issue's corpus of broken and hostile bundles, through the install path: each is
refused with its plain message, nothing is written anywhere, and the live bundle stays."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content import BundleInvalid
from kiosk.paths import KioskPaths
from kiosk.store import BundleStore
from tests.helpers.corpus import FOLDER_CASES, ZIP_CASES, Mutation, zip_of
from tests.helpers.places import SMALL_BUNDLE
from tests.store.conftest import install_active, name, set_version, snapshot


@pytest.fixture(scope="module")
def live_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kiosk home showing version 3.0, made once and copied for each test."""
    root = tmp_path_factory.mktemp("live")
    source = root / "source"
    shutil.copytree(SMALL_BUNDLE, source)
    set_version(source, "3.0")
    store = BundleStore(KioskPaths.under(root / "home"), builtin_dir=SMALL_BUNDLE)
    install_active(store, lambda _: source, "3.0")
    return root / "home"


@pytest.fixture
def live_store(live_home: Path, tmp_path: Path) -> BundleStore:
    """A fresh copy of the store showing version 3.0."""
    shutil.copytree(live_home, tmp_path / "home")
    return BundleStore(KioskPaths.under(tmp_path / "home"), builtin_dir=SMALL_BUNDLE)


def assert_refused_without_trace(store: BundleStore, source: Path, root: Path, expected: str):
    """Install `source`: refused with `expected`, nothing under `root` changed, 3.0 still live."""
    before = snapshot(root)
    with pytest.raises(BundleInvalid) as refusal:
        store.install(source)
    assert expected in "\n".join(map(str, refusal.value.problems))
    assert snapshot(root) == before
    started = store.open_active()
    assert (started.source, started.name) == ("active", name("3.0"))


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [case[1:] for case in FOLDER_CASES],
    ids=[case[0] for case in FOLDER_CASES],
)
def test_broken_folder_is_refused_by_install(
    live_store: BundleStore, small_bundle: Path, tmp_path: Path, mutation: Mutation, expected: str
) -> None:
    mutation(small_bundle)
    assert_refused_without_trace(live_store, small_bundle, tmp_path, expected)


# zipfile stores the file a link points to, not the link; the folder case covers links.
ZIPPABLE_CASES = [case for case in FOLDER_CASES if case[0] != "symlink-out"]


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [case[1:] for case in ZIPPABLE_CASES],
    ids=[case[0] for case in ZIPPABLE_CASES],
)
def test_broken_folder_zipped_is_refused_by_install(
    live_store: BundleStore, small_bundle: Path, tmp_path: Path, mutation: Mutation, expected: str
) -> None:
    mutation(small_bundle)
    archive = zip_of(small_bundle, tmp_path / "broken.zip")
    assert_refused_without_trace(live_store, archive, tmp_path, expected)


@pytest.mark.parametrize(
    ("extra", "expected"), [case[1:] for case in ZIP_CASES], ids=[case[0] for case in ZIP_CASES]
)
def test_hostile_zip_is_refused_by_install(
    live_store: BundleStore, small_bundle: Path, tmp_path: Path, extra, expected: str
) -> None:
    archive = zip_of(small_bundle, tmp_path / "hostile.zip", extra)
    assert_refused_without_trace(live_store, archive, tmp_path, expected)
    staging = live_store.paths.staging_dir
    for escaped in (
        staging.parent / "escaped.txt",
        Path("/escaped.txt"),
        Path("/tmp/absolute.txt"),
    ):
        assert not escaped.exists()
