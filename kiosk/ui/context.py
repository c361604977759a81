"""What every screen is given: the bundle, the media service, the patient's session, the theme."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QIcon

from kiosk.content import LoadedBundle
from kiosk.flows.pace import Pace
from kiosk.settings import Settings
from kiosk.ui.direction import directed_icon, language_direction
from kiosk.ui.media import MediaService
from kiosk.ui.theme import Theme

if TYPE_CHECKING:  # type hints only: the first screen paints before pydantic loads
    from kiosk.content.model import Text


class Session(QObject):
    """The current patient's choices: language, text size and contrast. Forgotten at idle
    reset."""

    changed = Signal()

    def __init__(self, default_language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.default_language = default_language
        self.language = default_language
        self.larger_text = False
        self.high_contrast = False

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.changed.emit()

    def set_larger_text(self, larger: bool) -> None:
        if larger != self.larger_text:
            self.larger_text = larger
            self.changed.emit()

    def set_high_contrast(self, high: bool) -> None:
        if high != self.high_contrast:
            self.high_contrast = high
            self.changed.emit()

    def reset(self) -> None:
        """Back to the defaults, for the next patient."""
        chosen = (self.language, self.larger_text, self.high_contrast)
        changed = chosen != (self.default_language, False, False)
        self.language, self.larger_text, self.high_contrast = self.default_language, False, False
        if changed:
            self.changed.emit()


@dataclass
class ScreenContext:
    """Shared by all screens; `theme` is replaced when the window or text size changes."""

    bundle: LoadedBundle
    media: MediaService
    session: Session
    theme: Theme
    settings: Settings
    pace: Pace = field(default_factory=Pace)

    def text(self, text: Text) -> str:
        """A bundle text in the patient's language."""
        return text.get(self.session.language, self.bundle.model.default_language)

    def word(self, key: str, **values: object) -> str:
        """The kiosk's own wording for `key`, filled in, in the patient's language."""
        return self.bundle.wording(key, self.session.language).format(**values)

    @property
    def direction(self) -> Qt.LayoutDirection:
        """Which way the patient's language runs; the window's layout follows it."""
        return language_direction(self.session.language)

    def listed(self, items: list[str]) -> str:
        """`items` one after another, with the comma of the patient's script (Arabic's "،")."""
        arabic_script = QLocale(self.session.language).script() == QLocale.Script.ArabicScript
        return ("، " if arabic_script else ", ").join(items)

    def directed_icon(self, name: str, colour: str) -> QIcon:
        """The icon `name` (as drawn for left-to-right text), pointing the way the patient's
        language runs: an arrow onward points left in Arabic."""
        return self.media.icon(directed_icon(name, self.direction), colour)
