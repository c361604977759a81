"""`kiosk narrate` for real: espeak-ng speaks each sentence, PyAV encodes Opus in Ogg, the
index passes validation, and a second run speaks only what changed.

espeak-ng is a system package (tools/dev installs it for these tests)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kiosk.authoring.errors import AuthoringError
from kiosk.authoring.opus import encode_opus
from kiosk.authoring.speech import EspeakVoice, voices_for
from kiosk.cli import main
from kiosk.content import load_bundle
from kiosk.content.ogg import opus_info
from tests.helpers.corpus import edit_manifest

pytest.importorskip("av")
if shutil.which("espeak-ng") is None:
    pytest.skip("espeak-ng is not installed (tools/dev installs it)", allow_module_level=True)


def test_a_sentence_is_spoken_and_encoded_small(tmp_path: Path) -> None:
    pcm = EspeakVoice("en-us").speak("Lift your hips off the floor, then lower them slowly.")
    spoken = pcm.trimmed()
    assert 2.0 < spoken.seconds < pcm.seconds < 6.0
    target = tmp_path / "speech.opus"
    encode_opus(spoken, target)
    info = opus_info(target)
    assert info.channels == 1
    assert info.seconds == pytest.approx(spoken.seconds, abs=0.07)  # one 60 ms frame at most
    assert target.stat().st_size / info.seconds < 3500  # about 3 KB a second of speech


def test_voices_default_by_language_and_say_which_is_missing() -> None:
    voices = voices_for(["en", "es", "vi"], {})
    assert [v.name for v in voices.values()] == [
        "espeak-ng en-us",
        "espeak-ng es-419",
        "espeak-ng vi",
    ]
    assert voices_for(["fr"], {})["fr"].name == "espeak-ng fr-fr"  # the best voice for fr
    with pytest.raises(AuthoringError, match="no voice 'xx' for the language xx"):
        voices_for(["xx"], {})
    with pytest.raises(AuthoringError, match="no voice 'nope' for the language en"):
        voices_for(["en"], {"en": "nope"})


@pytest.mark.slow
def test_narrate_a_bundle_then_only_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "clinic"
    assert main(["new", str(folder), "--languages", "es,en"]) == 0
    assert main(["narrate", str(folder), "--languages", "es", "--voice", "es=es"]) == 0
    said = capsys.readouterr().out
    assert "Narrated es:" in said and "0 kept" not in said
    loaded = load_bundle(folder)
    assert loaded.narration is not None and loaded.narration.languages == ["es"]
    assert loaded.narration.voices == {"es": "espeak-ng es"}
    note = loaded.narration.recording("safety_note", "es")
    assert note is not None and opus_info(folder / note.file).seconds == pytest.approx(
        note.seconds, abs=0.07
    )
    old_note_file = folder / note.file

    new_note = "Solo para aprender. Pregunte a su quiropráctico."
    edit_manifest(folder, lambda data: data["safety_note"].update({"es": new_note}))
    assert main(["validate", str(folder)]) == 1  # stale until narrated again
    assert main(["narrate", str(folder), "--languages", "es", "--voice", "es=es"]) == 0
    said = capsys.readouterr().out
    assert "1 files spoken" in said and "1 no longer used removed" in said
    assert not old_note_file.exists()
    assert main(["validate", str(folder)]) == 0
    index = json.loads((folder / "narration" / "index.json").read_text(encoding="utf-8"))
    said = [s["text"] for s in index["texts"]["safety_note"]["es"]["sentences"]]
    assert said == ["Solo para aprender.", "Pregunte a su quiropráctico."]


def test_narrate_explains_what_it_cannot_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "clinic"
    assert main(["new", str(folder), "--languages", "en"]) == 0
    assert main(["narrate", str(folder), "--voice", "en"]) == 1
    assert "--voice en: write it as LANG=VOICE" in capsys.readouterr().err
    assert main(["narrate", str(folder), "--languages", "de"]) == 1
    assert "de: not among the bundle's languages" in capsys.readouterr().err
    assert main(["narrate", str(tmp_path / "nothing")]) == 1
    assert "has no bundle.json" in capsys.readouterr().err
