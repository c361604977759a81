"""The ice-or-heat picker's path: where the patient is in the tree, and how they got there."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from kiosk.content.model import Node, Picker, Question, Result


class PickerPath:
    """The node ids from the first question to the one on show; Back retraces them."""

    def __init__(self, picker: Picker) -> None:
        self.picker = picker
        self._ids: list[str] = [picker.root_id()]

    @property
    def node_ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    @property
    def node_id(self) -> str:
        return self._ids[-1]

    @property
    def node(self) -> Node:
        return self.picker.nodes[self.node_id]

    @property
    def at_start(self) -> bool:
        return len(self._ids) == 1

    @property
    def result(self) -> Result | None:
        """The result on show, or None while a question is."""
        return self.node if isinstance(self.node, Result) else None

    def answer(self, index: int) -> Node:
        """Take the question's answer number `index`; returns the node it leads to."""
        question = self.node
        if not isinstance(question, Question):
            raise ValueError(f"{self.node_id} is a result: it has no answers")
        if not 0 <= index < len(question.answers):
            raise IndexError(f"{self.node_id} has no answer {index}")
        self._ids.append(question.answers[index].next)
        return self.node

    def back(self) -> bool:
        """One answer back; False (and no change) on the first question."""
        if self.at_start:
            return False
        self._ids.pop()
        return True

    def reset(self) -> None:
        """Back to the first question, for a new visit or a new patient."""
        self._ids = [self.picker.root_id()]

    def follow(self, node_ids: Sequence[str]) -> None:
        """Show the end of `node_ids`, a path from the first question that answers can take."""
        if not node_ids or node_ids[0] != self.picker.root_id():
            raise ValueError("a path starts at the first question")
        for here, there in pairwise(node_ids):
            node = self.picker.nodes.get(here)
            if not isinstance(node, Question) or there not in {a.next for a in node.answers}:
                raise ValueError(f"no answer leads from {here} to {there}")
        self._ids = list(node_ids)
