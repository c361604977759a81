"""One place for the kiosk's colours, sizes and stylesheet, scaled to the screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont

from kiosk.ui.tokens import Radius, Size, Space, Stroke, Type

# WCAG contrast of each text/background pair the stylesheet uses is at least 7:1
# (tests/ui/test_layout.py measures it).
COLOURS = {
    "background": "#f7f5f0",
    "surface": "#ffffff",
    "text": "#1a1a1a",
    "muted": "#3d3d3d",
    "primary": "#0b4f8a",
    "primary_pressed": "#07406f",
    "on_primary": "#ffffff",
    "border": "#8c8577",
    "caution_bg": "#fff4e5",
    "caution_text": "#7a2a00",
    "ice": "#0b4f8a",
    "heat": "#8a3a0b",
    "either": "#1d5c4f",
    "front_desk": "#8f1d1d",
    "pressed_surface": "#e4ded2",
    # The sentence read aloud: dark words on yellow, apart from the blue of the controls.
    "highlight": "#ffe14d",
    "on_highlight": "#1a1a1a",
}

# High contrast, a patient's choice: light text on black, actions in yellow with black words,
# results in light tints with black words. The same names, so every widget follows.
HIGH_CONTRAST = {
    "background": "#000000",
    "surface": "#000000",
    "text": "#ffffff",
    "muted": "#ffffff",
    "primary": "#ffd400",
    "primary_pressed": "#fff0a0",
    "on_primary": "#000000",
    "border": "#ffffff",
    "caution_bg": "#000000",
    "caution_text": "#ffd400",
    "ice": "#9fdcff",
    "heat": "#ffc08a",
    "either": "#9ff0d0",
    "front_desk": "#ff9c9c",
    "pressed_surface": "#3a3a3a",
    # Black words on cyan: apart from the yellow the controls use in this theme.
    "highlight": "#00e5ff",
    "on_highlight": "#000000",
}
PALETTES = {"standard": COLOURS, "high contrast": HIGH_CONTRAST}

# Pairs of (text, background) colour names that text is drawn in.
TEXT_PAIRS = [
    ("text", "background"),
    ("text", "surface"),
    ("muted", "background"),
    ("muted", "surface"),
    ("on_primary", "primary"),
    ("on_primary", "primary_pressed"),
    ("caution_text", "caution_bg"),
    ("on_primary", "ice"),
    ("on_primary", "heat"),
    ("on_primary", "either"),
    ("on_primary", "front_desk"),
    ("text", "pressed_surface"),
    ("on_highlight", "highlight"),
]

DESIGN_HEIGHT = 1080  # sizes below are pixels at 1080p, scaled to the screen
LARGER_TEXT_FACTOR = 1.3
# Bold text when a bundle's typeface has no bold face: the system's sans-serif has one.
KIOSK_BOLD_FAMILY = "sans-serif"


@dataclass(frozen=True)
class Theme:
    """Sizes for one screen size and text size: widgets ask here for a token's pixels."""

    scale: float
    larger_text: bool = False
    font_family: str = "sans-serif"
    # The family bold text is drawn in when the bundle's typeface has no bold face: Qt would
    # otherwise smear the regular one ("synthetic bold"), which reads thin at large sizes.
    bold_family: str = ""
    high_contrast: bool = False
    # The bundle's other font families, in its order: a letter the typeface lacks is drawn in
    # the first of these that has it, and only then in a font of the system's choosing.
    fallback_families: tuple[str, ...] = ()

    @classmethod
    def for_screen(
        cls,
        size: QSize,
        larger_text: bool = False,
        font_family: str = "",
        bold_family: str = "",
        high_contrast: bool = False,
        fallback_families: tuple[str, ...] = (),
    ) -> Theme:
        """A theme for a window of `size`: 1080p is 1.0, landscape or portrait alike."""
        short, long = sorted((size.width(), size.height()))
        scale = min(short / DESIGN_HEIGHT, long / (DESIGN_HEIGHT * 16 / 9))
        family = font_family or "sans-serif"
        return cls(
            max(0.7, min(scale, 2.2)),
            larger_text,
            family,
            bold_family,
            high_contrast,
            fallback_families,
        )

    @property
    def colours(self) -> dict[str, str]:
        """The palette: the standard one, or high contrast when the patient chose it."""
        return HIGH_CONTRAST if self.high_contrast else COLOURS

    @property
    def bold_font_family(self) -> str:
        """The family to draw bold text in."""
        return self.bold_family or self.font_family

    @property
    def families(self) -> tuple[str, ...]:
        """The families regular text is drawn in, in fallback order."""
        return (self.font_family, *self.fallback_families)

    @property
    def bold_families(self) -> tuple[str, ...]:
        """The families bold text is drawn in, in fallback order."""
        return (self.bold_family, *self.fallback_families) if self.bold_family else self.families

    @property
    def bold_css(self) -> str:
        """Stylesheet declarations for bold text, in a family that has a real bold face."""
        family = f" font-family: {_css_families(self.bold_families)};" if self.bold_family else ""
        return f"font-weight: bold;{family}"

    def font(self, pixel_size: int, bold: bool = False) -> QFont:
        """The font the stylesheet gives text of this size, for measuring it before it is
        shown: the same families in the same fallback order."""
        font = QFont()
        font.setFamilies(list(self.bold_families if bold else self.families))
        font.setPixelSize(pixel_size)
        font.setBold(bold)
        return font

    def px(self, at_1080p: float) -> int:
        """A length in pixels for this screen."""
        return max(1, round(at_1080p * self.scale))

    def size(self, at_1080p: tuple[int, int]) -> QSize:
        """A width and height (one of `Size`'s pairs) in pixels for this screen."""
        width, height = at_1080p
        return QSize(self.px(width), self.px(height))

    def insets(self, sides: float, top_bottom: float | None = None) -> tuple[int, int, int, int]:
        """Layout margins (left, top, right, bottom): `sides` all round, or left and right with
        `top_bottom` above and below."""
        across, down = self.px(sides), self.px(sides if top_bottom is None else top_bottom)
        return across, down, across, down

    def font_px(self, at_1080p: float) -> int:
        """A font size in pixels for this screen and text size."""
        factor = LARGER_TEXT_FACTOR if self.larger_text else 1.0
        return max(12, round(at_1080p * self.scale * factor))

    @property
    def touch(self) -> int:
        """The least height of anything tappable: 88 px at 1080p, never under 72 px there."""
        return self.px(Size.TOUCH)

    def stylesheet(self) -> str:
        """The one stylesheet for the whole kiosk."""
        c, bold, families = self.colours, self.bold_css, _css_families(self.families)
        return f"""
        QWidget {{
            background: {c["background"]}; color: {c["text"]};
            font-family: {families}; font-size: {self.font_px(Type.BODY)}px;
        }}
        QLabel {{ background: transparent; }}
        QLabel[role="title"] {{ font-size: {self.font_px(Type.TITLE)}px; {bold} }}
        QLabel[role="heading"] {{ font-size: {self.font_px(Type.HEADING)}px; {bold} }}
        QLabel[role="muted"] {{ color: {c["muted"]}; font-size: {self.font_px(Type.SMALL)}px; }}
        QLabel[role="huge"] {{ font-size: {self.font_px(Type.NUMBER)}px; {bold} }}
        QLabel[role="caution"] {{
            background: {c["caution_bg"]}; color: {c["caution_text"]};
            border-radius: {self.px(Radius.MEDIUM)}px;
            padding: {self.px(Space.M)}px {self.px(Space.L)}px;
        }}
        QLabel[role="note"] {{
            background: {c["surface"]}; color: {c["text"]};
            border: {self.px(Stroke.THIN)}px solid {c["border"]};
            border-radius: {self.px(Radius.MEDIUM)}px;
            padding: {self.px(Space.M)}px {self.px(Space.L)}px;
        }}
        QFrame[role="card"] {{
            background: {c["surface"]}; border: {self.px(Stroke.THIN)}px solid {c["border"]};
            border-radius: {self.px(Radius.LARGE)}px;
        }}
        QFrame[role="card"] QLabel {{ background: transparent; }}
        QPushButton {{
            background: {c["surface"]}; color: {c["text"]};
            border: {self.px(Stroke.THICK)}px solid {c["primary"]};
            border-radius: {self.px(Radius.MEDIUM)}px;
            min-height: {self.touch}px; min-width: {self.touch}px;
            padding: {self.px(Space.XS)}px {self.px(Space.L)}px;
            font-size: {self.font_px(Type.BUTTON)}px;
            {bold}
        }}
        QPushButton:pressed, QPushButton:checked {{ background: {c["pressed_surface"]}; }}
        QPushButton[role="primary"] {{
            background: {c["primary"]}; color: {c["on_primary"]};
        }}
        QPushButton[role="primary"]:pressed {{ background: {c["primary_pressed"]}; }}
        QPushButton[role="stop"] {{
            background: {c["front_desk"]}; color: {c["on_primary"]};
            border-color: {c["front_desk"]}; font-size: {self.font_px(Type.HEADING)}px;
            padding: {self.px(Space.XS)}px {self.px(Space.XXXL)}px;
        }}
        QPushButton[role="stop"]:pressed {{ background: {c["text"]}; }}
        QPushButton[role="answer"] {{
            background: {c["primary"]}; padding: {self.px(Space.M)}px {self.px(Space.L)}px;
            min-height: {self.px(Size.ANSWER_HEIGHT)}px; min-width: {self.px(Size.ANSWER_WIDTH)}px;
        }}
        QPushButton[role="answer"]:pressed {{ background: {c["primary_pressed"]}; }}
        QPushButton[role="answer"] QLabel {{ color: {c["on_primary"]}; {bold} }}
        QPushButton[role="tile"] {{
            background: {c["primary"]}; color: {c["on_primary"]};
            border-radius: {self.px(Radius.LARGE)}px; font-size: {self.font_px(Type.LARGE)}px;
            padding: {self.px(Space.L)}px;
        }}
        QPushButton[role="tile"]:pressed {{ background: {c["primary_pressed"]}; }}
        QPushButton[role="tile"] QLabel {{
            color: {c["on_primary"]}; font-size: {self.font_px(Type.LARGE)}px; {bold}
        }}
        QPushButton[role="tile"] QLabel[role="caption"] {{
            font-size: {self.font_px(Type.SMALL)}px; font-weight: normal;
            font-family: {families};
        }}
        QPushButton[role="card"] QLabel[role="heading"] {{
            font-size: {self.font_px(Type.HEADING)}px; {bold}
        }}
        QPushButton[role="card"] QLabel {{
            font-weight: normal; font-family: {families};
        }}
        QPushButton[role="card"] {{
            text-align: left; border: {self.px(Stroke.THIN)}px solid {c["border"]};
            padding: {self.px(Space.M)}px;
        }}
        QPushButton:disabled {{ color: {c["muted"]}; border-color: {c["border"]}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
        QScrollBar:vertical {{ width: {self.px(Space.M)}px; background: transparent; }}
        QScrollBar::handle:vertical {{ background: {c["border"]};
        border-radius: {self.px(Radius.SMALL)}px; }}
        QLabel[reading="true"], QPushButton[reading="true"] {{
            background: {c["highlight"]}; color: {c["on_highlight"]};
        }}
        QPushButton[reading="true"] QLabel {{ color: {c["on_highlight"]}; }}
        """


def _css_families(families: tuple[str, ...]) -> str:
    """A stylesheet's font-family list: Qt falls back along it letter by letter."""
    return ", ".join(f'"{family}"' for family in families)
