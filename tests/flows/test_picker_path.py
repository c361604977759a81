"""The picker's path alone, without Qt: answer, back, reset and follow."""

from __future__ import annotations

import pytest

from kiosk.content.model import Picker
from kiosk.flows.picker_path import PickerPath


def text(words: str) -> dict[str, str]:
    return {"en": words}


def question(*targets: str) -> dict:
    answers = [{"label": text(f"to {t}"), "next": t} for t in targets]
    return {"kind": "question", "text": text("?"), "answers": answers}


def result(outcome: str) -> dict:
    return {"kind": "result", "outcome": outcome, "title": text("t"), "summary": text("s")}


PICKER = Picker.model_validate(
    {
        "title": text("Pick"),
        "intro": text("Intro"),
        "nodes": {
            "first": question("desk", "second"),
            "second": question("ice", "heat"),
            "desk": result("front_desk"),
            "ice": result("ice"),
            "heat": result("heat"),
        },
    }
)


def test_starts_on_the_first_question() -> None:
    path = PickerPath(PICKER)
    assert path.node_ids == ("first",) and path.at_start and path.result is None


def test_answers_lead_to_a_result_and_back_retraces_them() -> None:
    path = PickerPath(PICKER)
    path.answer(1)
    assert path.answer(0).outcome == "ice"
    assert path.node_ids == ("first", "second", "ice") and path.result is not None
    assert path.back() and path.node_id == "second"
    assert path.back() and path.at_start
    assert not path.back() and path.node_ids == ("first",)


def test_back_from_a_red_flag_returns_to_its_question() -> None:
    path = PickerPath(PICKER)
    path.answer(0)
    assert path.result.outcome == "front_desk"
    assert path.back() and path.node_id == "first"


def test_reset_forgets_the_answers() -> None:
    path = PickerPath(PICKER)
    path.answer(1)
    path.reset()
    assert path.node_ids == ("first",)


def test_a_result_has_no_answers_and_a_question_no_answer_past_its_last() -> None:
    path = PickerPath(PICKER)
    with pytest.raises(IndexError):
        path.answer(2)
    path.answer(0)
    with pytest.raises(ValueError, match="is a result"):
        path.answer(0)


def test_follow_takes_only_paths_answers_can_take() -> None:
    path = PickerPath(PICKER)
    path.follow(["first", "second", "heat"])
    assert path.node_id == "heat"
    with pytest.raises(ValueError, match="no answer leads from first to heat"):
        path.follow(["first", "heat"])
    with pytest.raises(ValueError, match="starts at the first question"):
        path.follow(["second", "ice"])
    assert path.node_id == "heat"  # a refused path changes nothing
