"""A changed copy of the built-in bundle, with one of every kind of change a diff reports."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from tests.helpers.places import REPO_ROOT

CHANGED_VERSION = "1.1.0"


def builtin_copy(folder: Path) -> Path:
    """The built-in bundle's own files, copied to `folder` (real files: links are refused)."""
    for name in ("assets", "videos", "narration"):
        shutil.copytree(REPO_ROOT / name, folder / name)
    shutil.copy2(REPO_ROOT / "bundle.json", folder / "bundle.json")
    return folder


def changed_builtin_copy(folder: Path) -> Path:
    """The built-in bundle with an exercise added, a video removed, texts changed in English
    and Spanish (short and long), a picture redrawn and one added, a picker outcome moved,
    and review records changed. Its narration is left out: with texts changed, it would have
    to be made again (kiosk narrate)."""
    builtin_copy(folder)
    shutil.rmtree(folder / "narration")
    manifest = folder / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    del data["narration"]
    data["version"] = CHANGED_VERSION
    _change_content(data)
    _change_media(folder, data)
    manifest.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def _change_content(data: dict) -> None:
    data["clinic"]["name"] = {"en": "Harbor Chiropractic", "es": "Quiropráctica Harbor"}
    data["safety_note"]["en"] += " Tell us if you are not sure."
    data["safety_note"]["es"] += " Díganos si no está seguro."
    bridge = next(e for e in data["exercises"] if e["id"] == "glute-bridge")
    bridge["sets"] = 3
    bridge["title"] = {"en": "Hip bridge", "es": "Puente de glúteos"}
    bridge["steps"][1]["instruction"]["en"] = bridge["steps"][1]["instruction"]["en"].replace(
        "Hold it there.", "Stay there."
    )
    bridge["steps"][1]["instruction"]["es"] = bridge["steps"][1]["instruction"]["es"].replace(
        "Quédese así.", "Quédese quieto."
    )
    bridge["review"]["review_by"] = "2028-05-02"
    data["picker"]["review"]["reviewed_by"] = "Clinic lead chiropractor"
    usual = data["picker"]["nodes"]["ice-usual"]
    usual["outcome"] = "either"
    usual["title"] = {"en": "Ice or heat: both are fine", "es": "Hielo o calor: los dos sirven"}
    data["videos"]["items"] = [
        v for v in data["videos"]["items"] if v["id"] != "standing-calf-stretch"
    ]


def _change_media(folder: Path, data: dict) -> None:
    drawing = folder / "assets" / "illustrations" / "glute-bridge-1.svg"
    svg = drawing.read_text(encoding="utf-8")
    drawing.write_text(svg.replace("</svg>", "<!-- redrawn -->" + " " * 2048 + "</svg>"))
    shutil.copy2(drawing, folder / "assets" / "illustrations" / "wall-sit-1.svg")
    squat = next(e for e in data["exercises"] if e["id"] == "mini-squat")
    wall_sit = copy.deepcopy(squat)
    wall_sit["id"] = "wall-sit"
    wall_sit["title"] = {"en": "Wall sit", "es": "Sentadilla en la pared"}
    wall_sit["steps"][0]["illustration"] = "assets/illustrations/wall-sit-1.svg"
    data["exercises"].append(wall_sit)
    for name in ("standing-calf-stretch.mp4", "standing-calf-stretch.en.vtt"):
        (folder / "videos" / name).unlink()
