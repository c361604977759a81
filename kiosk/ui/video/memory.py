"""Keeping decoded video frames and decoder threads from swelling the process's memory (glibc
on Linux)."""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
M_ARENA_MAX = -8
BIG_BLOCK_BYTES = 128 * 1024  # glibc's own starting threshold
ARENAS = 2  # the heaps all threads share: the first thread's, and one more


def keep_frames_off_the_heap() -> bool:
    """Have glibc map big blocks (video frames) on their own, so freeing one returns it.

    By default glibc raises this threshold each time a big block is freed; after that,
    multi-megabyte frames come from the heap and linger there in fragments. Measured with
    benchmarks/video_memory.py: RSS swings by tens of MiB from play to play without this,
    and stays flat with it. Fixing the threshold also turns that raising off. Safe to repeat."""
    done = _mallopt(M_MMAP_THRESHOLD, BIG_BLOCK_BYTES)
    if done is False:
        log.warning("could not set glibc's mmap threshold; video memory may swing")
    return bool(done)


def keep_to_few_heaps() -> bool:
    """Have every thread share two glibc heaps (arenas), not one heap per thread.

    glibc gives each new thread a heap of its own, up to 8 per core. Each video brings new
    FFmpeg decoder threads, so a kiosk that has played a few dozen spreads its freed memory
    over 16 heaps here, in part-used pages that malloc_trim cannot hand back. Measured with
    benchmarks/real_window.py (7,000 taps, two seeds): at rest after the idle reset 5 to 11
    MiB sat in those heaps, and RSS grew 4.7 to 7.3 MiB per 3,000 taps after warm-up; with
    two heaps, 0.3 to 2.2 MiB. Must run before many threads have started; safe to repeat."""
    return bool(_mallopt(M_ARENA_MAX, ARENAS))


def _mallopt(parameter: int, value: int) -> bool | None:
    """glibc's mallopt: True if taken, False if refused, None where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(parameter, value))
    except (OSError, AttributeError):  # not glibc (musl, say): nothing to tune
        return None


def return_freed_memory() -> bool:
    """Hand the heap's free pages back to the system (glibc's malloc_trim); a few ms.

    Called at the idle reset, after the patient's screens and players are gone: pages freed
    in the middle of the heap otherwise stay counted in RSS, and a kiosk runs for months."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0))
    except (OSError, AttributeError):
        return False
