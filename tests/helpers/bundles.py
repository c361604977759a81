"""Every bundle the screen tests walk: the built-in one and each folder in tests/bundles/."""

from __future__ import annotations

from functools import cache

from kiosk.content import LoadedBundle, load_bundle
from kiosk.content.locate import builtin_bundle_dir
from tests.helpers.places import TESTS_DIR

BUNDLES = {
    "builtin": builtin_bundle_dir(),
    **{p.parent.name: p.parent for p in sorted((TESTS_DIR / "bundles").glob("*/bundle.json"))},
}


@cache
def bundle(name: str) -> LoadedBundle:
    """The bundle `name` (a key of BUNDLES), loaded once per test process."""
    return load_bundle(BUNDLES[name])
