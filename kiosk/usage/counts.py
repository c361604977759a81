"""Anonymous usage counts: how often each screen, video, exercise, article and picker result
was shown, per day. Nothing else is stored: no times of day, no sessions, no answers."""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from kiosk.usage.export import export_csv

log = logging.getLogger(__name__)

# "stop": "Stop — this hurts" pressed, the item being "exercise:<id>" or "video:<id>".
KINDS = ("screen", "video", "exercise", "article", "picker_result", "stop")
# What was shown to patients; a stop press is something a patient did, not something shown.
SHOWN_KINDS = tuple(kind for kind in KINDS if kind != "stop")
# Item ids come from the bundle or the code (e.g. "glute-bridge", "home"); never free text.
_ITEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")
_BUSY_SECONDS = 5.0

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ({", ".join(f"'{kind}'" for kind in KINDS)})),
    item TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (day, kind, item)
) WITHOUT ROWID
"""
_UPSERT = """
INSERT INTO counts (day, kind, item, count) VALUES (?, ?, ?, 1)
ON CONFLICT (day, kind, item) DO UPDATE SET count = count + 1
"""


@dataclass(frozen=True)
class CountRow:
    """How many times one item of one kind was shown on one day."""

    day: date
    kind: str
    item: str
    count: int


class UsageCounts:
    """The counts database; one per process, shared by its threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = _connect(path)

    def record(self, kind: str, item_id: str, day: date | None = None) -> bool:
        """Count one showing of `item_id`; returns False (and logs) if the database failed.

        A bad kind or item id raises ValueError: that is a bug in the caller, not bad luck.
        """
        if kind not in KINDS:
            raise ValueError(f"usage kind {kind!r} is not one of {', '.join(KINDS)}")
        if not isinstance(item_id, str) or not _ITEM.match(item_id):
            raise ValueError(f"usage item {item_id!r} is not an id")
        day = day or date.today()
        try:
            with self._lock, self._db:
                self._db.execute(_UPSERT, (day.isoformat(), kind, item_id))
        except sqlite3.Error:
            # A count is never worth interrupting a patient for.
            log.exception("Could not record usage %s %s", kind, item_id)
            return False
        return True

    def last_days(self, days: int = 30, today: date | None = None) -> list[CountRow]:
        """Every count from the last `days` days (today included), by day, kind and item."""
        first = (today or date.today()) - timedelta(days=days - 1)
        return self._rows("WHERE day >= ?", (first.isoformat(),))

    def daily_totals(self, days: int = 30, today: date | None = None) -> list[tuple[date, int]]:
        """(day, everything shown that day) for each of the last `days` days, zeros included.

        Stop presses are not counted in: they are not something shown."""
        today = today or date.today()
        totals = {day: 0 for day in (today - timedelta(days=n) for n in range(days - 1, -1, -1))}
        for row in self.last_days(days, today):
            if row.kind not in SHOWN_KINDS:
                continue
            totals[row.day] = totals.get(row.day, 0) + row.count
        return list(totals.items())

    def all_rows(self) -> list[CountRow]:
        """Every count ever recorded, by day, kind and item."""
        return self._rows("", ())

    def export_csv(self, target: Path | TextIO, days: int | None = None) -> int:
        """Write every count (or the last `days` days) as CSV; returns the number of rows."""
        return export_csv(self.all_rows() if days is None else self.last_days(days), target)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> UsageCounts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, where: str, args: tuple) -> list[CountRow]:
        query = f"SELECT day, kind, item, count FROM counts {where} ORDER BY day, kind, item"
        with self._lock:
            found = self._db.execute(query, args).fetchall()
        return [CountRow(date.fromisoformat(day), kind, item, n) for day, kind, item, n in found]


def _connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the database; a damaged one is set aside and a new one started."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _open(path)
    except sqlite3.DatabaseError:
        aside = path.with_name(path.name + ".damaged")
        log.exception("Usage database %s is damaged; moving it to %s", path, aside)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").replace(f"{aside}{suffix}")
        return _open(path)


def _allow_every_kind(db: sqlite3.Connection) -> None:
    """A database made before a kind was added refuses it (its CHECK lists the old kinds):
    copy its rows into a table that allows every kind of KINDS."""
    (made_with,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'counts'").fetchone()
    if all(f"'{kind}'" in made_with for kind in KINDS):
        return
    log.info("Usage database %s: allowing the kinds %s", "counts", ", ".join(KINDS))
    db.execute("ALTER TABLE counts RENAME TO counts_before")
    db.execute(_SCHEMA)
    db.execute("INSERT INTO counts SELECT day, kind, item, count FROM counts_before")
    db.execute("DROP TABLE counts_before")


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=_BUSY_SECONDS, check_same_thread=False)
    try:
        # WAL: readers (the panel, `kiosk stats`) never block the kiosk's writes.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        with db:
            db.execute(_SCHEMA)
            _allow_every_kind(db)
    except sqlite3.Error:
        db.close()
        raise
    return db
