"""Usage counts: one row per day, kind and item, and nothing else about anyone."""

from __future__ import annotations

import csv
import io
import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from kiosk.usage import KINDS, CountRow, UsageCounts

TODAY = date(2025, 3, 31)


@pytest.fixture
def counts(tmp_path: Path):
    with UsageCounts(tmp_path / "usage.sqlite") as opened:
        yield opened


def test_records_are_counted_per_day_kind_and_item(counts: UsageCounts) -> None:
    for _ in range(3):
        counts.record("video", "quad-stretch", TODAY)
    counts.record("video", "quad-stretch", TODAY - timedelta(days=1))
    counts.record("exercise", "glute-bridge", TODAY)
    counts.record("picker_result", "go-ice", TODAY)
    assert counts.all_rows() == [
        CountRow(TODAY - timedelta(days=1), "video", "quad-stretch", 1),
        CountRow(TODAY, "exercise", "glute-bridge", 1),
        CountRow(TODAY, "picker_result", "go-ice", 1),
        CountRow(TODAY, "video", "quad-stretch", 3),
    ]


def test_record_defaults_to_today(counts: UsageCounts) -> None:
    assert counts.record("screen", "home")
    assert counts.all_rows() == [CountRow(date.today(), "screen", "home", 1)]


def test_last_days_covers_today_and_the_days_before(counts: UsageCounts) -> None:
    for age in (0, 29, 30, 45):
        counts.record("article", "cortisone", TODAY - timedelta(days=age))
    days = [row.day for row in counts.last_days(30, today=TODAY)]
    assert days == [TODAY - timedelta(days=29), TODAY]


def test_daily_totals_fill_quiet_days_with_zero(counts: UsageCounts) -> None:
    counts.record("screen", "home", TODAY)
    counts.record("video", "calf-stretch", TODAY)
    counts.record("stop", "video:calf-stretch", TODAY)  # pressed, not shown
    counts.record("screen", "home", TODAY - timedelta(days=2))
    totals = counts.daily_totals(7, today=TODAY)
    assert len(totals) == 7
    assert totals[-1] == (TODAY, 2)
    assert totals[-3] == (TODAY - timedelta(days=2), 1)
    assert totals[0] == (TODAY - timedelta(days=6), 0)


@pytest.mark.parametrize(
    ("kind", "item"),
    [("patient", "x"), ("video", ""), ("video", "Maria Lopez, 62"), ("video", "x" * 500)],
    ids=["unknown-kind", "empty-item", "free-text", "too-long"],
)
def test_only_known_kinds_and_ids_are_recorded(counts: UsageCounts, kind: str, item: str) -> None:
    with pytest.raises(ValueError):
        counts.record(kind, item)
    assert counts.all_rows() == []


def test_schema_holds_nothing_but_counts(tmp_path: Path) -> None:
    UsageCounts(tmp_path / "usage.sqlite").close()
    db = sqlite3.connect(tmp_path / "usage.sqlite")
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    columns = [row[1] for row in db.execute("PRAGMA table_info(counts)")]
    db.close()
    assert tables == ["counts"]
    assert columns == ["day", "kind", "item", "count"]


def test_csv_export_to_a_file_object(counts: UsageCounts) -> None:
    counts.record("exercise", "mini-squat", TODAY)
    counts.record("exercise", "mini-squat", TODAY)
    out = io.StringIO()
    assert counts.export_csv(out) == 1
    assert out.getvalue() == "day,kind,item,count\n2025-03-31,exercise,mini-squat,2\n"


def test_csv_export_to_a_path(counts: UsageCounts, tmp_path: Path) -> None:
    for kind in KINDS:
        counts.record(kind, "item-1", TODAY)
    target = tmp_path / "stick" / "usage.csv"
    target.parent.mkdir()
    assert counts.export_csv(target) == len(KINDS)
    with target.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [row["kind"] for row in rows] == sorted(KINDS)
    assert [p.name for p in target.parent.iterdir()] == ["usage.csv"]


def test_csv_export_of_recent_days_only(counts: UsageCounts) -> None:
    counts.record("screen", "home", date.today() - timedelta(days=40))
    counts.record("screen", "home")
    out = io.StringIO()
    assert counts.export_csv(out, days=30) == 1


def test_writers_in_threads_and_connections_all_count(tmp_path: Path) -> None:
    path = tmp_path / "usage.sqlite"
    shared = UsageCounts(path)
    other = UsageCounts(path)  # as `kiosk stats` or a second process would open it

    def record_many(counts: UsageCounts) -> None:
        for _ in range(50):
            assert counts.record("screen", "home", TODAY)

    threads = [threading.Thread(target=record_many, args=(c,)) for c in (shared, shared, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert other.all_rows() == [CountRow(TODAY, "screen", "home", 150)]
    shared.close()
    other.close()


def test_damaged_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "usage.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with UsageCounts(path) as counts:
        assert counts.record("screen", "home", TODAY)
        assert counts.all_rows() == [CountRow(TODAY, "screen", "home", 1)]
    assert (tmp_path / "usage.sqlite.damaged").exists()


def test_failed_write_is_logged_not_raised(tmp_path: Path) -> None:
    counts = UsageCounts(tmp_path / "usage.sqlite")
    counts.close()
    assert counts.record("screen", "home") is False


def test_record_is_cheap(counts: UsageCounts) -> None:
    import time

    started = time.perf_counter()
    for number in range(500):
        counts.record("screen", f"screen-{number % 10}", TODAY)
    assert time.perf_counter() - started < 1.0  # about 40 µs each on a laptop


def test_a_database_made_before_the_stop_kind_takes_it_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "usage.sqlite"
    old_kinds = "'screen', 'video', 'exercise', 'article', 'picker_result'"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE counts (day TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN "
            f"({old_kinds})), item TEXT NOT NULL, count INTEGER NOT NULL CHECK (count > 0), "
            "PRIMARY KEY (day, kind, item)) WITHOUT ROWID"
        )
        db.execute("INSERT INTO counts VALUES ('2025-03-30', 'video', 'quad-stretch', 4)")
    db.close()
    with UsageCounts(path) as counts:
        assert counts.record("stop", "exercise:glute-bridge", TODAY)
        assert counts.all_rows() == [
            CountRow(TODAY - timedelta(days=1), "video", "quad-stretch", 4),
            CountRow(TODAY, "stop", "exercise:glute-bridge", 1),
        ]
