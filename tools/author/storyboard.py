"""The built-in content: every pose, illustration and stretch video, with its captions.

Each pose is written once and used both for a still drawing and as a video keyframe.
Coordinates are scene units: x grows to the right, y downwards, the floor is at FLOOR.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from tools.author.drawing import ILLUSTRATION_VIEW, Prop, ViewBox
from tools.author.props import (
    CHAIR_BACK_TOP,
    FLOOR,
    MAT_TOP,
    SEAT_TOP,
    Chair,
    ColdPack,
    Floor,
    Mat,
    MatFromAbove,
    Pillow,
    Stool,
    Table,
    Towel,
    Wall,
    WaveLines,
)
from tools.author.skeleton import BODY, Pose, Target, pose
from tools.author.timeline import Cue, Segment, Video

ANKLE_ON_FLOOR = FLOOR - BODY.ankle_height
ANKLE_ON_MAT = MAT_TOP - BODY.ankle_height
STANDING_HIP = ANKLE_ON_FLOOR - BODY.thigh - BODY.shin
SEATED_HIP = SEAT_TOP - 22.0  # the thigh's thickness rests on the seat
LYING_HIP = MAT_TOP - 30.0
LEG = BODY.thigh + BODY.shin


@dataclass(frozen=True)
class Illustration:
    """One still drawing: its file name (without .svg), props, pose and framing."""

    name: str
    props: tuple[Prop, ...]
    pose: Pose
    view: ViewBox = ILLUSTRATION_VIEW


def _closer(left: float, top: float, width: float) -> ViewBox:
    """A 4:3 close-up, for figures on the floor that would look small in the full scene."""
    return (left, top, width, width * 3 / 4)


# --- Glute bridge: lying on the back, head to the left --------------------------------------

BRIDGE_HIP_X = 400.0
BRIDGE_SHOULDER = (BRIDGE_HIP_X - BODY.torso, MAT_TOP - 33.0)
BRIDGE_FEET = Target(BRIDGE_HIP_X + 110, ANKLE_ON_MAT)
BRIDGE_PROPS: tuple[Prop, ...] = (Floor(), Mat(150, 650))


def _bridge(lift: float, glow: tuple[str, ...] = ()) -> Pose:
    """Lying on the back with knees bent; `lift` tilts the trunk up from the shoulders."""
    return pose(
        (BRIDGE_HIP_X, LYING_HIP),
        anchor=("shoulder", BRIDGE_SHOULDER),
        reach={"near_ankle": BRIDGE_FEET, "far_ankle": BRIDGE_FEET},
        planted=("near", "far"),
        glow=glow,
        torso=-90 - lift,
        neck=lift,
        near_shoulder=-8 - lift,
        far_shoulder=-8 - lift,
    )


# --- Chair work: standing behind a chair, facing right ---------------------------------------

CHAIR_STAND_X = 330.0
CHAIR_BACK_X = CHAIR_STAND_X + 92
ON_CHAIR_BACK = Target(CHAIR_BACK_X + 7, CHAIR_BACK_TOP + 2)
BEHIND_CHAIR_PROPS: tuple[Prop, ...] = (Floor(), Chair(CHAIR_BACK_X))


STAND_AT_CHAIR = pose(
    (CHAIR_STAND_X, STANDING_HIP),
    reach={"near_hand": ON_CHAIR_BACK, "far_hand": ON_CHAIR_BACK},
    planted=("near", "far"),
)
HIP_EXTENSION = pose(
    (CHAIR_STAND_X, STANDING_HIP),
    reach={"near_hand": ON_CHAIR_BACK, "far_hand": ON_CHAIR_BACK},
    planted=("far",),
    glow=("near_glute",),
    torso=4,
    near_hip=-26,
    near_ankle=-12,
)
SQUAT_FEET = Target(CHAIR_STAND_X + 6, ANKLE_ON_FLOOR)
MINI_SQUAT = pose(
    (CHAIR_STAND_X - 34, STANDING_HIP + 26),
    reach={
        "near_hand": ON_CHAIR_BACK,
        "far_hand": ON_CHAIR_BACK,
        "near_ankle": SQUAT_FEET,
        "far_ankle": SQUAT_FEET,
    },
    planted=("near", "far"),
    glow=("near_quad", "near_glute"),
    torso=24,
)

# --- Lying and sitting on a mat ---------------------------------------------------------------

SLR_HIP_X = 400.0
SLR_BENT_FOOT = Target(SLR_HIP_X + 150, ANKLE_ON_MAT)


def _leg_raise(lift: float, toes: float, glow: tuple[str, ...] = ()) -> Pose:
    """Lying on the back, far knee bent, near leg straight and raised `lift` degrees."""
    return pose(
        (SLR_HIP_X, LYING_HIP),
        reach={"far_ankle": SLR_BENT_FOOT},
        planted=("far",),
        glow=glow,
        torso=-90,
        near_hip=-5 + lift,
        near_ankle=toes,
        near_shoulder=-8,
        far_shoulder=-8,
    )


QUAD_SET_HIP = (300.0, MAT_TOP - 27)
TOWEL = Towel(QUAD_SET_HIP[0] + 105, radius=18)
HANDS_BEHIND = Target(QUAD_SET_HIP[0] - 115, MAT_TOP - 10)


def _quad_set(knee: float, thigh_up: float, glow: tuple[str, ...] = ()) -> Pose:
    """Sitting on the mat, legs out in front; the near knee rests on a rolled towel."""
    return pose(
        QUAD_SET_HIP,
        reach={"near_hand": HANDS_BEHIND, "far_hand": HANDS_BEHIND},
        glow=glow,
        torso=-24,
        near_hip=66 + thigh_up,
        near_knee=knee,
        near_ankle=4,
        far_hip=62,
        far_knee=2,
        far_ankle=4,
    )


# --- Seated on a chair ------------------------------------------------------------------------

SEAT_CHAIR_X = 240.0
SEATED_HIP_X = SEAT_CHAIR_X + 96


SEATED_FEET = Target(SEATED_HIP_X + BODY.thigh + 6, ANKLE_ON_FLOOR)
SLUMPED_FEET = Target(SEATED_HIP_X + BODY.thigh + 44, ANKLE_ON_FLOOR)
SLUMPED = pose(
    (SEATED_HIP_X + 26, SEATED_HIP + 4),  # slid forward on the seat
    reach={
        "near_ankle": SLUMPED_FEET,
        "far_ankle": SLUMPED_FEET,
        "near_hand": Target(-40, -24, "near_knee"),
        "far_hand": Target(-50, -24, "far_knee"),
    },
    planted=("near", "far"),
    glow=("near_quad", "near_glute"),
    torso=-22,
    neck=38,
)

# The "while you wait" routine: seated or standing, with only the waiting room's chair.
SEATED_HANDS = {
    "near_hand": Target(-40, -24, "near_knee"),
    "far_hand": Target(-50, -24, "far_knee"),
}
# A straight leg held out, a little below the level of the seat.
STRAIGHT_FOOT = Target(
    SEATED_HIP_X + (LEG - 1) * math.cos(math.radians(10)),
    SEATED_HIP + (LEG - 1) * math.sin(math.radians(10)),
)
SIT_TALL = pose(
    (SEATED_HIP_X, SEATED_HIP),
    reach={"near_ankle": SEATED_FEET, "far_ankle": SEATED_FEET, **SEATED_HANDS},
    planted=("near", "far"),
)


def _knee_straight(side: str) -> Pose:
    """Sitting tall with the `side` knee straight out and its toes up; the other foot down."""
    other = "far" if side == "near" else "near"
    return pose(
        (SEATED_HIP_X, SEATED_HIP),
        reach={f"{side}_ankle": STRAIGHT_FOOT, f"{other}_ankle": SEATED_FEET, **SEATED_HANDS},
        planted=(other,),
        glow=(f"{side}_inner_quad", f"{side}_quad"),
        **{f"{side}_ankle": 14},
    )


STAND_HIP_X = SEATED_HIP_X + 90  # stood up from the chair, just in front of its seat
STAND_FEET = Target(STAND_HIP_X + 4, ANKLE_ON_FLOOR)
SIT_EDGE_FEET = Target(SEATED_HIP_X + BODY.thigh - 14, ANKLE_ON_FLOOR)  # feet a little back
ARMS_CROSSED = Target(30, 60, "shoulder")
SIT_AT_EDGE = pose(
    (SEATED_HIP_X + 30, SEATED_HIP),
    reach={
        "near_ankle": SIT_EDGE_FEET,
        "far_ankle": SIT_EDGE_FEET,
        "near_hand": ARMS_CROSSED,
        "far_hand": ARMS_CROSSED,
    },
    planted=("near", "far"),
)
LEAN_TO_STAND = replace(SIT_AT_EDGE, angles={"torso": 38.0, "neck": -20.0})
STOOD_UP = pose(
    (STAND_HIP_X, STANDING_HIP),
    reach={
        "near_ankle": STAND_FEET,
        "far_ankle": STAND_FEET,
        "near_hand": ARMS_CROSSED,
        "far_hand": ARMS_CROSSED,
    },
    planted=("near", "far"),
    glow=("near_glute", "near_quad"),
)
SEATED_PROPS: tuple[Prop, ...] = (Floor(), Chair(SEAT_CHAIR_X))

ICE_STOOL_X = SEATED_HIP_X + 170
ICING = pose(
    (SEATED_HIP_X, SEATED_HIP),
    reach={
        "near_ankle": Target(ICE_STOOL_X + 60, SEAT_TOP - 4),  # the heel rests on the stool
        "far_ankle": SEATED_FEET,
        "near_hand": Target(-6, -26, "near_knee"),
        "far_hand": Target(-42, -24, "far_knee"),
    },
    planted=("far",),
    torso=-6,
    near_ankle=-10,
)
ICE_PROPS: tuple[Prop, ...] = (
    Floor(),
    Chair(SEAT_CHAIR_X),
    Stool(ICE_STOOL_X),
    ColdPack(),
)

EXAM_TABLE = Table(250, 520, FLOOR - 196)
ON_EXAM_TABLE = pose(
    (430.0, EXAM_TABLE.top - 22),
    reach={
        "far_hand": Target(EXAM_TABLE.left + 130, EXAM_TABLE.top + 2),
        "near_hand": Target(-24, -24, "near_knee"),
    },
    glow=("near_knee",),
    torso=-4,
    near_hip=86,
    near_knee=82,
    near_ankle=-10,
    far_hip=82,
    far_knee=70,
    far_ankle=-10,
)

TREATMENT_TABLE = Table(170, 660, FLOOR - 176)
ON_TREATMENT_TABLE = pose(
    (420.0, TREATMENT_TABLE.top - 30),
    glow=("near_knee",),
    torso=-90,
    neck=26,  # the head rests on the pillow
    near_hip=-3,
    near_ankle=4,
    far_hip=-3,
    far_ankle=4,
    near_shoulder=-6,
    far_shoulder=-6,
)

WAVING = pose(
    (400.0, STANDING_HIP),
    planted=("near", "far"),
    neck=-4,
    near_shoulder=100,
    near_elbow=72,
    far_shoulder=8,
    far_elbow=10,
)

# --- The stretch videos' poses ----------------------------------------------------------------

# Standing quad stretch: beside a chair, holding its back with the far hand.
QUAD_STAND_X = 380.0
QUAD_CHAIR_X = QUAD_STAND_X + 92
QUAD_PROPS: tuple[Prop, ...] = (Floor(), Chair(QUAD_CHAIR_X))
QUAD_CHAIR_HAND = Target(QUAD_CHAIR_X + 7, CHAIR_BACK_TOP + 2)
QUAD_READY = pose(
    (QUAD_STAND_X, STANDING_HIP),
    reach={"far_hand": QUAD_CHAIR_HAND},
    planted=("near", "far"),
    near_shoulder=4,
    near_elbow=8,
)
QUAD_STRETCH = pose(
    (QUAD_STAND_X, STANDING_HIP),
    reach={"far_hand": QUAD_CHAIR_HAND, "near_hand": Target(-2, -6, "near_ankle")},
    planted=("far",),
    glow=("near_quad",),
    near_hip=-6,
    near_knee=150,
    near_ankle=-34,
)
# Switching sides is turning round: the same poses, mirrored.
QUAD_READY_TURNED = replace(QUAD_READY, facing=-1.0)
QUAD_STRETCH_TURNED = replace(QUAD_STRETCH, facing=-1.0)

# Side-lying quad stretch, seen from above: head to the left, front of the body up the page.
# The bottom leg bends forward for balance, clear of the top leg, whose shin folds back
# towards the bottom of the page, where the top hand holds its ankle: each limb apart.
SIDE_HIP = (430.0, 285.0)
SIDE_PROPS: tuple[Prop, ...] = (MatFromAbove(110, 160, 620, 290),)
SIDE_BOTTOM_LEG = {"far_hip": 35.0, "far_knee": 75.0}
SIDE_READY = pose(
    SIDE_HIP,
    torso=-90,
    neck=-6,
    far_shoulder=172,
    far_elbow=24,  # the lower arm pillows the head
    near_shoulder=-4,
    near_elbow=8,
    near_hip=4,
    near_knee=8,
    **SIDE_BOTTOM_LEG,
)
SIDE_STRETCH = pose(
    SIDE_HIP,
    reach={"near_hand": Target(-4, 0, "near_ankle")},
    glow=("near_quad",),
    torso=-90,
    neck=-6,
    far_shoulder=172,
    far_elbow=24,
    near_hip=-15,
    near_knee=120,
    near_ankle=-20,
    **SIDE_BOTTOM_LEG,
)

# Kneeling hip flexor stretch: the near (back) knee on the mat, the far foot forward.
KNEE_ON_MAT = (320.0, MAT_TOP - 16)
KNEEL_PROPS: tuple[Prop, ...] = (Floor(), Mat(170, 640))
KNEEL_FRONT_FOOT = Target(KNEE_ON_MAT[0] + 150, ANKLE_ON_MAT)
HANDS_ON_HIPS = Target(12, -30, "hip")


def _kneel(hip: float, lean: float, glow: tuple[str, ...] = ()) -> Pose:
    """Half kneeling; `hip` extends the back thigh (negative moves the hips forward)."""
    return pose(
        (0.0, 0.0),  # the anchor places the figure
        anchor=("near_knee", KNEE_ON_MAT),
        reach={
            "far_ankle": KNEEL_FRONT_FOOT,
            "near_hand": HANDS_ON_HIPS,
            "far_hand": HANDS_ON_HIPS,
        },
        planted=("far",),
        glow=glow,
        torso=lean,
        near_hip=hip,
        near_knee=90 + hip - lean,  # keeps the back shin flat on the mat
        near_ankle=-80,
    )


KNEEL_READY = _kneel(-4, 0)
KNEEL_STRETCH = _kneel(-28, -2, ("near_hip_flexor",))

# Seated hamstring stretch: near the front of the seat, the near leg straight out.
HAM_CHAIR_X = 210.0
HAM_HIP = (HAM_CHAIR_X + 118, SEATED_HIP)
HAM_PROPS: tuple[Prop, ...] = (Floor(), Chair(HAM_CHAIR_X))
HEEL_DOWN_ANKLE = FLOOR - 23.0  # a heel on the floor with the toes up
HAM_HEEL = Target(
    HAM_HIP[0] + math.sqrt(LEG**2 - (HEEL_DOWN_ANKLE - HAM_HIP[1]) ** 2), HEEL_DOWN_ANKLE
)


def _hamstring(lean: float, hand: Target, glow: tuple[str, ...] = ()) -> Pose:
    """Sitting with the near leg straight, heel down, toes up, leaning `lean` degrees."""
    return pose(
        HAM_HIP,
        reach={
            "near_ankle": HAM_HEEL,
            "far_ankle": Target(HAM_HIP[0] + BODY.thigh + 4, ANKLE_ON_FLOOR),
            "near_hand": hand,
            "far_hand": Target(hand.x - 14, hand.y, hand.joint),
        },
        planted=("far",),
        glow=glow,
        torso=lean,
        near_ankle=18,
    )


HAM_READY = _hamstring(0, Target(-50, -22, "near_knee"))
HAM_STRETCH = _hamstring(34, Target(10, -22, "near_knee"), ("near_hamstring",))

# Standing calf stretch: facing a wall, hands on it; the near leg steps back.
CALF_BACK_HEEL = 250.0
CALF_LEAN = 26.0
WALL_X = CALF_BACK_HEEL + 283
CALF_PROPS: tuple[Prop, ...] = (Floor(), Wall(WALL_X))
CALF_FRONT_FOOT = Target(CALF_BACK_HEEL + 145, ANKLE_ON_FLOOR)
HANDS_ON_WALL = Target(WALL_X - 13, 226)
CALF_READY = pose(
    (CALF_FRONT_FOOT.x, STANDING_HIP),
    reach={
        "near_ankle": CALF_FRONT_FOOT,
        "far_ankle": CALF_FRONT_FOOT,
        "near_hand": HANDS_ON_WALL,
        "far_hand": HANDS_ON_WALL,
    },
    planted=("near", "far"),
)
CALF_STRETCH = pose(
    # The hips sit a straight leg's length from the back heel, so that knee is straight.
    (
        CALF_BACK_HEEL + LEG * math.sin(math.radians(CALF_LEAN)),
        ANKLE_ON_FLOOR - LEG * math.cos(math.radians(CALF_LEAN)),
    ),
    reach={
        "near_ankle": Target(CALF_BACK_HEEL, ANKLE_ON_FLOOR),
        "far_ankle": CALF_FRONT_FOOT,
        "near_hand": HANDS_ON_WALL,
        "far_hand": HANDS_ON_WALL,
    },
    planted=("near", "far"),
    glow=("near_calf",),
    torso=CALF_LEAN,
)


SLR_PROPS: tuple[Prop, ...] = (Floor(), Mat(150, 660))
QUAD_SET_PROPS: tuple[Prop, ...] = (Floor(), Mat(110, 600), TOWEL)
CLINIC_PROPS: tuple[Prop, ...] = (
    Floor(),
    TREATMENT_TABLE,
    Pillow(TREATMENT_TABLE.left + 90, TREATMENT_TABLE.top),
)
ON_THE_MAT = _closer(140, 190, 520)

ILLUSTRATIONS: tuple[Illustration, ...] = (
    Illustration("glute-bridge-1", BRIDGE_PROPS, _bridge(0), ON_THE_MAT),
    Illustration("glute-bridge-2", BRIDGE_PROPS, _bridge(20, ("near_glute",)), ON_THE_MAT),
    Illustration("glute-bridge-3", BRIDGE_PROPS, _bridge(10), ON_THE_MAT),
    Illustration("standing-hip-extension-1", BEHIND_CHAIR_PROPS, STAND_AT_CHAIR),
    Illustration("standing-hip-extension-2", BEHIND_CHAIR_PROPS, HIP_EXTENSION),
    Illustration("standing-hip-extension-3", BEHIND_CHAIR_PROPS, STAND_AT_CHAIR),
    Illustration("straight-leg-raise-1", SLR_PROPS, _leg_raise(0, 0), ON_THE_MAT),
    Illustration("straight-leg-raise-2", SLR_PROPS, _leg_raise(0, 12, ("near_quad",)), ON_THE_MAT),
    Illustration(
        "straight-leg-raise-3", SLR_PROPS, _leg_raise(38, 8, ("near_inner_quad",)), ON_THE_MAT
    ),
    Illustration("straight-leg-raise-4", SLR_PROPS, _leg_raise(18, 6), ON_THE_MAT),
    Illustration("quad-set-1", QUAD_SET_PROPS, _quad_set(35, 12.8), _closer(90, 190, 520)),
    Illustration(
        "quad-set-2",
        QUAD_SET_PROPS,
        _quad_set(22, 9.6, ("near_inner_quad",)),
        _closer(90, 190, 520),
    ),
    Illustration("quad-set-3", QUAD_SET_PROPS, _quad_set(35, 12.8), _closer(90, 190, 520)),
    Illustration("mini-squat-1", BEHIND_CHAIR_PROPS, STAND_AT_CHAIR),
    Illustration("mini-squat-2", BEHIND_CHAIR_PROPS, MINI_SQUAT),
    Illustration("mini-squat-3", BEHIND_CHAIR_PROPS, STAND_AT_CHAIR),
    Illustration("seated-knee-straightening-1", SEATED_PROPS, SIT_TALL),
    Illustration("seated-knee-straightening-2", SEATED_PROPS, _knee_straight("near")),
    Illustration("seated-knee-straightening-3", SEATED_PROPS, _knee_straight("far")),
    Illustration("sit-to-stand-1", SEATED_PROPS, SIT_AT_EDGE),
    Illustration("sit-to-stand-2", SEATED_PROPS, STOOD_UP),
    Illustration("sit-to-stand-3", SEATED_PROPS, LEAN_TO_STAND),
    Illustration("standing-thigh-stretch-1", QUAD_PROPS, QUAD_READY),
    Illustration("standing-thigh-stretch-2", QUAD_PROPS, QUAD_STRETCH),
    Illustration("standing-thigh-stretch-3", QUAD_PROPS, QUAD_STRETCH_TURNED),
    Illustration("article-why-knees-hurt", SEATED_PROPS, SLUMPED),
    Illustration("article-cortisone", (Floor(), EXAM_TABLE), ON_EXAM_TABLE),
    Illustration("article-clinic-care", CLINIC_PROPS, ON_TREATMENT_TABLE, _closer(130, 150, 570)),
    Illustration("article-ice-or-heat", ICE_PROPS, ICING),
    Illustration("attract-1", (Floor(), WaveLines()), WAVING),
    # Each slide's picture shows what its words are about (bundle.json's attract.slides).
    Illustration("attract-2", ICE_PROPS, ICING),  # "Ice or heat?"
    Illustration("attract-3", SEATED_PROPS, _knee_straight("near")),  # "While you wait"
)

# --- Captions and videos ---------------------------------------------------------------------
# English cues are short, plain sentences (US grade 6 or below); Spanish uses "usted".

GENTLY = Cue("Stretch gently. Do not bounce.", "Estire con suavidad. No rebote.")
SAFELY = Cue("Breathe normally. Stop if it hurts.", "Respire normalmente. Deténgase si le duele.")


def _hold(*cues: Cue) -> Segment:
    """A 20-second hold with the countdown, its cues sharing the time."""
    return Segment("hold", 20.0, cues=cues)


OTHER_SIDE = Cue("Now do the other side.", "Ahora haga el otro lado.")


def _other_side(ready: Pose, stretch: Pose, *cues: Cue) -> tuple[Segment, ...]:
    """The same stretch on the other side, timed as fully as the first.

    Seen from the side, the other side is the figure turned round: the poses mirrored."""
    turned_ready, turned_stretch = replace(ready, facing=-1.0), replace(stretch, facing=-1.0)
    return (
        Segment("still", 1.5, cues=(OTHER_SIDE,)),
        Segment("move", 1.0, turned_ready),
        Segment("move", 2.0, turned_stretch),
        _hold(*cues, GENTLY, SAFELY),
        Segment("move", 2.0, turned_ready, (Cue("Slowly let go.", "Suelte despacio."),)),
    )


STANDING_QUAD = Video(
    "standing-quad-stretch",
    QUAD_PROPS,
    QUAD_READY,
    (
        Segment(
            "still",
            0.8,
            cues=(Cue("Hold a chair with one hand.", "Agárrese de una silla con una mano."),),
        ),
        Segment("move", 1.0, QUAD_STRETCH),
        _hold(
            Cue("Bend one knee and hold your foot.", "Doble una rodilla y sujete el pie."),
            Cue("Bring your heel toward your bottom.", "Acerque el talón a los glúteos."),
            Cue(
                "Keep your knees together. Stand tall.",
                "Mantenga las rodillas juntas y la espalda recta.",
            ),
            GENTLY,
            SAFELY,
        ),
        Segment("move", 0.7, QUAD_READY, (Cue("Now switch sides.", "Ahora cambie de lado."),)),
        Segment("move", 0.5, QUAD_READY_TURNED),
        Segment("move", 1.0, QUAD_STRETCH_TURNED),
        _hold(
            Cue("Hold your other foot the same way.", "Sujete el otro pie de la misma manera."),
            Cue(
                "You should feel a stretch in the front of your thigh.",
                "Debe sentir un estiramiento en la parte delantera del muslo.",
            ),
            Cue("Keep your knees close together.", "Mantenga las rodillas juntas."),
            GENTLY,
            SAFELY,
        ),
        Segment("move", 0.8, QUAD_READY_TURNED),
    ),
)

SIDE_LYING_QUAD = Video(
    "side-lying-quad-stretch",
    SIDE_PROPS,
    SIDE_READY,
    (
        Segment(
            "still",
            3.0,
            cues=(Cue("Lie on your side on a mat.", "Acuéstese de lado sobre una colchoneta."),),
        ),
        Segment(
            "move",
            2.0,
            SIDE_STRETCH,
            (
                Cue(
                    "Bend your top knee. Hold your ankle.",
                    "Doble la rodilla de arriba. Sujete el tobillo.",
                ),
            ),
        ),
        _hold(
            Cue(
                "Gently pull your heel toward your bottom.",
                "Lleve el talón hacia los glúteos con suavidad.",
            ),
            Cue(
                "Keep your top knee in line with your hip.",
                "Mantenga la rodilla de arriba alineada con la cadera.",
            ),
            Cue(
                "Feel a gentle stretch in the front of your thigh.",
                "Sienta un estiramiento suave en la parte delantera del muslo.",
            ),
            GENTLY,
            SAFELY,
        ),
        Segment(
            "move",
            2.0,
            SIDE_READY,
            (Cue("Slowly let go of your foot.", "Suelte el pie despacio."),),
        ),
        *_other_side(
            SIDE_READY,
            SIDE_STRETCH,
            Cue(
                "Turn over. Bend your top knee. Hold your ankle.",
                "Dese la vuelta. Doble la rodilla de arriba. Sujete el tobillo.",
            ),
            Cue(
                "Gently pull your heel toward your bottom.",
                "Lleve el talón hacia los glúteos con suavidad.",
            ),
        ),
    ),
)

KNEELING_HIP_FLEXOR = Video(
    "kneeling-hip-flexor-stretch",
    KNEEL_PROPS,
    KNEEL_READY,
    (
        Segment(
            "still",
            4.0,
            cues=(
                Cue(
                    "Kneel on one knee on a soft mat.",
                    "Arrodíllese con una rodilla sobre una colchoneta suave.",
                ),
                Cue(
                    "Put your other foot flat in front.",
                    "Apoye el otro pie en el suelo, delante de usted.",
                ),
            ),
        ),
        Segment(
            "move",
            2.0,
            KNEEL_STRETCH,
            (
                Cue(
                    "Gently move your hips forward.", "Lleve la cadera hacia adelante con suavidad."
                ),
            ),
        ),
        _hold(
            Cue("Keep your back straight and tall.", "Mantenga la espalda recta."),
            Cue(
                "Feel a stretch in the front of your hip.",
                "Sienta el estiramiento en la parte delantera de la cadera.",
            ),
            Cue(
                "Keep your front knee over your ankle.",
                "Mantenga la rodilla de adelante sobre el tobillo.",
            ),
            GENTLY,
            SAFELY,
        ),
        Segment(
            "move",
            2.0,
            KNEEL_READY,
            (Cue("Slowly move your hips back.", "Lleve la cadera hacia atrás despacio."),),
        ),
        *_other_side(
            KNEEL_READY,
            KNEEL_STRETCH,
            Cue(
                "Switch legs. Kneel on your other knee.", "Cambie de pierna. Apoye la otra rodilla."
            ),
            Cue("Gently move your hips forward.", "Lleve la cadera hacia adelante con suavidad."),
        ),
    ),
    captions_at_top=True,  # the knee on the mat and the front ankle are low in the picture
)

SEATED_HAMSTRING = Video(
    "seated-hamstring-stretch",
    HAM_PROPS,
    HAM_READY,
    (
        Segment(
            "still",
            4.0,
            cues=(
                Cue("Sit near the front of a chair.", "Siéntese cerca del borde de una silla."),
                Cue(
                    "Put one leg out straight, heel on the floor.",
                    "Estire una pierna al frente, con el talón en el suelo.",
                ),
            ),
        ),
        Segment(
            "move",
            2.5,
            HAM_STRETCH,
            (
                Cue(
                    "Toes up. Lean forward from your hips.",
                    "Con la punta del pie hacia arriba, inclínese hacia adelante desde la cadera.",
                ),
            ),
        ),
        _hold(
            Cue("Keep your back straight.", "Mantenga la espalda recta."),
            Cue(
                "Feel a stretch in the back of your thigh.",
                "Sienta el estiramiento en la parte de atrás del muslo.",
            ),
            Cue("Keep your leg straight.", "Mantenga la pierna estirada."),
            GENTLY,
            SAFELY,
        ),
        Segment("move", 2.0, HAM_READY, (Cue("Slowly sit up tall.", "Enderécese despacio."),)),
        *_other_side(
            HAM_READY,
            HAM_STRETCH,
            Cue(
                "Switch legs. Put the other heel on the floor.",
                "Cambie de pierna. Apoye el otro talón en el suelo.",
            ),
            Cue(
                "Toes up. Lean forward from your hips.",
                "Con la punta del pie hacia arriba, inclínese hacia adelante desde la cadera.",
            ),
        ),
    ),
    captions_at_top=True,  # the heel on the floor is what the first cues talk about
)

STANDING_CALF = Video(
    "standing-calf-stretch",
    CALF_PROPS,
    CALF_READY,
    (
        Segment(
            "still",
            3.5,
            cues=(
                Cue(
                    "Face a wall. Put your hands on it.",
                    "Párese frente a una pared. Apoye las manos en ella.",
                ),
            ),
        ),
        Segment(
            "move",
            2.5,
            CALF_STRETCH,
            (
                Cue(
                    "Step one foot back. Lean toward the wall.",
                    "Dé un paso atrás con un pie. Inclínese hacia la pared.",
                ),
            ),
        ),
        _hold(
            Cue("Keep your back knee straight.", "Mantenga estirada la rodilla de atrás."),
            Cue("Keep your back heel on the floor.", "Mantenga el talón de atrás en el suelo."),
            Cue("Feel a stretch in your calf.", "Sienta el estiramiento en la pantorrilla."),
            GENTLY,
            SAFELY,
        ),
        Segment(
            "move",
            2.5,
            CALF_READY,
            (Cue("Slowly bring your foot back.", "Vuelva a juntar los pies despacio."),),
        ),
        *_other_side(
            CALF_READY,
            CALF_STRETCH,
            Cue("Step the other foot back.", "Dé un paso atrás con el otro pie."),
            Cue("Keep your back heel on the floor.", "Mantenga el talón de atrás en el suelo."),
        ),
    ),
    captions_at_top=True,  # "keep your back heel on the floor": the heels must stay in sight
)

# The stretch series, in the order it plays.
VIDEOS: tuple[Video, ...] = (
    STANDING_QUAD,
    SIDE_LYING_QUAD,
    KNEELING_HIP_FLEXOR,
    SEATED_HAMSTRING,
    STANDING_CALF,
)
