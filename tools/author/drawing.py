"""Drawing a solved pose, its props and highlights as plain, self-contained SVG documents."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from tools.author.shapes import (
    BACKGROUND,
    FAR,
    GLOW,
    HAIR,
    NEAR,
    OUTLINE,
    OUTLINE_WIDTH,
    Tones,
    capsule,
    circle,
    num,
    path,
    pt,
)
from tools.author.skeleton import BODY, Figure, Point, Pose, direction, offset, solve

ViewBox = tuple[float, float, float, float]

ILLUSTRATION_VIEW: ViewBox = (0.0, 0.0, 800.0, 600.0)
# Videos show the same 600-unit-high scene, widened to 16:9 around its middle.
VIDEO_VIEW: ViewBox = (400.0 - 300.0 * 16 / 9, 0.0, 600.0 * 16 / 9, 600.0)
VIDEO_SIZE = (1280, 720)
POSTER_SIZE = (640, 360)

# Half-widths of each body part at its two ends, in scene units.
PELVIS, CHEST = 29.0, 33.0
THIGH = (23.0, 17.0)
SHIN = (16.0, 12.0)
UPPER_ARM = (14.0, 12.0)
FOREARM = (11.0, 9.0)
HAND = 12.0
SHOE = (11.0, 9.0)
NECK = 11.0


# Where a prop is drawn relative to the body.
BEHIND, BETWEEN_LEGS, IN_FRONT = 0, 1, 2


class Prop:
    """Something drawn with the figure: furniture behind it, or a cold pack in front."""

    # BEHIND the whole figure, BETWEEN_LEGS (in front of the far limbs only) or IN_FRONT.
    layer: ClassVar[int] = BEHIND
    # Whether it turns round with the figure when the figure faces the other way.
    turns: ClassVar[bool] = True

    def svg(self, figure: Figure) -> str:
        """The prop's SVG elements, in scene units; may use the figure's joints."""
        raise NotImplementedError


@dataclass(frozen=True)
class Countdown:
    """The big number shown while a stretch is held, and how much of the hold is left."""

    number: int
    remaining: float  # 1 at the start of the hold, 0 at its end


def figure_svg(figure: Figure) -> tuple[str, str]:
    """The body as filled, outlined capsules, in two layers: the far limbs, then the rest."""
    p = figure.points
    trunk_top = offset(p["shoulder"], figure.directions["torso"], -10.0)
    waist = offset(p["hip"], figure.directions["torso"], 26.0)
    far = [_arm(figure, "far", FAR), _leg(figure, "far", FAR)]
    near = [
        path(capsule(p["shoulder"], NECK, p["head"], NECK - 1), NEAR.skin),
        # Trousers show below the shirt's hem as a rounded seat.
        path(capsule(p["hip"], PELVIS, waist, PELVIS), NEAR.trousers),
        path(capsule(waist, PELVIS + 1, trunk_top, CHEST), NEAR.shirt),
        _leg(figure, "near", NEAR),
        _head(figure),
        _arm(figure, "near", NEAR),
    ]
    return _outlined(far), _outlined(near)


def _outlined(parts: list[str]) -> str:
    return (
        f'<g stroke="{OUTLINE}" stroke-width="{num(OUTLINE_WIDTH)}" stroke-linejoin="round"'
        f' stroke-linecap="round">{"".join(parts)}</g>'
    )


def _leg(figure: Figure, side: str, tones: Tones) -> str:
    p = figure.points
    hip, knee, ankle = p["hip"], p[f"{side}_knee"], p[f"{side}_ankle"]
    return "".join(
        [
            path(capsule(p[f"{side}_heel"], SHOE[0], p[f"{side}_toe"], SHOE[1]), tones.shoe),
            path(capsule(knee, SHIN[0], ankle, SHIN[1]), tones.trousers),
            path(capsule(hip, THIGH[0], knee, THIGH[1]), tones.trousers),
        ]
    )


def _arm(figure: Figure, side: str, tones: Tones) -> str:
    p = figure.points
    shoulder, elbow, hand = p["shoulder"], p[f"{side}_elbow"], p[f"{side}_hand"]
    return "".join(
        [
            path(capsule(elbow, FOREARM[0], hand, FOREARM[1]), tones.skin),
            circle(hand, HAND, tones.skin),
            path(capsule(shoulder, UPPER_ARM[0], elbow, UPPER_ARM[1]), tones.shirt),
        ]
    )


def _head(figure: Figure) -> str:
    centre = figure.points["head"]
    up = figure.directions["head"]
    r = BODY.head_radius

    def at(forward: float, upward: float) -> Point:
        """A point on the face, in head radii forward of and above the centre."""
        f, u = direction(up - 90.0), direction(up)
        return (
            centre[0] + r * (forward * f[0] + upward * u[0]),
            centre[1] + r * (forward * f[1] + upward * u[1]),
        )

    # Hair covers the back and top of the head, cut off by a gently bowed hairline.
    front_top, back_low = offset(centre, up - 28.0, r), offset(centre, up + 112.0, r)
    hairline = at(0.05, 0.12)  # bows the hairline so it reads as a fringe, not a cap
    hair = (
        f"M{pt(front_top)}A{num(r)},{num(r)} 0 0 0 {pt(back_low)}Q{pt(hairline)} {pt(front_top)}Z"
    )
    smile = f"M{pt(at(0.42, -0.34))}Q{pt(at(0.66, -0.52))} {pt(at(0.84, -0.26))}"
    return "".join(
        [
            circle(centre, r, NEAR.skin),
            path(hair, HAIR),
            circle(at(0.52, 0.12), 4.2, OUTLINE, stroke="none"),  # eye
            path(smile, "none", stroke_width="3.2"),
        ]
    )


# --- Highlights -------------------------------------------------------------------------------

# Where each muscle sits on its segment: (bone, fraction along it, offset to the front in
# units, length, width). Negative offsets are behind the bone.
_MUSCLES = {
    "quad": ("thigh", 0.5, 8.0, 92.0, 40.0),
    # The inner front thigh muscle (vastus medialis) bulges just above the kneecap.
    "inner_quad": ("thigh", 0.9, 9.0, 40.0, 30.0),
    # Kept to the back of the thigh, so it cannot be read as the front.
    "hamstring": ("thigh", 0.5, -13.0, 88.0, 22.0),
    "glute": ("thigh", 0.12, -22.0, 70.0, 54.0),
    "hip_flexor": ("thigh", 0.12, 16.0, 64.0, 34.0),
    "calf": ("shin", 0.3, -8.0, 70.0, 34.0),
    "knee": ("shin", 0.0, 0.0, 64.0, 64.0),
}


def glow_svg(figure: Figure) -> str:
    """Soft warm glows over the working muscles named in the pose."""
    shapes = []
    for name, strength in figure.pose.glow.items():
        side, muscle = name.split("_", 1)
        bone, along, front, length, width = _MUSCLES[muscle]
        start = figure.points["hip"] if bone == "thigh" else figure.points[f"{side}_knee"]
        angle = figure.directions[f"{side}_{bone}"]
        bone_length = BODY.thigh if bone == "thigh" else BODY.shin
        centre = offset(offset(start, angle, along * bone_length), angle + 90.0, front)
        dx, dy = direction(angle)
        tilt = math.degrees(math.atan2(dy, dx))
        shapes.append(
            f'<ellipse cx="{num(centre[0])}" cy="{num(centre[1])}" rx="{num(length / 2)}"'
            f' ry="{num(width / 2)}" transform="rotate({num(tilt)} {pt(centre)})"'
            f' fill="url(#glow)" opacity="{strength:.2f}"/>'
        )
    return "".join(shapes)


_DEFS = (
    "<defs>"
    '<radialGradient id="glow">'
    f'<stop offset="0" stop-color="{GLOW}" stop-opacity="0.95"/>'
    f'<stop offset="0.55" stop-color="{GLOW}" stop-opacity="0.6"/>'
    f'<stop offset="1" stop-color="{GLOW}" stop-opacity="0"/>'
    "</radialGradient>"
    "</defs>"
)


# --- Scenes and documents ---------------------------------------------------------------------


def scene_svg(props: Sequence[Prop], pose: Pose) -> str:
    """The figure in `pose` with its props and highlights, mirrored when it faces left."""
    figure = solve(pose)
    far, near = figure_svg(figure)
    turning = [prop for prop in props if prop.turns]
    layers = ["".join(prop.svg(figure) for prop in turning if prop.layer == n) for n in range(3)]
    scene = layers[BEHIND] + far + layers[BETWEEN_LEGS] + near + glow_svg(figure)
    scene += layers[IN_FRONT]
    fixed = "".join(prop.svg(figure) for prop in props if not prop.turns)
    if abs(pose.facing - 1.0) < 1e-9:
        return fixed + scene
    # Turning round is a horizontal squash through zero about the hips; the floor stays put.
    x = num(figure.points["hip"][0])
    facing = f"{pose.facing:.4f}" if abs(pose.facing) > 1e-4 else "0.0001"
    return f'{fixed}<g transform="translate({x},0) scale({facing},1) translate(-{x},0)">{scene}</g>'


def document(body: str, view: ViewBox, size: tuple[int, int]) -> str:
    """A complete SVG file: background, then `body`; no scripts, links or external files."""
    x, y, width, height = view
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size[0]}" height="{size[1]}"'
        f' viewBox="{num(x)} {num(y)} {num(width)} {num(height)}">'
        f"{_DEFS}"
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}"'
        f' fill="{BACKGROUND}"/>'
        f"{body}</svg>\n"
    )


def illustration_svg(props: Sequence[Prop], pose: Pose, view: ViewBox = ILLUSTRATION_VIEW) -> str:
    """A step or article illustration (800 x 600), showing `view` of the scene (4:3)."""
    return document(scene_svg(props, pose), view, (800, 600))


def frame_svg(
    props: Sequence[Prop],
    pose: Pose,
    countdown: Countdown | None = None,
    font_family: str = "sans-serif",
    size: tuple[int, int] = VIDEO_SIZE,
    countdown_low: bool = False,
) -> str:
    """One video frame (16:9), with the hold countdown in the top right corner when given
    (the bottom right when `countdown_low`: the captions then sit at the top)."""
    overlay = "" if countdown is None else countdown_svg(countdown, font_family, countdown_low)
    return document(scene_svg(props, pose) + overlay, VIDEO_VIEW, size)


def countdown_svg(countdown: Countdown, font_family: str, low: bool = False) -> str:
    """A large number in a white disc, ringed by the part of the hold still to go."""
    x0, y0, width, height = VIDEO_VIEW
    centre = (x0 + width - 96.0, y0 + (height - 96.0 if low else 96.0))
    radius = 66.0
    ring = {"stroke_width": "12", "stroke_linecap": "round"}
    parts = [
        circle(centre, radius + 14, "#FFFFFF", stroke="#D5DEE4", stroke_width="2"),
        circle(centre, radius, "none", stroke="#E3EAEE", **ring),
    ]
    remaining = min(max(countdown.remaining, 0.0), 1.0)
    if remaining > 0.999:
        parts.append(circle(centre, radius, "none", stroke=NEAR.shirt, **ring))
    elif remaining > 0.001:
        # Clockwise from twelve o'clock, shrinking as the hold runs down.
        end_angle = -math.pi / 2 + 2 * math.pi * remaining
        start = (centre[0], centre[1] - radius)
        end = (centre[0] + radius * math.cos(end_angle), centre[1] + radius * math.sin(end_angle))
        large = 1 if remaining > 0.5 else 0
        arc = f"M{pt(start)}A{num(radius)},{num(radius)} 0 {large} 1 {pt(end)}"
        parts.append(path(arc, "none", stroke=NEAR.shirt, **ring))
    size = 76
    parts.append(
        f'<text x="{num(centre[0])}" y="{num(centre[1] + size * 0.35)}" text-anchor="middle"'
        f' font-family="{font_family}" font-weight="bold" font-size="{size}"'
        f' fill="{OUTLINE}">{countdown.number}</text>'
    )
    return "".join(parts)
