"""Choosing software or OpenGL drawing from the environment."""

from __future__ import annotations

import logging

import pytest

from kiosk.runtime.rendering import rendering_choice


@pytest.mark.parametrize(
    ("value", "chosen"),
    [(None, "software"), ("", "software"), ("opengl", "opengl"), (" OpenGL ", "opengl")],
)
def test_software_unless_opengl_is_asked_for(value: str | None, chosen: str) -> None:
    environ = {} if value is None else {"KIOSK_RENDERING": value}
    assert rendering_choice(environ) == chosen


def test_an_unknown_value_is_logged_and_software_used(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert rendering_choice({"KIOSK_RENDERING": "vulkan"}) == "software"
    assert "KIOSK_RENDERING=vulkan" in caplog.text
