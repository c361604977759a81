"""Starting up: the pending bundle goes live, and a broken one falls back, never to nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.paths import KioskPaths
from kiosk.store import BundleStore, NoUsableBundle
from kiosk.store.locks import file_lock
from tests.store.conftest import MakeVersion, install_active, name


def break_bundle(store: BundleStore, version: str) -> None:
    """Damage an installed bundle the way a bad disk or a manual edit would."""
    (store.paths.bundles_dir / name(version) / "bundle.json").write_text("{", encoding="utf-8")


def test_fresh_kiosk_shows_the_built_in_bundle(store: BundleStore) -> None:
    started = store.open_active()
    assert (started.source, started.name, started.reasons) == ("built-in", None, ())
    assert started.loaded.root == store.builtin_dir


def test_active_bundle_is_shown(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0", "4.0")
    started = store.open_active()
    assert (started.source, started.name, started.reasons) == ("active", name("4.0"), ())
    assert started.loaded.model.version == "4.0"


def test_pending_bundle_goes_live_at_start(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0")
    store.install(make_version("4.0"))
    started = store.open_active()
    assert (started.source, started.name, started.activated) == ("active", name("4.0"), name("4.0"))
    assert store.pointer().last_known_good == name("3.0")


def test_pending_left_alone_when_asked(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0")
    store.install(make_version("4.0"))
    started = store.open_active(start_pending=False)
    assert (started.name, started.activated) == (name("3.0"), None)


def test_broken_active_falls_back_to_last_known_good(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0", "4.0")
    break_bundle(store, "4.0")
    started = store.open_active()
    assert (started.source, started.name) == ("last-known-good", name("3.0"))
    (reason,) = started.reasons
    assert f"The active bundle {name('4.0')} could not be loaded: bundle.json" in reason


def test_both_broken_falls_back_to_built_in(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0", "4.0")
    break_bundle(store, "4.0")
    shutil.rmtree(store.paths.bundles_dir / name("3.0"))
    started = store.open_active()
    assert started.source == "built-in"
    assert [reason.split(":")[0] for reason in started.reasons] == [
        f"The active bundle {name('4.0')} could not be loaded",
        f"The last-known-good bundle {name('3.0')} could not be loaded",
    ]


def test_broken_pending_at_start_falls_back_to_the_previous(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    store.install(make_version("4.0"))
    break_bundle(store, "4.0")
    started = store.open_active()
    assert (started.source, started.name) == ("last-known-good", name("3.0"))


def test_damaged_pointer_falls_back_to_built_in(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    store.paths.pointer_file.write_bytes(b"\x00\xff garbage")
    started = store.open_active()
    assert started.source == "built-in"
    (reason,) = started.reasons
    assert reason.startswith("The bundle pointer") and "cannot be read" in reason


def test_broken_built_in_bundle_is_the_one_error(paths: KioskPaths, tmp_path: Path) -> None:
    with pytest.raises(NoUsableBundle, match="built-in bundle"):
        BundleStore(paths, builtin_dir=tmp_path / "no-bundle-here").open_active()


def test_leftovers_of_a_killed_install_are_removed_at_start(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    staging, data = store.paths.staging_dir, store.paths.data_dir
    (staging / "install-killed" / "unpacked").mkdir(parents=True)
    (staging / "install-killed" / "unpacked" / "bundle.json").write_text("{}")
    (staging / "install-killed.lock").touch()
    (staging / "trash-killed").mkdir()
    (staging / "install-orphan.lock").touch()
    (data / ".pointer.json.abc123.tmp").write_text("{half")
    started = store.open_active()
    assert started.source == "active"
    assert list(staging.iterdir()) == []
    assert not (data / ".pointer.json.abc123.tmp").exists()


def test_a_running_install_is_not_cleaned_away(store: BundleStore) -> None:
    live = store.paths.staging_dir / "install-live"
    live.mkdir()
    with file_lock(store.paths.staging_dir / "install-live.lock"):
        assert store.clean_leftovers() == []
        assert live.is_dir()
    assert store.clean_leftovers() == [live]
