"""What a new bundle changes, compared with another, in words a front-desk person understands.

Items (videos, exercises, articles, picker questions and results) are matched by id; the rest
of the bundle (home, attract, the caution card...) is compared section by section. Each text is
compared per language: short ones show the old and new words, long ones a count of changed
words. Media files are compared by their bytes; the picker's cases are walked through both trees.
"""

from __future__ import annotations

import difflib
import filecmp
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, RootModel

from kiosk.content.cases import run_case
from kiosk.content.loader import LoadedBundle
from kiosk.content.model import MANIFEST_NAME, Bundle, Loc, Picker, PickerCase, Question, Text
from kiosk.content.review import Reviewed, reviewable_items

# Texts of up to this many words are shown old and new; longer ones as a count of changed words.
SHORT_TEXT_WORDS = 12
# Sections compared as a whole (not item by item), and fields that say nothing to staff.
_ITEM_SECTIONS = {("videos", "items"), ("exercises",), ("articles",), ("picker", "nodes")}
_SKIPPED = {"$schema", "schema_version", "id", "version", "review", "cases"}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "vi": "Vietnamese"}
OUTCOME_WORDS = {
    "ice": "ice",
    "heat": "heat",
    "either": "ice or heat",
    "caution": "ask us first",
    "front_desk": "tell the front desk (red flag)",
}

Status = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class FieldChange:
    """One field of an item, in one language for a text: old and new, or a count of words."""

    where: str  # "step 2, instruction"; "" for the item itself
    language: str | None  # None for a number, a file name, a yes/no
    old: str | None
    new: str | None
    changed_words: int | None = None  # set for long texts, whose words are not shown

    def describe(self) -> str:
        place = ", ".join(p for p in (self.where, _language_name(self.language)) if p)
        prefix = f"{place}: " if place else ""
        if self.changed_words is not None:
            return f"{prefix}{self.changed_words} word{'s' * (self.changed_words != 1)} changed"
        old, new = (self._shown(value) for value in (self.old, self.new))
        if self.old is None:
            return f"{prefix}added {new}"
        if self.new is None:
            return f"{prefix}removed {old}"
        return f"{prefix}{old} → {new}"

    def _shown(self, value: str | None) -> str:
        """Texts in quotes; numbers, dates and file names as they are."""
        return f'"{value}"' if self.language is not None else str(value)


@dataclass(frozen=True)
class ItemChange:
    kind: str  # "exercise", "video", "article", "ice-or-heat question", "section"
    item_id: str
    title: str
    status: Status
    fields: tuple[FieldChange, ...] = ()

    def describe(self) -> str:
        if self.kind == "section":
            return self.title
        return f'{self.kind} "{self.title}" ({self.item_id})'


@dataclass(frozen=True)
class MediaChange:
    path: str
    status: Literal["added", "removed", "replaced"]
    old_bytes: int | None
    new_bytes: int | None

    def describe(self) -> str:
        if self.status == "replaced":
            return f"{self.path}: {_size(self.old_bytes)} → {_size(self.new_bytes)}"
        return f"{self.path} ({_size(self.new_bytes or self.old_bytes)})"


@dataclass(frozen=True)
class CaseChange:
    answers: str  # "No > No > Yes"
    old: str  # where the answers led in the old tree, in words
    new: str

    def describe(self) -> str:
        return f"{self.answers}: was {self.old}, now {self.new}"


@dataclass(frozen=True)
class ReviewChange:
    item: str  # exercise "Bridge"
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class BundleDiff:
    """Everything `new` changes compared with `old`."""

    old: str  # "knee-care 1.0.0"
    new: str
    items: tuple[ItemChange, ...] = ()
    media: tuple[MediaChange, ...] = ()
    cases: tuple[CaseChange, ...] = ()
    reviews: tuple[ReviewChange, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def is_empty(self) -> bool:
        return not (self.items or self.media or self.cases or self.reviews)

    def as_json(self) -> dict[str, Any]:
        """The same, for tools: plain dicts and lists."""
        return asdict(self)


def diff_bundles(old: LoadedBundle, new: LoadedBundle) -> BundleDiff:
    """Compare two loaded bundles: content, media files, picker outcomes and reviews."""
    return BundleDiff(
        old=f"{old.model.id} {old.model.version}",
        new=f"{new.model.id} {new.model.version}",
        items=tuple(_item_changes(old.model, new.model)),
        media=tuple(_media_changes(old, new)),
        cases=tuple(_case_changes(old.model, new.model)),
        reviews=tuple(_review_changes(old.model, new.model)),
    )


# --- Items and sections ----------------------------------------------------------------------


def _items(model: Bundle) -> dict[tuple[str, str], tuple[str, BaseModel]]:
    """(kind, id) -> (title in the default language, the item), in bundle order."""
    lang = model.default_language
    found: dict[tuple[str, str], tuple[str, BaseModel]] = {}
    for kind, items in (
        ("video", model.videos.items),
        ("exercise", model.exercises),
        ("article", model.articles),
    ):
        for item in items:
            found[(kind, item.id)] = (item.title.get(lang), item)
    for node_id, node in model.picker.nodes.items():
        if isinstance(node, Question):
            found[("ice-or-heat question", node_id)] = (node.text.get(lang), node)
        else:
            found[("ice-or-heat result", node_id)] = (node.title.get(lang), node)
    return found


def _item_changes(old: Bundle, new: Bundle) -> list[ItemChange]:
    before, after = _items(old), _items(new)
    changes = [
        ItemChange(key[0], key[1], title, "removed")
        for key, (title, _) in before.items()
        if key not in after
    ]
    changes += [
        ItemChange(key[0], key[1], title, "added")
        for key, (title, _) in after.items()
        if key not in before
    ]
    for key, (title, item) in after.items():
        if key in before and (fields := _field_changes(_leaves(before[key][1]), _leaves(item))):
            changes.append(ItemChange(key[0], key[1], title, "changed", fields))
    changes += _section_changes(old, new)
    return changes


def _section_changes(old: Bundle, new: Bundle) -> list[ItemChange]:
    """The parts of the bundle that are not items: title, clinic, home, attract, cards..."""
    before, after = _leaves(old, skip_items=True), _leaves(new, skip_items=True)
    sections = dict.fromkeys(str(loc[0]) for loc, _ in [*before, *after])
    changes = []
    for section in sections:
        mine = [_within(leaves, section) for leaves in (before, after)]
        if fields := _field_changes(*mine):
            changes.append(
                ItemChange("section", section, _section_name(section), "changed", fields)
            )
    return changes


Leaves = dict[tuple[Loc, str | None], str]


def _leaves(value: Any, skip_items: bool = False) -> Leaves:
    """Every text (per language) and value below `value`, by its place."""
    found: Leaves = {}

    def visit(node: Any, loc: Loc) -> None:
        if len(loc) <= 2 and loc and isinstance(loc[-1], str) and loc[-1] in _SKIPPED:
            return  # top-level bookkeeping, and review records and cases (compared apart)
        if skip_items and loc in _ITEM_SECTIONS:
            return
        if isinstance(node, Text):
            for lang, text in node.root.items():
                found[(loc, lang)] = text
        elif isinstance(node, BaseModel) and not isinstance(node, RootModel):
            for name, info in type(node).model_fields.items():
                visit(getattr(node, name), (*loc, info.alias or name))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                visit(item, (*loc, index))
        elif isinstance(node, dict):
            for key, item in node.items():
                visit(item, (*loc, key))
        elif node is not None:
            found[(loc, None)] = str(node)

    visit(value, ())
    return found


def _within(leaves: Leaves, section: str) -> Leaves:
    return {(loc[1:], lang): v for (loc, lang), v in leaves.items() if str(loc[0]) == section}


def _field_changes(before: Leaves, after: Leaves) -> tuple[FieldChange, ...]:
    changes = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old != new:
            loc, lang = key
            changes.append(_change(_where(loc), lang, old, new))
    return tuple(changes)


def _change(where: str, lang: str | None, old: str | None, new: str | None) -> FieldChange:
    """Short texts show both versions; a long one says how many of its words changed."""
    long = max(len((old or "").split()), len((new or "").split())) > SHORT_TEXT_WORDS
    if lang is not None and long and old is not None and new is not None:
        return FieldChange(where, lang, None, None, _changed_words(old, new))
    return FieldChange(where, lang, old, new)


def _changed_words(old: str, new: str) -> int:
    matcher = difflib.SequenceMatcher(a=old.split(), b=new.split(), autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def _where(loc: Loc) -> str:
    """("steps", 1, "instruction") -> "step 2, instruction"."""
    words: list[str] = []
    for part in loc:
        if isinstance(part, int) and words:
            singular = words[-1][:-1] if words[-1].endswith("s") else words[-1]
            words[-1] = f"{singular} {part + 1}"
        else:
            words.append(str(part).replace("_", " "))
    return ", ".join(words)


def _section_name(section: str) -> str:
    return _SECTION_NAMES.get(section, section.replace("_", " "))


_SECTION_NAMES = {
    "title": "the bundle's title",
    "clinic": "the clinic",
    "safety_note": "the safety note on home",
    "home": "the home screen",
    "attract": "the attract screen",
    "videos": "the video series (cards and title)",
    "picker": "the ice-or-heat questions (title and intro)",
    "interface_text": "the kiosk's own wording",
    "media_credits": "media credits",
}


# --- Media -----------------------------------------------------------------------------------


def _media_changes(old: LoadedBundle, new: LoadedBundle) -> list[MediaChange]:
    """Each media file added, removed or replaced; narration audio (hundreds of files, named
    by a hash) summed up in one line per kind of change."""
    spoken = _narration_audio(old) | _narration_audio(new)
    before, after = old.files - {MANIFEST_NAME}, new.files - {MANIFEST_NAME}
    changes = _file_changes(old, new, before - spoken, after - spoken)
    audio = _file_changes(old, new, before & spoken, after & spoken)
    for status in ("removed", "added", "replaced"):
        if mine := [change for change in audio if change.status == status]:
            old_bytes = sum(c.old_bytes or 0 for c in mine) if status != "added" else None
            new_bytes = sum(c.new_bytes or 0 for c in mine) if status != "removed" else None
            changes.append(
                MediaChange(f"narration audio, {len(mine)} files", status, old_bytes, new_bytes)
            )
    return changes


def _file_changes(
    old: LoadedBundle, new: LoadedBundle, before: set[str], after: set[str]
) -> list[MediaChange]:
    changes = [
        MediaChange(ref, "removed", _bytes(old, ref), None) for ref in sorted(before - after)
    ]
    changes += [MediaChange(ref, "added", None, _bytes(new, ref)) for ref in sorted(after - before)]
    for ref in sorted(before & after):
        old_path, new_path = old.root / ref, new.root / ref
        if not filecmp.cmp(old_path, new_path, shallow=False):
            changes.append(MediaChange(ref, "replaced", _bytes(old, ref), _bytes(new, ref)))
    return changes


def _narration_audio(loaded: LoadedBundle) -> set[str]:
    index = loaded.narration
    if index is None:
        return set()
    return {r.file for by_language in index.texts.values() for r in by_language.values()}


def _bytes(loaded: LoadedBundle, ref: str) -> int:
    return (loaded.root / ref).stat().st_size


# --- The picker's outcomes -------------------------------------------------------------------


def _case_changes(old: Bundle, new: Bundle) -> list[CaseChange]:
    """Each case of either bundle, walked through both trees: those whose outcome moved."""
    by_path = {(tuple(c.answers), c.result): c for c in [*old.picker.cases, *new.picker.cases]}
    cases = list(by_path.values())
    changes = []
    for case in cases:
        before = _case_end(old.picker, case, old.default_language)
        after = _case_end(new.picker, case, new.default_language)
        if before != after:
            changes.append(CaseChange(" > ".join(case.answers), before, after))
    return changes


def _case_end(picker: Picker, case: PickerCase, language: str) -> str:
    """Where the case's answers lead, in words; or that they no longer lead anywhere."""
    run = run_case(picker, case, 0, language)
    if run.failure is not None and "answers" in run.failure[0]:
        return "not possible (an answer in it is not in the questions)"
    end = picker.nodes.get(run.end)
    if isinstance(end, Question):
        return f'stopping at the question "{end.text.get(language)}"'
    assert end is not None  # run_case only walks to nodes that exist
    return f'"{end.title.get(language)}" ({OUTCOME_WORDS[end.outcome]})'


# --- Review records --------------------------------------------------------------------------


def _review_changes(old: Bundle, new: Bundle) -> list[ReviewChange]:
    before = {_review_key(item): item for item in reviewable_items(old)}
    changes = []
    for item in reviewable_items(new):
        previous = before.get(_review_key(item))
        if previous is None:
            continue  # a new item: listed as added, its review with it
        old_leaves = _leaves(previous.review) if previous.review else {}
        new_leaves = _leaves(item.review) if item.review else {}
        if fields := _field_changes(old_leaves, new_leaves):
            changes.append(ReviewChange(item.name(new.default_language), fields))
    return changes


def _review_key(item: Reviewed) -> tuple[str, str]:
    """An item's kind and id ("picker" for the one picker)."""
    return item.kind, item.item_id


# --- In words ------------------------------------------------------------------------------


def diff_lines(diff: BundleDiff) -> list[str]:
    """The diff as lines for a terminal or the staff panel."""
    lines = [f"What changes from {diff.old} to {diff.new}:"]
    if diff.is_empty():
        return [*lines, "  Nothing: the content and the media are the same."]
    for status, heading in (("added", "Added"), ("removed", "Removed"), ("changed", "Changed")):
        mine = [item for item in diff.items if item.status == status]
        if mine:
            lines.append(f"{heading} ({len(mine)}):")
            for item in mine:
                lines.append(f"  {item.describe()}" + (":" if item.fields else ""))
                lines += [f"    {change.describe()}" for change in item.fields]
    _section(lines, "Media files", [m.status + " " + m.describe() for m in diff.media])
    _section(lines, "Ice or heat, case by case", [c.describe() for c in diff.cases])
    reviews = [f"{r.item}: " + "; ".join(f.describe() for f in r.fields) for r in diff.reviews]
    _section(lines, "Review records", reviews)
    return lines


def _section(lines: list[str], heading: str, entries: list[str]) -> None:
    if entries:
        lines.append(f"{heading} ({len(entries)}):")
        lines += [f"  {entry}" for entry in entries]


def _language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code, code) if code else ""


def _size(size: int | None) -> str:
    if size is None:
        return "?"
    return (
        f"{size / 1024 / 1024:.1f} MB"
        if size >= 1024 * 1024
        else f"{max(1, round(size / 1024))} KB"
    )
