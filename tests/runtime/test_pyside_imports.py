"""PySide's import check keeps its answers and no longer keeps every module's source text."""

from __future__ import annotations

import importlib
import json
import linecache
import sys
from pathlib import Path

import pytest

from kiosk.runtime import pyside_imports
from kiosk.runtime.pyside_imports import CHECK_NAME, FEATURE_MODULE, uses_pyside


@pytest.fixture
def feature(monkeypatch):
    """PySide's feature module, its check restored after the test."""
    module = sys.modules[FEATURE_MODULE]
    monkeypatch.setattr(module, CHECK_NAME, getattr(module, CHECK_NAME))
    return module


@pytest.mark.parametrize(
    "name",
    ["kiosk.ui.window", "kiosk.content.model", "kiosk.runtime.pyside_imports", "json", "sys"],
)
def test_the_answer_is_pysides_own(feature, name: str) -> None:
    module = importlib.import_module(name)
    assert uses_pyside(module) == getattr(feature, CHECK_NAME)(module)


def test_modules_imported_later_leave_no_source_behind(
    feature, tmp_path: Path, monkeypatch
) -> None:
    assert pyside_imports.stop_keeping_sources()
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "uses_qt_later.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "plain_later.py").write_text("import json\n", encoding="utf-8")
    linecache.clearcache()
    import plain_later  # noqa: F401
    import uses_qt_later  # noqa: F401

    assert not {str(tmp_path / "plain_later.py"), str(tmp_path / "uses_qt_later.py")} & set(
        linecache.cache
    )
    assert feature.pyside_feature_dict["uses_qt_later"] == 0  # "uses PySide": it may switch
    assert feature.pyside_feature_dict["plain_later"] == -1  # "ignore this module"
    for name in ("plain_later", "uses_qt_later"):
        sys.modules.pop(name)


def test_without_the_check_nothing_changes(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, FEATURE_MODULE, json)  # a module without the check
    assert not pyside_imports.stop_keeping_sources()
