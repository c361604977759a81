"""SVG building blocks shared by the figure and the props: the palette, numbers, capsules."""

from __future__ import annotations

import math
from dataclasses import dataclass

from tools.author.skeleton import Point

# Calm colours that stay clear against the light background (and in greyscale).
BACKGROUND = "#F6F3EE"
OUTLINE = "#25313D"
HAIR = "#3B2E2A"
GLOW = "#FF6A3D"
OUTLINE_WIDTH = 3.0


@dataclass(frozen=True)
class Tones:
    """Clothes and skin for one side of the body."""

    shirt: str
    trousers: str
    skin: str
    shoe: str


# The far side is a shade darker so the two legs and arms read as one in front of the other.
NEAR = Tones(shirt="#3A9099", trousers="#3F5385", skin="#E7B48F", shoe="#3B3F4C")
FAR = Tones(shirt="#2C6F77", trousers="#2F3F68", skin="#C99472", shoe="#2A2D37")


def num(value: float) -> str:
    """A coordinate with one decimal, without a trailing .0, to keep files small and stable."""
    text = f"{value:.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def pt(point: Point) -> str:
    """A point as 'x,y'."""
    return f"{num(point[0])},{num(point[1])}"


def capsule(start: Point, start_radius: float, end: Point, end_radius: float) -> str:
    """Path data for a tapered capsule: two circles joined by their outer tangents."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length <= abs(start_radius - end_radius) + 0.01:
        centre, radius = (start, start_radius) if start_radius >= end_radius else (end, end_radius)
        return circle_path(centre, radius)
    theta = math.atan2(dy, dx)
    phi = math.acos((start_radius - end_radius) / length)

    def rim(centre: Point, radius: float, angle: float) -> Point:
        return (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))

    a1, a2 = rim(start, start_radius, theta + phi), rim(end, end_radius, theta + phi)
    b2, b1 = rim(end, end_radius, theta - phi), rim(start, start_radius, theta - phi)
    # The end cap spans 2*phi; the start cap the rest of the circle.
    end_large = 1 if 2 * phi > math.pi else 0
    start_large = 1 - end_large
    return (
        f"M{pt(a1)}L{pt(a2)}"
        f"A{num(end_radius)},{num(end_radius)} 0 {end_large} 0 {pt(b2)}"
        f"L{pt(b1)}"
        f"A{num(start_radius)},{num(start_radius)} 0 {start_large} 0 {pt(a1)}Z"
    )


def circle_path(centre: Point, radius: float) -> str:
    """Path data for a full circle (two half arcs)."""
    x, y = centre
    r = num(radius)
    left, right = pt((x - radius, y)), pt((x + radius, y))
    return f"M{left}A{r},{r} 0 1 0 {right}A{r},{r} 0 1 0 {left}Z"


def path(d: str, fill: str, **attributes: str) -> str:
    """A <path> element; extra attributes use underscores for dashes (stroke_width)."""
    return f'<path d="{d}" fill="{fill}"{_attributes(attributes)}/>'


def circle(centre: Point, radius: float, fill: str, **attributes: str) -> str:
    """A <circle> element."""
    x, y = centre
    return (
        f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(radius)}" fill="{fill}"'
        f"{_attributes(attributes)}/>"
    )


def rect(
    x: float,
    y: float,
    width: float,
    height: float,
    fill: str,
    radius: float = 0.0,
    **attributes: str,
) -> str:
    """A <rect> element, optionally with rounded corners."""
    rounded = f' rx="{num(radius)}"' if radius else ""
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}"{rounded}'
        f' fill="{fill}"{_attributes(attributes)}/>'
    )


def line(start: Point, end: Point, stroke: str, width: float, **attributes: str) -> str:
    """A <line> element with round caps."""
    return (
        f'<line x1="{num(start[0])}" y1="{num(start[1])}" x2="{num(end[0])}" y2="{num(end[1])}"'
        f' stroke="{stroke}" stroke-width="{num(width)}" stroke-linecap="round"'
        f"{_attributes(attributes)}/>"
    )


def _attributes(attributes: dict[str, str]) -> str:
    return "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attributes.items())
