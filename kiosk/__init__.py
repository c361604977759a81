"""The waiting-room knee-care kiosk."""

__version__ = "0.1.0"
