"""Checks come at a jittered interval, and back off exponentially while the feed is down."""

from __future__ import annotations

import random

import pytest

from kiosk.feed.schedule import Timing


def test_the_interval_is_jittered_within_a_fifth() -> None:
    rng = random.Random(8)
    delays = [Timing(interval=100).next_delay(0, rng) for _ in range(500)]
    assert 80 <= min(delays) < 85 and 115 < max(delays) <= 120


def test_failures_double_the_wait_up_to_the_longest() -> None:
    timing = Timing(jitter=0, first_retry=30, max_retry=600)
    rng = random.Random(0)
    waits = [timing.next_delay(failures, rng) for failures in range(1, 8)]
    assert waits == [30, 60, 120, 240, 480, 600, 600]
    assert timing.next_delay(10_000, rng) == 600  # no overflow after a long outage


def test_the_first_check_after_start_is_spread_out() -> None:
    rng = random.Random(1)
    firsts = [Timing(first_check=60).first_delay(rng) for _ in range(200)]
    assert min(firsts) >= 0 and max(firsts) <= 60
    assert max(firsts) - min(firsts) > 30


@pytest.mark.parametrize("failures", [0, 1, 5])
def test_jitter_applies_to_retries_too(failures: int) -> None:
    timing = Timing(interval=100, first_retry=10, max_retry=1000)
    waits = {timing.next_delay(failures, random.Random(seed)) for seed in range(20)}
    assert len(waits) > 10
