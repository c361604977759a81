"""The content bundle: its model, loading and validation. Pure Python: no Qt here."""

from kiosk.content.loader import BundleInvalid, LoadedBundle, load_bundle, open_bundle
from kiosk.content.model import Bundle
from kiosk.content.problems import Problem

__all__ = ["Bundle", "BundleInvalid", "LoadedBundle", "Problem", "load_bundle", "open_bundle"]
