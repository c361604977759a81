"""Ice or heat: every path through the tree, tapped as a patient would, ends where it should."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QFrame, QLabel

from kiosk.content.cases import run_case
from kiosk.content.links import link_label
from kiosk.content.model import Picker, Question, Result
from kiosk.ui.screens.base import Route
from kiosk.ui.theme import COLOURS
from kiosk.ui.tokens import Type
from tests.helpers.driving import find_button, settle, tap, visible_names


def every_path(picker: Picker) -> list[list[tuple[str, str]]]:
    """Each root-to-result path as (node id, answer label in English) steps, then the result."""
    paths = []

    def walk(node_id: str, taken: list[tuple[str, str]]) -> None:
        node = picker.nodes[node_id]
        if isinstance(node, Result):
            paths.append([*taken, (node_id, "")])
            return
        for answer in node.answers:
            walk(answer.next, [*taken, (node_id, answer.label.get("en"))])

    walk(picker.root_id(), [])
    return paths


def walk_and_check(qtbot, window, bundle, path) -> None:
    """Tap the answers of `path` from the first question; check the result card shown."""
    picker = bundle.model.picker
    window.home()
    window.go(Route("picker"))
    for node_id, label in path[:-1]:
        assert window.current_screen.node_id == node_id
        tap(qtbot, window, label)
    result_id = path[-1][0]
    result = picker.nodes[result_id]
    screen = window.current_screen
    assert screen.node_id == result_id
    shown = [w.accessibleName() for w in screen.findChildren(type(screen.root.itemAt(0).widget()))]
    assert result.title.get("en") in shown
    names = visible_names(window)
    assert "Back" in names, "a mis-tap must not mean starting over, on a red flag too"
    if result.outcome == "front_desk":
        assert "Start over" not in names
    else:
        assert "Start over" in names


def test_every_path_of_the_builtin_tree(qtbot, make_window, builtin) -> None:
    window = make_window(builtin)
    paths = every_path(builtin.model.picker)
    outcomes = {builtin.model.picker.nodes[p[-1][0]].outcome for p in paths}
    assert {"ice", "heat", "caution", "front_desk"} <= outcomes
    for path in paths:
        walk_and_check(qtbot, window, builtin, path)


@pytest.mark.parametrize("language", ["en"])
def test_every_path_of_the_small_tree(qtbot, make_window, small, language) -> None:
    window = make_window(small)
    window.session.set_language(language)
    for path in every_path(small.model.picker):
        walk_and_check(qtbot, window, small, path)


def test_questions_have_big_answer_buttons(qtbot, make_window, builtin) -> None:
    window = make_window(builtin)
    window.go(Route("picker"))
    root = builtin.model.picker.nodes[builtin.model.picker.root_id()]
    assert isinstance(root, Question)
    for answer in root.answers:
        assert find_button(window, answer.label.get("en")).height() >= 1.5 * window.ctx.theme.touch


def test_back_on_a_red_flag_returns_to_its_question(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.go(Route("picker"))
    root = small.model.picker.root_id()
    desk = next(
        index
        for index, a in enumerate(small.model.picker.nodes[root].answers)
        if small.model.picker.nodes[a.next].kind == "result"
        and small.model.picker.nodes[a.next].outcome == "front_desk"
    )
    window.current_screen.answer(desk)
    assert window.current_screen.path.result.outcome == "front_desk"
    tap(qtbot, window, window.ctx.word("back"))
    qtbot.waitUntil(lambda: window.current_screen.node_id == root)


def labels_shown(window) -> dict[str, QLabel]:
    settle()
    return {w.text(): w for w in window.findChildren(QLabel) if w.isVisibleTo(window)}


def show_result(window, bundle, result_id: str) -> None:
    """Answer the way a passing case does, to reach `result_id`."""
    picker = bundle.model.picker
    case = next(c for c in picker.cases if c.result == result_id)
    window.go(Route("picker"))
    window.current_screen.show_path(
        list(run_case(picker, case, 0, bundle.model.default_language).node_ids)
    )


@pytest.mark.parametrize(
    ("result_id", "colour"), [("go-either", "either"), ("ask-us", "caution_bg")]
)
def test_a_result_shows_its_look_numbered_steps_and_the_disclaimer(
    make_window, small, result_id, colour
) -> None:
    window = make_window(small)
    window.session.set_language("en")
    show_result(window, small, result_id)
    result = small.model.picker.nodes[result_id]
    shown = labels_shown(window)
    for number, step in enumerate(result.what_to_do, 1):
        assert f"{number}." in shown and step.get("en") in shown
    assert small.model.picker.disclaimer.get("en") in shown
    banner = next(f for f in window.findChildren(QFrame) if f.objectName() == "outcome")
    picture = banner.grab().toImage()
    inside = picture.pixelColor(picture.width() - window.ctx.theme.px(20), picture.height() // 2)
    assert inside.name() == COLOURS[colour]


def test_the_first_question_shows_intro_disclaimer_and_help_at_body_size(
    make_window, small
) -> None:
    window = make_window(small)
    window.go(Route("picker"))
    picker, body = small.model.picker, window.ctx.theme.font_px(Type.BODY)
    root = picker.nodes[picker.root_id()]
    shown = labels_shown(window)
    for text in (picker.intro, picker.disclaimer, root.help):
        words = shown[text.get("fr")]
        assert QFontInfo(words.font()).pixelSize() >= body, text.get("fr")
    window.current_screen.answer(1)
    assert picker.disclaimer.get("fr") not in labels_shown(window)  # only on the first question


def test_a_link_onward_and_back_return_to_the_same_result(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.home()
    show_result(window, small, "go-either")
    link = small.model.picker.nodes["go-either"].links[0]
    tap(qtbot, window, link_label(small.model, link).get("fr"))
    assert window.route == Route("exercise", "toe-tap")
    tap(qtbot, window, window.ctx.word("back"))
    qtbot.waitUntil(lambda: window.route.screen == "picker")
    assert window.current_screen.node_id == "go-either"
    window.home()
    window.go(Route("picker"))  # a new visit starts from the first question
    assert window.current_screen.path.at_start


def test_an_article_links_to_the_picker(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.go(Route("article", "only-article"))
    tap(qtbot, window, small.model.picker.title.get("fr"))
    assert window.route == Route("picker") and window.current_screen.path.at_start
