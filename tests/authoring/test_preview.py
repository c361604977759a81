"""kiosk preview --watch: a saved edit shows within a second, problems are listed with their
paths instead of refusing the bundle, and the language and text size switch from the strip."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.authoring.preview import BundlePreview
from tests.helpers.places import SMALL_BUNDLE


@pytest.fixture
def preview(qtbot, tmp_path: Path):
    folder = tmp_path / "bundle"
    shutil.copytree(SMALL_BUNDLE, folder)
    shown = BundlePreview(folder, watch=True)
    qtbot.addWidget(shown)
    shown.resize(1280, 960)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def edit(folder: Path, change) -> None:
    manifest = folder / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    change(data)
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def strip_text(preview: BundlePreview) -> str:
    shown = [w for w in preview.findChildren(QLabel) if not w.isHidden()]
    return next(w for w in shown if w.accessibleName() == "Problems").text()


def button(preview: BundlePreview, name: str) -> QPushButton:
    shown = [b for b in preview.findChildren(QPushButton) if not b.isHidden()]
    return next(b for b in shown if b.accessibleName() == name)


def test_a_saved_edit_is_shown_within_a_second(qtbot, preview: BundlePreview) -> None:
    window = preview.kiosk.window
    assert "No problems" in strip_text(preview)
    with qtbot.waitSignal(preview.reloaded, timeout=1000):
        edit(preview.folder, lambda d: d["clinic"]["name"].update(fr="Clinique Vue Mer"))
    qtbot.waitUntil(
        lambda: any(label.text() == "Clinique Vue Mer" for label in window.findChildren(QLabel))
    )


def test_problems_are_listed_with_their_paths_not_refused(qtbot, preview: BundlePreview) -> None:
    def break_it(data: dict) -> None:
        data["exercises"][0]["colour"] = "blue"
        data["exercises"][0]["steps"][0]["illustration"] = "media/gone.svg"

    with qtbot.waitSignal(preview.reloaded, timeout=1000):
        edit(preview.folder, break_it)
    text = strip_text(preview)
    assert "exercises[0].colour: is not a field the kiosk knows" in text
    assert "exercises[0].steps[0].illustration: media/gone.svg is not in the bundle" in text
    assert preview.kiosk is not None  # the last version that could be shown stays
    with qtbot.waitSignal(preview.reloaded, timeout=1000):
        edit(preview.folder, lambda d: d["exercises"][0].pop("colour"))
    assert "colour" not in strip_text(preview)


def test_language_and_text_size_switch_from_the_strip(qtbot, preview: BundlePreview) -> None:
    session = preview.kiosk.window.session
    qtbot.mouseClick(button(preview, "Show in en"), Qt.MouseButton.LeftButton)
    assert session.language == "en"
    qtbot.mouseClick(button(preview, "Larger text"), Qt.MouseButton.LeftButton)
    assert session.larger_text


def test_a_starter_bundle_is_shown(qtbot, tmp_path: Path) -> None:
    """Written by kiosk new: no $schema line, Spanish and Vietnamese."""
    from kiosk.authoring.starter import new_bundle

    shown = BundlePreview(new_bundle(tmp_path / "starter", ["es", "vi"]), watch=False)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.kiosk is not None
    assert "No problems" in strip_text(shown)
    assert {"Show in es", "Show in vi", "Larger text"} <= {
        b.accessibleName() for b in shown.findChildren(QPushButton) if not b.isHidden()
    }
    shown.close()
