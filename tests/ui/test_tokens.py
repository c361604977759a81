"""Design tokens: widgets take their lengths from the named scales, never from numbers."""

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

import kiosk.ui
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Radius, Size, Space, Stroke, Type

UI = Path(kiosk.ui.__file__).parent
SCALED = {"px", "font_px", "size", "insets"}


def literal_sizes(source: str) -> list[int]:
    """Line numbers of theme.px(...)-style calls given a number instead of a token."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SCALED
            and any(
                isinstance(part, ast.Constant) and isinstance(part.value, int | float)
                for arg in node.args
                for part in ast.walk(arg)
            )
        ):
            lines.append(node.lineno)
    return lines


def test_the_finder_sees_a_literal_size():
    assert literal_sizes("theme.px(24)\ntheme.font_px(Type.BODY)\nt.px(8 if big else 4)") == [1, 3]


def test_no_widget_sizes_itself_in_numbers():
    found = {
        f"{path.relative_to(UI)}:{line}"
        for path in UI.rglob("*.py")
        if path.name != "tokens.py"
        for line in literal_sizes(path.read_text(encoding="utf-8"))
    }
    assert not found, "use a step of kiosk/ui/tokens.py instead: " + ", ".join(sorted(found))


def mixed_scales(source: str) -> list[int]:
    """Line numbers where type is sized from a length scale, or a length from the type scale."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            scales = {
                part.value.id
                for arg in node.args
                for part in ast.walk(arg)
                if isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name)
            }
            if (node.func.attr == "font_px" and scales & {"Space", "Stroke", "Radius"}) or (
                node.func.attr == "px" and "Type" in scales
            ):
                lines.append(node.lineno)
    return lines


def test_type_takes_the_type_scale_and_lengths_the_length_scales():
    assert mixed_scales("t.font_px(Space.L)\nt.px(Type.BODY)\nt.font_px(Type.BODY)") == [1, 2]
    found = {
        f"{path.relative_to(UI)}:{line}"
        for path in UI.rglob("*.py")
        for line in mixed_scales(path.read_text(encoding="utf-8"))
    }
    assert not found


@pytest.mark.parametrize("scale", [Space, Stroke, Radius, Type])
def test_each_scale_grows_step_by_step(scale):
    steps = [value for name, value in vars(scale).items() if name.isupper()]
    assert steps == sorted(set(steps)), f"{scale.__name__}'s steps should be distinct and rising"


def test_patient_text_has_a_floor():
    assert Type.BODY == 30 and Size.TOUCH >= 72


def test_sizes_and_insets_scale_with_the_screen():
    theme = Theme.for_screen(QSize(1536, 864))  # 0.8 of 1080p
    assert theme.size(Size.POSTER) == QSize(1024, 576)
    assert theme.insets(Space.L) == (19, 19, 19, 19)
    assert theme.insets(Space.XXL, Space.L) == (32, 19, 32, 19)
