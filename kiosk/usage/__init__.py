"""Anonymous usage counts per day, in SQLite. Pure Python: no Qt here."""

from kiosk.usage.counts import KINDS, CountRow, UsageCounts
from kiosk.usage.export import export_csv

__all__ = ["KINDS", "CountRow", "UsageCounts", "export_csv"]
