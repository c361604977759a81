"""The reading-level lint: how hard each patient text is to read, in the languages it can score.

English is scored with Flesch-Kincaid (a US school grade). Spanish is scored with the
Fernandez-Huerta readability (0-100, higher is easier), turned into a grade-like number with
grade = 4 + (100 - score) / 10, which follows the bands of its published table: 90 is about
the 5th grade, 80 the 6th, 70 the 7th and 60 the end of the 8th ("normal" text), so the
default limit of 8 asks for a score of 60 or more.

textstat is imported only when a bundle is scored (kiosk validate, kiosk info), never when the
kiosk starts: it costs about a quarter of a second to import. Version 0.7.3 scores offline (its
syllable dictionaries come with pyphen); newer ones download a dictionary at run time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kiosk.content.model import Bundle, Loc, Text, walk
from kiosk.content.problems import format_path

# Flesch-Kincaid means nothing for a label such as "Exercises" (one long word scores grade 32),
# so a text is scored once it makes a sentence.
MIN_WORDS = 6
# Not patient reading: source names and credits are titles, the kiosk's wording is its own.
_NOT_SCORED = {"interface_text", "media_credits", "review"}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

Scorer = Callable[[str], float]


@dataclass(frozen=True)
class Scored:
    """One text in one language, and its grade."""

    loc: Loc
    language: str
    text: str
    grade: float

    @property
    def path(self) -> str:
        return format_path((*self.loc, self.language))


class ReadingUnavailable(Exception):
    """textstat is not installed (the standalone kiosk leaves it out): nothing can be scored."""


@cache
def scorers() -> dict[str, Scorer]:
    """A grade function per language code; raises ReadingUnavailable without textstat."""
    try:
        from textstat.textstat import textstatistics
    except ImportError as missing:
        raise ReadingUnavailable(f"textstat is not installed ({missing})") from None
    english, spanish = textstatistics(), textstatistics()
    spanish.set_lang("es")  # its own instance: set_lang on the shared one would leak
    return {
        "en": english.flesch_kincaid_grade,
        "es": lambda text: 4 + (100 - spanish.fernandez_huerta(text)) / 10,
    }


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def patient_text_values(model: Bundle) -> list[tuple[Loc, Text]]:
    """(where, text) for every patient text in bundle.json, in document order."""
    return [
        (loc, value)
        for loc, value in walk(model)
        if isinstance(value, Text) and not _NOT_SCORED & set(map(str, loc))
    ]


def patient_texts(model: Bundle) -> list[tuple[Loc, str, str]]:
    """(where, language, plain text) for every patient text in bundle.json."""
    return [
        (loc, lang, text.replace("**", ""))
        for loc, value in patient_text_values(model)
        for lang, text in value.root.items()
    ]


def score_texts(model: Bundle) -> list[Scored]:
    """Every text long enough to score, in a language with a scorer."""
    grade = scorers()
    return [
        Scored(loc, lang, text, round(grade[lang](text), 1))
        for loc, lang, text in patient_texts(model)
        if lang in grade and word_count(text) >= MIN_WORDS
    ]


def reading_warnings(model: Bundle) -> list[tuple[Loc, str]]:
    """A warning for each text above the bundle's reading_level.max_grade."""
    limit = model.reading_level.max_grade
    return [
        (
            (*item.loc, item.language),
            f"reads at grade {item.grade:.1f}, above {limit:g}: "
            f"use shorter sentences and shorter words ({_quote(item.text)})",
        )
        for item in score_texts(model)
        if item.grade > limit
    ]


@dataclass(frozen=True)
class LanguageLevel:
    """The level of all of one language's text together, and its hardest texts."""

    language: str
    grade: float
    texts: int
    hardest: tuple[Scored, ...]


def reading_summary(model: Bundle, hardest: int = 5) -> list[LanguageLevel]:
    """For each language the bundle has and the lint scores: the overall grade, the hardest."""
    grade, scored = scorers(), score_texts(model)
    levels = []
    for lang in (lang for lang in model.languages if lang in grade):
        whole = " ".join(text for _, text_lang, text in patient_texts(model) if text_lang == lang)
        mine = sorted((s for s in scored if s.language == lang), key=lambda s: -s.grade)
        levels.append(
            LanguageLevel(lang, round(grade[lang](whole), 1), len(mine), tuple(mine[:hardest]))
        )
    return levels


def _quote(text: str, most: int = 60) -> str:
    return f'"{text}"' if len(text) <= most else f'"{text[: most - 1].rstrip()}…"'
