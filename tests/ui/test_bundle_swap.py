"""A running kiosk takes a new bundle only at a quiet moment, refuses a bad one without a
change on screen, rolls back in one step, picks up its inbox and counts what is viewed."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel

from kiosk.content.archive import write_zip
from kiosk.content.loader import load_bundle
from kiosk.paths import KioskPaths
from kiosk.store import BundleStore
from kiosk.ui.media import MediaService
from kiosk.ui.screens.base import Route
from tests.helpers.driving import tap
from tests.helpers.places import SMALL_BUNDLE
from tests.helpers.staff import bundle_version as copy_with_version


def bundle_version(tmp_path: Path, version: str, title: str) -> Path:
    """A copy of the small bundle with another version and title, in its own folder."""
    return copy_with_version(tmp_path / f"bundle-{version}", version, title)


@pytest.fixture
def kiosk(make_kiosk, small, tmp_path):
    paths = KioskPaths.under(tmp_path / "home").ensure()
    kiosk = make_kiosk(small)
    kiosk.start_services(paths, BundleStore(paths, builtin_dir=SMALL_BUNDLE))
    return kiosk


def test_new_bundle_waits_for_a_quiet_moment(qtbot, kiosk, tmp_path) -> None:
    window = kiosk.window
    service = kiosk.services.bundles
    window.home()
    with qtbot.waitSignal(service.installed, timeout=10000):
        service.install(bundle_version(tmp_path, "3.0", "Version three"))
    qtbot.wait(100)
    assert window.ctx.bundle.model.version == "2.1"  # a patient is using it: no swap
    with qtbot.waitSignal(service.swapped, timeout=10000):
        window.reset_to_attract()
    assert window.ctx.bundle.model.version == "3.0"
    assert window.route == Route("attract")
    # The new attract screen shows its picture, rendered ahead on the worker thread.
    assert any(not label.pixmap().isNull() for label in window.current_screen.findChildren(QLabel))
    assert window.ctx.media.renders == 0
    window.home()
    assert window.current_screen.title() == "Version three"


def test_an_untouched_attract_screen_takes_a_new_bundle_by_itself(qtbot, kiosk, tmp_path) -> None:
    """Nobody about, so no idle reset will come: a quiet attract screen is moment enough."""
    window = kiosk.window
    service = kiosk.services.bundles
    assert window.route == Route("attract")
    service.quiet_on_attract_s = 1.0
    with qtbot.waitSignal(service.installed, timeout=10000):
        service.install(bundle_version(tmp_path, "3.0", "Version three"))
    assert window.ctx.bundle.model.version == "2.1"  # installed, not yet shown
    with qtbot.waitSignal(service.swapped, timeout=15000):
        pass  # no touch, no reset: the service's own check finds the attract screen quiet
    assert window.ctx.bundle.model.version == "3.0"
    assert window.route == Route("attract")


def test_a_touch_on_attract_keeps_the_new_bundle_waiting(qtbot, kiosk, tmp_path) -> None:
    window = kiosk.window
    service = kiosk.services.bundles
    service.quiet_on_attract_s = 3600.0  # as if someone had just touched the screen
    with qtbot.waitSignal(service.installed, timeout=10000):
        service.install(bundle_version(tmp_path, "3.0", "Version three"))
    for _ in range(2):
        service.check_untouched_attract()  # what the service's timer runs every few seconds
    assert not service.busy  # no load for a swap was started
    assert window.ctx.bundle.model.version == "2.1"


def test_a_damaged_pointer_is_logged_not_raised_at_a_quiet_moment(kiosk, caplog) -> None:
    window = kiosk.window
    service = kiosk.services.bundles
    service.quiet_on_attract_s = 0.0
    kiosk.services.store.paths.pointer_file.write_text("{not json", encoding="utf-8")
    service.note_installed()
    service.check_untouched_attract()  # as its timer does: nothing may escape from here
    window.reset_to_attract()  # the idle reset asks too
    assert "cannot be read" in caplog.text
    assert window.route == Route("attract")


def test_refused_bundle_changes_nothing(qtbot, kiosk, tmp_path) -> None:
    window = kiosk.window
    service = kiosk.services.bundles
    broken = bundle_version(tmp_path, "4.0", "Broken")
    (broken / "clips" / "blue-clip.mp4").write_bytes(b"not a video")
    window.home()
    with qtbot.waitSignal(service.refused, timeout=10000) as refused:
        service.install(broken)
    source, problems = refused.args
    assert source.endswith("bundle-4.0")
    assert any("clips/blue-clip.mp4 is not an MP4 video" in str(p) for p in problems)
    window.reset_to_attract()  # a quiet moment: a pending bundle would start loading now
    assert not service.busy
    assert window.ctx.bundle.model.version == "2.1"
    assert kiosk.services.store.pointer().pending is None


def test_activate_now_and_rollback(qtbot, kiosk, tmp_path) -> None:
    window = kiosk.window
    service = kiosk.services.bundles
    for version in ("3.0", "4.0"):
        with qtbot.waitSignal(service.installed, timeout=10000):
            service.install(bundle_version(tmp_path, version, f"Version {version}"))
        window.home()
        with qtbot.waitSignal(service.swapped, timeout=10000):
            service.activate_now()
        assert window.ctx.bundle.model.version == version
    with qtbot.waitSignal(service.swapped, timeout=10000):
        service.rollback()
    assert window.ctx.bundle.model.version == "3.0"


def test_inbox_drop_is_installed(qtbot, kiosk, tmp_path) -> None:
    service = kiosk.services.bundles
    source = bundle_version(tmp_path, "5.0", "From the inbox")
    loaded = load_bundle(source)
    dropped = service.inbox / "new.zip"
    write_zip(source, loaded.files, dropped)
    service.inbox_quiet_seconds = 0.3
    qtbot.wait(400)  # the copy has been still for longer than that
    with qtbot.waitSignal(service.inbox_taken, timeout=10000) as taken:
        service.check_inbox()
    assert taken.args[0].accepted
    assert kiosk.services.store.pointer().pending == "small-test-5.0"
    assert (service.inbox / "done" / "new.zip").exists()


def test_usage_counts_what_was_viewed(qtbot, kiosk) -> None:
    window = kiosk.window
    window.home()
    tap(qtbot, window, "Mouvements")
    tap(qtbot, window, "Cercle du bras")
    window.home()
    tap(qtbot, window, "Choisir")
    tap(qtbot, window, "Chaud")
    rows = {(r.kind, r.item): r.count for r in kiosk.services.usage.last_days(1)}
    assert rows[("screen", "home")] == 2
    assert rows[("exercise", "arm-circle")] == 1
    assert rows[("picker_result", "urgent")] == 1
    kinds = {kind for kind, _ in rows}
    assert kinds <= {"screen", "video", "exercise", "article", "picker_result"}


def test_a_swap_lets_the_old_bundles_pictures_go(qtbot, make_window, small, builtin) -> None:
    """The old media service, and every picture it cached, goes with the old screens (it
    stayed a child of the window, up to 24 MiB of pictures kept for each swap)."""
    window = make_window(small)
    window.home()
    old = window.ctx.media
    assert old.pixmap(small.model.attract.slides[0].image, window.size()) is not None
    window.swap_bundle(builtin)
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))
    assert window.findChildren(MediaService) == [window.ctx.media]
