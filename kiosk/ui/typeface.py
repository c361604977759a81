"""The bundle's fonts, registered with Qt, and the families each language's text is drawn in.

Text is drawn in a list of families, not one: Qt draws each letter in the first family of the
list that has it, and only past the list in a font fontconfig picks from the system. So a bundle
that lists a Latin typeface and then an Arabic one has its Arabic drawn in the font it ships,
on every machine, rather than in whichever system font fontconfig prefers (DejaVu Sans on a
bare Debian).

Letter by letter is not enough for a language the first family writes only in part: Atkinson
Hyperlegible has "e" but not "ế", and Vietnamese drawn letter by letter mixes two fonts inside
a word. So for each language the first family that has every letter the language's texts use
leads the list: one of the bundle's, else the system's sans-serif when it has them all."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics

from kiosk.content import LoadedBundle
from kiosk.content.fonts import read_face, usable_family
from kiosk.ui.theme import KIOSK_BOLD_FAMILY

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Typeface:
    """The families one language is drawn in, in fallback order (none: the system's
    sans-serif), and the family bold text takes when the first has no bold face ("" when it
    has one)."""

    families: tuple[str, ...] = ()
    bold_family: str = ""

    @property
    def family(self) -> str:
        return self.families[0] if self.families else ""

    @property
    def fallbacks(self) -> tuple[str, ...]:
        return self.families[1:]


@dataclass
class BundleFonts:
    """The bundle's font families in its order, and each language's typeface, worked out on
    its first use."""

    bundle: LoadedBundle
    families: tuple[str, ...]
    with_bold: frozenset[str]  # the families a bold face ships for
    _chosen: dict[str, Typeface] = field(default_factory=dict)

    def for_language(self, language: str) -> Typeface:
        """The typeface `language` is drawn in: led by a family that writes all its letters."""
        if language not in self._chosen:
            self._chosen[language] = self._choose(language)
        return self._chosen[language]

    def _choose(self, language: str) -> Typeface:
        if not self.families:
            return Typeface()
        letters = self.bundle.letters(language)
        order = list(self.families)
        writer = next((f for f in order if writes(f, letters)), None)
        if writer is None and writes(system := system_sans(), letters):
            writer = system
            log.info(
                "%s: the bundle's fonts lack some of its letters; drawn in %s", language, system
            )
        if writer is not None and writer != order[0]:
            order = [writer, *(f for f in order if f != writer)]
        has_bold = order[0] in self.with_bold or order[0] not in self.families
        return Typeface(tuple(order), "" if has_bold else KIOSK_BOLD_FAMILY)


def load_fonts(bundle: LoadedBundle) -> BundleFonts:
    """Register the bundle's fonts; their families, in the bundle's order, make its typefaces."""
    families: list[str] = []
    with_bold: set[str] = set()
    for font in bundle.model.fonts:
        path = bundle.media_path(font.file)
        font_id = QFontDatabase.addApplicationFont(str(path))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not loaded:
            log.warning("font %s could not be loaded; using the system font", path.name)
            continue
        if not usable_family(loaded[0]):  # validation warns of it too
            log.warning("font %s has a family name the kiosk cannot use: %r", path.name, loaded[0])
            continue
        if loaded[0] not in families:
            families.append(loaded[0])
        # From the file, not Qt: another bundle may have registered a bold face of the family.
        if (face := read_face(path)) is not None and face.bold:
            with_bold.add(loaded[0])
    return BundleFonts(bundle, tuple(families), frozenset(with_bold))


def writes(family: str, letters: frozenset[str]) -> bool:
    """Whether `family` itself (no fallback) has a glyph for every one of `letters`."""
    font = QFont(family)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    if QFontInfo(font).family() != family:
        return False  # not installed: fontconfig gave another
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(letter)) for letter in letters)


def system_sans() -> str:
    """The family fontconfig gives for sans-serif (DejaVu Sans on a bare Debian)."""
    return QFontInfo(QFont("sans-serif")).family()
