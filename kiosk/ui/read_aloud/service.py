"""Read-aloud as a service of the running kiosk: built by the composition root, offered in the
top bar, started by "Read to me" or the Help key, stopped by Stop, a new page, a change of
language or size, and the idle reset."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.flows.read_aloud import Passage, ReadingCursor, SpeechVolume, State, passages

if TYPE_CHECKING:
    from kiosk.ui.read_aloud.highlight import SentenceHighlight
    from kiosk.ui.read_aloud.player import SpeechPlayer
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


class ReadAloud(QObject):
    """Reads the screen on show, passage by passage, highlighting each sentence as it is said.

    Offered when the bundle is narrated in the language on screen, the screen has narrated
    text, and the machine has a sound device. The screen's own sound (a video) is ducked
    while it speaks."""

    changed = Signal()  # offered or reading changed: the top bar shows it anew
    sentence_changed = Signal(str, str)  # (path, sentence) now said and highlighted

    def __init__(self, window: KioskWindow, sound_check: Callable[[], bool] | None = None) -> None:
        super().__init__(window)
        self._window = window
        # Whether a speaker is there; QtMultimedia's answer unless the kiosk is given another.
        self._sound_check = sound_check
        self._cursor = ReadingCursor([])
        # The widget showing each passage's words; None: the title, in the top bar, which is
        # drawn anew as reading starts and stops (its buttons change), so it is looked up.
        self._widgets: list[QWidget | None] = []
        self._ducked: QWidget | None = None  # the screen whose sound is lowered
        self._player: SpeechPlayer | None = None
        self._highlight: SentenceHighlight | None = None
        self._has_device: bool | None = None  # asked when first needed, and on a change
        self._devices: QObject | None = None  # QMediaDevices, once QtMultimedia is loaded
        self._started = 0  # how many times reading started: tells the words' owners apart
        self._volume = SpeechVolume()  # the patient's Louder; the next patient starts soft
        window.route_changed.connect(self.stop)
        window.went_idle.connect(self._next_patient)
        window.session.changed.connect(self.stop)  # the words are drawn anew

    # --- What the top bar asks -------------------------------------------------------------

    @property
    def reading(self) -> bool:
        return self._cursor.state is State.READING

    @property
    def volume_level(self) -> int:
        """The patient's speech level: 0 (the default) up to the loudest."""
        return self._volume.level

    @property
    def highlighted(self) -> tuple[QWidget | None, str]:
        """The widget and sentence highlighted now ((None, "") when none)."""
        if self._highlight is None or self._highlight.widget is None:
            return None, ""
        return self._highlight.widget, self._highlight.sentence

    def offered(self) -> bool:
        """Whether "Read to me" shows on the screen now."""
        return bool(self._narrated_language() and self._items() and self.has_device())

    def has_device(self) -> bool:
        """Whether there is a speaker to play on; asked of QtMultimedia once, when first needed
        (or ahead, by prepare), so a bundle without narration never loads it."""
        if self._has_device is None:
            from kiosk.ui.read_aloud import player

            if self._devices is None:  # a speaker plugged in later is seen
                self._devices = player.watch_audio_outputs(self)
                self._devices.audioOutputsChanged.connect(self._devices_changed)
            self._has_device = (self._sound_check or player.audio_output_available)()
            if not self._has_device:
                log.info("read-aloud not offered: no sound device")
        return self._has_device

    def _devices_changed(self) -> None:
        self._has_device = None
        if not self.has_device():
            self.stop()
        self.changed.emit()

    def prepare(self) -> None:
        """Look for a sound device now, ahead of the first touch, if the bundle is narrated."""
        if self._window.ctx.bundle.narration is not None:
            self.has_device()

    # --- What the patient asks -------------------------------------------------------------

    def start(self) -> None:
        """Read the screen from its first text."""
        self.stop()
        if not self.offered():
            log.info("read-aloud asked for, but not offered here")
            return
        items = self._items()
        self._cursor = ReadingCursor([passage for passage, _ in items])
        self._widgets = [widget for _, widget in items]
        self._started += 1
        for widget in {id(w): w for w in self._widgets if w is not None}.values():
            # The screen drew its page anew (an answer, the next step): its words are gone.
            widget.destroyed.connect(lambda _=None, started=self._started: self._gone(started))
        self._duck(self._window.current_screen)
        first = self._cursor.start()
        self.changed.emit()  # first: the top bar is drawn anew, its title too
        self._play(first)

    def repeat(self) -> None:
        """Say the sentence being said again, from its start."""
        seconds = self._cursor.repeat()
        if seconds is not None and self._player is not None:
            self._player.seek(seconds)

    def louder(self) -> None:
        """Speak a step louder (from the loudest, back to the default), now and from now on."""
        self._volume.louder()
        if self._player is not None:
            self._player.set_volume(self._speech_volume())
        log.info("read-aloud: speech level %d", self._volume.level)

    def _speech_volume(self) -> float:
        return self._volume.volume(self._window.ctx.settings.volume_cap)

    def _next_patient(self) -> None:
        self.stop()
        self._volume.reset()

    def stop(self) -> None:
        """Stop reading; the highlight goes and the screen's own sound comes back."""
        was_reading = bool(self._widgets)  # still set when reading has just run out
        self._cursor.stop()
        if self._player is not None:
            self._player.stop()
        if self._highlight is not None:
            self._highlight.clear()
        self._duck(None)
        self._widgets = []
        if was_reading:
            self.changed.emit()

    # --- Playing ---------------------------------------------------------------------------

    def _play(self, passage: Passage | None) -> None:
        if passage is None:
            self.stop()
            return
        player = self._speech_player()
        player.play(self._window.ctx.bundle.root / passage.file, self._speech_volume())
        self._show_sentence()

    def _speech_player(self) -> SpeechPlayer:
        if self._player is None:
            from kiosk.ui.read_aloud.highlight import SentenceHighlight
            from kiosk.ui.read_aloud.player import SpeechPlayer

            self._player = SpeechPlayer(self)
            self._player.position_changed.connect(self._on_position)
            self._player.length_known.connect(self._cursor_length)
            self._player.ended.connect(self._next)
            self._player.failed.connect(self._on_failed)
            self._highlight = SentenceHighlight()
        return self._player

    def _gone(self, started: int) -> None:
        if started == self._started:
            self.stop()

    def _on_position(self, seconds: float) -> None:
        if self._cursor.at(seconds):
            self._show_sentence()

    def _cursor_length(self, seconds: float) -> None:
        self._cursor.set_length(seconds)

    def _next(self) -> None:
        self._play(self._cursor.passage_ended())

    def _on_failed(self, reason: str) -> None:
        passage = self._cursor.passage
        log.warning("read-aloud: %s can't play: %s", passage.file if passage else "?", reason)
        self._next()

    def _show_sentence(self) -> None:
        """Highlight the sentence now said; a patient listening is a patient still there."""
        sentence, passage = self._cursor.sentence, self._cursor.passage
        if sentence is None or passage is None or self._highlight is None:
            return
        title = self._widgets[self._cursor.passage_number] is None
        widget = (
            self._window.top_bar.heading if title else self._widgets[self._cursor.passage_number]
        )
        if widget is None or not shiboken6.isValid(widget) or _taken_away(widget):
            self.stop()  # the screen drew its page anew (the next step): its words are gone
            return
        colours = self._window.ctx.theme.colours
        # The title is marked whole: marked words would lay it out anew (onto a row of its own).
        self._highlight.show(
            widget, sentence.text, colours["highlight"], colours["on_highlight"], whole=title
        )
        self._window.idle.touched()
        self.sentence_changed.emit(passage.path, sentence.text)

    # --- What is read ----------------------------------------------------------------------

    def _narrated_language(self) -> bool:
        narration = self._window.ctx.bundle.narration
        return narration is not None and self._window.session.language in narration.languages

    def _items(self) -> list[tuple[Passage, QWidget | None]]:
        """The screen's narrated texts in reading order: the title in the top bar, then the
        page's; each with the widget that shows it (None: the title)."""
        window, narration = self._window, self._window.ctx.bundle.narration
        if narration is None or not window.top_bar.isVisible():
            return []
        screen = window.current_screen
        order: list[tuple[str, QWidget | None]] = list(screen.reading())
        if (path := screen.title_path()) is not None:
            order.insert(0, (path, None))
        language = window.session.language
        return [
            (passage, widget)
            for path, widget in order
            for passage in passages([path], narration, language)
        ]

    def _duck(self, screen: QWidget | None) -> None:
        """Lower the sound of `screen` (None: give the last one its sound back)."""
        if self._ducked is not None and shiboken6.isValid(self._ducked):
            self._ducked.duck_sound(False)
        self._ducked = screen
        if screen is not None:
            screen.duck_sound(True)


def _taken_away(widget: QWidget) -> bool:
    """Hidden on purpose: taken out of its page (one just added is shown on the next turn)."""
    return widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
