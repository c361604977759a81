"""One place for the kiosk's colours, sizes and stylesheet, scaled to the screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize

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
BODY_PX = 30  # patient text is never smaller than this, at 1080p
LARGER_TEXT_FACTOR = 1.3
# Bold text when a bundle's typeface has no bold face: the system's sans-serif has one.
KIOSK_BOLD_FAMILY = "sans-serif"


@dataclass(frozen=True)
class Theme:
    """Sizes for one screen size and text size; every widget asks here, never hard-codes."""

    scale: float
    larger_text: bool = False
    font_family: str = "sans-serif"
    # The family bold text is drawn in when the bundle's typeface has no bold face: Qt would
    # otherwise smear the regular one ("synthetic bold"), which reads thin at large sizes.
    bold_family: str = ""
    high_contrast: bool = False

    @classmethod
    def for_screen(
        cls,
        size: QSize,
        larger_text: bool = False,
        font_family: str = "",
        bold_family: str = "",
        high_contrast: bool = False,
    ) -> Theme:
        """A theme for a window of `size`: 1080p is 1.0, landscape or portrait alike."""
        short, long = sorted((size.width(), size.height()))
        scale = min(short / DESIGN_HEIGHT, long / (DESIGN_HEIGHT * 16 / 9))
        family = font_family or "sans-serif"
        return cls(max(0.7, min(scale, 2.2)), larger_text, family, bold_family, high_contrast)

    @property
    def colours(self) -> dict[str, str]:
        """The palette: the standard one, or high contrast when the patient chose it."""
        return HIGH_CONTRAST if self.high_contrast else COLOURS

    @property
    def bold_font_family(self) -> str:
        """The family to draw bold text in."""
        return self.bold_family or self.font_family

    @property
    def bold_css(self) -> str:
        """Stylesheet declarations for bold text, in a family that has a real bold face."""
        family = f' font-family: "{self.bold_family}";' if self.bold_family else ""
        return f"font-weight: bold;{family}"

    def px(self, at_1080p: float) -> int:
        """A length in pixels for this screen."""
        return max(1, round(at_1080p * self.scale))

    def font_px(self, at_1080p: float) -> int:
        """A font size in pixels for this screen and text size."""
        factor = LARGER_TEXT_FACTOR if self.larger_text else 1.0
        return max(12, round(at_1080p * self.scale * factor))

    @property
    def touch(self) -> int:
        """The least height of anything tappable: 88 px at 1080p, never under 72 px there."""
        return self.px(88)

    def stylesheet(self) -> str:
        """The one stylesheet for the whole kiosk."""
        c, bold = self.colours, self.bold_css
        return f"""
        QWidget {{
            background: {c["background"]}; color: {c["text"]};
            font-family: "{self.font_family}"; font-size: {self.font_px(BODY_PX)}px;
        }}
        QLabel {{ background: transparent; }}
        QLabel[role="title"] {{ font-size: {self.font_px(52)}px; {bold} }}
        QLabel[role="heading"] {{ font-size: {self.font_px(38)}px; {bold} }}
        QLabel[role="muted"] {{ color: {c["muted"]}; font-size: {self.font_px(26)}px; }}
        QLabel[role="huge"] {{ font-size: {self.font_px(150)}px; {bold} }}
        QLabel[role="caution"] {{
            background: {c["caution_bg"]}; color: {c["caution_text"]};
            border-radius: {self.px(16)}px; padding: {self.px(16)}px {self.px(24)}px;
        }}
        QLabel[role="note"] {{
            background: {c["surface"]}; color: {c["text"]};
            border: {self.px(2)}px solid {c["border"]}; border-radius: {self.px(16)}px;
            padding: {self.px(16)}px {self.px(24)}px;
        }}
        QFrame[role="card"] {{
            background: {c["surface"]}; border: {self.px(2)}px solid {c["border"]};
            border-radius: {self.px(20)}px;
        }}
        QFrame[role="card"] QLabel {{ background: transparent; }}
        QPushButton {{
            background: {c["surface"]}; color: {c["text"]};
            border: {self.px(3)}px solid {c["primary"]}; border-radius: {self.px(18)}px;
            min-height: {self.touch}px; min-width: {self.touch}px;
            padding: {self.px(8)}px {self.px(28)}px; font-size: {self.font_px(32)}px;
            {bold}
        }}
        QPushButton:pressed, QPushButton:checked {{ background: {c["pressed_surface"]}; }}
        QPushButton[role="primary"] {{
            background: {c["primary"]}; color: {c["on_primary"]};
        }}
        QPushButton[role="primary"]:pressed {{ background: {c["primary_pressed"]}; }}
        QPushButton[role="stop"] {{
            background: {c["front_desk"]}; color: {c["on_primary"]};
            border-color: {c["front_desk"]}; font-size: {self.font_px(36)}px;
            padding: {self.px(8)}px {self.px(48)}px;
        }}
        QPushButton[role="stop"]:pressed {{ background: {c["text"]}; }}
        QPushButton[role="answer"] {{
            background: {c["primary"]}; padding: {self.px(16)}px {self.px(28)}px;
            min-height: {self.px(150)}px; min-width: {self.px(360)}px;
        }}
        QPushButton[role="answer"]:pressed {{ background: {c["primary_pressed"]}; }}
        QPushButton[role="answer"] QLabel {{ color: {c["on_primary"]}; {bold} }}
        QPushButton[role="tile"] {{
            background: {c["primary"]}; color: {c["on_primary"]};
            border-radius: {self.px(28)}px; font-size: {self.font_px(40)}px;
            padding: {self.px(24)}px;
        }}
        QPushButton[role="tile"]:pressed {{ background: {c["primary_pressed"]}; }}
        QPushButton[role="tile"] QLabel {{
            color: {c["on_primary"]}; font-size: {self.font_px(42)}px; {bold}
        }}
        QPushButton[role="tile"] QLabel[role="caption"] {{
            font-size: {self.font_px(26)}px; font-weight: normal; font-family: "{self.font_family}";
        }}
        QPushButton[role="card"] QLabel[role="heading"] {{
            font-size: {self.font_px(36)}px; {bold}
        }}
        QPushButton[role="card"] QLabel {{
            font-weight: normal; font-family: "{self.font_family}";
        }}
        QPushButton[role="card"] {{
            text-align: left; border: {self.px(2)}px solid {c["border"]};
            padding: {self.px(16)}px;
        }}
        QPushButton:disabled {{ color: {c["muted"]}; border-color: {c["border"]}; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
        QScrollBar:vertical {{ width: {self.px(16)}px; background: transparent; }}
        QScrollBar::handle:vertical {{ background: {c["border"]}; border-radius: {self.px(8)}px; }}
        QLabel[reading="true"], QPushButton[reading="true"] {{
            background: {c["highlight"]}; color: {c["on_highlight"]};
        }}
        QPushButton[reading="true"] QLabel {{ color: {c["on_highlight"]}; }}
        """
