"""The simple furniture and objects the figure uses: floor, chair, wall, mats, towel, tables."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from tools.author.drawing import BETWEEN_LEGS, IN_FRONT, Prop
from tools.author.shapes import OUTLINE, circle, line, num, path, pt, rect
from tools.author.skeleton import Figure, direction, offset

# Heights in scene units (y grows downwards). A standing figure's feet rest on FLOOR.
FLOOR = 540.0
MAT_TOP = FLOOR - 12.0
SEAT_TOP = FLOOR - 100.0  # the height that lets a seated figure's feet rest on the floor
CHAIR_BACK_TOP = FLOOR - 242.0

WOOD, WOOD_DARK = "#D9A46F", "#9A6A40"
PROP_LINE = {"stroke": "#6F7A84", "stroke_width": "2.5", "stroke_linejoin": "round"}
MAT_LINE = {"stroke": "#4F8F7D", "stroke_width": "2.5"}


@dataclass(frozen=True)
class Floor(Prop):
    """The floor: a band across the whole frame with a clear edge line."""

    turns: ClassVar[bool] = False  # the same either way round, so it stays put when turning
    y: float = FLOOR

    def svg(self, figure: Figure) -> str:
        """The floor band and its edge."""
        return rect(-1000, self.y, 3000, 400, "#E6DED2") + line(
            (-1000, self.y), (2000, self.y), "#B9AD9C", 3
        )


@dataclass(frozen=True)
class Chair(Prop):
    """A plain wooden chair seen from the side; `facing` is the way its seat points."""

    back_x: float
    facing: float = 1.0
    depth: float = 150.0

    def svg(self, figure: Figure) -> str:
        """Back leg and post, seat, front leg and a rail, all in wood."""
        s, x = self.facing, self.back_x
        post, seat = 14.0, 16.0

        def span(a: float, b: float) -> tuple[float, float]:
            """Left edge and width of the strip from a to b units in front of the back."""
            left, right = sorted((x + s * a, x + s * b))
            return left, right - left

        back_left, _ = span(0, post)
        rest_left, rest_width = span(-3, post + 3)  # the backrest, a little wider than the post
        front_left, _ = span(self.depth - post + 2, self.depth + 2)
        seat_left, seat_width = span(-2, self.depth + 6)
        rail_left, rail_width = span(post / 2, self.depth - post / 2)
        rail_y = SEAT_TOP + (FLOOR - SEAT_TOP) * 0.55
        back_height = FLOOR - CHAIR_BACK_TOP
        return "".join(
            [
                rect(rail_left, rail_y, rail_width, 9, WOOD_DARK, 4, **PROP_LINE),
                rect(front_left, SEAT_TOP, post, FLOOR - SEAT_TOP, WOOD, 5, **PROP_LINE),
                rect(back_left, CHAIR_BACK_TOP, post, back_height, WOOD, 7, **PROP_LINE),
                rect(rest_left, CHAIR_BACK_TOP, rest_width, 64, WOOD, 9, **PROP_LINE),
                rect(seat_left, SEAT_TOP, seat_width, seat, WOOD, 7, **PROP_LINE),
            ]
        )


@dataclass(frozen=True)
class Wall(Prop):
    """A wall whose face is at `x`, filling the frame to the right."""

    x: float

    def svg(self, figure: Figure) -> str:
        """The wall, its skirting board and its edge."""
        return "".join(
            [
                rect(self.x, -200, 2000, FLOOR + 200, "#DCE5EC"),
                rect(self.x, FLOOR - 18, 2000, 18, "#C3D0DA"),
                line((self.x, -200), (self.x, FLOOR), "#8796A3", 4),
            ]
        )


@dataclass(frozen=True)
class Mat(Prop):
    """An exercise mat lying on the floor, seen edge on."""

    left: float
    right: float

    def svg(self, figure: Figure) -> str:
        """A thin rounded slab."""
        width, height = self.right - self.left, FLOOR - MAT_TOP + 3
        return rect(self.left, MAT_TOP, width, height, "#86C2B0", 6, **MAT_LINE)


@dataclass(frozen=True)
class MatFromAbove(Prop):
    """An exercise mat seen from above, for a figure lying on its side."""

    left: float
    top: float
    width: float
    height: float

    def svg(self, figure: Figure) -> str:
        """A large rounded rectangle with an inner seam."""
        inset = 12.0
        mat = rect(self.left, self.top, self.width, self.height, "#A9D6C7", 22, **MAT_LINE)
        seam = rect(
            self.left + inset,
            self.top + inset,
            self.width - 2 * inset,
            self.height - 2 * inset,
            "none",
            14,
            stroke="#8CC4B2",
            stroke_width="2",
        )
        return mat + seam


@dataclass(frozen=True)
class Towel(Prop):
    """A small rolled towel lying on the mat, under a knee at `x`."""

    layer: ClassVar[int] = BETWEEN_LEGS
    x: float
    radius: float = 15.0

    def svg(self, figure: Figure) -> str:
        """A roll with a spiral end."""
        centre = (self.x, MAT_TOP - self.radius)
        r = self.radius
        spiral = (
            f"M{pt((centre[0] + r * 0.55, centre[1]))}"
            f"A{num(r * 0.55)},{num(r * 0.55)} 0 1 1 {pt((centre[0], centre[1] - r * 0.55))}"
        )
        return circle(centre, r, "#F2C35B", stroke="#B88A25", stroke_width="2.5") + path(
            spiral, "none", stroke="#B88A25", stroke_width="2", stroke_linecap="round"
        )


@dataclass(frozen=True)
class Table(Prop):
    """A padded treatment or exam table whose top is at `top`."""

    left: float
    right: float
    top: float

    def svg(self, figure: Figure) -> str:
        """Pad, frame and two legs."""
        pad, frame = 24.0, 12.0
        width = self.right - self.left
        legs = "".join(
            rect(x, self.top + pad, 16, FLOOR - self.top - pad, "#9AA7B2", 4, **PROP_LINE)
            for x in (self.left + 26, self.right - 42)
        )
        under = rect(
            self.left + 10, self.top + pad - 2, width - 20, frame, "#B7C2CB", 4, **PROP_LINE
        )
        top = rect(
            self.left, self.top, width, pad, "#6F9CC4", 10, stroke="#40698E", stroke_width="2.5"
        )
        return legs + under + top


@dataclass(frozen=True)
class Pillow(Prop):
    """A small pillow for the head, resting on a surface at `top`."""

    x: float
    top: float

    def svg(self, figure: Figure) -> str:
        """A soft rounded block."""
        return rect(self.x - 48, self.top - 22, 96, 24, "#F4F7FA", 12, **PROP_LINE)


@dataclass(frozen=True)
class Stool(Prop):
    """A low padded footstool."""

    x: float
    width: float = 110.0
    top: float = SEAT_TOP + 10

    def svg(self, figure: Figure) -> str:
        """A cushion on a wooden box."""
        box = rect(self.x, self.top + 14, self.width, FLOOR - self.top - 14, WOOD, 6, **PROP_LINE)
        cushion = rect(self.x - 4, self.top, self.width + 8, 20, "#C98B8B", 10, **PROP_LINE)
        return box + cushion


@dataclass(frozen=True)
class ColdPack(Prop):
    """A blue cold pack lying over a knee."""

    layer: ClassVar[int] = IN_FRONT
    side: str = "near"

    def svg(self, figure: Figure) -> str:
        """A soft blue pack across the top of the knee, with two light stripes."""
        knee = figure.points[f"{self.side}_knee"]
        thigh = figure.directions[f"{self.side}_thigh"]
        centre = offset(knee, thigh + 90.0, 20.0)
        dx, dy = direction(thigh)
        tilt = num(math.degrees(math.atan2(dy, dx)))
        x, y = centre
        stripes = "".join(
            line((x + dx_, y - 4), (x + dx_ + 10, y - 4), "#DFF1FC", 3) for dx_ in (-18, 6)
        )
        body = rect(x - 36, y - 15, 72, 30, "#5AAEE6", 13, stroke="#2C78B0", stroke_width="3")
        return f'<g transform="rotate({tilt} {pt(centre)})">{body}{stripes}</g>'


@dataclass(frozen=True)
class WaveLines(Prop):
    """Two short curves beside a raised hand, so the hand reads as waving."""

    layer: ClassVar[int] = IN_FRONT
    side: str = "near"

    def svg(self, figure: Figure) -> str:
        """Arcs on both sides of the hand."""
        x, y = figure.points[f"{self.side}_hand"]
        arcs = []
        for sign in (-1, 1):
            for radius in (28.0, 42.0):
                top = (x + sign * radius * 0.6, y - radius * 0.8)
                bottom = (x + sign * radius * 0.6, y + radius * 0.1)
                sweep = 1 if sign > 0 else 0
                arcs.append(
                    f'<path d="M{pt(top)}A{num(radius)},{num(radius)} 0 0 {sweep} {pt(bottom)}"'
                    f' fill="none" stroke="{OUTLINE}" stroke-width="3.5" stroke-linecap="round"'
                    ' opacity="0.55"/>'
                )
        return "".join(arcs)
