"""Pictures of the staff side at two sizes: python -m tests.ui.staff_shots /tmp/staff-shots

The PIN pad (empty, typing, wrong, locked), and the panel's pages: Content (with a review
overdue), Install (the drive's candidates, an install in progress, ready with what it changes,
refused), Content with the update waiting and what it changes, Settings, Usage, Volume and Feed
(checked, its folder gone, then an old feed back in it, out of date)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFrame

from kiosk.content import load_bundle
from kiosk.settings import BY_KEY
from kiosk.ui.composition import Kiosk, build_kiosk
from kiosk.ui.screens.base import Route
from kiosk.ui.screenshots import Camera
from tests.feed.conftest import Feed, make_key
from tests.helpers.corpus import edit_manifest
from tests.helpers.staff import (
    PIN,
    broken_bundle,
    bundle_version,
    start_services,
    with_pin,
    zipped,
)


def wait_for(condition, seconds: float = 20.0) -> None:
    """Let Qt run until `condition()` holds (an install finishing on its worker thread)."""
    import time

    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the kiosk did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def record_usage(usage) -> None:
    """A month of made-up visits, busier on some days than others."""
    today = date.today()
    for back in range(30):
        day = today - timedelta(days=back)
        for n in range((back * 7) % 23 + (5 if back % 7 in (1, 2) else 0)):
            usage.record("screen", "home", day)
            if n % 2:
                usage.record("exercise", "arm-circle", day)
            if n % 3 == 0:
                usage.record("picker_result", "go-ice" if n % 2 else "go-heat", day)
            if n % 5 == 0:
                usage.record("article", "only-article", day)
            if n % 4 == 0:
                usage.record("video", "blue", day)


def follow_a_feed(kiosk: Kiosk, work: Path) -> Feed:
    """A feed folder offering version 3.0, signed, and the kiosk's settings following it."""
    key = make_key(work / "keys")
    feed = Feed(work / "feed", str(work / "feed"), key, work / "feed-sources")
    feed.folder.mkdir()
    feed.sources.mkdir()
    feed.publish("3.0", "Spring update")
    live = kiosk.live_settings
    live.replace(
        dataclasses.replace(live.current, feed_address=feed.address, feed_keys=(key.public.text,))
    )
    return feed


def with_reviews(data: dict) -> None:
    """Each exercise reviewed a year ago; one of them was due a month ago."""
    today = date.today()
    for index, exercise in enumerate(data["exercises"]):
        exercise["review"] = {
            "source": {"text": {"fr": "L'article de la clinique", "en": "The clinic's article"}},
            "reviewed_by": "Clinic chiropractor",
            "reviewed_on": (today - timedelta(days=400)).isoformat(),
            "review_by": (today + timedelta(days=-30 if index == 1 else 200)).isoformat(),
        }


def spring_changes(data: dict) -> None:
    """The update the pictures install: more sets, and a step reworded in both languages."""
    with_reviews(data)
    data["exercises"][0]["sets"] = 3
    step = data["exercises"][0]["steps"][0]["instruction"]
    step["en"], step["fr"] = "Make small, slow circles.", "Faites de petits cercles lents."
    data["exercises"][1]["review"]["review_by"] = (date.today() + timedelta(days=335)).isoformat()


def changes_room(window) -> int:
    """The height the staff panel gives its "What changes" card on screen now."""
    cards = [w for w in window.findChildren(QFrame) if w.accessibleName() == "What changes"]
    return max((w.visibleRegion().boundingRect().height() for w in cards), default=0)


def shoot_all(folder: Path, size: tuple[int, int], work: Path) -> list[Path]:
    on_show = bundle_version(work / "on-show", "2.1", "Knee care (small test)")
    bundle = load_bundle(edit_manifest(on_show, with_reviews))
    kiosk = build_kiosk(bundle)
    window = kiosk.window
    window.resize(*size)
    window.show()
    usb = work / "media" / "CLINIC-USB"
    usb.mkdir(parents=True)
    feed = follow_a_feed(kiosk, work)
    services = start_services(kiosk, work / "home", usb)
    services.store.builtin_dir = on_show  # the reviewed copy stands for the built-in content
    spring = edit_manifest(bundle_version(work / "v3", "3.0", "Spring update"), spring_changes)
    zipped(spring, usb / "spring.zip")
    broken_bundle(usb / "broken-content")
    bundle_version(usb / "updates" / "summer", "4.0", "Summer update")
    record_usage(services.usage)
    with_pin(kiosk)
    camera = Camera(window, folder)
    tag = f"{size[0]}x{size[1]}"
    pad = kiosk.staff
    window.go(Route("staff-pin"))
    camera.shoot(f"pin-empty-{tag}")
    screen = window.current_screen
    for digit in "24":
        screen.press(digit)
    camera.shoot(f"pin-typing-{tag}")
    for digit in "1111":
        screen.press(digit)
    screen.press("OK")
    camera.shoot(f"pin-wrong-{tag}")
    for _ in range(4):
        for digit in "1111":
            screen.press(digit)
        screen.press("OK")
    camera.shoot(f"pin-locked-{tag}")
    pad.gate().locked_until = 0
    for digit in PIN:
        screen.press(digit)
    screen.press("OK")
    panel = window.current_screen
    camera.shoot(f"panel-content-{tag}")
    panel.open_section("Install")
    camera.shoot(f"panel-install-list-{tag}")
    install = panel.pages["Install"]
    good = next(c for c in install.candidates if c.name == "spring.zip")
    install.install(good)
    install.fraction, install.phase = 0.45, "checking"
    install._progress(0.45, "checking")
    camera.shoot(f"panel-install-progress-{tag}")
    wait_for(lambda: install.state != "installing")
    # The page's scrolling diff is sized by a layout pass after the render; under load a shot
    # taken at once caught the buttons before it moved them down.
    wait_for(lambda: changes_room(window) > 0)
    camera.shoot(f"panel-install-ready-{tag}")
    install.look_again()
    broken = next(c for c in install.candidates if c.name == "broken-content")
    install.install(broken)
    wait_for(lambda: install.state != "installing")
    camera.shoot(f"panel-install-refused-{tag}")
    panel.open_section("Content")
    camera.shoot(f"panel-content-waiting-{tag}")
    panel.open_section("Settings")
    panel.pages["Settings"]._change(BY_KEY["idle_timeout"], 120)
    camera.shoot(f"panel-settings-{tag}")
    panel.open_section("Usage")
    camera.shoot(f"panel-usage-{tag}")
    panel.open_section("Volume")
    camera.shoot(f"panel-volume-{tag}")
    panel.open_section("Feed")
    services.feed.check_now()
    wait_for(lambda: services.feed.status.last_check_ok)
    camera.shoot(f"panel-feed-{tag}")
    shutil.rmtree(feed.folder)  # the synced folder goes missing
    services.feed.check_now()
    wait_for(lambda: services.feed.status.last_error)
    camera.shoot(f"panel-feed-trouble-{tag}")
    # The folder comes back holding an old copy of the feed, signed 40 days ago for 30 days.
    long_ago = datetime.now(UTC) - timedelta(days=40)
    feed.publish("3.0", "Spring update", clock=lambda: long_ago)
    services.feed.check_now()
    wait_for(lambda: services.feed.status.refusal == "expired")
    camera.shoot(f"panel-feed-expired-{tag}")
    services.feed.stop()
    panel._ask_exit()
    camera.shoot(f"panel-exit-{tag}")
    window.exit_kiosk()
    services.usage.close()
    return camera.taken


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/staff-shots")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the application starts
    QApplication.instance() or QApplication([])
    for size in ((1920, 1080), (1280, 800)):
        with tempfile.TemporaryDirectory() as work:
            for path in shoot_all(folder / f"{size[0]}x{size[1]}", size, Path(work)):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
