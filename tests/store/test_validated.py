"""The store's validation records: written at install and after a full load at start, read at
start only, and any record that no longer holds means full validation, never its content."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.content.loader import LoadedBundle
from kiosk.content.model import Bundle
from kiosk.content.record import RecordedBundle
from kiosk.store import BundleStore
from kiosk.store.validated import KEY_NAME, record_file
from tests.store.conftest import MakeVersion, install_active, name


def started(store: BundleStore) -> LoadedBundle:
    return store.open_active(from_records=True).loaded


def active_folder(store: BundleStore, version: str) -> Path:
    return store.paths.bundles_dir / name(version)


def test_install_writes_the_record_the_next_start_reads(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    assert record_file(store.paths, active_folder(store, "3.0")).is_file()
    shown = started(store)
    assert isinstance(shown, RecordedBundle)
    assert shown.model.version == "3.0"
    assert shown.checked().model == store.open_active().loaded.model


def test_only_the_kiosks_own_start_reads_records(
    store: BundleStore, make_version: MakeVersion
) -> None:
    """Swaps, rollbacks and commands load in full: the bundle service calls open_active."""
    install_active(store, make_version, "3.0")
    loaded = store.open_active().loaded
    assert not isinstance(loaded, RecordedBundle)
    assert isinstance(loaded.model, Bundle)


def test_built_in_bundle_is_recorded_at_its_first_start(store: BundleStore) -> None:
    first = started(store)
    assert not isinstance(first, RecordedBundle)  # validated in full, then recorded
    second = started(store)
    assert isinstance(second, RecordedBundle)
    assert second.checked().model == first.model


def test_a_bundle_changed_since_is_validated_and_recorded_again(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    manifest = active_folder(store, "3.0") / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["clinic"]["name"]["en"] = "Edited on disk"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    shown = started(store)
    assert not isinstance(shown, RecordedBundle)
    assert shown.model.clinic.name.get("en") == "Edited on disk"  # full validation passed it
    again = started(store)
    assert isinstance(again, RecordedBundle)
    assert again.model.clinic.name.get("en") == "Edited on disk"


def test_a_bundle_broken_since_falls_back_as_without_records(
    store: BundleStore, make_version: MakeVersion
) -> None:
    """Its record still says it was valid: full validation refuses it, the start falls back."""
    install_active(store, make_version, "3.0", "4.0")
    manifest = active_folder(store, "4.0") / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["exercises"][0]["sets"] = 0
    manifest.write_text(json.dumps(data), encoding="utf-8")
    start = store.open_active(from_records=True)
    assert (start.source, start.name) == ("last-known-good", name("3.0"))
    assert start.loaded.model.version == "3.0"
    assert "exercises[0].sets" in start.reasons[0]


def test_a_removed_media_file_falls_back(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0", "4.0")
    (active_folder(store, "4.0") / "media" / "slide.svg").unlink()
    start = store.open_active(from_records=True)
    assert start.name == name("3.0")
    assert "media/slide.svg" in start.reasons[0]


def test_an_edited_record_is_not_shown(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0")
    record = record_file(store.paths, active_folder(store, "3.0"))
    record.write_bytes(record.read_bytes().replace(b"3.0", b"6.6"))
    shown = started(store)
    assert not isinstance(shown, RecordedBundle)
    assert shown.model.version == "3.0"


@pytest.mark.parametrize("damage", ["emptied", "garbage", "deleted"])
def test_a_damaged_or_lost_key_means_full_validation(
    store: BundleStore, make_version: MakeVersion, damage: str
) -> None:
    install_active(store, make_version, "3.0")
    key = store.paths.validated_dir / KEY_NAME
    if damage == "emptied":
        key.write_bytes(b"")
    elif damage == "garbage":
        key.write_bytes(os.urandom(32))
    else:
        key.unlink()
    shown = started(store)
    assert not isinstance(shown, RecordedBundle)
    assert shown.model.version == "3.0"
    assert isinstance(started(store), RecordedBundle)  # a new key, and a record under it


def test_the_key_is_the_kiosks_own(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0")
    key = store.paths.validated_dir / KEY_NAME
    assert len(key.read_bytes()) == 32
    assert key.stat().st_mode & 0o077 == 0


def test_records_of_pruned_bundles_go(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "1.0", "2.0", "3.0")
    gone = record_file(store.paths, active_folder(store, "1.0"))
    assert gone.is_file()
    store.prune()
    store.install(make_version("4.0"))  # the next record written tidies up
    assert not gone.exists()
    assert record_file(store.paths, active_folder(store, "3.0")).is_file()
