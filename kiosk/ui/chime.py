"""A short chime at the end of an exercise's hold, for a patient who is not watching the screen.

The sound ships in the package (kiosk/ui/sounds, made by tools/author). QtMultimedia is loaded
on the first chime, not at start-up; without an audio device the chime is simply not heard."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

log = logging.getLogger(__name__)

HOLD_END_SOUND = Path(__file__).resolve().parent / "sounds" / "hold-end.wav"


class Chime(QObject):
    """Plays the hold's end sound; `requested` says a chime was asked for (heard or not)."""

    requested = Signal(float)  # the volume, 0.0-1.0

    def __init__(self, parent: QObject, sound: Path = HOLD_END_SOUND) -> None:
        super().__init__(parent)
        self._sound = sound
        self._effect = None  # a QSoundEffect, made on the first chime

    def play(self, volume: float) -> None:
        """Chime once at `volume` (0.0-1.0)."""
        self.requested.emit(volume)
        effect = self._sound_effect()
        if effect is not None:
            effect.setVolume(max(0.0, min(volume, 1.0)))
            effect.play()

    def _sound_effect(self):
        """The loaded sound, or None where it cannot play (no file, no audio device)."""
        if self._effect is None:
            if not self._sound.is_file():
                log.warning("the hold's chime is missing: %s", self._sound)
                return None
            # Loaded only when first needed: QtMultimedia costs start-up time and memory.
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if QMediaDevices.defaultAudioOutput().isNull():
                # Asked again next time: a USB speaker may be plugged in later.
                log.info("no audio device: the hold's chime is not heard")
                return None
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(self._sound)))
        return self._effect
