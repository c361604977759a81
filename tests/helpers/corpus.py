"""The corpus of broken and hostile bundles, as mutations of the small test bundle, and zips of
bundles: shared by the content tests (refused with a plain message) and the store tests
(refused without a trace on disk)."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content import BundleInvalid, open_bundle
from kiosk.content.limits import Limits

Mutation = Callable[[Path], None]


def edit_json(change: Callable[[dict], None]) -> Mutation:
    """A mutation that edits bundle.json as data."""

    def apply(root: Path) -> None:
        manifest = root / "bundle.json"
        data = json.loads(manifest.read_text(encoding="utf-8"))
        change(data)
        manifest.write_text(json.dumps(data), encoding="utf-8")

    return apply


def write_bytes(name: str, data: bytes) -> Mutation:
    def apply(root: Path) -> None:
        (root / name).write_bytes(data)

    return apply


def symlink(name: str, target: str) -> Mutation:
    def apply(root: Path) -> None:
        (root / name).unlink()
        os.symlink(target, root / name)

    return apply


def truncate(name: str, keep: int) -> Mutation:
    def apply(root: Path) -> None:
        path = root / name
        path.write_bytes(path.read_bytes()[:keep])

    return apply


def make_cycle(data: dict) -> None:
    nodes = data["picker"]["nodes"]
    nodes["third"] = json.loads(json.dumps(nodes["second"]))
    onward = {"label": {"en": "More", "fr": "Plus"}}
    nodes["third"]["answers"].append({**onward, "next": "second"})
    nodes["second"]["answers"].append({**onward, "next": "third"})


def make_island(data: dict) -> None:
    """Two questions that only lead to each other: no root reaches them."""
    nodes = data["picker"]["nodes"]
    for name, other in (("island-a", "island-b"), ("island-b", "island-a")):
        nodes[name] = json.loads(json.dumps(nodes["second"]))
        nodes[name]["answers"][0]["next"] = other


def make_two_roots(data: dict) -> None:
    """No answer leads to the red flag any more: it becomes a second first node."""
    for answer in data["picker"]["nodes"]["first"]["answers"]:
        if answer["next"] == "urgent":
            answer["next"] = "go-ice"


def set_in(path: str, value: object) -> Callable[[dict], None]:
    """Set a value at a dotted path with [n] indexes, e.g. exercises[0].sets."""

    def change(data: dict) -> None:
        parts = path.replace("[", ".").replace("]", "").split(".")
        node = data
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        last = parts[-1]
        if value is DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return change


DELETE = object()
SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
)
SVG_EXTERNAL = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<image xlink:href="file:///etc/passwd"/></svg>'
)

# (case id, mutation, text the refusal must contain)
FOLDER_CASES: list[tuple[str, Mutation, str]] = [
    ("manifest-missing", lambda root: (root / "bundle.json").unlink(), "bundle.json: is missing"),
    ("manifest-not-utf8", write_bytes("bundle.json", b'{"id": "\xff\xfe"}'), "not valid UTF-8"),
    ("manifest-truncated", truncate("bundle.json", 500), "bundle.json: is not valid JSON"),
    ("manifest-not-object", write_bytes("bundle.json", b"[1, 2, 3]"), "one JSON object"),
    ("nan", write_bytes("bundle.json", b'{"schema_version": NaN}'), "contains NaN"),
    ("infinity", write_bytes("bundle.json", b'{"x": -Infinity}'), "contains -Infinity"),
    (
        "duplicate-key",
        write_bytes("bundle.json", b'{"id": "a", "id": "b"}'),
        'repeats the key "id"',
    ),
    (
        "nested-deep",
        write_bytes("bundle.json", b"[" * 5000 + b"]" * 5000),
        "nests 5000 levels deep, over the limit of 40",
    ),
    (
        "huge-integer",
        write_bytes("bundle.json", b'{"schema_version": ' + b"9" * 5000 + b"}"),
        "bundle.json: is not valid JSON",
    ),
    (
        "missing-field",
        edit_json(set_in("exercises[1].steps", DELETE)),
        "bundle.json: exercises[1].steps: is missing",
    ),
    (
        "unknown-field",
        edit_json(set_in("exercises[0].repetitons", 3)),
        "exercises[0].repetitons: is not a field the kiosk knows",
    ),
    (
        "wrong-type",
        edit_json(set_in("exercises[0].sets", "three")),
        "exercises[0].sets: input should be a valid integer",
    ),
    (
        "out-of-range",
        edit_json(set_in("exercises[0].hold_seconds", -5)),
        "exercises[0].hold_seconds: input should be greater than or equal to 0",
    ),
    ("bad-version", edit_json(set_in("schema_version", 99)), "schema_version: input should be 1"),
    (
        "setup-after-a-repeating-step",
        edit_json(set_in("exercises[0].steps[1].setup", True)),
        "bundle.json: exercises[0].steps[1].setup: comes after a step that repeats",
    ),
    (
        "only-setup-steps",
        edit_json(
            set_in(
                "exercises[0].steps",
                [
                    {
                        "illustration": "media/shape-a.svg",
                        "instruction": {"en": "Sit.", "fr": "Assis."},
                        "setup": True,
                    }
                ],
            )
        ),
        "exercises[0].steps: every step is setup: at least one must repeat",
    ),
    (
        "unknown-place",
        edit_json(set_in("exercises[0].where", "garden")),
        "exercises[0].where: input should be 'waiting_room' or 'home'",
    ),
    (
        "place-tile-without-exercises",
        edit_json(set_in("home.tiles[0].target", "exercises:home")),
        "home.tiles[0].target: no exercise has where: home",
    ),
    (
        "language-missing",
        edit_json(set_in("articles[0].summary", {"fr": "Court."})),
        "articles[0].summary: has no text in en",
    ),
    (
        "language-undeclared",
        edit_json(set_in("languages", ["fr"])),
        "is in en, which is not in the bundle's languages",
    ),
    (
        "default-language",
        edit_json(set_in("default_language", "de")),
        "default_language: de is not in languages",
    ),
    (
        "html-in-text",
        edit_json(set_in("exercises[0].summary.en", "<b>Turn</b> your arm.")),
        "exercises[0].summary.en: contains HTML",
    ),
    (
        "file-missing",
        edit_json(set_in("exercises[1].steps[0].illustration", "media/lunge.svg")),
        "bundle.json: exercises[1].steps[0].illustration: media/lunge.svg is not in the bundle",
    ),
    (
        "path-climbs-out",
        edit_json(set_in("articles[0].illustration", "../outside.svg")),
        "articles[0].illustration: ../outside.svg must stay inside the bundle",
    ),
    (
        "absolute-path",
        edit_json(set_in("articles[0].illustration", "/etc/passwd.svg")),
        "/etc/passwd.svg must be a relative path",
    ),
    (
        "windows-path",
        edit_json(set_in("articles[0].illustration", "media\\shape-c.svg")),
        "must be a relative path",
    ),
    (
        "symlink-out",
        symlink("media/shape-c.svg", "/etc/hostname"),
        "media/shape-c.svg is a link",
    ),
    (
        "disallowed-type",
        edit_json(set_in("articles[0].illustration", "media/anim.gif")),
        "media/anim.gif is not an allowed image type",
    ),
    (
        "video-not-video",
        write_bytes("clips/blue-clip.mp4", b"this is text pretending to be a video" * 10),
        "videos.items[1].file: clips/blue-clip.mp4 is not an MP4 video",
    ),
    (
        "video-truncated",
        truncate("clips/blue-clip.mp4", 800),
        "clips/blue-clip.mp4 is an incomplete MP4",
    ),
    (
        "png-damaged",
        truncate("media/poster-blue.png", 40),
        "videos.items[1].poster: media/poster-blue.png is a damaged PNG",
    ),
    (
        "png-is-svg",
        write_bytes("media/poster-blue.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        "media/poster-blue.png is not a PNG image",
    ),
    ("svg-script", write_bytes("media/shape-c.svg", SVG_WITH_SCRIPT), "contains a DOCTYPE, entity"),
    ("svg-entities", write_bytes("media/shape-c.svg", BILLION_LAUGHS), "contains a DOCTYPE"),
    ("svg-external", write_bytes("media/shape-c.svg", SVG_EXTERNAL), "links to a file or web"),
    ("svg-broken", write_bytes("media/shape-c.svg", b"<svg><g></svg>"), "not a readable SVG"),
    (
        "captions-broken",
        write_bytes("clips/blue-clip.en.vtt", b"WEBVTT\n\nthis is not a cue\n"),
        "videos.items[1].captions.en: clips/blue-clip.en.vtt",
    ),
    (
        "captions-not-vtt",
        write_bytes("clips/blue-clip.fr.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nSRT\n"),
        "is not a WebVTT file",
    ),
    (
        "captions-language-missing",
        edit_json(set_in("videos.items[0].captions", {"en": "clips/pattern-clip.en.vtt"})),
        "videos.items[0].captions: has no caption file for fr",
    ),
    (
        "font-not-font",
        lambda root: (
            (root / "f.ttf").write_bytes(b"not a font at all"),
            (root / "l.txt").write_text("OFL"),
            edit_json(set_in("fonts", [{"file": "f.ttf", "licence": "l.txt"}]))(root),
        ),
        "fonts[0].file: f.ttf is not a TrueType or OpenType font",
    ),
    (
        "duplicate-id",
        edit_json(set_in("exercises[1].id", "arm-circle")),
        "exercises[1].id: arm-circle is used more than once",
    ),
    ("picker-cycle", edit_json(make_cycle), "picker.nodes: answers loop back"),
    (
        "picker-unreachable",
        edit_json(make_island),
        "picker.nodes: no answer path from first reaches island-a, island-b",
    ),
    (
        "picker-two-roots",
        edit_json(make_two_roots),
        "must have exactly one first question; found first, urgent",
    ),
    (
        "picker-dangling",
        edit_json(set_in("picker.nodes.second.answers[0].next", "nowhere")),
        "picker.nodes.second.answers[0].next: nowhere is not a node",
    ),
    (
        "picker-result-only",
        edit_json(set_in("picker.nodes.first.answers", [{"label": {"en": "a", "fr": "a"}}])),
        "picker.nodes.first.answers",
    ),
    (
        "unknown-icon",
        edit_json(set_in("home.tiles[0].icon", "mdi6.no-such-icon-here")),
        "home.tiles[0].icon: mdi6.no-such-icon-here is not an icon",
    ),
    (
        "tile-article-missing",
        edit_json(set_in("home.tiles[1].target", "article:gone")),
        "home.tiles[1].target: no article has id gone",
    ),
    (
        "wording-unknown-key",
        edit_json(set_in("interface_text.welcome_banner", {"fr": "Salut"})),
        "interface_text.welcome_banner: welcome_banner is not a wording the kiosk uses",
    ),
    (
        "wording-placeholder",
        edit_json(set_in("interface_text.step_of", {"fr": "Étape {n}"})),
        "interface_text.step_of.fr: must use exactly {n}, {total}",
    ),
    (
        "wording-missing-language",
        edit_json(set_in("interface_text", {})),
        "interface_text: the kiosk has no fr wording for: touch_to_start",
    ),
    (
        "hold-without-seconds",
        edit_json(set_in("exercises[0].hold_seconds", 0)),
        "exercises[0].hold_seconds: is 0, but a step says it holds",
    ),
]


def zip_of(folder: Path, output: Path, extra: Callable[[zipfile.ZipFile], None] | None = None):
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
        if extra:
            extra(zf)
    return output


def add_entry(name: str, data: bytes = b"x", mode: int | None = None):
    def extra(zf: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        if mode is not None:
            info.external_attr = mode << 16
        zf.writestr(info, data)

    return extra


ZIP_CASES = [
    ("zip-slip", add_entry("../../escaped.txt"), "would be written outside the bundle folder"),
    ("zip-absolute", add_entry("/tmp/absolute.txt"), "would be written outside the bundle folder"),
    ("zip-drive", add_entry("C:/windows.txt"), "would be written outside the bundle folder"),
    (
        "zip-symlink",
        add_entry("media/link.svg", b"/etc/passwd", stat.S_IFLNK | 0o777),
        "entry media/link.svg is a symbolic link",
    ),
    ("zip-nested", add_entry("more/inner.zip", b"PK\x03\x04"), "is an archive inside the archive"),
    (
        "zip-bomb",
        add_entry("media/padding.svg", b"\x00" * 5_000_000),
        "expands more than 100 times",
    ),
]


def refusal(path: Path, limits: Limits | None = None) -> BundleInvalid:
    """Open the bundle at `path`, expecting a refusal, and return it."""
    with pytest.raises(BundleInvalid) as caught, open_bundle(path, *([limits] if limits else [])):
        pass
    return caught.value


def messages(error: BundleInvalid) -> str:
    return "\n".join(map(str, error.problems))


def edit_manifest(folder: Path, change: Callable[[dict], None]) -> Path:
    """`folder`'s bundle.json edited as data by `change`, in place; returns `folder`."""
    manifest = folder / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    change(data)
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def font_named(source: Path, target: Path, old: str, new: str) -> Path:
    """A copy of the font `source` whose family name has `old` replaced by `new` (same length)."""
    data = source.read_bytes()
    for encoding in ("utf-16-be", "latin-1"):  # the Windows and the Mac name records
        data = data.replace(old.encode(encoding), new.encode(encoding))
    target.write_bytes(data)
    return target
