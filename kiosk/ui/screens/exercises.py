"""The exercise list: all of them, or those for one place (the "while you wait" routine)."""

from __future__ import annotations

from kiosk.content.model import Exercise
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import list_card, vertical_list


def exercises_for(exercises: list[Exercise], where: str | None) -> list[Exercise]:
    """The exercises a list shows: every one, or those marked with `where`."""
    return [e for e in exercises if where is None or e.where == where]


class ExerciseListScreen(Screen):
    """Exercises as cards: picture, title, summary, the muscles they work, and "for home"."""

    keeps_widgets = True

    def show_route(self, route: Route) -> None:
        if route != self.route:
            self.invalidate()  # all exercises, or one place's: not the same cards
        super().show_route(route)

    def title(self) -> str:
        target = "exercises" if self.route.item is None else f"exercises:{self.route.item}"
        tiles = [t for t in self.ctx.bundle.model.home.tiles if t.target == target]
        return self.ctx.text(tiles[0].label) if tiles else ""

    def build(self) -> None:
        cards = []
        for exercise in exercises_for(self.ctx.bundle.model.exercises, self.route.item):
            card = list_card(
                self.ctx.theme,
                self.ctx.media,
                exercise.steps[0].illustration,
                self._texts(exercise),
            )
            route = Route("exercise", exercise.id, within=self.route.item)
            card.clicked.connect(lambda _=False, r=route: self.navigate.emit(r))
            cards.append(card)
        self.root.addWidget(self.scroll_page(vertical_list(cards, self.ctx.theme.px(Space.L))), 1)

    def _texts(self, exercise: Exercise) -> list[tuple[str, str]]:
        muscles = self.ctx.listed([self.ctx.text(m) for m in exercise.muscles])
        texts = [
            (self.ctx.text(exercise.title), "heading"),
            (self.ctx.text(exercise.summary), ""),
            (f"{self.ctx.word('works')}: {muscles}", "muted"),
        ]
        if exercise.where == "home" and self.route.item != "home":
            texts.append((self.ctx.word("for_home"), "caution"))
        return texts
