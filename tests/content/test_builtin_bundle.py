"""The built-in knee-care bundle: valid as a folder and as a packed zip, complete, and written
at or below a US grade 6 reading level in English."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import textstat
import webvtt

from kiosk.cli import main
from kiosk.content import LoadedBundle, load_bundle
from kiosk.content.cases import run_case
from kiosk.content.locate import builtin_bundle_dir
from kiosk.content.model import Question, Result, Text, walk
from tests.helpers.places import REPO_ROOT

MAX_GRADE = 6.0
# Flesch-Kincaid is meaningless for a label such as "Exercises" (one long word scores grade 32),
# so each string is scored once it makes a sentence; the bundle's whole text is scored too.
MIN_WORDS_TO_SCORE = 6


@cache
def builtin() -> LoadedBundle:
    return load_bundle(builtin_bundle_dir())


def english_texts() -> list[tuple[str, str]]:
    """(where, text) for every English patient string, captions included."""
    loaded = builtin()
    texts = [
        (".".join(map(str, loc)), value.root["en"])
        for loc, value in walk(loaded.model)
        if isinstance(value, Text) and "en" in value.root
    ]
    for video in loaded.model.videos.items:
        for cue in webvtt.read(str(loaded.media_path(video.captions["en"]))):
            texts.append((video.captions["en"], cue.text))
    return texts


def test_builtin_bundle_is_found_in_the_checkout() -> None:
    assert builtin_bundle_dir() == REPO_ROOT


def test_builtin_bundle_validates_as_folder_and_as_packed_zip(tmp_path: Path) -> None:
    assert main(["validate"]) == 0
    archive = tmp_path / "knee-care.zip"
    assert main(["pack", str(REPO_ROOT), "-o", str(archive)]) == 0
    assert main(["validate", str(archive)]) == 0


def test_builtin_bundle_is_complete() -> None:
    model = builtin().model
    assert {"en", "es"} <= set(model.languages)
    assert len(model.videos.items) >= 5
    assert any("quad" in video.id for video in model.videos.items)
    assert len(model.exercises) >= 5
    assert all(len(exercise.steps) >= 3 for exercise in model.exercises)
    nodes = model.picker.nodes.values()
    assert sum(isinstance(node, Question) for node in nodes) >= 4
    assert {node.outcome for node in nodes if isinstance(node, Result)} == {
        "ice",
        "heat",
        "caution",
        "front_desk",
    }
    assert {"why-knees-hurt", "cortisone", "clinic-care"} <= {a.id for a in model.articles}


def root_to_result_paths(picker) -> set[tuple[str, ...]]:
    """Every path of node ids from the first question to a result."""
    paths: set[tuple[str, ...]] = set()

    def walk(ids: tuple[str, ...]) -> None:
        node = picker.nodes[ids[-1]]
        if isinstance(node, Result):
            paths.add(ids)
        for answer in node.answers if isinstance(node, Question) else []:
            walk((*ids, answer.next))

    walk((picker.root_id(),))
    return paths


def test_the_picker_has_a_passing_case_for_every_path() -> None:
    loaded = builtin()
    picker = loaded.model.picker
    runs = [run_case(picker, case, i, "en") for i, case in enumerate(picker.cases)]
    assert all(run.failure is None for run in runs) and loaded.warnings == ()
    assert {run.node_ids for run in runs} == root_to_result_paths(picker)
    assert all(case.why for case in picker.cases)


def test_heat_is_never_the_answer_for_a_hot_red_swollen_or_newly_hurt_knee() -> None:
    """The issue-20 safety review, as questions that must come before any heat result."""
    picker = builtin().model.picker
    heat_paths = [p for p in root_to_result_paths(picker) if picker.nodes[p[-1]].outcome == "heat"]
    for guard in ("fever", "hot-red", "injury", "swelling", "skin"):
        assert all(guard in path for path in heat_paths), guard
    assert "hot-red" in picker.nodes and "fever" in picker.nodes
    for node_id in ("fever", "hot-red"):
        yes = picker.nodes[node_id].answers[0]
        assert picker.nodes[yes.next].outcome == "front_desk", node_id
    avoid = picker.nodes[heat_paths[0][-1]].avoid_when.get("en")
    assert all(word in avoid for word in ("swollen", "hot", "red", "last few days"))


def test_videos_are_small_720p_with_captions_in_every_language() -> None:
    loaded = builtin()
    for video in loaded.model.videos.items:
        path = loaded.media_path(video.file)
        assert path.stat().st_size < 2 * 1024 * 1024, f"{video.file} is 2 MB or more"
        assert set(video.captions) == set(loaded.model.languages)


def scored_english_texts() -> list[tuple[str, str]]:
    """The English texts long enough for a reading grade to mean something."""
    return [
        (where, text)
        for where, text in english_texts()
        if len(re.findall(r"[A-Za-z']+", text)) >= MIN_WORDS_TO_SCORE
    ]


@pytest.mark.parametrize("where_text", scored_english_texts(), ids=lambda item: item[0])
def test_english_sentence_reads_at_grade_six_or_below(where_text: tuple[str, str]) -> None:
    where, text = where_text
    grade = textstat.flesch_kincaid_grade(text.replace("**", ""))
    assert grade <= MAX_GRADE, f"{where}: grade {grade}: {text}"


def test_whole_english_text_reads_at_grade_six_or_below() -> None:
    whole = " ".join(text.replace("**", "") for _, text in english_texts())
    assert textstat.flesch_kincaid_grade(whole) <= MAX_GRADE
