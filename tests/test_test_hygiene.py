"""The tests keep their shared helpers in tests/helpers/ and pass values in rather than patch."""

from __future__ import annotations

import ast
import re

from tests.helpers.places import TESTS_DIR


def test_no_test_module_imports_another() -> None:
    pattern = re.compile(r"^\s*(from|import) tests\.(\w+\.)*test_\w+", re.MULTILINE)
    offenders = [
        str(path.relative_to(TESTS_DIR))
        for path in TESTS_DIR.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"move what they share to tests/helpers/: {offenders}"


def kiosk_names(source: str) -> set[str]:
    """The names a module imports from the kiosk package."""
    return {
        alias.asname or alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kiosk")
        for alias in node.names
    }


def patched_kiosk_classes(source: str) -> list[str]:
    """`monkeypatch.setattr(KioskClass, "attr", ...)` calls: a kiosk class changed for every
    test after it, where a value passed in (a Pace, Settings, a clock) would do."""
    names = kiosk_names(source)
    return [
        f"{node.args[0].id}.{node.args[1].value}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setattr"
        and len(node.args) >= 2
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id in names
        and isinstance(node.args[1], ast.Constant)
    ]


def test_the_finder_sees_a_patched_class() -> None:
    source = (
        "from kiosk.ui.staff.gesture import CornerGesture\n"
        "from PySide6.QtGui import QDesktopServices\n"
        "def test(monkeypatch):\n"
        "    monkeypatch.setattr(CornerGesture, 'hold_seconds', 0.2)\n"
        "    monkeypatch.setattr(QDesktopServices, 'openUrl', print)\n"
    )
    assert patched_kiosk_classes(source) == ["CornerGesture.hold_seconds"]


def test_no_test_patches_a_kiosk_class() -> None:
    offenders = {
        f"{path.relative_to(TESTS_DIR)}: {patched}"
        for path in TESTS_DIR.rglob("test_*.py")
        for patched in patched_kiosk_classes(path.read_text(encoding="utf-8"))
    }
    assert not offenders, f"pass the value in instead: {sorted(offenders)}"
