"""Writing the usage counts as CSV, for a spreadsheet on the clinic's computer."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.store.atomic_file import write_atomically

if TYPE_CHECKING:
    from kiosk.usage.counts import CountRow

HEADER = ("day", "kind", "item", "count")


def export_csv(rows: Sequence[CountRow], target: Path | TextIO) -> int:
    """Write `rows` as CSV with a header to a file path or an open text file; returns the count."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows((row.day.isoformat(), row.kind, row.item, row.count) for row in rows)
    if isinstance(target, Path):
        # Whole or not at all, so a USB stick pulled out early never holds half a file.
        write_atomically(target, buffer.getvalue().encode("utf-8"))
    else:
        target.write(buffer.getvalue())
    return len(rows)
