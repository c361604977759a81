"""Activation, rollback, listing and pruning."""

from __future__ import annotations

import shutil

import pytest

from kiosk.store import BundleStore, Pointer, StoreError
from tests.store.conftest import MakeVersion, install_active, name


def test_activation_moves_active_to_last_known_good(
    store: BundleStore, make_version: MakeVersion
) -> None:
    store.install(make_version("3.0"))
    assert store.activate_pending() == name("3.0")
    assert store.pointer() == Pointer(active=name("3.0"))
    store.install(make_version("4.0"))
    assert store.activate_pending() == name("4.0")
    assert store.pointer() == Pointer(active=name("4.0"), last_known_good=name("3.0"))


def test_nothing_pending_means_nothing_to_activate(store: BundleStore) -> None:
    assert store.activate_pending() is None
    assert not store.paths.pointer_file.exists()


def test_missing_pending_folder_is_dropped(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0")
    store.install(make_version("4.0"))
    shutil.rmtree(store.paths.bundles_dir / name("4.0"))
    assert store.activate_pending() is None
    assert store.pointer() == Pointer(active=name("3.0"))


def test_rollback_swaps_active_and_last_known_good(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0", "4.0")
    assert store.rollback() == Pointer(active=name("3.0"), last_known_good=name("4.0"))
    assert store.rollback() == Pointer(active=name("4.0"), last_known_good=name("3.0"))


def test_rollback_keeps_a_pending_bundle_pending(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0", "4.0")
    store.install(make_version("5.0"))
    assert store.rollback().pending == name("5.0")


def test_rollback_without_an_earlier_bundle_says_so(
    store: BundleStore, make_version: MakeVersion
) -> None:
    with pytest.raises(StoreError, match="no earlier bundle"):
        store.rollback()
    install_active(store, make_version, "3.0")
    with pytest.raises(StoreError, match="no earlier bundle"):
        store.rollback()


def test_list_shows_each_role(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0", "4.0")
    store.install(make_version("5.0"))
    roles = {row.name: row.role for row in store.list_installed()}
    assert roles == {
        name("3.0"): "last-known-good",
        name("4.0"): "active",
        name("5.0"): "pending",
    }
    text = store.describe()
    for role, version in (("active", "4.0"), ("last-known-good", "3.0"), ("pending", "5.0")):
        assert f"{role:<16}small-test {version}" in text


def test_activation_prunes_all_but_active_last_known_good_and_pending(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "1.0", "2.0", "3.0", "4.0")
    store.install(make_version("5.0"))
    installed = sorted(path.name for path in store.paths.bundles_dir.iterdir())
    assert installed == [name("3.0"), name("4.0"), name("5.0")]
    assert list(store.paths.staging_dir.iterdir()) == []


def test_prune_removes_bundles_no_role_holds(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0", "4.0")
    store.install(make_version("5.0"))
    store.install(make_version("6.0"))  # replaces 5.0 as the pending one
    assert store.prune() == [name("5.0")]
    assert store.prune() == []
    assert {row.name for row in store.list_installed()} == {name(v) for v in ("3.0", "4.0", "6.0")}


def test_prune_with_a_damaged_pointer_deletes_nothing(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0", "4.0")
    store.paths.pointer_file.write_text("{ not json", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot be read"):
        store.prune()
    assert len(list(store.paths.bundles_dir.iterdir())) == 2
