"""The bundle's fonts become the families text is drawn in, in the bundle's order."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content import load_bundle
from kiosk.ui.glyphs import drawn_by
from kiosk.ui.theme import KIOSK_BOLD_FAMILY
from kiosk.ui.typeface import load_fonts, system_sans
from tests.helpers.bundles import bundle
from tests.helpers.corpus import edit_json, font_named
from tests.helpers.places import REPO_ROOT

FONTS = REPO_ROOT / "assets" / "fonts"


def test_each_language_is_led_by_a_family_that_writes_all_its_letters(qapp) -> None:
    fonts = load_fonts(bundle("arabic"))
    assert fonts.families == ("Atkinson Hyperlegible", "Noto Naskh Arabic")
    english, arabic = fonts.for_language("en"), fonts.for_language("ar")
    assert english.families == ("Atkinson Hyperlegible", "Noto Naskh Arabic")
    assert arabic.families == ("Noto Naskh Arabic", "Atkinson Hyperlegible")
    assert english.bold_family == arabic.bold_family == ""  # both bold faces ship


def test_a_language_no_bundle_font_writes_whole_is_written_in_the_systems(qtbot, make_window):
    """Atkinson Hyperlegible has "e" but not "ế": Vietnamese is not drawn in two fonts a word."""
    fonts = load_fonts(bundle("clinic"))
    assert fonts.for_language("es").families == ("Atkinson Hyperlegible",)
    assert fonts.for_language("vi").families == (system_sans(), "Atkinson Hyperlegible")
    assert fonts.for_language("vi").bold_family == ""
    window = make_window(bundle("clinic"))
    window.session.set_language("vi")
    font = window.ctx.theme.font(30)
    assert {drawn_by(c, font) for c in "Tiếng Việt"} == {system_sans()}


def test_bold_without_a_bold_face_takes_the_system_sans_then_the_bundles_others(
    qapp, small_bundle: Path
) -> None:
    shutil.copytree(bundle("arabic").root / "fonts", small_bundle / "fonts")
    fonts = [
        {"file": f"fonts/{name}.ttf", "licence": "fonts/OFL.txt"}
        for name in ("AtkinsonHyperlegible-Regular", "NotoNaskhArabic-Regular")
    ]
    edit_json(lambda data: data.update(fonts=fonts))(small_bundle)
    typeface = load_fonts(load_bundle(small_bundle)).for_language("en")
    assert typeface.bold_family == KIOSK_BOLD_FAMILY
    assert typeface.fallbacks == ("Noto Naskh Arabic",)


def test_a_family_the_stylesheet_cannot_name_is_left_out(
    qtbot, make_window, small_bundle: Path
) -> None:
    shutil.copytree(FONTS, small_bundle / "fonts")
    regular = FONTS / "AtkinsonHyperlegible-Regular.ttf"
    font_named(regular, small_bundle / "fonts" / "Odd.ttf", "Hyperlegible", "Hyper}egible")
    fonts = [{"file": "fonts/Odd.ttf", "licence": "fonts/OFL.txt"}]
    edit_json(lambda data: data.update(fonts=fonts))(small_bundle)
    window = make_window(load_bundle(small_bundle))
    assert window.ctx.theme.families == ("sans-serif",)
    assert "Hyper}egible" not in window.styleSheet()
