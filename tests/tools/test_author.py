"""The authoring tool: kinematics, drawings, captions, sound and encoding, on real output."""

from __future__ import annotations

import math
import re
from itertools import pairwise
from xml.etree import ElementTree

import pytest
import webvtt

from tools.author import storyboard
from tools.author.captions import timestamp, write_webvtt
from tools.author.drawing import Countdown, frame_svg, illustration_svg
from tools.author.props import FLOOR
from tools.author.skeleton import BODY, Target, blend, pose, solve
from tools.author.sound import RATE, soundtrack
from tools.author.timeline import all_cues, cue_times, duration, frame_at, holds

# The same refusals the kiosk applies to bundle drawings.
FORBIDDEN = re.compile(r"<!DOCTYPE|<!ENTITY|<script|<foreignObject", re.IGNORECASE)
EXTERNAL = re.compile(r"""(?:xlink:)?href\s*=\s*["'](?!#|data:image/)""", re.IGNORECASE)


def test_a_standing_figure_has_its_feet_on_the_floor_below_its_hips():
    figure = solve(pose((400.0, storyboard.STANDING_HIP), planted=("near", "far")))
    hip, knee, ankle = (figure.points[name] for name in ("hip", "near_knee", "near_ankle"))
    assert hip[1] < knee[1] < ankle[1]
    assert ankle[0] == pytest.approx(hip[0])
    assert ankle[1] == pytest.approx(FLOOR - BODY.ankle_height)
    assert figure.points["head"][1] < figure.points["shoulder"][1] < hip[1]


def test_a_bent_knee_points_forward_and_an_elbow_points_back():
    figure = solve(storyboard.MINI_SQUAT)
    hip, knee, ankle = (figure.points[name] for name in ("hip", "near_knee", "near_ankle"))
    assert knee[0] > hip[0] and knee[0] > ankle[0]
    assert 20 < figure.angles["near_knee"] < 60
    assert figure.angles["near_elbow"] > 0


def test_a_reaching_hand_lands_on_its_target():
    figure = solve(storyboard.STAND_AT_CHAIR)
    target = storyboard.ON_CHAIR_BACK
    assert math.dist(figure.points["near_hand"], (target.x, target.y)) < 0.5


def test_an_anchor_puts_its_joint_on_the_point():
    figure = solve(storyboard.KNEEL_STRETCH)
    assert math.dist(figure.points["near_knee"], storyboard.KNEE_ON_MAT) < 1e-6


def test_halfway_between_two_poses_is_halfway():
    start = pose((100.0, 200.0), torso=0, near_knee=0, near_shoulder=-20)
    end = pose((140.0, 260.0), torso=30, near_knee=90, near_shoulder=60)
    middle = blend(start, end, 0.5)
    assert middle.root == pytest.approx((120.0, 230.0))
    assert middle.angles["torso"] == pytest.approx(15.0)
    assert middle.angles["near_knee"] == pytest.approx(45.0)
    assert middle.angles["near_shoulder"] == pytest.approx(20.0)


def test_a_shared_target_is_kept_while_blending():
    chair = Target(500.0, 300.0)
    start = pose((400.0, 312.0), reach={"near_hand": chair})
    end = pose((380.0, 330.0), reach={"near_hand": chair}, torso=20)
    figure = solve(blend(start, end, 0.3))
    assert math.dist(figure.points["near_hand"], (chair.x, chair.y)) < 0.5


def test_unknown_joint_names_are_refused():
    with pytest.raises(ValueError, match="near_kneee"):
        pose((0.0, 0.0), near_kneee=10)


@pytest.mark.parametrize("item", storyboard.ILLUSTRATIONS, ids=lambda item: item.name)
def test_every_illustration_is_plain_self_contained_svg(item):
    svg = illustration_svg(item.props, item.pose, item.view)
    assert not FORBIDDEN.search(svg)
    assert not EXTERNAL.search(svg)
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(number) for number in root.get("viewBox").split())
    assert width / height == pytest.approx(4 / 3)


def test_the_illustration_names_are_the_ones_the_bundle_uses():
    names = {item.name for item in storyboard.ILLUSTRATIONS}
    steps = {"glute-bridge": 3, "standing-hip-extension": 3, "straight-leg-raise": 4}
    steps |= {"quad-set": 3, "mini-squat": 3, "seated-knee-straightening": 3}
    steps |= {"sit-to-stand": 3, "standing-thigh-stretch": 3}
    for exercise, count in steps.items():
        assert {f"{exercise}-{n}" for n in range(1, count + 1)} <= names
    articles = {"why-knees-hurt", "cortisone", "clinic-care", "ice-or-heat"}
    assert {f"article-{name}" for name in articles} <= names
    assert {"attract-1", "attract-2", "attract-3"} <= names
    assert [video.id for video in storyboard.VIDEOS] == [
        "standing-quad-stretch",
        "side-lying-quad-stretch",
        "kneeling-hip-flexor-stretch",
        "seated-hamstring-stretch",
        "standing-calf-stretch",
    ]


@pytest.mark.parametrize("video", storyboard.VIDEOS, ids=lambda video: video.id)
def test_each_video_lasts_25_to_60_seconds_with_captions_throughout(video):
    assert 25.0 <= duration(video) < 60.0
    cues = cue_times(video)
    assert cues[0][0] == 0.0
    assert cues[-1][1] == pytest.approx(duration(video))
    for (_, end, _), (start, _, _) in pairwise(cues):
        assert start == pytest.approx(end)
    assert all(span.end - span.start == 20.0 for span in holds(video))


@pytest.mark.parametrize("video", storyboard.VIDEOS, ids=lambda video: video.id)
def test_each_video_times_both_sides(video):
    first, second = holds(video)  # exactly two: one side, then the other
    assert second.to_pose.facing == -first.to_pose.facing  # the figure turned round
    assert second.end <= duration(video) - 0.5  # and the video does not end on the hold


def test_captions_at_the_top_say_so_and_move_the_countdown_down(tmp_path):
    from tools.author.drawing import countdown_svg

    video = storyboard.STANDING_CALF
    assert video.captions_at_top
    path = tmp_path / "calf.en.vtt"
    write_webvtt(path, [(s, e, c.en) for s, e, c in cue_times(video)], "4%")
    assert all(c.settings.line == "4%" for c in webvtt.read(str(path)).captions)
    high, low = countdown_svg(Countdown(5, 0.5), "x"), countdown_svg(Countdown(5, 0.5), "x", True)
    cy = re.compile(r'cy="([-\d.]+)"')
    assert float(cy.search(low).group(1)) > 300 > float(cy.search(high).group(1))


def test_the_countdown_runs_from_twenty_to_one():
    video = storyboard.SEATED_HAMSTRING
    hold = holds(video)[0]
    assert frame_at(video, hold.start)[1].number == 20
    assert frame_at(video, hold.start + 0.5)[1].number == 20
    assert frame_at(video, hold.start + 1.0)[1].number == 19
    assert frame_at(video, hold.end - 0.01)[1].number == 1
    assert frame_at(video, hold.end)[1] is None


def test_english_captions_are_plain_enough():
    textstat = pytest.importorskip("textstat")
    for cue in all_cues(storyboard.VIDEOS):
        if len(cue.en.split()) >= 6:
            assert textstat.flesch_kincaid_grade(cue.en) <= 6.0, cue.en
        assert all(len(word) <= 12 for word in cue.en.split()), cue.en
        assert cue.es and cue.es != cue.en


def test_written_captions_parse_with_the_expected_times(tmp_path):
    video = storyboard.STANDING_CALF
    path = tmp_path / "calf.en.vtt"
    write_webvtt(path, [(start, end, cue.en) for start, end, cue in cue_times(video)])
    captions = webvtt.read(str(path)).captions
    assert len(captions) == len(cue_times(video))
    assert (captions[0].start, captions[0].end) == ("00:00:00.000", "00:00:03.500")
    assert captions[0].text == "Face a wall. Put your hands on it."
    assert captions[-1].end == timestamp(duration(video))
    assert timestamp(3725.5) == "01:02:05.500"


def test_the_soundtrack_ticks_during_holds_and_is_silent_otherwise():
    samples = soundtrack(10.0, [(2.0, 5.0)])
    assert len(samples) == 10 * RATE

    def loudest(start: float, end: float) -> int:
        return max(abs(value) for value in samples[int(start * RATE) : int(end * RATE)])

    assert loudest(0.0, 1.9) == 0
    assert all(loudest(2.0 + second, 2.05 + second) > 1000 for second in range(3))
    assert loudest(5.0, 5.5) > loudest(2.0, 2.05)  # the end chime is louder than a tick
    assert loudest(7.0, 10.0) == 0


def test_a_frame_renders_with_its_countdown(qapp):
    from tools.author.raster import font_family, rasterize

    video = storyboard.STANDING_QUAD
    pose_, countdown = frame_at(video, holds(video)[0].start + 2.5)
    assert countdown == Countdown(18, pytest.approx(0.875))
    with_number = rasterize(frame_svg(video.props, pose_, countdown, font_family()), 640, 360)
    without = rasterize(frame_svg(video.props, pose_, None, font_family()), 640, 360)
    assert with_number.size().width() == 640
    # The top right corner holds the countdown disc; elsewhere the two frames are the same.
    assert with_number.pixelColor(592, 48) != without.pixelColor(592, 48)
    assert with_number.pixelColor(40, 40) == without.pixelColor(40, 40)


def test_encoding_makes_an_h264_and_aac_mp4(tmp_path):
    av = pytest.importorskip("av")
    from tools.author.video import FPS, encode_mp4

    size = (64, 36)
    frames = [bytes([shade, 120, 200, 255]) * (size[0] * size[1]) for shade in range(0, 250, 8)]
    path = tmp_path / "tiny.mp4"
    encode_mp4(path, frames, size, soundtrack(len(frames) / FPS, [(0.0, 1.0)]))
    with av.open(str(path)) as container:
        codecs = sorted(stream.codec_context.name for stream in container.streams)
        assert codecs == ["aac", "h264"]
        assert container.duration / 1e6 == pytest.approx(len(frames) / FPS, abs=0.1)
    assert path.read_bytes()[4:8] == b"ftyp"


def glows(pose_) -> list[tuple[float, float, float]]:
    """Each glow's centre and half-width (the ellipse's ry)."""
    from tools.author.drawing import glow_svg

    pattern = r'cx="([-\d.]+)" cy="([-\d.]+)" rx="[-\d.]+" ry="([-\d.]+)"'
    found = re.findall(pattern, glow_svg(solve(pose_)))
    return [(float(x), float(y), float(ry)) for x, y, ry in found]


def test_the_inner_front_thigh_glow_sits_just_above_the_kneecap():
    item = next(i for i in storyboard.ILLUSTRATIONS if i.name == "quad-set-2")
    figure = solve(item.pose)
    ((*centre, _),) = glows(item.pose)
    to_knee = math.dist(centre, figure.points["near_knee"])
    assert to_knee < 0.15 * BODY.thigh


def test_the_hamstring_glow_sits_on_the_back_of_the_thigh():
    figure = solve(storyboard.HAM_STRETCH)
    ((x, y, half_width),) = glows(storyboard.HAM_STRETCH)
    hip, knee = figure.points["hip"], figure.points["near_knee"]
    # Facing right with the thigh pointing forward, the back of the thigh is its underside:
    # the whole glow stays below the bone's line, none of it spills onto the front.
    cross = (knee[0] - hip[0]) * (y - hip[1]) - (knee[1] - hip[1]) * (x - hip[0])
    below = cross / math.dist(hip, knee)
    assert below >= half_width - 2, f"the glow reaches {half_width - below:.0f} over the bone"


def test_each_attract_picture_shows_what_its_slide_says():
    from tools.author.props import Chair, ColdPack

    pictures = {i.name: i for i in storyboard.ILLUSTRATIONS}
    assert any(isinstance(p, ColdPack) for p in pictures["attract-2"].props)  # "Ice or heat?"
    while_you_wait = pictures["attract-3"]
    assert any(isinstance(p, Chair) for p in while_you_wait.props)
    assert not any(isinstance(p, ColdPack) for p in while_you_wait.props)
