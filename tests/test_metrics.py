"""The metrics file: what it says, checked with Prometheus's own text-format parser."""

from __future__ import annotations

import math
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.feed import FeedStatus
from kiosk.feed.errors import REFUSAL_REASONS
from kiosk.metrics import (
    METRICS_FILE,
    KioskState,
    PatientTally,
    render,
    resident_bytes,
    write_metrics,
)

NOW = datetime(2025, 4, 2, 10, 30, 0, tzinfo=UTC)


def state(**changes) -> KioskState:
    values = {
        "now": NOW,
        "up": True,
        "started": NOW - timedelta(hours=3),
        "bundle_id": "knee-care",
        "bundle_version": "1.4.0",
        "feed": FeedStatus(
            address="https://example.org/feed",
            last_success=NOW - timedelta(minutes=20),
            failed_in_a_row=2,
            refusal="signature",
            expires_at=NOW + timedelta(days=29),
        ),
        "installs": 3,
        "rollbacks": 1,
        "sessions_today": 12,
        "stop_presses_today": 0,
        "watchdog_last_ping": NOW - timedelta(seconds=10),
        "resident_bytes": 123_456_789,
    }
    return KioskState(**{**values, **changes})


def parsed(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """Sample name -> [(labels, value)], as Prometheus reads the file."""
    out: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out.setdefault(sample.name, []).append((sample.labels, sample.value))
    return out


def value(text: str, name: str) -> float:
    (only,) = parsed(text)[name]
    return only[1]


def test_every_metric_parses_and_is_the_kiosks() -> None:
    text = render(state())
    samples = parsed(text)
    assert all(name.startswith("kiosk_") for name in samples)
    assert samples["kiosk_up"] == [({}, 1.0)]
    assert samples["kiosk_start_time_seconds"] == [({}, (NOW - timedelta(hours=3)).timestamp())]
    assert samples["kiosk_bundle_info"] == [({"id": "knee-care", "version": "1.4.0"}, 1.0)]
    assert value(text, "kiosk_feed_followed") == 1
    assert value(text, "kiosk_feed_last_success_age_seconds") == 20 * 60
    assert value(text, "kiosk_feed_failures_in_a_row") == 2
    assert samples["kiosk_feed_last_refusal_info"] == [({"reason": "signature"}, 1.0)]
    assert (
        value(text, "kiosk_feed_expiry_timestamp_seconds") == (NOW + timedelta(days=29)).timestamp()
    )
    assert value(text, "kiosk_feed_expired") == 0
    assert value(text, "kiosk_bundle_installs_total") == 3
    assert value(text, "kiosk_bundle_rollbacks_total") == 1
    assert value(text, "kiosk_patient_sessions_today") == 12
    assert value(text, "kiosk_stop_hurts_presses_today") == 0
    assert value(text, "kiosk_watchdog_last_ping_timestamp_seconds") == NOW.timestamp() - 10
    assert value(text, "kiosk_resident_memory_bytes") == 123_456_789


def test_types_and_help_are_declared_for_every_family() -> None:
    text = render(state())
    kinds = {f.name: f.type for f in text_string_to_metric_families(text)}
    assert kinds["kiosk_bundle_installs"] == "counter"  # the parser drops _total
    assert kinds["kiosk_bundle_rollbacks"] == "counter"
    assert kinds["kiosk_up"] == "gauge"
    assert all(f.documentation for f in text_string_to_metric_families(text))
    assert text.endswith("\n")


def test_an_expired_feed_says_so() -> None:
    feed = FeedStatus(last_success=NOW - timedelta(days=31), refusal="expired", failed_in_a_row=9)
    text = render(state(feed=feed))
    assert value(text, "kiosk_feed_expired") == 1
    assert parsed(text)["kiosk_feed_last_refusal_info"] == [({"reason": "expired"}, 1.0)]
    assert value(text, "kiosk_feed_last_success_age_seconds") == 31 * 86400
    assert value(text, "kiosk_feed_expiry_timestamp_seconds") == 0  # this one carried none


def test_a_feed_never_reached_is_infinitely_stale() -> None:
    text = render(state(feed=FeedStatus()))
    assert math.isinf(value(text, "kiosk_feed_last_success_age_seconds"))
    assert parsed(text)["kiosk_feed_last_refusal_info"] == [({"reason": "none"}, 1.0)]


def test_the_refusal_label_comes_from_the_fixed_set_only() -> None:
    odd = FeedStatus(refusal='an "odd"\nsentence')
    assert parsed(render(state(feed=odd)))["kiosk_feed_last_refusal_info"][0][0] == {
        "reason": "none"
    }
    assert len(REFUSAL_REASONS) < 12  # a label with few values, as Prometheus wants


def test_without_a_feed_only_that_is_said() -> None:
    samples = parsed(render(state(feed=None)))
    assert samples["kiosk_feed_followed"] == [({}, 0.0)]
    assert not [
        name for name in samples if name.startswith("kiosk_feed_") and "followed" not in name
    ]


def test_labels_are_escaped() -> None:
    text = render(state(bundle_id='odd"id\\x', bundle_version="1\n2"))
    assert parsed(text)["kiosk_bundle_info"] == [({"id": 'odd"id\\x', "version": "1\n2"}, 1.0)]


def test_a_stopped_kiosk_and_one_without_a_watchdog() -> None:
    text = render(state(up=False, watchdog_last_ping=None, resident_bytes=None))
    assert value(text, "kiosk_up") == 0
    assert value(text, "kiosk_watchdog_last_ping_timestamp_seconds") == 0
    assert "kiosk_resident_memory_bytes" not in parsed(text)


def test_the_file_is_replaced_whole_and_readable_by_node_exporter(tmp_path: Path) -> None:
    old = os.umask(0o077)  # as strict as a kiosk user's may be
    try:
        path = write_metrics(tmp_path, render(state()))
        path = write_metrics(tmp_path, render(state(installs=4)))
    finally:
        os.umask(old)
    assert path == tmp_path / METRICS_FILE
    assert value(path.read_text(), "kiosk_bundle_installs_total") == 4
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == [METRICS_FILE]  # no temporary file left


def test_a_missing_folder_is_an_error_not_a_new_folder(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_metrics(tmp_path / "no such folder", "x\n")
    assert not (tmp_path / "no such folder").exists()


def test_resident_memory_is_read_on_linux() -> None:
    rss = resident_bytes()
    assert rss is not None and 10 * 2**20 < rss < 4 * 2**30


# --- Sessions and "Stop, this hurts" -------------------------------------------------------

DAY = date(2025, 4, 2)


def test_a_session_starts_when_attract_is_left_for_a_patient_screen() -> None:
    tally = PatientTally()
    assert tally.patient_screen(DAY)  # attract -> home
    assert not tally.patient_screen(DAY)  # home -> exercises: the same patient
    tally.back_on_attract()
    assert tally.patient_screen(DAY)
    assert (tally.sessions, tally.today("sessions", DAY)) == (2, 2)


def test_sessions_today_start_again_at_midnight() -> None:
    tally = PatientTally()
    tally.patient_screen(DAY)
    tally.back_on_attract()
    tally.patient_screen(DAY + timedelta(days=1))
    assert tally.today("sessions", DAY + timedelta(days=1)) == 1
    assert tally.today("sessions", DAY + timedelta(days=2)) == 0
    assert tally.sessions == 2


def test_stop_presses_are_counted_per_day() -> None:
    tally = PatientTally()
    assert tally.today("stop_presses", DAY) == 0
    tally.stop_pressed(DAY)
    tally.stop_pressed(DAY)
    assert tally.today("stop_presses", DAY) == 2
    assert tally.today("stop_presses", DAY + timedelta(days=1)) == 0
