"""Picker test cases: walking each one through the tree, and what no case checks."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Answer, Loc, Picker, PickerCase, Question, Result


@dataclass(frozen=True)
class CaseRun:
    """Where a case's answers led: the node ids passed, and why it failed (or None)."""

    node_ids: tuple[str, ...]
    failure: tuple[Loc, str] | None = None

    @property
    def end(self) -> str:
        return self.node_ids[-1]


def run_case(picker: Picker, case: PickerCase, index: int, language: str) -> CaseRun:
    """Take the case's answers from the first question; `language` reads answer labels."""
    here: Loc = ("picker", "cases", index)
    ids = [picker.root_id()]
    for number, choice in enumerate(case.answers):
        node = picker.nodes.get(ids[-1])
        if not isinstance(node, Question):
            message = f"case {index}: {choice!r} comes after the answers already reached {ids[-1]}"
            return CaseRun(tuple(ids), ((*here, "answers", number), message))
        matches = [a for a in node.answers if _matches(a, choice, language)]
        if len(matches) != 1:
            return CaseRun(tuple(ids), ((*here, "answers", number), _no_match(node, ids, choice)))
        ids.append(matches[0].next)
    return CaseRun(tuple(ids), _wrong_end(picker, case, index, ids[-1]))


def _matches(answer: Answer, choice: str, language: str) -> bool:
    wanted = choice.strip().casefold()
    return answer.id == choice or answer.label.get(language).strip().casefold() == wanted


def _no_match(question: Question, ids: list[str], choice: str) -> str:
    return f"{choice!r} is not exactly one answer of the question {ids[-1]}" + (
        f" (its answers: {', '.join(_answer_names(question))})"
    )


def _answer_names(question: Question) -> list[str]:
    return [a.id or repr(next(iter(a.label.root.values()))) for a in question.answers]


def _wrong_end(picker: Picker, case: PickerCase, index: int, end: str) -> tuple[Loc, str] | None:
    loc: Loc = ("picker", "cases", index, "result")
    wanted = picker.nodes.get(case.result)
    if not isinstance(wanted, Result):
        kind = "a question" if wanted is not None else "not a node in the picker"
        return loc, f"case {index}: {case.result} is {kind}; a case must name a result"
    if end == case.result:
        return None
    if isinstance(picker.nodes.get(end), Question):
        return loc, f"case {index}: the answers stop at the question {end}, not at {case.result}"
    return loc, f"case {index}: the answers now reach {end}, not {case.result}"


def case_problems(picker: Picker, language: str) -> list[tuple[Loc, str]]:
    """Every case that no longer reaches its result, or names an answer that has gone."""
    runs = (run_case(picker, case, i, language) for i, case in enumerate(picker.cases))
    return [run.failure for run in runs if run.failure is not None]


def unchecked_results(picker: Picker, language: str) -> list[tuple[Loc, str]]:
    """Warnings: results that no passing case reaches, the red flags worded first and plainly."""
    reached = {
        run.end
        for i, case in enumerate(picker.cases)
        if (run := run_case(picker, case, i, language)).failure is None
    }
    unreached = [
        (node_id, node)
        for node_id, node in picker.nodes.items()
        if isinstance(node, Result) and node_id not in reached
    ]
    red_flags = [(("picker", "nodes", i), _RED_FLAG) for i, n in unreached if n.outcome == _DESK]
    others = [(("picker", "nodes", i), _RESULT) for i, n in unreached if n.outcome != _DESK]
    return red_flags + others


_DESK = "front_desk"
_RED_FLAG = "no picker case reaches this red flag (front_desk); add one to picker.cases"
_RESULT = "no picker case reaches this result; add one to picker.cases"
