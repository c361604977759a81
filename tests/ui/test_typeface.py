"""The bundle's fonts become the families text is drawn in, in the bundle's order."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content import load_bundle
from kiosk.ui.theme import KIOSK_BOLD_FAMILY
from kiosk.ui.typeface import load_typeface
from tests.helpers.bundles import bundle
from tests.helpers.corpus import edit_json, font_named
from tests.helpers.places import REPO_ROOT

FONTS = REPO_ROOT / "assets" / "fonts"


def test_every_family_in_the_bundles_order(qapp) -> None:
    typeface = load_typeface(bundle("arabic"))
    assert typeface.families == ("Atkinson Hyperlegible", "Noto Naskh Arabic")
    assert typeface.bold_family == ""  # Atkinson's bold ships too


def test_bold_without_a_bold_face_takes_the_system_sans_then_the_bundles_others(
    qapp, small_bundle: Path
) -> None:
    shutil.copytree(bundle("arabic").root / "fonts", small_bundle / "fonts")
    fonts = [
        {"file": f"fonts/{name}.ttf", "licence": "fonts/OFL.txt"}
        for name in ("AtkinsonHyperlegible-Regular", "NotoNaskhArabic-Regular")
    ]
    edit_json(lambda data: data.update(fonts=fonts))(small_bundle)
    typeface = load_typeface(load_bundle(small_bundle))
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
