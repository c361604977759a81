"""The bundle's fonts, registered with Qt, and the families its text is drawn in.

Text is drawn in a list of families, not one: Qt draws each letter in the first family of the
list that has it, and only past the list in a font fontconfig picks from the system. So a bundle
that lists a Latin typeface and then an Arabic one has its Arabic drawn in the font it ships,
on every machine, rather than in whichever system font fontconfig prefers (DejaVu Sans on a
bare Debian)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase

from kiosk.content import LoadedBundle
from kiosk.content.fonts import family_without_bold, usable_family
from kiosk.ui.theme import KIOSK_BOLD_FAMILY

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Typeface:
    """The families the bundle's fonts gave, in its order (the first is the kiosk's typeface;
    none: the system's sans-serif), and the family bold text takes when the first has no
    bold face ("" when it has one)."""

    families: tuple[str, ...] = ()
    bold_family: str = ""

    @property
    def family(self) -> str:
        return self.families[0] if self.families else ""

    @property
    def fallbacks(self) -> tuple[str, ...]:
        return self.families[1:]


def load_typeface(bundle: LoadedBundle) -> Typeface:
    """Register the bundle's fonts; their families, in the bundle's order, are the typeface.

    When the first family has no bold face, bold text is drawn in the system's sans-serif,
    which has a real bold, rather than Qt smearing the regular face."""
    families: list[str] = []
    paths = [bundle.media_path(font.file) for font in bundle.model.fonts]
    for path in paths:
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
    if not families or family_without_bold(paths) is None:
        return Typeface(tuple(families))
    log.info("typeface %s has no bold face; bold text uses the system's", families[0])
    return Typeface(tuple(families), KIOSK_BOLD_FAMILY)
