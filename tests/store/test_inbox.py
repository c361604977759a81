"""The inbox: a dropped bundle is installed once; a refused one is set aside with its reasons."""

from __future__ import annotations

import os
import time
from pathlib import Path

from kiosk.store import BundleStore, scan_inbox
from kiosk.store.inbox import DONE, QUIET_SECONDS, REFUSED
from tests.helpers.corpus import zip_of
from tests.store.conftest import MakeVersion, name


def later() -> float:
    """The time a scan sees once what was just dropped has settled."""
    return time.time() + QUIET_SECONDS + 1


def test_dropped_zip_is_installed_once(store: BundleStore, make_version: MakeVersion) -> None:
    inbox = store.paths.default_inbox
    zip_of(make_version("3.0"), inbox / "new content.zip")
    (outcome,) = store.process_inbox(inbox, now=later())
    assert outcome.accepted
    assert outcome.moved_to == inbox / DONE / "new content.zip"
    assert outcome.moved_to.is_file()
    assert store.pointer().pending == name("3.0")
    assert store.process_inbox(inbox, now=later()) == []


def test_dropped_folder_is_installed(store: BundleStore, make_version: MakeVersion) -> None:
    inbox = store.paths.default_inbox
    make_version("3.0").rename(inbox / "clinic bundle")
    (outcome,) = store.process_inbox(inbox, now=later())
    assert outcome.accepted and (inbox / DONE / "clinic bundle" / "bundle.json").is_file()


def test_refused_zip_goes_to_refused_with_its_problems(
    store: BundleStore, make_version: MakeVersion
) -> None:
    inbox = store.paths.default_inbox
    source = make_version("3.0")
    (source / "media" / "shape-a.svg").unlink()
    zip_of(source, inbox / "broken.zip")
    (outcome,) = store.process_inbox(inbox, now=later())
    assert not outcome.accepted
    assert outcome.moved_to == inbox / REFUSED / "broken.zip"
    text = (inbox / REFUSED / "broken.zip.problems.txt").read_text(encoding="utf-8")
    assert "broken.zip was not installed. The content on show has not changed." in text
    assert "media/shape-a.svg is not in the bundle" in text
    assert store.pointer().pending is None
    assert list(store.paths.bundles_dir.iterdir()) == []


def test_same_name_twice_is_kept_apart(store: BundleStore) -> None:
    inbox = store.paths.default_inbox
    for _ in range(2):
        (inbox / "notes.zip").write_text("not a zip")
        store.process_inbox(inbox, now=later())
    assert sorted(p.name for p in (inbox / REFUSED).iterdir()) == [
        "notes (2).zip",
        "notes (2).zip.problems.txt",
        "notes.zip",
        "notes.zip.problems.txt",
    ]


def test_a_file_still_being_written_is_not_taken(
    store: BundleStore, make_version: MakeVersion
) -> None:
    inbox = store.paths.default_inbox
    archive = zip_of(make_version("3.0"), inbox / "copying.zip")
    assert scan_inbox(inbox, now=time.time()) == []  # just written: not yet still
    assert scan_inbox(inbox, now=later()) == [archive]
    with archive.open("ab") as growing:
        growing.write(b"more")
    assert scan_inbox(inbox, now=time.time()) == []


def test_back_dated_copy_is_still_not_taken_early(
    store: BundleStore, make_version: MakeVersion
) -> None:
    """Copy tools keep the original modification time; the change time still shows the copy."""
    archive = zip_of(make_version("3.0"), store.paths.default_inbox / "kept-date.zip")
    os.utime(archive, (1_000_000_000, 1_000_000_000))
    assert scan_inbox(store.paths.default_inbox, now=time.time()) == []


def test_other_things_in_the_inbox_are_ignored(store: BundleStore) -> None:
    inbox = store.paths.default_inbox
    (inbox / "notes.txt").write_text("hello")
    (inbox / ".hidden.zip").write_text("hidden")
    (inbox / "download.zip.part").write_text("partial")
    (inbox / DONE).mkdir()
    assert scan_inbox(inbox, now=later()) == []


def test_missing_inbox_is_empty(tmp_path: Path) -> None:
    assert scan_inbox(tmp_path / "nowhere") == []
