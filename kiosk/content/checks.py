"""Checks beyond the schema: files, ids, languages, the picker tree, icons and wording."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.content.cases import case_problems, unchecked_results
from kiosk.content.fonts import family_without_bold, read_face, usable_family
from kiosk.content.icons import unknown_icon_reason
from kiosk.content.limits import Limits
from kiosk.content.links import link_problem
from kiosk.content.media import Places, check_media
from kiosk.content.model import (
    MANIFEST_NAME,
    Bundle,
    Loc,
    MediaRef,
    Picker,
    Question,
    Result,
    Text,
    walk,
)
from kiosk.content.problems import Problem, format_path
from kiosk.content.reading import ReadingUnavailable, reading_warnings
from kiosk.content.review import overdue_warnings, review_problems
from kiosk.content.take_home import take_home_problems
from kiosk.content.wording import ADDED_LATER, DEFAULT_WORDING, placeholders

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|&#?[A-Za-z0-9]+;")


Nodes = list[tuple[Loc, object]]


def check_bundle(
    bundle: Bundle, nodes: Nodes, root: Path, limits: Limits, missing: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every problem the schema alone cannot see; `nodes` is walk(bundle), taken once.

    `missing` names the top-level fields that failed the schema (None in `bundle`): a check
    that needs one of them is left out, and every other check still runs."""
    checks: list[tuple[set[str], Callable[[], list[tuple[Loc, str]]]]] = [
        ({"languages", "default_language"}, lambda: _check_languages(bundle, nodes)),
        (set(), lambda: _check_files(nodes, root, limits)),
        (set(), lambda: _check_unique_ids(bundle)),
        (
            {"picker", "default_language"},
            lambda: _check_picker(bundle.picker, bundle.default_language),
        ),
        ({"picker", "articles", "exercises", "home"}, lambda: _check_links(bundle)),
        ({"home", "articles", "exercises"}, lambda: _check_home(bundle)),
        ({"attract"}, lambda: _check_slides(bundle)),
        ({"exercises"}, lambda: _check_exercises(bundle)),
        ({"interface_text", "languages"}, lambda: _check_wording(bundle)),
        (
            {"videos", "exercises", "articles", "picker", "media_credits"},
            lambda: review_problems(bundle, {str(v) for _, v in nodes if isinstance(v, MediaRef)}),
        ),
        ({"clinic", "exercises", "articles", "videos"}, lambda: take_home_problems(bundle)),
    ]
    found: list[tuple[Loc, str]] = []
    for needs, check in checks:
        if not needs & missing:
            found += check()
    return [Problem(MANIFEST_NAME, format_path(loc), message) for loc, message in found]


def bundle_warnings(
    bundle: Bundle, root: Path | None = None, missing: frozenset[str] = frozenset()
) -> list[Problem]:
    """What a valid bundle should still look at: picker results that no case checks, a
    typeface without a bold face, emphasis where it shows as plain words, and no
    stop_guidance."""
    found: list[tuple[Loc, str]] = []
    if not {"picker", "default_language"} & missing:
        found += unchecked_results(bundle.picker, bundle.default_language)
    if root is not None and "fonts" not in missing:
        found += _typeface_without_bold(bundle, root)
        found += _unusable_family_names(bundle, root)
    found += _emphasis_shown_plain(bundle, missing)
    if not {"stop_guidance", "exercises", "videos"} & missing:
        found += _missing_stop_guidance(bundle)
    return [Problem(MANIFEST_NAME, format_path(loc), message) for loc, message in found]


def lint_warnings(bundle: Bundle, today: date) -> list[Problem]:
    """What `kiosk validate` adds to the load's warnings: items past their review_by date, and
    texts above the reading level (scored here, not at load: the kiosk's start skips them)."""
    found = overdue_warnings(bundle, today)
    try:
        found += reading_warnings(bundle)
    except ReadingUnavailable as why:
        found.append((("reading_level",), f"not checked: {why}"))
    return [Problem(MANIFEST_NAME, format_path(loc), message) for loc, message in found]


def _typeface_without_bold(bundle: Bundle, root: Path) -> list[tuple[Loc, str]]:
    """The kiosk's typeface is the first font's family: headings need it in bold."""
    family = family_without_bold([root.joinpath(*font.file.split("/")) for font in bundle.fonts])
    if family is None:
        return []
    message = (
        f"the typeface {family} has no bold face here, so headings and big numbers use the "
        "kiosk's own bold type; add the bold font file to show them in yours"
    )
    return [(("fonts",), message)]


def _unusable_family_names(bundle: Bundle, root: Path) -> list[tuple[Loc, str]]:
    """A font whose family name the kiosk cannot write into its stylesheet is left out."""
    found = []
    for index, font in enumerate(bundle.fonts):
        face = read_face(root.joinpath(*font.file.split("/")))
        if face is not None and not usable_family(face.family):
            message = (
                f"{font.file} names its family {face.family!r}: a quote, brace or semicolon in "
                "it keeps the kiosk from using it, so its letters are drawn in the next font"
            )
            found.append((("fonts", index, "file"), message))
    return found


# Where text is shown without formatting (the top bar, the window title, button words): there
# **stars** are taken out and the words kept, so a clinic is told rather than refused.
_PLAIN_PLACES = (
    ("title",),
    ("picker", "title"),
    ("videos", "title"),
    ("exercises", "*", "title"),
    ("articles", "*", "title"),
    ("picker", "nodes", "*", "links", "*", "label"),
    ("articles", "*", "links", "*", "label"),
)


def _emphasis_shown_plain(bundle: Bundle, missing: frozenset[str]) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for loc, value in walk(bundle):
        if not isinstance(value, Text) or (loc[:1] and loc[0] in missing):
            continue
        if any(_matches(loc, place) for place in _PLAIN_PLACES):
            for lang, words in value.root.items():
                if "**" in words:
                    message = "has **emphasis**, which shows as plain words here (no bold)"
                    found.append(((*loc, lang), message))
    return found


def _matches(loc: Loc, place: tuple[str, ...]) -> bool:
    return len(loc) == len(place) and all(
        p == "*" or p == part for part, p in zip(loc, place, strict=True)
    )


def _missing_stop_guidance(bundle: Bundle) -> list[tuple[Loc, str]]:
    """A warning, not a refusal: bundles made before stop_guidance existed stay valid (they
    show the kiosk's own short wording), but every bundle with exercises or videos needs it."""
    if bundle.stop_guidance is not None or not (bundle.exercises or bundle.videos.items):
        return []
    message = (
        "is missing: a bundle with exercises or videos needs it, in every language, to say "
        "what to do after Stop — this hurts; until then the kiosk shows its own short wording"
    )
    return [(("stop_guidance",), message)]


def _check_languages(bundle: Bundle, nodes: Nodes) -> list[tuple[Loc, str]]:
    declared = bundle.languages
    found: list[tuple[Loc, str]] = []
    if len(set(declared)) != len(declared):
        found.append((("languages",), "lists a language more than once"))
    if bundle.default_language not in declared:
        found.append((("default_language",), f"{bundle.default_language} is not in languages"))
    for loc, value in nodes:
        if isinstance(value, Text) and loc[0] != "interface_text":  # overrides may be partial
            found += _check_text(loc, value, declared)
        elif loc[-1:] == ("captions",) and isinstance(value, dict):
            missing = [lang for lang in declared if lang not in value]
            if missing:
                found.append((loc, f"has no caption file for {', '.join(missing)}"))
    return found


def _check_text(loc: Loc, text: Text, declared: list[str]) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for lang in declared:
        if not text.root.get(lang, "").strip():
            found.append((loc, f"has no text in {lang}; every text needs each of the languages"))
    for lang, value in text.root.items():
        if lang not in declared:
            found.append(((*loc, lang), f"is in {lang}, which is not in the bundle's languages"))
        if _HTML.search(value):
            found.append(((*loc, lang), "contains HTML; write plain text (**stars** for emphasis)"))
    return found


def _check_files(nodes: Nodes, root: Path, limits: Limits) -> list[tuple[Loc, str]]:
    verdicts: dict[str, str | None] = {}
    places = Places(root, limits)
    found: list[tuple[Loc, str]] = []
    for loc, value in nodes:
        if isinstance(value, MediaRef):
            if value not in verdicts:
                verdicts[value] = places.problem(value) or check_media(root / value, value, limits)
            if verdicts[value]:
                found.append((loc, f"{value} {verdicts[value]}"))
    return found


def _check_unique_ids(bundle: Bundle) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    sections = {
        ("videos", "items"): bundle.videos.items if bundle.videos else None,
        ("exercises",): bundle.exercises,
        ("articles",): bundle.articles,
    }
    for prefix, items in sections.items():
        if items is None:
            continue  # it failed the schema, reported already
        counts = Counter(item.id for item in items)
        for index, item in enumerate(items):
            if counts[item.id] > 1:
                found.append(((*prefix, index, "id"), f"{item.id} is used more than once"))
    return found


def _check_picker(picker: Picker, language: str) -> list[tuple[Loc, str]]:
    """A sound tree (see _check_tree), then answer ids, then every case walked through it."""
    found = _check_tree(picker)
    found += _check_answer_ids(picker)
    # A case is walked only through a sound tree: a loop or a missing node is reported above.
    return found or case_problems(picker, language)


def _check_answer_ids(picker: Picker) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    questions = [(i, n) for i, n in picker.nodes.items() if isinstance(n, Question)]
    for node_id, question in questions:
        ids = Counter(answer.id for answer in question.answers if answer.id)
        for index, answer in enumerate(question.answers):
            if answer.id and ids[answer.id] > 1:
                loc = ("picker", "nodes", node_id, "answers", index, "id")
                found.append((loc, f"{answer.id} names two answers of this question"))
    return found


def _check_tree(picker: Picker) -> list[tuple[Loc, str]]:
    """One root question, answers that lead to real nodes, no loops, nothing unreachable."""
    nodes = picker.nodes
    found: list[tuple[Loc, str]] = []
    targets: set[str] = set()
    for node_id, node in nodes.items():
        if isinstance(node, Question):
            for index, answer in enumerate(node.answers):
                targets.add(answer.next)
                if answer.next not in nodes:
                    loc = ("picker", "nodes", node_id, "answers", index, "next")
                    found.append((loc, f"{answer.next} is not a node in the picker"))
                elif answer.next == node_id:
                    loc = ("picker", "nodes", node_id, "answers", index, "next")
                    found.append((loc, "leads back to the same question"))
    roots = [node_id for node_id in nodes if node_id not in targets]
    if len(roots) != 1:
        names = ", ".join(roots) or "none: every node is an answer's target, so it loops"
        found.append((("picker", "nodes"), f"must have exactly one first question; found {names}"))
        return found
    if not isinstance(nodes[roots[0]], Question):
        found.append((("picker", "nodes", roots[0]), "is the first node but is not a question"))
    done: set[str] = set()
    cycle = _find_cycle(picker, roots[0], done)
    if cycle:
        found.append((("picker", "nodes"), "answers loop back: " + " -> ".join(cycle)))
    elif unreachable := [node_id for node_id in nodes if node_id not in done]:
        message = f"no answer path from {roots[0]} reaches {', '.join(unreachable)}"
        found.append((("picker", "nodes"), message))
    return found


def _find_cycle(picker: Picker, root: str, done: set[str]) -> list[str]:
    """A path that comes back to a node it passed, or [] if none; fills `done` with visited."""
    trail: list[str] = []

    def visit(node_id: str) -> list[str]:
        if node_id in trail:
            return [*trail[trail.index(node_id) :], node_id]
        if node_id in done or node_id not in picker.nodes:
            return []
        trail.append(node_id)
        node = picker.nodes[node_id]
        for answer in node.answers if isinstance(node, Question) else []:
            if cycle := visit(answer.next):
                return cycle
        trail.pop()
        done.add(node_id)
        return []

    return visit(root)


def _check_links(bundle: Bundle) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    places: list[tuple[Loc, list]] = [
        (("picker", "nodes", node_id), node.links)
        for node_id, node in bundle.picker.nodes.items()
        if isinstance(node, Result)
    ]
    places += [(("articles", i), article.links) for i, article in enumerate(bundle.articles)]
    for loc, links in places:
        for index, link in enumerate(links):
            if problem := link_problem(bundle, link):
                found.append(((*loc, "links", index, "target"), problem))
    return found


def _check_home(bundle: Bundle) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    article_ids = {article.id for article in bundle.articles}
    for index, tile in enumerate(bundle.home.tiles):
        kind, _, article_id = tile.target.partition(":")
        if kind == "article" and article_id not in article_ids:
            found.append((("home", "tiles", index, "target"), f"no article has id {article_id}"))
        if kind == "articles" and not article_ids:
            found.append((("home", "tiles", index, "target"), "the bundle has no articles"))
        if kind == "exercises" and article_id and not _exercises_at(bundle, article_id):
            message = f"no exercise has where: {article_id}"
            found.append((("home", "tiles", index, "target"), message))
        if reason := unknown_icon_reason(tile.icon):
            found.append((("home", "tiles", index, "icon"), reason))
    return found


def _check_slides(bundle: Bundle) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for index, slide in enumerate(bundle.attract.slides):
        if slide.icon is not None and (reason := unknown_icon_reason(slide.icon)):
            found.append((("attract", "slides", index, "icon"), reason))
    return found


def _check_exercises(bundle: Bundle) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for index, exercise in enumerate(bundle.exercises):
        holds = [step for step in exercise.steps if step.hold]
        if holds and exercise.hold_seconds == 0:
            found.append((("exercises", index, "hold_seconds"), "is 0, but a step says it holds"))
        found += _check_setup_steps(index, [step.setup for step in exercise.steps])
    return found


def _check_setup_steps(index: int, setup: list[bool]) -> list[tuple[Loc, str]]:
    """Setup steps are done once before the repeats, so they come first, and not alone."""
    if all(setup):
        return [(("exercises", index, "steps"), "every step is setup: at least one must repeat")]
    first_repeating = setup.index(False)
    return [
        (("exercises", index, "steps", step, "setup"), "comes after a step that repeats")
        for step in range(first_repeating, len(setup))
        if setup[step]
    ]


def _exercises_at(bundle: Bundle, where: str) -> list[object]:
    return [exercise for exercise in bundle.exercises if exercise.where == where]


def _check_wording(bundle: Bundle) -> list[tuple[Loc, str]]:
    found: list[tuple[Loc, str]] = []
    for key, text in bundle.interface_text.items():
        loc = ("interface_text", key)
        if key not in DEFAULT_WORDING:
            found.append((loc, f"{key} is not a wording the kiosk uses"))
            continue
        expected = placeholders(next(iter(DEFAULT_WORDING[key].values())))
        for lang, value in text.root.items():
            if placeholders(value) != expected:
                wanted = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "no placeholders"
                found.append(((*loc, lang), f"must use exactly {wanted}"))
    for lang in bundle.languages:
        missing = [
            key
            for key, defaults in DEFAULT_WORDING.items()
            if key not in ADDED_LATER
            and lang not in defaults
            and lang not in bundle.interface_text.get(key, Text({})).root
        ]
        if missing:
            found.append(
                (("interface_text",), f"the kiosk has no {lang} wording for: {', '.join(missing)}")
            )
    return found
