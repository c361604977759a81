"""Keeping PySide from holding the source text of every module imported after it.

PySide replaces Python's import with its own, which asks of each newly imported module whether
it uses PySide (for `from __feature__ import snake_case`), by reading its whole source with
inspect.getsource and looking for "PySide6". inspect reads through linecache, which keeps every
line of every module it read: in a checkout, ~280 modules at start and more with each screen,
10 to 12 MiB of RSS at start (benchmarks/real_window.py). A standalone build ships no
sources, so there the question fails fast and nothing is kept.

The answer stays the same, read from the module's loader and then let go.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

FEATURE_MODULE = "shibokensupport.feature"  # PySide's own; present once PySide6 is imported
CHECK_NAME = "_mod_uses_pyside"


def uses_pyside(module: ModuleType) -> bool:
    """Whether `module`'s source names PySide6, as PySide asks; nothing is cached."""
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None)
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return False  # built in, frozen or extension: PySide's own check says False too
    try:
        source = get_source(spec.name)
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return False
    return bool(source) and "PySide6" in source


def stop_keeping_sources() -> bool:
    """Give PySide's import check the answer from uses_pyside; False (and nothing changed) if
    this PySide does not have the check."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, CHECK_NAME, None)):
        log.info("PySide's import check was not found; module sources may be kept in memory")
        return False
    setattr(feature, CHECK_NAME, uses_pyside)
    return True
