"""Regenerate the built-in content's media: `python -m tools.author [--only NAME ...]`."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from tools.author.captions import write_webvtt
from tools.author.drawing import POSTER_SIZE, VIDEO_SIZE, frame_svg, illustration_svg
from tools.author.raster import font_family, rasterize, save_png
from tools.author.sound import soundtrack, write_chime_wav
from tools.author.storyboard import ILLUSTRATIONS, VIDEOS
from tools.author.timeline import (
    CAPTION_TOP_LINE,
    Video,
    cue_times,
    duration,
    frame_at,
    holds,
    main_pose,
)
from tools.author.video import FPS, encode_mp4

REPOSITORY = Path(__file__).resolve().parents[2]
CHIME_NAME = "hold-end"  # the kiosk's chime at the end of an exercise's hold


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and build what it asks for."""
    parser = argparse.ArgumentParser(prog="python -m tools.author", description=__doc__)
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="build only this illustration (file stem) or video id; may be repeated",
    )
    parser.add_argument("--no-videos", action="store_true", help="skip the slow video encoding")
    parser.add_argument(
        "--root", type=Path, default=REPOSITORY, help="where assets/ and videos/ are written"
    )
    args = parser.parse_args(argv)
    known = {item.name for item in ILLUSTRATIONS} | {video.id for video in VIDEOS} | {CHIME_NAME}
    unknown = sorted(set(args.only or ()) - known)
    if unknown:
        parser.error(f"nothing is called {', '.join(unknown)}")

    def wanted(name: str) -> bool:
        return not args.only or name in args.only

    for item in ILLUSTRATIONS:
        if wanted(item.name):
            target = args.root / "assets" / "illustrations" / f"{item.name}.svg"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(illustration_svg(item.props, item.pose, item.view), encoding="utf-8")
            print(f"drew {target.relative_to(args.root)}")
    if wanted(CHIME_NAME):
        target = args.root / "kiosk" / "ui" / "sounds" / f"{CHIME_NAME}.wav"
        write_chime_wav(target)
        print(f"wrote {target.relative_to(args.root)}")
    if not args.no_videos:
        for video in VIDEOS:
            if wanted(video.id):
                build_video(video, args.root)
    return 0


def build_video(video: Video, root: Path) -> None:
    """Write one video's MP4, its English and Spanish captions and its poster."""
    began = time.monotonic()
    cues = cue_times(video)
    for language in ("en", "es"):
        write_webvtt(
            root / "videos" / f"{video.id}.{language}.vtt",
            [(start, end, getattr(cue, language)) for start, end, cue in cues],
            CAPTION_TOP_LINE if video.captions_at_top else None,
        )
    poster = frame_svg(video.props, main_pose(video), size=POSTER_SIZE)
    save_png(rasterize(poster, *POSTER_SIZE), root / "assets" / "posters" / f"{video.id}.png")
    seconds = duration(video)
    sound = soundtrack(seconds, [(span.start, span.end) for span in holds(video)])
    target = root / "videos" / f"{video.id}.mp4"
    encode_mp4(target, _frames(video), VIDEO_SIZE, sound)
    print(
        f"encoded {target.relative_to(root)}: {seconds:.1f} s, "
        f"{target.stat().st_size / 1e6:.2f} MB in {time.monotonic() - began:.0f} s"
    )


def _frames(video: Video) -> Iterator[bytes]:
    """Each frame's pixels, drawn from the same SVG code as the illustrations."""
    family = font_family()
    for index in range(round(duration(video) * FPS)):
        pose, countdown = frame_at(video, index / FPS)
        frame = frame_svg(video.props, pose, countdown, family, countdown_low=video.captions_at_top)
        image = rasterize(frame, *VIDEO_SIZE)
        yield bytes(image.constBits())


if __name__ == "__main__":
    sys.exit(main())
