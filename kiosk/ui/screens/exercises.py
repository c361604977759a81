"""The exercise list: all of them, or those for one place (the "while you wait" routine)."""

from __future__ import annotations

from kiosk.content.model import Exercise
from kiosk.ui.screens.base import Route, Screen, text_path, tile_for, word_path
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
        tiles = self.ctx.bundle.model.home.tiles
        index = tile_for(tiles, self._target())
        return self.ctx.text(tiles[index].label) if index is not None else ""

    def title_path(self) -> str | None:
        index = tile_for(self.ctx.bundle.model.home.tiles, self._target())
        return text_path("home", "tiles", index, "label") if index is not None else None

    def _target(self) -> str:
        return "exercises" if self.route.item is None else f"exercises:{self.route.item}"

    def build(self) -> None:
        cards = []
        everything = self.ctx.bundle.model.exercises
        for exercise in exercises_for(everything, self.route.item):
            card = list_card(
                self.ctx.theme,
                self.ctx.media,
                exercise.steps[0].illustration,
                self._texts(exercise),
            )
            for place, paths in enumerate(self._paths(everything.index(exercise), exercise)):
                for path in paths if place in card.words else []:
                    self.reads(path, card.words[place])
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

    def _paths(self, index: int, exercise: Exercise) -> list[list[str]]:
        """Where each of _texts' words come from, for read-aloud."""
        muscles = [
            text_path("exercises", index, "muscles", m) for m in range(len(exercise.muscles))
        ]
        return [
            [text_path("exercises", index, "title")],
            [text_path("exercises", index, "summary")],
            [word_path("works"), *muscles],
            [word_path("for_home")],
        ]
