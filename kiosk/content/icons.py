"""Knowing whether a qtawesome icon name exists, by reading qtawesome's charmaps as data.

qtawesome itself imports Qt, which the content model must not, so only its files are read."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

# Icon-name prefix -> the start of qtawesome's charmap file name for that font.
_CHARMAPS = {
    "fa5": "fontawesome5-regular",
    "fa5s": "fontawesome5-solid",
    "fa5b": "fontawesome5-brands",
    "fa6": "fontawesome6-regular",
    "fa6s": "fontawesome6-solid",
    "fa6b": "fontawesome6-brands",
    "ei": "elusiveicons",
    "mdi": "materialdesignicons5",
    "mdi6": "materialdesignicons6",
    "ph": "phosphor",
    "ri": "remixicon",
    "msc": "codicon",
}


def unknown_icon_reason(name: str) -> str | None:
    """Why `name` is not a usable qtawesome icon, or None if it is (or cannot be checked)."""
    prefix, _, glyph = name.partition(".")
    if prefix not in _CHARMAPS:
        return f"{name} does not start with a known icon set ({', '.join(sorted(_CHARMAPS))})"
    font = _icon_font(prefix)
    if font is not None and glyph not in font[1]:
        return f"{name} is not an icon in qtawesome's {prefix} set"
    return None


def icon_glyph(name: str) -> tuple[Path, str] | None:
    """The font file and the character that draw the qtawesome icon `name`, or None.

    The kiosk draws icons from these itself: importing qtawesome costs far more (see
    kiosk/ui/icon_font.py)."""
    prefix, _, glyph = name.partition(".")
    font = _icon_font(prefix) if prefix in _CHARMAPS else None
    if font is None or glyph not in font[1]:
        return None
    font_file, codes = font
    return font_file, chr(int(codes[glyph], 16))


@cache
def _icon_font(prefix: str) -> tuple[Path, dict[str, str]] | None:
    """qtawesome's font file for `prefix`, and its charmap (glyph name -> hex code point)."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    for charmap in sorted(fonts.glob(f"{_CHARMAPS[prefix]}*charmap*.json")):
        font_file = charmap.with_name(charmap.name.replace("-charmap", "")).with_suffix(".ttf")
        return font_file, json.loads(charmap.read_text(encoding="utf-8"))
    return None
