"""`kiosk audit` passes on the built-in bundle and every test bundle, and can fail."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.content import load_bundle
from kiosk.ui.audit import SIZES, ScreenAudit, audit_bundle, failures, measure, table
from kiosk.ui.screens.base import Route
from tests.helpers.bundles import BUNDLES


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_every_screen_passes_the_audit(qapp, name: str, size) -> None:
    results = audit_bundle(load_bundle(BUNDLES[name]), sizes=(size,), contrasts=(False,))
    assert {r.screen for r in results} >= {"attract", "home", "exercise list", "article list"}
    assert not failures(results), "\n".join(failures(results))
    assert "exercise list" in table(results)


@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_every_screen_passes_in_high_contrast(qapp, name: str) -> None:
    # One size here (the others cost minutes); kiosk audit itself walks all three.
    results = audit_bundle(load_bundle(BUNDLES[name]), sizes=((1920, 1080),), contrasts=(True,))
    assert all(r.high_contrast for r in results)
    assert not failures(results), "\n".join(failures(results))


def test_the_audit_finds_an_unnamed_small_faint_control(make_window, small) -> None:
    window = make_window(small)
    window.go(Route("home"))
    screen = window.current_screen
    tiny = QPushButton("?", screen)
    tiny.setStyleSheet("min-height: 0; min-width: 0; padding: 0;")  # the theme's touch size, off
    tiny.setGeometry(10, 10, 30, 30)
    tiny.show()
    faint = QLabel("Hard to read words", screen)
    faint.setStyleSheet("color: #dddddd; background: #ffffff; font-size: 40px;")
    faint.setGeometry(300, 300, 600, 80)
    faint.show()
    found = measure(window, ScreenAudit("home", (1920, 1080), False, "fr")).failures
    assert any("control without a name" in f for f in found)
    assert any("a target of 30 px" in f for f in found)
    assert any("text contrast" in f for f in found)
