"""The video series' state machine, without Qt or a player."""

from __future__ import annotations

import pytest

from kiosk.flows.video_series import AfterCard, Phase, VideoSeries


def test_a_visit_starts_at_the_caution_card_with_captions_on() -> None:
    series = VideoSeries(3)
    series.reset(start_muted=True)
    assert (series.phase, series.index, series.captions_on, series.sound_on) == (
        Phase.CAUTION,
        0,
        True,
        False,
    )
    series.reset(start_muted=False)
    assert series.sound_on
    assert not series.busy  # the caution card waits for the patient


def test_the_series_plays_in_order_then_closes() -> None:
    series = VideoSeries(2)
    series.open(0)
    assert series.playing and series.busy
    series.next()
    assert (series.phase, series.index) == (Phase.PLAYING, 1)
    series.next()
    assert series.phase == Phase.CLOSING
    assert series.after_card() == AfterCard.HOME
    assert not series.busy


def test_previous_on_the_first_video_opens_it_again() -> None:
    series = VideoSeries(2)
    series.open(1)
    series.previous()
    assert series.index == 0
    series.pause()
    series.previous()
    assert (series.index, series.paused, series.phase) == (0, False, Phase.PLAYING)


def test_a_failed_video_shows_its_card_then_moves_on_or_retries() -> None:
    series = VideoSeries(3)
    series.open(1)
    series.fail()
    assert series.busy and not series.playing  # the error card counts down on its own
    assert series.after_card() == AfterCard.NEXT_VIDEO
    series.resume()  # "try again" on the error card
    assert (series.phase, series.index) == (Phase.PLAYING, 1)


def test_a_pause_stops_the_series_running_on_its_own() -> None:
    series = VideoSeries(1)
    series.open(0)
    series.pause()
    assert series.paused and not series.busy
    series.resume()
    assert series.playing
    assert series.after_card() == AfterCard.NOTHING


def test_there_is_no_video_past_the_end() -> None:
    with pytest.raises(IndexError):
        VideoSeries(2).open(2)
