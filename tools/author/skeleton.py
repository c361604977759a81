"""A side-view body: poses as joint angles, and the kinematics that place its joints.

Angles are in degrees. An absolute direction of 0 points straight down the page, 90 points the
way the figure faces (right), 180 points up. The figure always faces right here; facing left is
a mirror applied when drawing. Relative joint angles are anatomical: positive hip, shoulder and
neck angles are flexion (forward), positive knee and elbow angles are bend, a positive ankle
angle pulls the toes up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Point = tuple[float, float]

SIDES = ("near", "far")
LIMB_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")
ANGLES = ("torso", "neck", *(f"{side}_{joint}" for side in SIDES for joint in LIMB_JOINTS))
REACHING_ENDS = tuple(f"{side}_{end}" for side in SIDES for end in ("hand", "ankle"))


@dataclass(frozen=True)
class Body:
    """Segment lengths in scene units; a figure standing on the floor is about 450 tall."""

    torso: float = 128.0  # hip joint to shoulder joint
    neck: float = 14.0  # shoulder joint to the base of the neck
    head_radius: float = 34.0
    upper_arm: float = 80.0
    forearm: float = 74.0  # elbow to the middle of the hand
    thigh: float = 108.0
    shin: float = 102.0
    foot: float = 46.0  # heel to toe
    ankle_height: float = 18.0  # ankle joint above the ground when the foot is flat


BODY = Body()


@dataclass(frozen=True)
class Target:
    """A point in the scene, or an offset from one of the figure's solved joints."""

    x: float
    y: float
    joint: str | None = None


@dataclass(frozen=True)
class Pose:
    """Everything needed to place the figure: where its hips are and how each joint is bent.

    `reach` asks a hand or ankle to be at a target; its limb's angles are then solved.
    `anchor` moves the whole figure so that one joint lands on a point (a knee on the mat).
    `planted` feet lie flat on the ground whatever the shin does. `glow` highlights muscles,
    by name (e.g. "near_quad"), with a strength from 0 to 1.
    """

    root: Point
    angles: Mapping[str, float] = field(default_factory=dict)
    reach: Mapping[str, Target] = field(default_factory=dict)
    anchor: tuple[str, Point] | None = None
    planted: frozenset[str] = frozenset()
    facing: float = 1.0
    glow: Mapping[str, float] = field(default_factory=dict)

    def angle(self, name: str) -> float:
        """One joint angle; joints the pose does not mention are straight (0)."""
        return self.angles.get(name, 0.0)


def pose(
    root: Point,
    *,
    reach: Mapping[str, Target] | None = None,
    anchor: tuple[str, Point] | None = None,
    planted: Iterable[str] = (),
    facing: float = 1.0,
    glow: Iterable[str] = (),
    **angles: float,
) -> Pose:
    """Build a pose, refusing misspelt joint names so a typo cannot silently straighten a limb."""
    unknown = sorted(set(angles) - set(ANGLES)) + sorted(set(reach or {}) - set(REACHING_ENDS))
    if unknown:
        raise ValueError(f"unknown joint names: {', '.join(unknown)}")
    return Pose(
        root=root,
        angles=dict(angles),
        reach=dict(reach or {}),
        anchor=anchor,
        planted=frozenset(planted),
        facing=facing,
        glow=dict.fromkeys(glow, 1.0),
    )


@dataclass(frozen=True)
class Figure:
    """A solved pose: joint positions, absolute segment directions and the angles used."""

    points: Mapping[str, Point]
    directions: Mapping[str, float]
    angles: Mapping[str, float]
    pose: Pose


def direction(angle: float) -> Point:
    """The unit vector of an absolute direction (0 down, 90 forward, 180 up)."""
    radians = math.radians(angle)
    return (math.sin(radians), math.cos(radians))


def angle_of(dx: float, dy: float) -> float:
    """The absolute direction of a vector, the inverse of `direction`."""
    return math.degrees(math.atan2(dx, dy))


def offset(start: Point, angle: float, length: float) -> Point:
    """The point `length` away from `start` in direction `angle`."""
    dx, dy = direction(angle)
    return (start[0] + dx * length, start[1] + dy * length)


def wrap(angle: float) -> float:
    """The same angle expressed between -180 and 180, so differences take the short way."""
    return (angle + 180.0) % 360.0 - 180.0


def two_bone(
    base: Point, target: Point, first: float, second: float, bend: float
) -> tuple[float, float]:
    """Directions of two bones from `base` whose end lands on `target` (or points at it).

    `bend` picks the elbow or knee side: -1 bends the way an elbow does, +1 the way a knee does.
    """
    dx, dy = target[0] - base[0], target[1] - base[1]
    # Out-of-reach targets straighten the limb towards them rather than failing.
    distance = min(max(math.hypot(dx, dy), abs(first - second) + 1e-6), first + second - 1e-6)
    cosine = (first**2 + distance**2 - second**2) / (2 * first * distance)
    upper = angle_of(dx, dy) + bend * math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    middle = offset(base, upper, first)
    return upper, angle_of(target[0] - middle[0], target[1] - middle[1])


def solve(pose: Pose, body: Body = BODY) -> Figure:
    """Place every joint of `pose` (forward kinematics, then reaching and anchoring)."""
    lean = pose.angle("torso")
    up, down = 180.0 - lean, -lean
    points: dict[str, Point] = {"hip": pose.root}
    dirs: dict[str, float] = {"torso": up, "head": up - pose.angle("neck")}
    for side in SIDES:
        dirs[f"{side}_thigh"] = down + pose.angle(f"{side}_hip")
        dirs[f"{side}_shin"] = dirs[f"{side}_thigh"] - pose.angle(f"{side}_knee")
        dirs[f"{side}_upper_arm"] = down + pose.angle(f"{side}_shoulder")
        dirs[f"{side}_forearm"] = dirs[f"{side}_upper_arm"] + pose.angle(f"{side}_elbow")
    _place_trunk(points, dirs, body)
    for side in SIDES:
        _place_leg(points, dirs, side, body)
        _place_arm(points, dirs, side, body)
    if pose.anchor is not None:
        joint, (x, y) = pose.anchor
        shift_x, shift_y = x - points[joint][0], y - points[joint][1]
        points = {name: (px + shift_x, py + shift_y) for name, (px, py) in points.items()}

    for side in SIDES:
        target = pose.reach.get(f"{side}_ankle")
        if target is not None:
            goal = _resolve(target, points)
            thigh, shin = two_bone(points["hip"], goal, body.thigh, body.shin, bend=1.0)
            dirs[f"{side}_thigh"], dirs[f"{side}_shin"] = thigh, shin
            _place_leg(points, dirs, side, body)
        # A planted foot points forward along the ground; a free one follows its shin.
        shin = dirs[f"{side}_shin"]
        dirs[f"{side}_foot"] = (
            90.0 if side in pose.planted else shin + 90.0 + pose.angle(f"{side}_ankle")
        )
        _place_foot(points, dirs, side, body)

    for side in SIDES:
        target = pose.reach.get(f"{side}_hand")
        if target is not None:
            goal = _resolve(target, points)
            upper, fore = two_bone(points["shoulder"], goal, body.upper_arm, body.forearm, -1.0)
            dirs[f"{side}_upper_arm"], dirs[f"{side}_forearm"] = upper, fore
        _place_arm(points, dirs, side, body)

    return Figure(points=points, directions=dirs, angles=_joint_angles(dirs), pose=pose)


def _resolve(target: Target, points: Mapping[str, Point]) -> Point:
    if target.joint is None:
        return (target.x, target.y)
    x, y = points[target.joint]
    return (x + target.x, y + target.y)


def _place_trunk(points: dict[str, Point], dirs: Mapping[str, float], body: Body) -> None:
    points["shoulder"] = offset(points["hip"], dirs["torso"], body.torso)
    points["neck"] = offset(points["shoulder"], dirs["torso"], body.neck)
    points["head"] = offset(points["neck"], dirs["head"], body.head_radius + 4.0)


def _place_leg(points: dict[str, Point], dirs: Mapping[str, float], side: str, body: Body) -> None:
    points[f"{side}_knee"] = offset(points["hip"], dirs[f"{side}_thigh"], body.thigh)
    points[f"{side}_ankle"] = offset(points[f"{side}_knee"], dirs[f"{side}_shin"], body.shin)


def _place_foot(points: dict[str, Point], dirs: Mapping[str, float], side: str, body: Body) -> None:
    foot = dirs[f"{side}_foot"]
    # The heel sits below and a little behind the ankle joint, on the sole's side of the foot.
    below = offset(points[f"{side}_ankle"], foot - 90.0, body.ankle_height - 10.0)
    heel = offset(below, foot, -10.0)
    points[f"{side}_heel"] = heel
    points[f"{side}_toe"] = offset(heel, foot, body.foot)


def _place_arm(points: dict[str, Point], dirs: Mapping[str, float], side: str, body: Body) -> None:
    points[f"{side}_elbow"] = offset(points["shoulder"], dirs[f"{side}_upper_arm"], body.upper_arm)
    points[f"{side}_hand"] = offset(points[f"{side}_elbow"], dirs[f"{side}_forearm"], body.forearm)


def _joint_angles(dirs: Mapping[str, float]) -> dict[str, float]:
    """The relative angles that reproduce `dirs`, so solved (reached) limbs can be blended."""
    down = dirs["torso"] - 180.0
    angles = {"torso": wrap(-down), "neck": wrap(dirs["torso"] - dirs["head"])}
    for side in SIDES:
        thigh, shin = dirs[f"{side}_thigh"], dirs[f"{side}_shin"]
        upper = dirs[f"{side}_upper_arm"]
        angles[f"{side}_hip"] = wrap(thigh - down)
        angles[f"{side}_knee"] = wrap(thigh - shin)
        angles[f"{side}_ankle"] = wrap(dirs[f"{side}_foot"] - shin - 90.0)
        angles[f"{side}_shoulder"] = wrap(upper - down)
        angles[f"{side}_elbow"] = wrap(dirs[f"{side}_forearm"] - upper)
    return angles


def ease(t: float) -> float:
    """Ease in and out: slow to start, slow to stop, as a person moves."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)


def blend(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction `t` of the way from `start` to `end` (no easing applied here).

    Angles blend from what each pose actually solved to, so a hand that lets go of a chair
    moves smoothly from where it was. Reaches and anchors both poses share stay in force.
    """
    first, last = solve(start), solve(end)
    angles = {
        name: first.angles[name] + wrap(last.angles[name] - first.angles[name]) * t
        for name in ANGLES
    }
    root = _mix(first.points["hip"], last.points["hip"], t)
    glow = {
        name: start.glow.get(name, 0.0) * (1 - t) + end.glow.get(name, 0.0) * t
        for name in sorted(set(start.glow) | set(end.glow))
    }
    return Pose(
        root=root,
        angles=angles,
        reach=_blend_reach(start.reach, end.reach, t),
        anchor=start.anchor if start.anchor == end.anchor else None,
        planted=start.planted & end.planted,
        facing=start.facing + (end.facing - start.facing) * t,
        glow={name: strength for name, strength in glow.items() if strength > 0.0},
    )


def _blend_reach(
    start: Mapping[str, Target], end: Mapping[str, Target], t: float
) -> dict[str, Target]:
    """Targets both poses share; a foot moving to a new spot lifts on the way, as in a step."""
    blended = {}
    for name, first in start.items():
        last = end.get(name)
        if last is None or last.joint != first.joint:
            continue
        x, y = _mix((first.x, first.y), (last.x, last.y), t)
        if name.endswith("_ankle"):
            y -= min(40.0, 0.3 * abs(last.x - first.x)) * math.sin(math.pi * t)
        blended[name] = Target(x, y, first.joint)
    return blended


def _mix(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
