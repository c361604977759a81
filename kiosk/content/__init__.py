"""The content bundle: its model, loading and validation. Pure Python: no Qt here."""

from typing import TYPE_CHECKING

from kiosk.content.loader import BundleInvalid, LoadedBundle, load_bundle, open_bundle
from kiosk.content.problems import Problem

if TYPE_CHECKING:
    from kiosk.content.model import Bundle

__all__ = ["Bundle", "BundleInvalid", "LoadedBundle", "Problem", "load_bundle", "open_bundle"]


def __getattr__(name: str) -> object:
    # The model, and pydantic with it, loads on first use: a start from a bundle's validation
    # record paints its first screen without it (kiosk.content.record).
    if name == "Bundle":
        from kiosk.content.model import Bundle

        return Bundle
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
