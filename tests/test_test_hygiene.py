"""The tests keep their shared helpers in tests/helpers/: no test module imports another."""

from __future__ import annotations

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
