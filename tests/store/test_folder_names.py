"""Folder names in the store are made from a bundle's id, never taken from it."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.store import BundleStore
from kiosk.store.catalogue import folder_name
from kiosk.store.pointer import is_folder_name
from tests.store.conftest import MakeVersion


def test_first_format_ids_keep_their_folders() -> None:
    assert folder_name("knee-care", "1.4.0") == "knee-care-1.4.0"


def test_new_ids_are_mapped_to_safe_distinct_folders() -> None:
    names = {
        folder_name(bundle_id, "1.0")
        for bundle_id in ("org.example.back", "org_example.back", "org.example_back", "a" * 128)
    }
    assert len(names) == 4
    for name in names:
        assert is_folder_name(name), name
        assert "." not in name.rsplit("-", 1)[0] and "_" not in name
        assert name.endswith("-1.0") and len(name) < 100


def test_a_reverse_dns_bundle_installs_lists_and_rolls_back(
    store: BundleStore, make_version: MakeVersion
) -> None:
    source = make_version("2.0")
    manifest = source / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["id"] = "org.harborstreetphysio.back-neck-desk"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = store.install(source)
    assert Path(result.folder).parent == store.paths.bundles_dir
    assert result.name == folder_name(data["id"], "2.0")
    store.activate_pending()
    rows = store.list_installed()
    assert [(row.bundle_id, row.role) for row in rows] == [(data["id"], "active")]
    assert store.open_active().loaded.model.id == data["id"]
    assert store.rollback().active == ":built-in"
