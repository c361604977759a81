"""`kiosk audit`: every patient screen measured at three screen sizes and both text sizes, as an
accessibility reviewer would: controls and their names, the smallest target, the lowest text
contrast, clipped text and letters the fonts cannot draw."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from kiosk.content import LoadedBundle
from kiosk.ui.composition import Kiosk, build_kiosk
from kiosk.ui.glyphs import undrawable
from kiosk.ui.screens.base import Route
from kiosk.ui.screenshots import longest_titled, picker_paths
from kiosk.ui.window import KioskWindow

SIZES = ((1280, 800), (1920, 1080), (1080, 1920))
# Millimetres are stated for a 21.5-inch 16:9 panel (a common kiosk screen): 268 mm across
# its short side, whatever the resolution drives it.
PANEL_SHORT_SIDE_MM = 268.0
PANEL_INCHES = 21.5
MIN_CONTRAST = 4.5  # WCAG 1.4.3 for text, as measured on the drawn pixels (anti-aliased)


@dataclass
class ScreenAudit:
    """What one screen measured, at one size, text size and language."""

    screen: str
    size: tuple[int, int]
    larger_text: bool
    language: str
    high_contrast: bool = False
    controls: int = 0
    unnamed: list[str] = field(default_factory=list)
    smallest_px: int = 0
    smallest_mm: float = 0.0
    lowest_contrast: float = 21.0
    touch_px: int = 0  # the theme's touch size at this screen size
    clipped: list[str] = field(default_factory=list)
    missing_glyphs: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[str]:
        """Each way this screen fails, in words; empty when it passes."""
        found = [f"control without a name: {name}" for name in self.unnamed]
        if self.controls and self.smallest_px < self.touch_px - 1:
            found.append(f"a target of {self.smallest_px} px, under {self.touch_px} px")
        if self.lowest_contrast < MIN_CONTRAST:
            found.append(f"text contrast {self.lowest_contrast:.1f}:1, under {MIN_CONTRAST}:1")
        found += [f"clipped: {text}" for text in self.clipped]
        found += [f"cannot draw: {text}" for text in self.missing_glyphs]
        return found


# --- Measures ------------------------------------------------------------------------------


def clipped_text(label: QLabel) -> str | None:
    """Why `label`'s words do not fit the room it was given, or None when they do."""
    text = label.text()
    if not text.strip() or label.textFormat() == Qt.TextFormat.RichText:
        return None
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), 0)
    flags = int(label.alignment()) | (int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0)
    needed = QFontMetrics(label.font()).boundingRect(room, flags, text)
    if needed.width() > room.width() + 1 or needed.height() > room.height() + 1:
        return f"needs {needed.width()}x{needed.height()} px, has {room.width()}x{room.height()}"
    return _cut_by_a_parent(label)


def _cut_by_a_parent(widget: QWidget) -> str | None:
    """Whether a parent (a button, a card, the window) is smaller than the label inside it."""
    child = widget
    while (parent := child.parentWidget()) is not None:
        if isinstance(parent.parentWidget(), QScrollArea):
            return None  # below the fold of a scrolling page is what scrolling is for
        where = widget.rect().translated(widget.mapTo(parent, widget.rect().topLeft()))
        if not parent.rect().contains(where):
            return f"sticks out of its {type(parent).__name__}"
        child = parent
    return None


def shown_texts(window: QWidget) -> Iterator[tuple[str, QFont, bool]]:
    """Every text `window` shows now, with the font it is drawn in and whether it is rich text:
    labels, buttons' words, and the words a widget paints itself (a video's caption)."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.text().strip():
            shape = widget.textFormat()
            rich = shape == Qt.TextFormat.RichText or (
                shape == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(widget.text())
            )
            yield widget.text(), widget.font(), rich
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            yield widget.text(), widget.font(), False
        if callable(painted := getattr(widget, "painted_texts", None)):
            yield from ((text, font, False) for text, font in painted())


def missing_glyphs(window: QWidget) -> list[str]:
    """What `window` shows that no font can draw: each text's undrawable letters, and the text."""
    return [
        f"{missing!r} in {text[:40]!r}"
        for text, font, rich in shown_texts(window)
        if (missing := undrawable(text, font, rich))
    ]


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    lighter, darker = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def drawn_contrast(picture: QImage, box: QRect) -> float | None:
    """The contrast of text as drawn in `box` of the window's `picture`: its commonest colour
    (the background) against its letters, taken as the contrast that the most contrasting 2 %
    of its pixels reach (so the soft edges of anti-aliased letters do not count against it).
    None when nothing is drawn there."""
    box = box.intersected(picture.rect())
    if box.isEmpty():
        return None
    step = max(1, round((box.width() * box.height() / 40_000) ** 0.5))  # a sample of big boxes
    colours = Counter(
        picture.pixel(x, y)
        for y in range(box.top(), box.bottom() + 1, step)
        for x in range(box.left(), box.right() + 1, step)
    )
    background = QColor.fromRgb(colours.most_common(1)[0][0])
    ranked = sorted(
        ((contrast(background, QColor.fromRgb(rgb)), count) for rgb, count in colours.items()),
        reverse=True,
    )
    wanted, seen = 0.02 * (sum(colours.values()) - colours.most_common(1)[0][1]), 0
    for ratio, count in ranked:
        seen += count
        if seen >= wanted:
            return ratio if ratio > 1.05 else None  # a label with nothing drawn in it
    return None


def text_box(label: QLabel, window: QWidget) -> QRect:
    """Where `label`'s words are drawn, in window coordinates, cut to the part on screen."""
    flags = int(label.alignment()) | (int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0)
    words = QFontMetrics(label.font()).boundingRect(label.contentsRect(), flags, label.text())
    seen = label.visibleRegion().boundingRect().intersected(words)
    return seen.translated(label.mapTo(window, QPoint(0, 0)))


# --- Walking the screens ---------------------------------------------------------------------


def screens(window: KioskWindow, bundle: LoadedBundle) -> Iterator[str]:
    """Visit every patient screen of `bundle` in turn; yields the name of each."""
    model = bundle.model
    window.go(Route("attract"))
    yield "attract"
    window.go(Route("home"))
    yield "home"
    window.go(Route("about"))
    yield "about"
    if len(model.languages) > 1:
        window.go(Route("languages"))
        yield "language chooser"
    window.go(Route("exercises"))
    yield "exercise list"
    for exercise in model.exercises:
        window.go(Route("exercise", exercise.id))
        yield f"exercise {exercise.id}"
    window.go(Route("picker"))
    for path in picker_paths(model.picker):
        window.current_screen.show_path(path)
        yield f"picker {path[-1]}"
    if window.videos_available and model.videos.items:
        window.go(Route("videos"))
        yield "videos (caution)"
    window.go(Route("articles"))
    yield "article list"
    for article in model.articles:
        window.go(Route("article", article.id))
        yield f"article {article.id}"


def reading_screens(kiosk: Kiosk) -> Iterator[str]:
    """Home and the page with the longest title while read-aloud reads them (Repeat, Stop
    reading and Louder in the bar), where the bundle is narrated in the language on show."""
    window = kiosk.window
    for route in (Route("home"), longest_titled(window.ctx.bundle.model, window.session.language)):
        window.go(route)
        QApplication.processEvents()
        if not kiosk.read_aloud.offered():
            continue
        kiosk.read_aloud.start()
        try:
            yield f"{route.screen} {route.item or ''}".strip() + ", read aloud"
        finally:
            kiosk.read_aloud.stop()


def measure(window: KioskWindow, audit: ScreenAudit) -> ScreenAudit:
    """Fill in `audit` from what `window` shows now."""
    for _ in range(3):
        QApplication.processEvents()
    window.finish_transition()
    theme = window.ctx.theme
    audit.touch_px = theme.touch
    mm_per_px = PANEL_SHORT_SIDE_MM / min(window.width(), window.height())
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    audit.controls = len(buttons)
    audit.unnamed = [repr(b.text() or type(b).__name__) for b in buttons if not b.accessibleName()]
    if buttons:
        audit.smallest_px = min(min(b.width(), b.height()) for b in buttons)
        audit.smallest_mm = round(audit.smallest_px * mm_per_px, 1)
    labels = [w for w in window.findChildren(QLabel) if w.isVisibleTo(window) and w.text().strip()]
    picture = window.grab().toImage()
    for label in labels:
        if why := clipped_text(label):
            audit.clipped.append(f"{label.text()[:50]!r} ({why})")
        # Only the part on screen: a label below a scrolling page's fold is not drawn.
        box = text_box(label, window)
        measured = drawn_contrast(picture, box) if box.height() >= 8 else None
        if measured is not None:
            audit.lowest_contrast = min(audit.lowest_contrast, measured)
    audit.missing_glyphs = missing_glyphs(window)
    return audit


def audit_bundle(
    bundle: LoadedBundle,
    sizes: tuple[tuple[int, int], ...] = SIZES,
    contrasts: tuple[bool, ...] = (False, True),
) -> list[ScreenAudit]:
    """Every screen, at each size, in both themes (standard and high contrast), both text
    sizes and every language of `bundle`; and, where it is narrated, two while read aloud."""
    results = []
    for size in sizes:
        kiosk = build_kiosk(bundle, sound_check=lambda: True)  # the bar with a speaker's
        window = kiosk.window
        window.resize(*size)
        window.show()
        try:
            for high, larger in ((h, big) for h in contrasts for big in (False, True)):
                window.session.set_high_contrast(high)
                window.session.set_larger_text(larger)
                for language in bundle.model.languages:
                    window.session.set_language(language)
                    walked = chain(screens(window, bundle), reading_screens(kiosk))
                    for name in walked:
                        found = ScreenAudit(name, size, larger, language, high)
                        results.append(measure(window, found))
        finally:
            window.exit_kiosk()
            window.deleteLater()
    return results


def table(results: list[ScreenAudit]) -> str:
    """One row per screen: the worst of each measure over languages, sizes and text sizes."""
    rows: dict[str, list[ScreenAudit]] = {}
    for result in results:
        rows.setdefault(result.screen, []).append(result)
    header = (
        f"{'screen':<32} {'controls':>8} {'unnamed':>7} {'smallest':>14} "
        f"{'contrast':>8} {'clipped':>7} {'glyphs':>6}  result"
    )
    lines = [header, "-" * len(header)]
    for screen, found in rows.items():
        smallest = min(found, key=lambda r: r.smallest_mm if r.controls else 1e9)
        failing = [r for r in found if r.failures]
        lines.append(
            f"{screen[:32]:<32} {max(r.controls for r in found):>8} "
            f"{sum(len(r.unnamed) for r in found):>7} "
            f"{smallest.smallest_mm:>6.1f} mm {smallest.smallest_px:>3}px "
            f"{min(r.lowest_contrast for r in found):>7.1f}:1 "
            f"{sum(len(r.clipped) for r in found):>7} "
            f"{sum(len(r.missing_glyphs) for r in found):>6}  "
            f"{'FAIL' if failing else 'ok'}"
        )
    lines.append("")
    lines.append(
        f"Sizes {', '.join(f'{w}x{h}' for w, h in SIZES)}, standard and high contrast, normal "
        f"and larger text, every language; millimetres on a {PANEL_INCHES}-inch 16:9 screen."
    )
    return "\n".join(lines)


def failures(results: list[ScreenAudit]) -> list[str]:
    """Every failure, with where it happened."""
    return [
        f"{r.screen} at {r.size[0]}x{r.size[1]}, {'larger' if r.larger_text else 'normal'} "
        f"text, {'high contrast, ' if r.high_contrast else ''}{r.language}: {failure}"
        for r in results
        for failure in r.failures
    ]


def run_audit(bundle: LoadedBundle) -> int:
    """Print the table and any failures; 0 when every screen passes."""
    QApplication.instance() or QApplication(["kiosk-audit"])
    results = audit_bundle(bundle)
    print(table(results))
    problems = failures(results)
    for problem in problems:
        print(f"FAIL  {problem}")
    return 1 if problems else 0
