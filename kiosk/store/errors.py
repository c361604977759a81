"""The store's own error: an action that cannot be done, explained for staff."""

from __future__ import annotations


class StoreError(Exception):
    """A store action that cannot be done; the message is written for staff."""
