"""glibc tuned for a kiosk that plays videos for months: threads share two heaps."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Eight threads each allocate and hold a block, all alive at once; malloc_stats() then lists
# the heaps (arenas) glibc made for them on stderr, one "Arena N:" line each.
THREADS = """
import ctypes, sys, threading
from kiosk.ui.video import memory
if sys.argv[1] == "tuned":
    memory.keep_to_few_heaps()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
held, barrier = [], threading.Barrier(9)
def work():
    held.append(libc.malloc(64 * 1024))  # under the mmap threshold: from a heap
    barrier.wait()
    barrier.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
barrier.wait()
libc.malloc_stats()
barrier.wait()
"""


def heaps_used(mode: str) -> int:
    run = subprocess.run(
        [sys.executable, "-c", THREADS, mode], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return run.stderr.count("Arena ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's heaps")
def test_threads_share_two_heaps_instead_of_one_each() -> None:
    assert heaps_used("glibc default") >= 5  # a heap per new thread, up to 8 per core
    assert heaps_used("tuned") <= 2
