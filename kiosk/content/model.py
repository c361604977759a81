"""The bundle's model: one declaration that loads bundle.json and yields its JSON Schema."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    RootModel,
)
from pydantic_core import PydanticCustomError, core_schema

from kiosk.content.manifest import MANIFEST_NAME as MANIFEST_NAME  # where it always was

SCHEMA_VERSION = 1

# Item ids: lower-case letters and digits, then also dashes, underscores and dots
# (glute-bridge, ex_chin_tuck, q_when.new). Never shown to patients; never a path on disk.
ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,62}$"
# The bundle's own id may be longer and reverse-DNS (org.harborstreetphysio.back-neck-desk);
# the store maps it to a safe folder name rather than using it as one (kiosk/store/catalogue).
BUNDLE_ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,127}$"
_ID_IN_TARGET = r"[a-z0-9][a-z0-9_.-]*"

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description="Lower-case letters, digits, dashes, underscores and dots, e.g. "
        "glute-bridge or ex_chin_tuck.",
    ),
]
BundleId = Annotated[
    str,
    Field(
        pattern=BUNDLE_ID_PATTERN,
        description="Up to 128 lower-case letters, digits, dashes, underscores and dots; "
        "reverse-DNS is fine, e.g. org.example.back-care.",
    ),
]
LanguageCode = Annotated[
    str, Field(pattern=r"^[a-z]{2,3}$", description="An ISO 639 code such as en or es.")
]


class Strict(BaseModel):
    """Base for every bundle object: unknown fields are mistakes, so they are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Text(RootModel[dict[LanguageCode, Annotated[str, Field(max_length=4000)]]]):
    """Patient-facing text, one entry per language: {"en": "...", "es": "..."}.

    Plain text; **double stars** mark emphasis. Never HTML.
    """

    model_config = ConfigDict(frozen=True)

    def get(self, language: str, fallback: str = "en") -> str:
        """The text in `language`, or in `fallback` if a bundle somehow lacks it."""
        return self.root.get(language) or self.root.get(fallback) or next(iter(self.root.values()))


class MediaRef(str):
    """A path inside the bundle, relative with forward slashes, of one kind of media."""

    kind: ClassVar[str] = "file"
    extensions: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls._parse, core_schema.str_schema(min_length=1, max_length=255)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        exts = "|".join(e.lstrip(".") for e in cls.extensions)
        return {
            "type": "string",
            "pattern": rf"^(?!/)(?!.*\.\./).*\.({exts})$",
            "description": f"A {cls.kind} in the bundle: a relative path ending in "
            + ", ".join(cls.extensions),
        }

    @classmethod
    def _parse(cls, value: str) -> MediaRef:
        if "\\" in value or value.startswith("/") or re.match(r"^[A-Za-z]:", value):
            raise PydanticCustomError(
                "bundle_path",
                "{value} must be a relative path with / between folders",
                {"value": value},
            )
        parts = value.split("/")
        if any(part in ("", ".", "..") for part in parts):
            raise PydanticCustomError(
                "bundle_path",
                "{value} must stay inside the bundle (no '..', '.' or '//')",
                {"value": value},
            )
        if not value.lower().endswith(cls.extensions):
            raise PydanticCustomError(
                "media_type",
                "{value} is not an allowed {kind} type (use {allowed})",
                {"value": value, "kind": cls.kind, "allowed": ", ".join(cls.extensions)},
            )
        return cls(value)


class VideoFile(MediaRef):
    kind = "video"
    extensions = (".mp4", ".webm")


class CaptionFile(MediaRef):
    kind = "caption file"
    extensions = (".vtt",)


class ImageFile(MediaRef):
    kind = "image"
    extensions = (".svg", ".png", ".jpg", ".jpeg")


class FontFile(MediaRef):
    kind = "font"
    extensions = (".ttf", ".otf")


class LicenceFile(MediaRef):
    kind = "licence text"
    extensions = (".txt",)


class NarrationIndexFile(MediaRef):
    kind = "narration index"
    extensions = (".json",)


MAX_WEB_ADDRESS = 300  # a QR code of this many characters still reads from across a room
_VISIBLE_ASCII_URL = re.compile(r"^https?://[!-~]+$")


class WebAddress(str):
    """A take-home page's address: http or https, visible ASCII only, at most 300 characters.

    Kept exactly as the bundle writes it (not normalised), so the QR code carries that text."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls._parse, core_schema.str_schema(min_length=1, max_length=MAX_WEB_ADDRESS)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {
            "type": "string",
            "maxLength": MAX_WEB_ADDRESS,
            "pattern": _VISIBLE_ASCII_URL.pattern,
            "description": "A web address starting with http:// or https://, at most "
            f"{MAX_WEB_ADDRESS} characters.",
        }

    @classmethod
    def _parse(cls, value: str) -> WebAddress:
        if not _VISIBLE_ASCII_URL.match(value) or not _has_host(value):
            raise PydanticCustomError(
                "web_address",
                "{value} is not a web address: it must start with http:// or https://, "
                "name a site, and hold no spaces or non-ASCII letters",
                {"value": value[:80]},
            )
        return cls(value)


def _has_host(value: str) -> bool:
    host = value.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return bool(host.rsplit("@", 1)[-1].split(":", 1)[0])


# --- Structured text -------------------------------------------------------------------------


class Paragraph(Strict):
    kind: Literal["paragraph"]
    text: Text


class Bullets(Strict):
    kind: Literal["bullets"]
    items: list[Text] = Field(min_length=1, max_length=30)


Block = Annotated[Paragraph | Bullets, Field(discriminator="kind")]
RichText = Annotated[list[Block], Field(min_length=1, max_length=60)]


# --- Governance: who reviewed what, when it runs out, whose media it is ---------------------


class Source(Strict):
    """Where clinical content comes from: words for patients, and optionally an address."""

    text: Text = Field(description="The source's name, shown on the About screen.")
    url: AnyHttpUrl | None = Field(None, description="An http(s) address for it; never opened.")


class Review(Strict):
    """A clinical review of one item (a video, exercise, article or the picker)."""

    source: Source
    reviewed_by: str = Field(
        min_length=1, max_length=200, description="Who reviewed it: a name or a role."
    )
    reviewed_on: date = Field(description="When it was reviewed (YYYY-MM-DD).")
    review_by: date = Field(description="When it must be reviewed again (YYYY-MM-DD).")


class MediaCredit(Strict):
    """Attribution of media as TASL asks: title, author, source and licence."""

    files: list[Annotated[str, Field(min_length=1, max_length=255)]] = Field(
        min_length=1,
        max_length=500,
        description="Media paths in the bundle, or patterns such as assets/illustrations/*.svg.",
    )
    title: Text
    author: str = Field(min_length=1, max_length=200)
    source: str | None = Field(None, max_length=300, description="Where it comes from.")
    licence: str = Field(min_length=1, max_length=200, description="e.g. CC BY 4.0.")
    licence_url: AnyHttpUrl | None = None


class ReadingLevel(Strict):
    max_grade: float = Field(
        8,
        ge=1,
        le=20,
        description="Warn about texts above this US grade (English Flesch-Kincaid; Spanish "
        "Fernandez-Huerta mapped to a grade: (100 - score) / 10 + 4).",
    )


# --- Bundle sections -------------------------------------------------------------------------


class Clinic(Strict):
    name: Text
    website: AnyHttpUrl | None = Field(
        None, description="The clinic's own page; shown as a take-home QR code, never opened."
    )
    take_home_base: WebAddress | None = Field(
        None,
        description="Where the clinic's take-home pages live: an exercise's or article's id "
        "(or videos, for the video series) is added after it for any item without its own "
        "take_home_url; a / goes between unless the base ends in / or =.",
    )


class StopGuidance(Strict):
    """What the kiosk shows after "Stop — this hurts", in the patient's language."""

    title: Text = Field(description="A short heading, e.g. Stop now.")
    steps: list[Text] = Field(
        min_length=1,
        max_length=6,
        description="Stop the movement and what to do now, shown numbered.",
    )
    tell_us: Text = Field(description="To tell the front desk or the chiropractor.")


class Font(Strict):
    file: FontFile
    licence: LicenceFile


class Card(Strict):
    """A titled card of structured text: the caution before the videos, the closing card."""

    title: Text
    body: RichText


class Video(Strict):
    id: Id
    title: Text
    file: VideoFile
    captions: dict[LanguageCode, CaptionFile] = Field(
        description="One WebVTT file per language the bundle provides."
    )
    poster: ImageFile
    review: Review | None = None


class VideoSeries(Strict):
    title: Text
    caution: Card = Field(description="Shown before the series plays: prevention, not treatment.")
    closing: Card
    items: list[Video] = Field(min_length=1, max_length=100)
    take_home_url: WebAddress | None = Field(
        None, description="The clinic's page for the series, shown as a QR code."
    )


class Step(Strict):
    illustration: ImageFile
    instruction: Text
    hold: bool = Field(False, description="True when this step holds the exercise's hold_seconds.")
    setup: bool = Field(
        False,
        description="True for a step done once, before the repeats (lie down, hold a chair): "
        "it counts nothing. Setup steps come first.",
    )


# Where an exercise suits: "waiting_room" (seated or standing, nothing to lie on: the "while you
# wait" routine) or "home" (needs the floor or a mat). None leaves it unmarked.
Place = Literal["waiting_room", "home"]


class Exercise(Strict):
    id: Id
    title: Text
    summary: Text
    muscles: list[Text] = Field(min_length=1, max_length=10)
    equipment: list[Text] = Field(default_factory=list, max_length=10)
    sets: int = Field(ge=1, le=10)
    repetitions: int = Field(ge=1, le=50)
    hold_seconds: int = Field(ge=0, le=300)
    rest_seconds: int = Field(ge=0, le=600)
    steps: list[Step] = Field(min_length=1, max_length=30)
    stop_if: list[Text] = Field(
        min_length=1, max_length=10, description="When to stop: always shown with the exercise."
    )
    take_home_url: WebAddress | None = Field(
        None, description="The clinic's page for this exercise, shown as a QR code."
    )
    where: Place | None = Field(
        None,
        description="waiting_room: seated or standing, listed by a home tile whose target is "
        "exercises:waiting_room; home: needs the floor, marked 'for home' in the list.",
    )
    review: Review | None = None


class Answer(Strict):
    label: Text
    next: Id = Field(description="The id of the node this answer leads to.")
    id: Id | None = Field(
        None, description="A name for this answer, unique in its question, for picker cases."
    )


class Question(Strict):
    kind: Literal["question"]
    text: Text
    help: Text | None = None
    answers: list[Answer] = Field(min_length=2, max_length=4)


LinkTarget = Annotated[
    str,
    Field(
        pattern=rf"^(videos|exercises|picker|articles|(article|exercise):{_ID_IN_TARGET})$",
        description="videos, exercises, picker, articles, article:<id> or exercise:<id>.",
    ),
]


class Link(Strict):
    """A button onward to another part of the bundle, so a section never ends in a dead end."""

    target: LinkTarget
    label: Text | None = Field(
        None, description="The button's words; by default the item's title or its home tile's."
    )


# A closed list, so a red flag always keeps its own look; caution is the calm "ask us first".
Outcome = Literal["ice", "heat", "either", "caution", "front_desk"]


class Result(Strict):
    kind: Literal["result"]
    outcome: Outcome = Field(
        description="ice, heat, either (both are fine), caution (ask us first, calmly), or "
        "front_desk: the red flag, tell the front desk now."
    )
    title: Text
    summary: Text
    what_to_do: list[Text] = Field(
        default_factory=list, max_length=10, description="Steps to take, shown numbered."
    )
    how_long: Text | None = None
    protect_skin: Text | None = None
    avoid_when: Text | None = None
    links: list[Link] = Field(default_factory=list, max_length=3)


Node = Annotated[Question | Result, Field(discriminator="kind")]


class PickerCase(Strict):
    """A test of the tree: these answers, taken from the first question, reach this result."""

    answers: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        min_length=1,
        max_length=50,
        description="Each answer's id, or its label in the bundle's default language.",
    )
    result: Id = Field(description="The id of the result these answers must reach.")
    why: str | None = Field(None, max_length=1000, description="The reasoning, for reviewers.")


class Picker(Strict):
    title: Text
    intro: Text
    disclaimer: Text | None = Field(
        None, description="Shown on the first question and on every result."
    )
    nodes: dict[Id, Node] = Field(
        min_length=2, max_length=200, description="Questions and results by id; one root."
    )
    cases: list[PickerCase] = Field(
        default_factory=list, max_length=500, description="Answer paths and where they must end."
    )
    review: Review | None = None

    def root_id(self) -> str:
        """The first question: the one node no answer leads to (validation ensures one)."""
        targets = {
            a.next for n in self.nodes.values() if isinstance(n, Question) for a in n.answers
        }
        return next(node_id for node_id in self.nodes if node_id not in targets)


class Article(Strict):
    id: Id
    title: Text
    summary: Text
    illustration: ImageFile
    body: RichText
    links: list[Link] = Field(default_factory=list, max_length=3)
    review: Review | None = None
    take_home_url: WebAddress | None = Field(
        None, description="The clinic's page for this article, shown as a QR code."
    )


class Slide(Strict):
    title: Text | None = None
    text: Text
    image: ImageFile | None = None
    icon: str | None = Field(
        None,
        pattern=r"^[a-z0-9]+\.[a-z0-9-]+$",
        description="A qtawesome icon name (mdi6.human-greeting), drawn large when the slide "
        "has no image.",
    )


class Attract(Strict):
    slides: list[Slide] = Field(min_length=1, max_length=50)
    seconds_per_slide: int = Field(8, ge=3, le=120)
    background_video: VideoFile | None = Field(
        None, description="Plays muted behind the attract screen when set."
    )


HomeTarget = Annotated[
    str,
    Field(
        pattern=r"^(videos|exercises|exercises:(waiting_room|home)|picker|articles"
        rf"|article:{_ID_IN_TARGET})$",
        description="videos, exercises, exercises:waiting_room or exercises:home for the "
        "exercises marked with that `where`, picker, articles, or article:<id> for one article.",
    ),
]


class Tile(Strict):
    target: HomeTarget
    label: Text
    caption: Text | None = None
    icon: str = Field(
        pattern=r"^[a-z0-9]+\.[a-z0-9-]+$", description="A qtawesome icon name: mdi6.snowflake."
    )


class Home(Strict):
    tiles: list[Tile] = Field(min_length=1, max_length=8)
    greeting: Text | None = Field(None, description="A short welcome shown under the title.")


class Bundle(Strict):
    """The whole of bundle.json."""

    schema_: str | None = Field(None, alias="$schema", description="Editor hint; ignored.")
    schema_version: Literal[1]
    id: BundleId
    version: str = Field(
        pattern=r"^\d{1,6}(\.\d{1,6}){0,3}$", description="Dotted numbers, e.g. 1.4.0."
    )
    title: Text
    clinic: Clinic
    languages: list[LanguageCode] = Field(min_length=1, max_length=10)
    default_language: LanguageCode
    safety_note: Text = Field(description="General education only; ask your chiropractor.")
    stop_guidance: StopGuidance | None = Field(
        None,
        description="Shown after Stop — this hurts; needed by a bundle with exercises or "
        "videos. A bundle made before it existed shows the kiosk's own short wording instead "
        "(validation warns).",
    )
    fonts: list[Font] = Field(default_factory=list, max_length=10)
    home: Home
    attract: Attract
    videos: VideoSeries
    exercises: list[Exercise] = Field(min_length=1, max_length=5000)
    picker: Picker
    articles: list[Article] = Field(default_factory=list, max_length=500)
    interface_text: dict[str, Text] = Field(
        default_factory=dict, description="Overrides of the kiosk's own wording, by key."
    )
    media_credits: list[MediaCredit] = Field(default_factory=list, max_length=200)
    reading_level: ReadingLevel = Field(default_factory=ReadingLevel)
    narration: NarrationIndexFile | None = Field(
        None,
        description="The narration index (made by kiosk narrate): recorded speech for every "
        "patient text in some or all of the bundle's languages, for read-aloud.",
    )

    model_config = ConfigDict(populate_by_name=True)


Loc = tuple[str | int, ...]


@cache
def _field_names(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, name in bundle.json) for each field; cached because walk is hot."""
    return tuple((name, field.alias or name) for name, field in model.model_fields.items())


def walk(value: Any, path: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Yield (path, value) for every object below `value`, depth first, in document order."""
    yield path, value
    if isinstance(value, BaseModel) and not isinstance(value, RootModel):
        for name, shown_as in _field_names(type(value)):
            yield from walk(getattr(value, name), (*path, shown_as))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*path, key))
