"""Benchmark: memory over 200 plays of the video series, through the real video screen.

Each play opens the file in a new player, seeks to near its end and decodes the rest, then the
screen moves on by itself (auto-advance, closing card, start again). Prints the process's RSS
before, after a warm-up, at intervals and after, as a table; the target is under 5 MiB growth
after warm-up. Run: .venv/bin/python benchmarks/video_memory.py [--small] [--plays 200]
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

import psutil
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.content import load_bundle
from kiosk.content.locate import builtin_bundle_dir
from kiosk.settings import Settings
from kiosk.ui.composition import build_kiosk
from kiosk.ui.screens import videos as videos_screen
from kiosk.ui.screens.base import Route
from kiosk.ui.screens.videos import Phase, VideoScreen
from kiosk.ui.video.playback import VideoPlayback
from kiosk.ui.video.surface import VideoSurface
from kiosk.ui.window import TRIM_AFTER_RESET_MS

SMALL_BUNDLE = Path(__file__).resolve().parent.parent / "tests" / "bundles" / "small"
MIB = 1024 * 1024
TARGET_MIB = 5.0
HANG_S = 30  # no new video for this long: the GUI thread is stuck


class SeriesLooper:
    """Plays the series on a video screen over and over, each video from near its end."""

    def __init__(self, screen: VideoScreen, tail_ms: int) -> None:
        self.screen, self.tail_ms = screen, tail_ms
        self.plays = self.failures = 0  # plays counts videos played to their end
        self.frames_per_play: list[int] = []
        screen.now_playing.connect(self._on_video)
        self._watch = QTimer(interval=20)
        self._watch.timeout.connect(self._restart_after_closing)
        self._watch.start()

    def _on_video(self, _index: int) -> None:
        playback = self.screen.playback
        frames = [0]  # this play's own count: the next play starts before this one reports
        playback.frame_ready.connect(lambda _image: self._on_frame(playback, frames))
        playback.finished.connect(lambda: self._on_finished(frames[0]))
        playback.failed.connect(self._count_failure)

    def _on_frame(self, playback: VideoPlayback, frames: list[int]) -> None:
        """Count decoded frames; after the first (the file is open and playing), skip ahead."""
        frames[0] += 1
        if frames[0] == 1:
            playback.player.setPosition(max(0, playback.duration - self.tail_ms))

    def _on_finished(self, frames: int) -> None:
        self.plays += 1
        self.frames_per_play.append(frames)

    def _count_failure(self) -> None:
        self.failures += 1

    def _restart_after_closing(self) -> None:
        if self.screen.phase == Phase.CLOSING:
            self.screen.start_series()


def rss_mib() -> float:
    gc.collect()
    return psutil.Process().memory_info().rss / MIB


def _video_objects(screen: VideoScreen) -> list[object]:
    return [*screen.findChildren(VideoPlayback), *screen.findChildren(VideoSurface)]


def quiet_rss(window, screen: VideoScreen) -> float:
    """RSS with no player alive: the patient has gone, and the kiosk's idle reset has run.

    Read mid-play, RSS swings by a decoder's working set (tens of MiB of frames) and hides
    any trend; read here, it shows what each play leaves behind. The reading waits for the
    reset's own clean-up (the heap's free pages handed back) and then returns to the videos."""
    window.reset_to_attract()
    run_until(lambda: not _video_objects(screen), timeout_s=10)
    pause = QTimer(singleShot=True, interval=TRIM_AFTER_RESET_MS + 500)
    run_until(lambda: not pause.isActive(), timeout_s=10, start=pause.start)
    rss = rss_mib()
    window.go(Route("videos"))
    return rss


def run_until(
    condition: Callable[[], bool], timeout_s: float, start: Callable[[], None] | None = None
) -> None:
    """Run a real event loop, as the kiosk does (it also deletes what deleteLater() marked)."""
    loop = QEventLoop()
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: condition() and loop.exit(0))
    give_up = QTimer(singleShot=True, interval=round(timeout_s * 1000))
    give_up.timeout.connect(lambda: loop.exit(1))
    poll.start()
    give_up.start()
    if start is not None:
        start()
    if not condition() and loop.exec() == 1:
        sys.exit(f"stuck: the condition did not hold within {timeout_s:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plays", type=int, default=200)
    parser.add_argument("--warm-up", type=int, default=20, help="plays before the baseline")
    parser.add_argument("--every", type=int, default=20, help="plays between RSS readings")
    parser.add_argument("--tail-ms", type=int, default=600, help="how much of each end to play")
    parser.add_argument("--small", action="store_true", help="the small test bundle's clips")
    parser.add_argument(
        "--sound",
        action="store_true",
        help="play with sound on (an audio output per player): a hang is reported and ends the run",
    )
    parser.add_argument(
        "--glibc-default",
        action="store_true",
        help="leave glibc's mmap threshold alone (to see what keep_frames_off_the_heap saves)",
    )
    args = parser.parse_args()
    if args.glibc_default:
        videos_screen.keep_frames_off_the_heap = lambda: False
    app = QApplication.instance() or QApplication([])  # noqa: F841  (kept alive until the end)
    folder = SMALL_BUNDLE if args.small else builtin_bundle_dir()
    bundle = load_bundle(folder)
    VideoScreen.error_seconds = 0.2
    settings = Settings(start_muted=not args.sound)
    window = build_kiosk(bundle, idle_seconds=3600, settings=settings).window
    window.resize(1920, 1080)
    window.show()
    window.go(Route("videos"))
    screen = window.current_screen
    looper = SeriesLooper(screen, args.tail_ms)
    # A hung GUI thread (e.g. a deadlock with a decoder thread) prints every thread's stack.
    screen.now_playing.connect(lambda _index: faulthandler.dump_traceback_later(HANG_S, exit=True))
    readings: list[tuple[int, float]] = [(0, rss_mib())]
    started = time.monotonic()
    for mark in sorted({args.warm_up, *range(args.every, args.plays + 1, args.every)}):
        screen.start_series()
        run_until(lambda m=mark: looper.plays >= m, timeout_s=60 + 5 * args.every)
        readings.append((mark, quiet_rss(window, screen)))
    elapsed = time.monotonic() - started
    faulthandler.cancel_dump_traceback_later()
    window.close()
    print_table(readings, args, folder, looper, elapsed)


def print_table(readings, args, folder: Path, looper: SeriesLooper, elapsed: float) -> None:
    baseline = dict(readings)[args.warm_up]
    videos = len(load_bundle(folder).model.videos.items)
    heap = "glibc's default" if args.glibc_default else "fixed (keep_frames_off_the_heap)"
    sound = "on (an audio output per player)" if args.sound else "off (no audio output)"
    print(f"{looper.plays} plays of {videos} videos from {folder} in {elapsed:.0f} s")
    print(f"mmap threshold: {heap}; sound {sound}; RSS read after the idle reset")
    print(f"failures: {looper.failures}; frames decoded per play: {min(looper.frames_per_play)}+")
    print(f"{'after plays':>12} {'RSS MiB':>9} {'since warm-up':>14}")
    for plays, rss in readings:
        since = f"{rss - baseline:+.1f}" if plays >= args.warm_up else ""
        print(f"{plays or 'before':>12} {rss:9.1f} {since:>14}")
    after_warm_up = [(plays, rss) for plays, rss in readings if plays >= args.warm_up]
    span = after_warm_up[-1][0] - after_warm_up[0][0]
    rss_values = [rss for _, rss in after_warm_up]
    # Readings wobble by a few MiB with the allocator's state; the fitted line shows the trend.
    trend = statistics.linear_regression([p for p, _ in after_warm_up], rss_values).slope * span
    verdict = "within" if trend < TARGET_MIB else "OVER"
    print(
        f"growth after warm-up: {rss_values[-1] - rss_values[0]:+.1f} MiB last minus first, "
        f"{trend:+.1f} MiB by the fitted trend over {span} plays "
        f"({verdict} the {TARGET_MIB:g} MiB target); spread {max(rss_values) - min(rss_values):.1f}"
        " MiB"
    )


if __name__ == "__main__":
    main()
