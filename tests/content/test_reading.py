"""The reading-level lint: which texts it scores, the paths it names, its limit, and that it
costs the kiosk's start nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from kiosk.cli import main
from kiosk.content.model import Bundle
from kiosk.content.reading import MIN_WORDS, reading_summary, reading_warnings, word_count
from tests.helpers.places import REPO_ROOT

HARD_EN = (
    "Cortisone injections are a powerful anti-inflammatory intervention which occasionally "
    "alleviates discomfort, notwithstanding their inability to address underlying causation."
)
MEDIUM_EN = (  # grade 13
    "Cortisone injections are a strong anti-inflammatory that may or may not relieve pain, "
    "and treat the symptom rather than the underlying cause."
)
HARD_ES = (
    "Las infiltraciones de cortisona constituyen una intervención antiinflamatoria "
    "considerablemente potente, independientemente de la etiología subyacente."
)


def builtin_data() -> dict:
    return json.loads((REPO_ROOT / "bundle.json").read_text(encoding="utf-8"))


def model_of(data: dict) -> Bundle:
    """The model alone: the lint reads text, not files."""
    return Bundle.model_validate(data)


def paths_of(warnings) -> list[str]:
    return [".".join(map(str, loc)) for loc, _ in warnings]


def test_the_builtin_bundle_reads_within_its_limit() -> None:
    assert reading_warnings(model_of(builtin_data())) == []


def test_a_hard_text_is_named_by_its_path_in_each_language() -> None:
    data = builtin_data()
    data["exercises"][3]["summary"] = {"en": HARD_EN, "es": HARD_ES}
    data["picker"]["nodes"]["fever"]["help"] = {"en": HARD_EN, "es": "Tome su temperatura."}
    warnings = reading_warnings(model_of(data))
    assert paths_of(warnings) == [
        "exercises.3.summary.en",
        "exercises.3.summary.es",
        "picker.nodes.fever.help.en",
    ]
    assert all("above 8" in message for _, message in warnings)


def test_the_limit_comes_from_the_bundle() -> None:
    data = builtin_data()
    data["reading_level"] = {"max_grade": 3}
    strict = reading_warnings(model_of(data))
    assert strict and all("above 3" in message for _, message in strict)
    data["articles"][0]["summary"] = {"en": MEDIUM_EN, "es": "Tome su temperatura."}
    data["reading_level"] = {"max_grade": 14}
    assert reading_warnings(model_of(data)) == []
    data["reading_level"] = {"max_grade": 12}
    assert paths_of(reading_warnings(model_of(data))) == ["articles.0.summary.en"]


def test_short_texts_and_the_kiosks_own_wording_are_not_scored() -> None:
    data = builtin_data()
    label = "Antiinflammatory corticosteroid intervention"  # hard, but under six words
    assert word_count(label) < MIN_WORDS
    data["home"]["tiles"][0]["label"] = {"en": label, "es": label}
    data["interface_text"] = {"finish": {"en": HARD_EN, "es": HARD_ES}}
    assert reading_warnings(model_of(data)) == []


def test_validate_names_the_hard_text_and_strict_fails(tmp_path, capsys) -> None:
    folder = tmp_path / "bundle"
    for name in ("assets", "videos"):
        shutil.copytree(REPO_ROOT / name, folder / name)
    data = builtin_data()
    del data["narration"]  # made for the texts as they were
    data["articles"][1]["summary"] = {"en": HARD_EN, "es": HARD_ES}
    (folder / "bundle.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    today = ["--today", "2027-01-01"]
    assert main(["validate", str(folder), *today]) == 0
    out = capsys.readouterr().out
    assert "warning: bundle.json: articles[1].summary.en: reads at grade " in out
    assert "warning: bundle.json: articles[1].summary.es: reads at grade " in out
    assert main(["validate", str(folder), "--strict", *today]) == 1


def test_info_prints_the_level_per_language_and_the_five_hardest(capsys) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "  en: grade " in out and "  es: grade " in out
    levels = reading_summary(model_of(builtin_data()))
    assert [level.language for level in levels] == ["en", "es"]
    assert all(len(level.hardest) == 5 for level in levels)
    hardest = levels[1].hardest
    assert [t.grade for t in hardest] == sorted((t.grade for t in hardest), reverse=True)
    assert f"{hardest[0].path}: " in out


@pytest.mark.slow
def test_scoring_is_offline_and_the_kiosk_start_never_imports_textstat() -> None:
    probe = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("no network in this test")
socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse
from kiosk.content import load_bundle
from kiosk.content.locate import builtin_bundle_dir
import kiosk.app, kiosk.ui.composition
loaded = load_bundle(builtin_bundle_dir())
assert "textstat" not in sys.modules, "textstat imported before any scoring"
from kiosk.content.reading import scorers
print(round(scorers()["en"]("The cat sat on the mat. It was a warm day."), 1))
print(round(scorers()["es"]("El gato se sentó en la alfombra. Era un día cálido."), 1))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    english, spanish = (float(line) for line in done.stdout.split())
    assert english < 3 and spanish < 8
