"""The media service's picture cache."""

from __future__ import annotations

from PySide6.QtCore import QSize

from kiosk.ui.media import MediaService


def test_forget_drops_cached_pictures_and_renders_again_when_asked(qtbot, small) -> None:
    media = MediaService(small)
    ref = small.model.exercises[0].steps[0].illustration
    shown = media.pixmap(ref, QSize(200, 200))
    media.pixmap(ref, QSize(200, 200))
    assert media.renders == 1
    media.forget()
    assert not shown.isNull()  # a picture on screen keeps its own copy
    media.pixmap(ref, QSize(200, 200))
    assert media.renders == 2
