"""The staff panel's governance: the reviews that ran out on the Content page, and what new
content changes, shown on the Install page once checked and beside "Activate now"."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QLabel

from kiosk.content import load_bundle
from kiosk.ui.staff.changes import MOST_LINES, changes_card
from kiosk.ui.staff.sources import Candidate
from kiosk.ui.theme import Theme
from tests.helpers.corpus import edit_manifest
from tests.helpers.driving import settle, tap, visible_names
from tests.helpers.staff import bundle_version, open_panel, start_services, texts

DRIVE = "CLINIC-USB"
REVIEW = {
    "source": {"text": {"fr": "L'article", "en": "The article"}},
    "reviewed_by": "Clinic chiropractor",
    "reviewed_on": "2025-05-01",
    "review_by": "2026-05-01",
}


@pytest.fixture(autouse=True)
def preview_home(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "preview-home"))


def reviewed(data: dict) -> None:
    data["exercises"][1]["review"] = REVIEW  # toe-tap, due 2026-05-01
    data["exercises"][0]["review"] = {**REVIEW, "review_by": "2027-05-01"}


def at(day: str) -> float:
    return datetime.fromisoformat(f"{day}T12:00").timestamp()


@pytest.fixture
def reviewed_kiosk(make_kiosk, tmp_path):
    folder = edit_manifest(bundle_version(tmp_path / "reviewed", "2.2", "Reviewed"), reviewed)
    kiosk = make_kiosk(load_bundle(folder))
    start_services(kiosk, tmp_path / "home", tmp_path / "usb")
    return kiosk


def test_the_content_page_lists_reviews_past_their_date(qtbot, reviewed_kiosk) -> None:
    kiosk = reviewed_kiosk
    kiosk.staff.clock = lambda: at("2026-06-01")
    open_panel(qtbot, kiosk)
    overdue = [
        w for w in kiosk.window.findChildren(QLabel) if w.accessibleName().startswith("Overdue")
    ]
    assert [w.accessibleName() for w in overdue if w.isVisible()] == ["Overdue: exercise toe-tap"]
    assert (
        'Exercise "Tape du pied": review was due 01 May 2026 (last reviewed by Clinic '
        "chiropractor on 01 May 2025)" in texts(kiosk.window)
    )
    assert "5 item(s) have no review record." in texts(kiosk.window)  # 2 videos, 1 article...


def test_before_the_review_date_nothing_is_overdue(qtbot, reviewed_kiosk) -> None:
    kiosk = reviewed_kiosk
    kiosk.staff.clock = lambda: at("2026-05-01")  # the day itself: due, not yet overdue
    open_panel(qtbot, kiosk)
    words = texts(kiosk.window)
    assert "Reviews due" in words and "No item is past its review date." in words
    assert "item(s) have no review record." in words  # the videos, the article, the picker


def test_a_checked_bundle_shows_what_it_changes_then_so_does_the_content_page(
    qtbot, make_kiosk, small, tmp_path
) -> None:
    kiosk = make_kiosk(small)
    usb = tmp_path / "media" / DRIVE
    usb.mkdir(parents=True)
    start_services(kiosk, tmp_path / "home", usb)

    def change(data: dict) -> None:
        data["exercises"][0]["sets"] = 4
        data["exercises"][0]["title"]["en"] = "Arm circles, slowly"

    edit_manifest(bundle_version(usb / "spring", "3.0", "Spring update"), change)
    window, service = kiosk.window, kiosk.services.bundles
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Install")
    with qtbot.waitSignal(service.installed, timeout=10000):
        tap(qtbot, window, f"Install spring from USB drive {DRIVE}")
    words = texts(window)
    for line in (
        "What changes",
        "From small-test 2.1 to small-test 3.0",
        "  the bundle's title:",
        "    sets: 2 → 4",
    ):
        assert line in words, line
    assert "Activate now" in visible_names(window)
    tap(qtbot, window, "Content")
    words = texts(window)
    assert "Waiting to go live" in words and "    sets: 2 → 4" in words


def test_a_long_diff_is_cut_to_a_card(qtbot) -> None:
    lines = ["What changes from a 1 to a 2:", *(f"  line {n}" for n in range(50))]
    frame = changes_card(Theme.for_screen(QSize(1920, 1080)), lines)
    qtbot.addWidget(frame)
    shown = [w.text() for w in frame.findChildren(QLabel)]
    assert len(shown) == MOST_LINES + 2  # heading, the lines kept, and how many more
    assert shown[-1] == "…and 21 more lines: kiosk diff prints them all."


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_changes_have_room_on_the_install_page(qtbot, make_kiosk, small, tmp_path, size):
    kiosk = make_kiosk(small, size=size)
    start_services(kiosk, tmp_path / "home")
    service = kiosk.services.bundles
    open_panel(qtbot, kiosk)
    tap(qtbot, kiosk.window, "Install")
    with qtbot.waitSignal(service.installed, timeout=10000):
        kiosk.window.current_screen.pages["Install"].install(
            Candidate(
                bundle_version(tmp_path / "v3", "3.0", "Spring"), tmp_path, "USB drive", "folder"
            )
        )
    settle()
    card = next(
        w for w in kiosk.window.findChildren(QFrame) if w.accessibleName() == "What changes"
    )
    assert card.isVisible() and card.visibleRegion().boundingRect().height() >= card.height() // 2
