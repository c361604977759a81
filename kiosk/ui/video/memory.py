"""Keeping decoded video frames from swelling the process's memory (glibc on Linux)."""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
BIG_BLOCK_BYTES = 128 * 1024  # glibc's own starting threshold


def keep_frames_off_the_heap() -> bool:
    """Have glibc map big blocks (video frames) on their own, so freeing one returns it.

    By default glibc raises this threshold each time a big block is freed; after that,
    multi-megabyte frames come from the heap and linger there in fragments. Measured with
    benchmarks/video_memory.py: RSS swings by tens of MiB from play to play without this,
    and stays flat with it. Fixing the threshold also turns that raising off. Safe to repeat."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        done = bool(libc.mallopt(M_MMAP_THRESHOLD, BIG_BLOCK_BYTES))
    except (OSError, AttributeError):  # not glibc (musl, say): nothing to tune
        return False
    if not done:
        log.warning("could not set glibc's mmap threshold; video memory may swing")
    return done


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
