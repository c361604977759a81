"""Activation, rollback, listing and pruning."""

from __future__ import annotations

import shutil

import pytest

from kiosk.store import BundleStore, Pointer, StoreError
from kiosk.store.pointer import BUILTIN, write_pointer
from tests.store.conftest import MakeVersion, install_active, name


def test_activation_moves_active_to_last_known_good(
    store: BundleStore, make_version: MakeVersion
) -> None:
    store.install(make_version("3.0"))
    assert store.activate_pending() == name("3.0")
    assert store.pointer() == Pointer(active=name("3.0"), last_known_good=BUILTIN)
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
    assert store.pointer() == Pointer(active=name("3.0"), last_known_good=BUILTIN)


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


def test_on_the_built_in_content_there_is_nothing_earlier(store: BundleStore) -> None:
    with pytest.raises(StoreError, match="nothing earlier"):
        store.rollback()


def test_after_the_first_install_going_back_returns_to_the_built_in_content(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    assert store.rollback() == Pointer(active=BUILTIN, last_known_good=name("3.0"))
    start = store.open_active()
    assert start.source == "built-in" and start.name is None
    assert name("3.0") in {row.name for row in store.list_installed()}  # kept to go forward
    assert store.rollback() == Pointer(active=name("3.0"), last_known_good=BUILTIN)
    assert store.open_active().name == name("3.0")


def test_a_pointer_from_before_counts_the_built_in_content_as_earlier(
    store: BundleStore, make_version: MakeVersion
) -> None:
    """Written before the built-in content had a role: active, and no last-known-good."""
    store.install(make_version("3.0"))
    write_pointer(store.paths.pointer_file, Pointer(active=name("3.0")))
    assert store.rollback() == Pointer(active=BUILTIN, last_known_good=name("3.0"))
    assert store.rollback() == Pointer(active=name("3.0"), last_known_good=BUILTIN)
    assert store.open_active().name == name("3.0")


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
