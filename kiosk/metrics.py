"""The kiosk's state as Prometheus metrics, for node_exporter's textfile collector. No Qt.

The kiosk writes knee_kiosk.prom into the folder the metrics_folder setting names, every
minute and on every change (kiosk.runtime.metrics_writer does the timing). node_exporter
serves it with its own metrics, so a clinic group's existing Prometheus sees every kiosk
without a port opened on the kiosk. The text format is a few lines to write, so the kiosk
does not depend on prometheus-client; the tests check the output with its parser.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kiosk.feed.errors import REFUSAL_REASONS
from kiosk.feed.state import FeedStatus
from kiosk.store.atomic_file import write_atomically

METRICS_FILE = "knee_kiosk.prom"
# node_exporter usually runs as its own user: the file must be readable by others.
FILE_MODE = 0o644


class PatientTally:
    """Counts since the kiosk started: patient sessions, "Stop, this hurts" presses, installs
    and rollbacks. Fed from the window's and services' signals; kept in memory only (the
    usage database keeps what was viewed, and sessions are not something it stores)."""

    def __init__(self) -> None:
        self.installs = 0
        self.rollbacks = 0
        self.sessions = 0
        self.stop_presses = 0
        self._on_attract = True  # the kiosk starts on its attract screen
        self._today: dict[str, tuple[date, int]] = {}

    def back_on_attract(self) -> None:
        """The attract screen is shown: the next patient screen starts a new session."""
        self._on_attract = True

    def patient_screen(self, today: date) -> bool:
        """A patient screen is shown; True if that starts a session (it came from attract)."""
        if not self._on_attract:
            return False
        self._on_attract = False
        self.sessions += 1
        self._count_today("sessions", today)
        return True

    def stop_pressed(self, today: date) -> None:
        """A patient pressed "Stop, this hurts" (the button is still to be built)."""
        self.stop_presses += 1
        self._count_today("stop_presses", today)

    def today(self, what: str, today: date) -> int:
        """How many `what` ("sessions", "stop_presses") on `today`, by the kiosk's calendar."""
        day, count = self._today.get(what, (today, 0))
        return count if day == today else 0

    def _count_today(self, what: str, today: date) -> None:
        self._today[what] = (today, self.today(what, today) + 1)


@dataclass(frozen=True)
class KioskState:
    """Everything the metrics file says, gathered at one moment."""

    now: datetime
    up: bool
    started: datetime
    bundle_id: str
    bundle_version: str
    feed: FeedStatus | None  # None: the kiosk follows no feed
    installs: int = 0
    rollbacks: int = 0
    sessions_today: int = 0
    stop_presses_today: int = 0
    watchdog_last_ping: datetime | None = None  # None: not run under systemd's watchdog
    resident_bytes: int | None = None  # None where it cannot be read (not Linux)


@dataclass(frozen=True)
class Family:
    """One metric: its name, type, help, and samples as (labels, value)."""

    name: str
    kind: str  # gauge, counter, info is written as a gauge of 1
    help: str
    samples: tuple[tuple[dict[str, str], float], ...]


def families(state: KioskState) -> list[Family]:
    """The kiosk's metrics for `state`, in the order the file lists them."""
    out = [
        _one("kiosk_up", "1 while the kiosk runs; 0 once it has been stopped.", float(state.up)),
        _one(
            "kiosk_start_time_seconds",
            "When the kiosk started, in seconds since the Unix epoch.",
            state.started.timestamp(),
        ),
        Family(
            "kiosk_bundle_info",
            "gauge",
            "The content bundle on show, as labels; always 1.",
            (({"id": state.bundle_id, "version": state.bundle_version}, 1.0),),
        ),
        *_feed_families(state.now, state.feed),
        _one(
            "kiosk_bundle_installs_total",
            "Bundles installed since the kiosk started (staff, inbox and feed).",
            state.installs,
            "counter",
        ),
        _one(
            "kiosk_bundle_rollbacks_total",
            "Rollbacks to the previous bundle since the kiosk started.",
            state.rollbacks,
            "counter",
        ),
        _one(
            "kiosk_patient_sessions_today",
            "Patient sessions today (the attract screen left for a patient screen).",
            state.sessions_today,
        ),
        _one(
            "kiosk_stop_hurts_presses_today",
            'Presses of "Stop, this hurts" today (0 until the button exists).',
            state.stop_presses_today,
        ),
        _one(
            "kiosk_watchdog_last_ping_timestamp_seconds",
            "When the kiosk last pinged systemd's watchdog; 0 when it runs without one.",
            state.watchdog_last_ping.timestamp() if state.watchdog_last_ping else 0.0,
        ),
    ]
    if state.resident_bytes is not None:
        out.append(
            _one(
                "kiosk_resident_memory_bytes",
                "The kiosk's resident memory (RSS).",
                state.resident_bytes,
            )
        )
    return out


def _feed_families(now: datetime, feed: FeedStatus | None) -> list[Family]:
    followed = _one(
        "kiosk_feed_followed", "1 if the kiosk follows a bundle feed.", feed is not None
    )
    if feed is None:
        return [followed]
    since = (now - feed.last_success).total_seconds() if feed.last_success else math.inf
    reason = feed.refusal if feed.refusal in REFUSAL_REASONS else "none"  # "" since a success
    expired = feed.refusal == "expired"
    return [
        followed,
        _one(
            "kiosk_feed_last_success_age_seconds",
            "Seconds since the last successful feed check; +Inf if none has succeeded.",
            max(0.0, since),
        ),
        _one(
            "kiosk_feed_failures_in_a_row",
            "Feed checks in a row that did not succeed (unreachable or refused).",
            feed.failed_in_a_row,
        ),
        Family(
            "kiosk_feed_last_refusal_info",
            "gauge",
            "Why the feed was last refused (none since a success), as the reason label; "
            "always 1. Reasons: none, " + ", ".join(REFUSAL_REASONS) + ".",
            (({"reason": reason}, 1.0),),
        ),
        _one(
            "kiosk_feed_expiry_timestamp_seconds",
            "When the last verified feed expires, seconds since the Unix epoch; 0 if it has "
            "no expiry (published before feeds carried one) or none was read yet.",
            feed.expires_at.timestamp() if feed.expires_at else 0.0,
        ),
        _one("kiosk_feed_expired", "1 if the feed was refused as out of date.", expired),
    ]


def _one(name: str, help_text: str, value: float, kind: str = "gauge") -> Family:
    return Family(name, kind, help_text, (({}, float(value)),))


def render(state: KioskState) -> str:
    """`state` in the Prometheus text exposition format (version 0.0.4)."""
    lines: list[str] = []
    for family in families(state):
        lines.append(f"# HELP {family.name} {_escape_help(family.help)}")
        lines.append(f"# TYPE {family.name} {family.kind}")
        for labels, value in family.samples:
            lines.append(f"{family.name}{_labels(labels)} {_number(value)}")
    return "\n".join(lines) + "\n"


def write_metrics(folder: Path, text: str) -> Path:
    """Replace `folder`/knee_kiosk.prom with `text` in one rename (node_exporter never reads
    half a file; its temporary name does not end in .prom, so it is never collected)."""
    target = folder / METRICS_FILE
    write_atomically(target, text.encode("utf-8"), mode=FILE_MODE)
    return target


def resident_bytes() -> int | None:
    """This process's resident memory in bytes (Linux); None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{key}="{_escape_label(value)}"' for key, value in labels.items())
    return "{" + inner + "}"


def _escape_label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _escape_help(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
