"""Ice or heat: every path through the tree, tapped as a patient would, ends where it should."""

from __future__ import annotations

import pytest

from kiosk.content.model import Picker, Question, Result
from kiosk.ui.screens.base import Route
from tests.ui.conftest import find_button, tap, visible_names


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
    assert outcomes == {"ice", "heat", "front_desk"}
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
