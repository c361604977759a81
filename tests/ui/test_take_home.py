"""Take-home QR codes, read back from the rendered screen with a real decoder (zxing-cpp):
each leads exactly to its item's address, is large and crisp, dark on light, with the short
address and an invitation under it; an item with no address shows no code."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFrame, QLabel

from kiosk.content import LoadedBundle
from kiosk.content.take_home import short_address, take_home_address
from kiosk.ui.screens.base import Route
from kiosk.ui.take_home_code import QUIET_ZONE
from tests.helpers.driving import settle

SIZES = [(1920, 1080), (1080, 1920)]


def places(bundle: LoadedBundle) -> list[tuple[str, object, str | None]]:
    """(where, how to get there, address) for every place a code may show."""
    model = bundle.model
    found = []
    for exercise in model.exercises:
        address = take_home_address(model, exercise)
        found.append((f"exercise {exercise.id} step 1", ("step", exercise.id), address))
        found.append((f"exercise {exercise.id} finish", ("finish", exercise.id), address))
    for article in model.articles:
        found.append(
            (f"article {article.id}", ("article", article.id), take_home_address(model, article))
        )
    found.append(("videos closing", ("closing", None), take_home_address(model, model.videos)))
    return found


def show(window, how: tuple[str, str | None]) -> None:
    kind, item = how
    if kind in ("step", "finish"):
        window.go(Route("exercise", item))
        if kind == "finish":
            window.current_screen.workout.finish()
            window.current_screen.render()
    elif kind == "article":
        window.go(Route("article", item))
    else:
        window.go(Route("videos"))
        window.current_screen.show_closing()
    settle()
    window.finish_transition()


def decoded(window) -> list[str]:
    picture = window.grab().toImage()
    return [result.text for result in zxingcpp.read_barcodes(picture)]


def code_on_screen(window) -> QFrame | None:
    found = [
        w for w in window.findChildren(QFrame, "take_home") if w.isVisibleTo(window.current_screen)
    ]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
@pytest.mark.parametrize("bundle_name", ["small", "builtin"])
def test_every_code_reads_back_as_its_address(make_window, request, bundle_name, size) -> None:
    bundle = request.getfixturevalue(bundle_name)
    window = make_window(bundle, size)
    window.session.set_language(bundle.model.default_language)
    read = 0
    for where, how, address in places(bundle):
        show(window, how)
        codes = decoded(window)
        if address is None:
            assert codes == [] and code_on_screen(window) is None, where
            continue
        assert codes == [address], where
        read += 1
        card = code_on_screen(window)
        assert card.findChild(QLabel, "take_home_address").text() == short_address(address)
        assert card.accessibleDescription() == address
    # The built-in bundle's clinic page is unknown, so it has no codes; the test bundle has
    # an exercise with its own address, others from take_home_base, an article and the series.
    assert read == (0 if bundle_name == "builtin" else 2 * 3 + 1 + 1)


@pytest.mark.parametrize("larger_text", [False, True], ids=["normal", "larger"])
def test_a_code_is_large_whole_module_and_dark_on_light(make_window, small, larger_text) -> None:
    window = make_window(small)
    window.session.set_larger_text(larger_text)
    show(window, ("step", "arm-circle"))
    code = code_on_screen(window).findChild(QLabel, "take_home_code")
    image = code.pixmap().toImage()
    assert image.width() == image.height() >= 240
    modules = _modules(image)
    assert image.width() % modules == 0  # each module a whole number of pixels
    module = image.width() // modules
    # The quiet zone: four modules of white all round; the finder pattern black inside it.
    assert image.pixelColor(QUIET_ZONE * module - 1, QUIET_ZONE * module - 1) == QColor("white")
    assert image.pixelColor(QUIET_ZONE * module, QUIET_ZONE * module) == QColor("black")


def _modules(image: QImage) -> int:
    """The code's side in modules, quiet zone included: from the finder pattern's width,
    seven modules of black along the row through its top edge."""
    y = next(y for y in range(image.height()) if image.pixelColor(y, y) == QColor("black"))
    x = y
    while image.pixelColor(x, y) == QColor("black"):
        x += 1
    module = (x - y) // 7
    return image.width() // module


def test_an_item_without_an_address_shows_no_code(make_window, small) -> None:
    clinic = small.model.clinic.model_copy(update={"take_home_base": None})
    without_base = small.model.model_copy(update={"clinic": clinic})
    bundle = LoadedBundle(small.root, without_base, small.files, small.warnings)
    window = make_window(bundle)
    show(window, ("step", "arm-circle"))
    assert code_on_screen(window) is None and decoded(window) == []
    show(window, ("step", "toe-tap"))  # its own take_home_url still shows
    assert decoded(window) == ["https://clinic.example.org/toe-tap"]
