"""Exercises: the list, and one exercise walked step by step."""

from __future__ import annotations

from kiosk.ui.screens.articles import list_card, vertical_list
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.widgets import scroll_page


class ExerciseListScreen(Screen):
    """Every exercise: picture, title, summary and the muscles it works."""

    def title(self) -> str:
        tiles = [t for t in self.ctx.bundle.model.home.tiles if t.target == "exercises"]
        return self.ctx.text(tiles[0].label) if tiles else ""

    def build(self) -> None:
        cards = []
        for exercise in self.ctx.bundle.model.exercises:
            muscles = ", ".join(self.ctx.text(m) for m in exercise.muscles)
            card = list_card(
                self.ctx,
                self.ctx.text(exercise.title),
                self.ctx.text(exercise.summary),
                exercise.steps[0].illustration,
                f"{self.ctx.word('works')}: {muscles}",
            )
            card.clicked.connect(
                lambda _=False, e=exercise: self.navigate.emit(Route("exercise", e.id))
            )
            cards.append(card)
        self.root.addWidget(scroll_page(vertical_list(cards, self.ctx.theme.px(24))), 1)
