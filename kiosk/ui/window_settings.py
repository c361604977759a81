"""How settings meet a bundle: shared by the window at start and the staff panel at save."""

from __future__ import annotations

from kiosk.content import LoadedBundle
from kiosk.settings import Settings


def default_language_for(bundle: LoadedBundle, settings: Settings) -> str:
    """The settings' language when the bundle has it, else the bundle's own default."""
    wanted = settings.default_language
    return wanted if wanted in bundle.model.languages else bundle.model.default_language
