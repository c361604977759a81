"""No patient text is clipped: every answer, title and tile label of every test bundle, measured
with QFontMetrics against the rectangle its label has, at three sizes and both text sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.content import LoadedBundle
from kiosk.ui.audit import clipped_text
from kiosk.ui.screens.base import Route
from kiosk.ui.screenshots import picker_paths
from kiosk.ui.top_bar import TitleLabel
from tests.helpers.bundles import BUNDLES, bundle
from tests.helpers.driving import settle

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]


def clipped_labels(window) -> list[str]:
    """Each visible label whose text is cut off, with what it says and why."""
    settle()
    window.finish_transition()
    found = []
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and (why := clipped_text(label)):
            found.append(f"{label.text()[:60]!r}: {why}")
    return found


def screens_to_check(window, loaded: LoadedBundle):
    """Home (tile labels), every picker node (answers, titles), every article's title, and
    About this content (sources, credits)."""
    window.go(Route("home"))
    yield "home"
    window.go(Route("about"))
    yield "about"
    window.go(Route("picker"))
    for path in picker_paths(loaded.model.picker):
        window.current_screen.show_path(path)
        yield f"picker {path[-1]}"
    for article in loaded.model.articles:
        window.go(Route("article", article.id))
        yield f"article {article.id}"


@pytest.mark.parametrize("larger_text", [False, True], ids=["normal-text", "larger-text"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_no_text_is_clipped(make_window, name: str, size, larger_text: bool) -> None:
    loaded = bundle(name)
    window = make_window(loaded, size=size)
    window.session.set_larger_text(larger_text)
    problems = []
    for language in loaded.model.languages:
        window.session.set_language(language)
        for where in screens_to_check(window, loaded):
            problems += [f"{language} {where}: {p}" for p in clipped_labels(window)]
    assert not problems, "\n".join(problems)


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
