"""Installing bundles: folders and zips become pending; refusals change nothing."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest

from kiosk.content import BundleInvalid
from kiosk.paths import KioskPaths
from kiosk.store import BundleStore
from tests.helpers.corpus import zip_of
from tests.store.conftest import MakeVersion, install_active, name, snapshot


def test_folder_is_installed_as_pending(store: BundleStore, make_version: MakeVersion) -> None:
    result = store.install(make_version("3.0"))
    assert (result.name, result.outcome, result.pending) == (name("3.0"), "installed", True)
    assert (store.paths.bundles_dir / name("3.0") / "bundle.json").is_file()
    assert store.pointer().pending == name("3.0")
    assert store.pointer().active is None
    assert "next quiet moment" in result.message
    assert list(store.paths.staging_dir.iterdir()) == []


def test_zip_is_installed_as_pending(
    store: BundleStore, make_version: MakeVersion, tmp_path: Path
) -> None:
    archive = zip_of(make_version("3.0"), tmp_path / "bundle.zip")
    result = store.install(archive)
    assert (result.name, result.outcome) == (name("3.0"), "installed")
    assert store.pointer().pending == name("3.0")
    assert list(store.paths.staging_dir.iterdir()) == []


def test_zip_with_one_top_folder_is_installed(
    store: BundleStore, make_version: MakeVersion, tmp_path: Path
) -> None:
    source = make_version("3.0")
    archive = tmp_path / "wrapped.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(source.rglob("*")):
            zf.write(path, "clinic/" + path.relative_to(source).as_posix())
    assert store.install(archive).name == name("3.0")
    assert (store.paths.bundles_dir / name("3.0") / "bundle.json").is_file()


def test_progress_runs_from_copying_through_checking_to_done(
    store: BundleStore, make_version: MakeVersion, tmp_path: Path
) -> None:
    for source in (make_version("3.0"), zip_of(make_version("4.0"), tmp_path / "b.zip")):
        seen: list[tuple[float, str]] = []
        store.install(source, lambda fraction, phase, seen=seen: seen.append((fraction, phase)))
        assert seen[0] == (0.0, "copying")
        assert seen[-1] == (1.0, "done")
        assert "checking" in {phase for _, phase in seen}
        fractions = [fraction for fraction, _ in seen]
        assert fractions == sorted(fractions)
        assert len(seen) < 120  # throttled: a UI's event queue is not flooded


def test_install_record_notes_when(store: BundleStore, make_version: MakeVersion) -> None:
    store.install(make_version("3.0"))
    (row,) = store.list_installed()
    assert row.installed_at is not None
    assert (row.bundle_id, row.version, row.role) == ("small-test", "3.0", "pending")
    assert row.title == "Petit paquet de test"


def test_reinstalling_the_active_version_changes_nothing(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    before = snapshot(store.paths.data_dir)
    result = store.install(make_version("3.0"))
    assert (result.outcome, result.pending) == ("already-installed", False)
    assert "already installed and on show" in result.message
    assert snapshot(store.paths.data_dir) == before


def test_reinstalling_from_the_installed_folder_itself_changes_nothing(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    result = store.install(store.paths.bundles_dir / name("3.0"))
    assert (result.outcome, result.pending) == ("already-installed", False)


def test_reinstalling_an_older_installed_version_queues_it(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0", "4.0")
    result = store.install(make_version("3.0"))
    assert (result.outcome, result.pending) == ("already-installed", True)
    assert store.pointer().pending == name("3.0")


def test_same_version_with_different_files_is_refused(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    source = make_version("3.0")
    (source / "media" / "slide.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8"
    )
    before = snapshot(store.paths.data_dir)
    with pytest.raises(BundleInvalid) as refusal:
        store.install(source)
    assert "3.0 of small-test is already installed with different files" in str(refusal.value)
    assert snapshot(store.paths.data_dir) == before


def test_damaged_installed_copy_is_replaced(store: BundleStore, make_version: MakeVersion) -> None:
    install_active(store, make_version, "3.0")
    (store.paths.bundles_dir / name("3.0") / "bundle.json").write_text("{", encoding="utf-8")
    result = store.install(make_version("3.0"))
    assert result.outcome == "repaired"
    assert store.open_active().source == "active"
    assert list(store.paths.staging_dir.iterdir()) == []


def test_refused_bundle_leaves_the_store_unchanged(
    store: BundleStore, make_version: MakeVersion
) -> None:
    install_active(store, make_version, "3.0")
    broken = make_version("4.0")
    (broken / "media" / "shape-a.svg").unlink()
    before = snapshot(store.paths.data_dir)
    with pytest.raises(BundleInvalid) as refusal:
        store.install(broken)
    assert "media/shape-a.svg is not in the bundle" in str(refusal.value)
    assert snapshot(store.paths.data_dir) == before


def test_missing_source_is_refused(store: BundleStore, tmp_path: Path) -> None:
    with pytest.raises(BundleInvalid, match="does not exist"):
        store.install(tmp_path / "nowhere.zip")


def test_raising_from_progress_cancels_the_install(
    store: BundleStore, make_version: MakeVersion
) -> None:
    before = snapshot(store.paths.data_dir)

    class Cancelled(Exception):
        pass

    def cancel_when_checking(fraction: float, phase: str) -> None:
        if phase == "checking":
            raise Cancelled

    with pytest.raises(Cancelled):
        store.install(make_version("3.0"), cancel_when_checking)
    assert snapshot(store.paths.data_dir) == before


def test_folder_holding_the_store_is_refused(make_version: MakeVersion) -> None:
    source = make_version("3.0")
    inside = BundleStore(KioskPaths.under(source / "kiosk-home"))
    with pytest.raises(BundleInvalid, match="holds the kiosk's own data folder"):
        inside.install(source)


def test_folder_over_the_size_limit_is_refused_before_copying(
    paths: KioskPaths, make_version: MakeVersion
) -> None:
    from kiosk.content.limits import Limits

    small = BundleStore(paths, limits=Limits(unpacked_bytes=10_000))
    with pytest.raises(BundleInvalid, match="holds over 10,000 bytes, the limit for a bundle"):
        small.install(make_version("3.0"))
    assert list(paths.staging_dir.iterdir()) == []


def test_installs_from_two_threads_at_once(store: BundleStore, make_version: MakeVersion) -> None:
    sources = [make_version(version) for version in ("3.0", "4.0", "5.0")]
    errors: list[BaseException] = []

    def install(source: Path) -> None:
        try:
            store.install(source)
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=install, args=(source,)) for source in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {row.name for row in store.list_installed()} == {name(v) for v in ("3.0", "4.0", "5.0")}
    assert store.pointer().pending in {name(v) for v in ("3.0", "4.0", "5.0")}
    assert json.loads(store.paths.pointer_file.read_text())["format"] == 1
