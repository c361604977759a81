"""The measure of clipped text, and titles that end in "…". Every label of every screen of
every test bundle, at three sizes and both text sizes, is measured by `kiosk audit`
(tests/ui/test_audit.py), which uses this same measure."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from kiosk.ui.audit import clipped_text
from kiosk.ui.top_bar import TitleLabel
from tests.helpers.bundles import BUNDLES


def test_the_check_fails_on_a_clipped_label(qtbot) -> None:
    """The measure itself: a label too narrow for its words is reported."""
    label = QLabel("legs weak or numb, or trouble controlling pee or poop")
    qtbot.addWidget(label)
    label.resize(120, 20)
    assert clipped_text(label) is not None
    label.setWordWrap(True)
    label.resize(label.width(), label.heightForWidth(label.width()))
    assert clipped_text(label) is None


def test_every_test_bundle_is_checked() -> None:
    assert {"builtin", "small"} <= set(BUNDLES)
    assert all(Path(folder, "bundle.json").is_file() for folder in BUNDLES.values())


def test_a_title_too_long_for_two_lines_ends_in_an_ellipsis(qtbot) -> None:
    title = "Por qué el trabajo de escritorio puede causar dolor en las rodillas y la espalda"
    heading = TitleLabel(title)
    qtbot.addWidget(heading)
    heading.show()  # a hidden widget gets its resize event only when shown
    heading.resize(150, 200)  # two lines of 14 px type hold about 40 letters here
    qtbot.waitUntil(lambda: heading.text().endswith("…"))
    assert title.startswith(heading.text()[:-1])
    assert heading.accessibleName() == title and clipped_text(heading) is None
    heading.resize(4000, 200)
    qtbot.waitUntil(lambda: heading.text() == title)
