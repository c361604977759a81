"""`kiosk add-video`: a clinic's own video into the bundle, converted, captioned and listed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.authoring.captions import caption_as_vtt
from kiosk.authoring.errors import AuthoringError
from kiosk.authoring.manifest import make_id, read_manifest, title_from, write_manifest
from kiosk.authoring.transcode import Progress, Transcoded, transcode


@dataclass(frozen=True)
class AddedVideo:
    """What add-video did: the item's id, the files it wrote, and languages still uncaptioned."""

    video_id: str
    transcoded: Transcoded
    captions: dict[str, str]
    uncaptioned: list[str]


def parse_captions(values: list[str]) -> dict[str, Path]:
    """LANG=FILE pairs from the command line, e.g. ["es=clip.es.srt"]."""
    found: dict[str, Path] = {}
    for value in values:
        language, sep, file = value.partition("=")
        if not sep or not language or not file:
            raise AuthoringError(f"--captions {value}: write it as LANG=FILE, e.g. es=clip.srt")
        found[language.strip().lower()] = Path(file)
    return found


def add_video(
    folder: Path,
    source: Path,
    captions: dict[str, Path],
    progress: Progress | None = None,
    video_id: str | None = None,
) -> AddedVideo:
    """Convert `source` into the bundle in `folder` and list it in bundle.json.

    The same file name added again replaces its item (say, with captions added)."""
    if not source.is_file():
        raise AuthoringError(f"{source}: no such file")
    data = read_manifest(folder)
    languages = list(data.get("languages") or ["en"])
    unknown = sorted(set(captions) - set(languages))
    if unknown:
        raise AuthoringError(
            f"captions in {', '.join(unknown)}: the bundle's languages are {', '.join(languages)}"
        )
    vtts = {lang: caption_as_vtt(path) for lang, path in captions.items()}  # before slow work
    items = data.setdefault("videos", {}).setdefault("items", [])
    existing = {item.get("id") for item in items if isinstance(item, dict)}
    video_id = video_id or _id_for(source, items, existing)
    transcoded = transcode(
        source,
        folder / "videos" / f"{video_id}.mp4",
        folder / "posters" / f"{video_id}.png",
        progress,
    )
    for lang, text in vtts.items():
        (folder / "videos" / f"{video_id}.{lang}.vtt").write_text(text, encoding="utf-8")
    present = {
        lang for lang in languages if (folder / "videos" / f"{video_id}.{lang}.vtt").is_file()
    }
    item = {
        "id": video_id,
        "title": {lang: title_from(source.stem) for lang in languages},
        "file": f"videos/{video_id}.mp4",
        "captions": {lang: f"videos/{video_id}.{lang}.vtt" for lang in languages},
        "poster": f"posters/{video_id}.png",
    }
    _put(items, item)
    write_manifest(folder, data)
    listed = {lang: item["captions"][lang] for lang in sorted(present)}
    return AddedVideo(
        video_id, transcoded, listed, [lang for lang in languages if lang not in present]
    )


def _id_for(source: Path, items: list, existing: set) -> str:
    """The id of the item this file made before (to replace it), else a new one."""
    wanted = f"videos/{make_id(source.stem, set())}.mp4"
    for item in items:
        if isinstance(item, dict) and item.get("file") == wanted:
            return str(item["id"])
    return make_id(source.stem, {str(i) for i in existing})


def _put(items: list, item: dict) -> None:
    """Replace the item with the same id (keeping its edited title), or add it at the end."""
    for index, old in enumerate(items):
        if isinstance(old, dict) and old.get("id") == item["id"]:
            items[index] = {**item, "title": old.get("title", item["title"])}
            return
    items.append(item)
