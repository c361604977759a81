"""Every letter on screen can be drawn: the check finds a letter no font has, the bundle's own
fonts are taken before the system's, and every screen of the Arabic and the Vietnamese test
bundles is walked with the check."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QLabel

from kiosk.ui.audit import missing_glyphs, shown_texts
from kiosk.ui.glyphs import drawn_by, undrawable
from kiosk.ui.screens.base import Route
from kiosk.ui.screenshots import Camera, walk_all
from kiosk.ui.widgets import label
from tests.helpers.bundles import bundle
from tests.helpers.driving import settle

# Letters of scripts a kiosk seldom has a font for (Han, Ethiopic, Mongolian, Kawi, Javanese).
RARE_LETTERS = "漢ሰᠮ\U00011f04ꦄ"


def uncovered_letter() -> str:
    """A letter that no installed font has, asked of each font on its own (not of the check)."""
    families = QFontDatabase.families()
    for letter in RARE_LETTERS:
        if not any(QRawFont.fromFont(QFont(f)).supportsCharacter(ord(letter)) for f in families):
            return letter
    pytest.skip("every rare letter has a font here: nothing to prove the check with")


def test_the_check_finds_a_letter_no_font_can_draw(qtbot, make_window) -> None:
    window = make_window(bundle("arabic"))
    font, letter = window.font(), uncovered_letter()
    assert undrawable(f"ركبة knee {letter}.", font) == letter
    assert undrawable(f"<b>ركبة</b> {letter}", font, rich=True) == letter
    assert drawn_by(letter, font) is None
    assert undrawable("ركبة knee Tiếng Việt 15.", font) == ""


def test_the_audit_fails_a_screen_showing_such_a_letter(qtbot, make_window) -> None:
    window = make_window(bundle("arabic"))
    window.go(Route("home"))
    settle()
    assert missing_glyphs(window) == []
    letter = uncovered_letter()
    stray = label(f"**{letter}** الركبة")  # rich text, as emphasis makes it
    stray.setParent(window.current_screen)
    stray.show()
    assert missing_glyphs(window) == [f"{letter!r} in {stray.text()[:40]!r}"]


def test_arabic_is_drawn_in_the_font_the_bundle_ships(qtbot, make_window) -> None:
    window = make_window(bundle("arabic"))
    theme = window.ctx.theme
    assert theme.families == ("Noto Naskh Arabic", "Atkinson Hyperlegible")
    assert '"Noto Naskh Arabic", "Atkinson Hyperlegible"' in window.styleSheet()
    heading = next(w for w in window.findChildren(QLabel) if w.text() == "عيادة شارع الميناء")
    assert drawn_by("ع", heading.font()) == "Noto Naskh Arabic"  # the bundle's, not DejaVu's
    assert drawn_by("K", heading.font()) == "Atkinson Hyperlegible"
    assert drawn_by("ع", theme.font(40, bold=True)) == "Noto Naskh Arabic"


def is_arabic(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("ARABIC")


class GlyphCamera(Camera):
    """Instead of a picture, checks that every text on screen can be drawn, and notes the
    font each letter of the bundle's own script is drawn in."""

    def __init__(self, window, folder: Path) -> None:
        super().__init__(window, folder)
        self.failures: list[str] = []
        self.letters: set[tuple[str, tuple[str, ...], int]] = set()

    def shoot(self, name: str) -> Path:
        self.settle()
        self.failures += [f"{name}: {problem}" for problem in missing_glyphs(self.window)]
        for text, font, _ in shown_texts(self.window):
            self.letters |= {(c, tuple(font.families()), font.weight()) for c in text}
        self.taken.append(self.folder / name)
        return self.folder / name


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_arabic_screen_draws_every_letter_in_the_bundles_fonts(
    qtbot, make_kiosk, tmp_path, language: str
) -> None:
    camera = walk_with_the_check(make_kiosk, "arabic", language, tmp_path)
    arabic = {
        (c, f, w) for c, f, w in camera.letters if unicodedata.name(c, "").startswith("ARABIC")
    }
    assert arabic  # in English too: the Arabic button, "Touch to start" in both languages
    for letter, families, weight in arabic:
        font = QFont()
        font.setFamilies(list(families))
        font.setWeight(QFont.Weight(weight))
        assert drawn_by(letter, font) == "Noto Naskh Arabic", (letter, families)


@pytest.mark.parametrize("language", ["vi", "es"])
def test_every_vietnamese_screen_draws_every_letter(qtbot, make_kiosk, tmp_path, language) -> None:
    camera = walk_with_the_check(make_kiosk, "clinic", language, tmp_path)
    marked = {c for c, _, _ in camera.letters if c in "ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựđ"}
    assert len(marked) >= (10 if language == "vi" else 2)  # in Spanish: "Tiếng Việt"


def walk_with_the_check(make_kiosk, name: str, language: str, folder: Path) -> GlyphCamera:
    """Every screen and state of the test bundle `name` in `language`, each checked."""
    kiosk = make_kiosk(bundle(name))
    camera = GlyphCamera(kiosk.window, folder)
    walk_all(kiosk, camera, language)
    assert len(camera.taken) >= 30  # every screen and state, the videos and the chooser too
    assert not camera.failures, "\n".join(camera.failures)
    return camera
