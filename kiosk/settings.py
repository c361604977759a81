"""The kiosk's settings: declared once below, read from settings.toml, and written back safely.

The settings file, `kiosk settings` and the staff panel all read SETTINGS; to add a setting,
add one entry there and nothing else.
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
import math
import re
import textwrap
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from kiosk.feed.key_format import FEED_KEY_PATTERN
from kiosk.paths import KioskPaths
from kiosk.store.atomic_file import write_atomically

log = logging.getLogger(__name__)

# An Ed25519 public key as kiosk keygen writes it (kiosk.feed.keys reads it).
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
# Arrows and Tab move, Return, Enter and Space tap, Escape and a keypad's Back go back, F1 and
# a keypad's Help read the screen aloud.
KEYPAD_KEYS = (
    "Tab=next",
    "Backtab=previous",
    "Down=next",
    "Right=next",
    "Up=previous",
    "Left=previous",
    "Return=activate",
    "Enter=activate",
    "Space=activate",
    "Select=activate",
    "Escape=back",
    "Back=back",
    "F1=help",
    "Help=help",
)
ORIENTATIONS = ("auto", "landscape", "portrait", "inverted-landscape", "inverted-portrait")


class InvalidValue(ValueError):
    """A value a setting cannot take; the message says why in plain words."""


@dataclass(frozen=True)
class Setting:
    """One setting: its key, title, type, default and help, the values it accepts, when a
    saved change takes effect, and whether staff may change it in the panel."""

    key: str
    title: str  # as staff read it in the panel, e.g. "Idle timeout"
    type: type  # bool, int, float, str, or tuple: a list of texts (a TOML array)
    default: Any
    help: str
    applies: Literal["now", "restart"]  # a saved change takes effect at once, or at next start
    bounds: tuple[float, float] | None = None  # lowest and highest value accepted
    unit: str = ""
    choices: tuple[str, ...] = ()
    pattern: str | None = None  # for text: the form it must have
    pattern_help: str = ""  # ...described for staff, e.g. "a language code like en or es"
    editable_in_panel: bool = True  # False: shown, but changed in the settings file only

    def check(self, value: Any) -> Any:
        """`value` as this setting holds it; raise InvalidValue if it cannot be."""
        value = _CHECK_TYPE[self.type](value)
        if self.bounds and not self.bounds[0] <= value <= self.bounds[1]:
            low, high = (toml_value(bound) for bound in self.bounds)
            raise InvalidValue(f"is not between {low} and {high}")
        if self.choices and value not in self.choices:
            raise InvalidValue(f"is not one of {', '.join(self.choices)}")
        texts = value if self.type is tuple else (value,)
        for text in texts:
            if self.pattern and not re.fullmatch(self.pattern, text):
                if self.type is tuple:
                    raise InvalidValue(
                        f"holds {_toml_string(text)}, not in the form of {self.pattern_help}"
                    )
                raise InvalidValue(f"is not {self.pattern_help}")
        return value

    def accepted(self) -> str:
        """The values accepted, in words, e.g. "from 10 to 3600 seconds"; "" for any."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.bounds:
            unit = f" {self.unit}" if self.unit else ""
            return f"from {toml_value(self.bounds[0])} to {toml_value(self.bounds[1])}{unit}"
        if self.pattern and self.type is tuple:
            return f"a list of {self.pattern_help}, or []"
        if self.pattern:
            return f"{self.pattern_help}, or empty"
        return ""


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "idle_timeout",
        "Idle timeout",
        int,
        90,
        "Seconds without a touch before the kiosk stops what it plays, forgets the patient's "
        "choices and goes back to the attract screen.",
        bounds=(10, 3600),
        unit="seconds",
        applies="now",
    ),
    Setting(
        "idle_warning_seconds",
        "Idle warning",
        int,
        20,
        'Seconds the "Still there?" card counts down, with its More time button, before the '
        "idle reset. It is part of the idle timeout and never more than half of it.",
        bounds=(5, 600),
        unit="seconds",
        applies="now",
    ),
    Setting(
        "cleaning_seconds",
        "Cleaning time",
        int,
        45,
        "Seconds the screen ignores every touch after staff choose Clean the screen.",
        bounds=(10, 600),
        unit="seconds",
        applies="now",
    ),
    Setting(
        "default_language",
        "Default language",
        str,
        "",
        "The language the kiosk starts in, e.g. en or es. Empty: the bundle's own default.",
        pattern=r"([a-z]{2,3})?",
        pattern_help="a language code like en or es",
        applies="now",
    ),
    Setting(
        "volume_cap",
        "Volume cap",
        float,
        1.0,
        "The loudest the videos and read-aloud may play, from 0.0 (silent) to 1.0 (full "
        "volume); read-aloud starts 20 dB under it, and its Louder button goes up to it.",
        bounds=(0.0, 1.0),
        applies="now",
    ),
    Setting(
        "start_muted",
        "Start muted",
        bool,
        True,
        "Start every video with the sound off.",
        applies="now",
    ),
    Setting(
        "gesture_corner",
        "Gesture corner",
        str,
        "top-left",
        "The screen corner staff press and hold for 3 seconds to open the PIN pad.",
        choices=CORNERS,
        applies="now",
    ),
    Setting(
        "inbox_folder",
        "Inbox folder",
        str,
        "",
        "The folder watched for new bundles (.zip files or folders). "
        "Empty: the inbox folder in the kiosk's data folder.",
        applies="restart",
        editable_in_panel=False,  # a folder path needs typing: set in the file
    ),
    Setting(
        "hide_cursor",
        "Hide cursor",
        bool,
        True,
        "Hide the mouse pointer.",
        applies="now",
    ),
    Setting(
        "screen_orientation",
        "Screen orientation",
        str,
        "auto",
        "Which way up the screen is shown. auto: as the system reports it.",
        choices=ORIENTATIONS,
        applies="now",
    ),
    Setting(
        "feed_address",
        "Feed address",
        str,
        "",
        "Where this kiosk looks for new content published with kiosk publish: a web address "
        "(https://...) or a folder kept in step by a sync tool. Empty: no feed.",
        # Any text but an address with a scheme other than http or https (a folder may hold
        # a colon, as in C:\feed).
        pattern=r"((?![A-Za-z][A-Za-z0-9+.-]*://)\S.*|https?://\S+)?",
        pattern_help="an http:// or https:// address, or a folder",
        applies="now",
    ),
    Setting(
        "feed_keys",
        "Feed keys",
        tuple,
        (),
        "The public keys (from kiosk keygen) whose signature on the feed this kiosk trusts. "
        "Several may be listed while the signing key is being changed.",
        pattern=FEED_KEY_PATTERN,
        pattern_help="public keys from kiosk keygen (ed25519:...)",
        applies="now",
    ),
    Setting(
        "feed_check_minutes",
        "Feed check minutes",
        int,
        15,
        "Minutes between checks of the feed, give or take a fifth so kiosks do not all ask at "
        "once. While the feed cannot be reached, checks come sooner, then further apart.",
        bounds=(1, 1440),
        unit="minutes",
        applies="now",
    ),
    Setting(
        "keypad_keys",
        "Keypad keys",
        tuple,
        KEYPAD_KEYS,
        "Keys that work the kiosk without touch (a keyboard, or a USB navigation keypad), each "
        "as Key=action: next or previous moves the focus ring, activate taps the ringed "
        "control, back goes back, help reads the screen aloud (where the content is narrated). "
        "Keys are named as Qt names them: Tab, Down, Return, F1.",
        applies="now",
        pattern=r"[A-Za-z0-9_+]+=(next|previous|activate|back|help)",
        pattern_help="Key=action entries such as Down=next",
        editable_in_panel=False,
    ),
    Setting(
        "metrics_folder",
        "Metrics folder",
        str,
        "",
        "The folder where the kiosk writes its state as Prometheus metrics (knee_kiosk.prom), "
        "every minute and on every change, for node_exporter's textfile collector. "
        "Empty: no metrics file.",
        applies="now",
        editable_in_panel=False,  # a folder path needs typing: set in the file
    ),
)

BY_KEY: dict[str, Setting] = {setting.key: setting for setting in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Every setting's value, one attribute per key in SETTINGS (a test keeps them in step)."""

    idle_timeout: int = 90
    idle_warning_seconds: int = 20
    cleaning_seconds: int = 45
    default_language: str = ""
    volume_cap: float = 1.0
    start_muted: bool = True
    gesture_corner: str = "top-left"
    inbox_folder: str = ""
    hide_cursor: bool = True
    screen_orientation: str = "auto"
    feed_address: str = ""
    feed_keys: tuple[str, ...] = ()
    feed_check_minutes: int = 15
    keypad_keys: tuple[str, ...] = KEYPAD_KEYS
    metrics_folder: str = ""


class LoadedSettings(NamedTuple):
    """The settings in force and what was wrong with the file, one sentence each."""

    settings: Settings
    messages: list[str]


class SettingsError(ValueError):
    """A change to the settings was refused; the message names the key and why."""


def settings_path() -> Path:
    """Where settings.toml lives ($KIOSK_HOME/config, or the platform's config folder)."""
    return KioskPaths.from_environment().settings_file


def load(path: Path | None = None) -> LoadedSettings:
    """Read the settings file; anything missing or wrong gets its default and a message.

    It logs nothing: each caller says what is wrong once, where its reader looks (the log,
    the terminal, the staff panel)."""
    path = path or settings_path()
    raw, messages = _read_toml(path)
    values = {}
    for key, value in raw.items():
        setting = BY_KEY.get(key)
        if setting is None:
            messages.append(f"{path.name}: {_unknown_key(key)}; ignored")
            continue
        try:
            values[key] = setting.check(value)
        except InvalidValue as reason:
            messages.append(
                f"{path.name}: {key}: {_shown(value)} {reason}; "
                f"using the default {toml_value(setting.default)}"
            )
    return LoadedSettings(Settings(**values), messages)


def save(changes: Mapping[str, Any], path: Path | None = None) -> Settings:
    """Apply `changes` to the settings in the file and write it atomically; returns Settings.

    Raises SettingsError, naming the key, if a key is unknown or a value is invalid.
    """
    path = path or settings_path()
    checked = {}
    for key, value in changes.items():
        setting = BY_KEY.get(key)
        if setting is None:
            raise SettingsError(_unknown_key(key))
        try:
            checked[key] = setting.check(value)
        except InvalidValue as reason:
            raise SettingsError(f"{key}: {_shown(value)} {reason}") from None
    settings = dataclasses.replace(load(path).settings, **checked)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, render(settings).encode("utf-8"))
    log.info("Settings saved to %s: %s", path, checked)
    return settings


def render(settings: Settings) -> str:
    """The settings file's text: each key with its help; keys at their default are commented."""
    lines = ["# Knee-care kiosk settings. A line starting with # is ignored.", ""]
    for setting in SETTINGS:
        value = getattr(settings, setting.key)
        lines += [f"# {line}" for line in _wrapped(setting.help)]
        accepted = f"{setting.accepted()}; " if setting.accepted() else ""
        lines.append(f"# ({accepted}default {toml_value(setting.default)})")
        prefix = "# " if value == setting.default else ""
        lines.append(f"{prefix}{setting.key} = {toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def describe(path: Path | None = None) -> str:
    """Text for `kiosk settings`: where the file is, and every key's value, default and help."""
    path = path or settings_path()
    settings, messages = load(path)
    state = "" if path.exists() else " (not created yet: every setting has its default)"
    lines = [f"Settings file: {path}{state}", ""]
    for setting in SETTINGS:
        value = toml_value(getattr(settings, setting.key))
        accepted = f"; {setting.accepted()}" if setting.accepted() else ""
        lines.append(f"{setting.key} = {value}  (default {toml_value(setting.default)}{accepted})")
        lines += [f"    {line}" for line in _wrapped(setting.help)]
    if messages:
        lines += ["", "Problems in the file (defaults used instead):"]
        lines += [f"  {message}" for message in messages]
    return "\n".join(lines) + "\n"


def inbox_folder(settings: Settings, paths: KioskPaths) -> Path:
    """The inbox folder to watch: the setting, or the default inbox when it is empty."""
    if not settings.inbox_folder:
        return paths.default_inbox
    return Path(settings.inbox_folder).expanduser()


def toml_value(value: Any) -> str:
    """`value` (bool, int, float, str or a tuple of str) written as TOML."""
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    raise TypeError(f"settings hold only true/false, numbers and text, not {type(value).__name__}")


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, width=92)


# A settings file is a few kilobytes; fleet tools write it, so anything may be there.
MAX_FILE_BYTES = 1024 * 1024


def _read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The file's table, or nothing and one message saying why: missing, not a file, too big,
    or not TOML (tomllib recurses, so a deeply nested file raises RecursionError)."""
    try:
        if not path.exists():
            return {}, []
        if not path.is_file():  # a device such as /dev/zero, a folder, a pipe
            return {}, [_unreadable(path, "it is not a regular file")]
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return {}, [_unreadable(path, f"it is larger than {MAX_FILE_BYTES:,} bytes")]
        return tomllib.loads(data.decode("utf-8")), []
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        return {}, [_unreadable(path, str(error))]
    except (RecursionError, MemoryError):
        return {}, [_unreadable(path, "it is nested too deeply")]
    except Exception as error:  # a settings file must never stop the kiosk
        return {}, [_unreadable(path, f"{type(error).__name__}: {error}")]


def _unreadable(path: Path, why: str) -> str:
    return f"{path.name}: cannot be read ({why}); using the defaults for every setting"


def _unknown_key(key: str) -> str:
    close = difflib.get_close_matches(key, BY_KEY, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"{key}: is not a setting the kiosk knows{hint}"


def _shown(value: Any) -> str:
    """A value as staff wrote it in the file."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    try:
        return toml_value(value)
    except TypeError:
        return str(value)  # a TOML date or time


# TOML basic strings: quote and backslash escaped, and every control character.
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml_string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _check_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidValue("is not a number")
    if isinstance(value, float):
        raise InvalidValue("is not a whole number")
    return value


def _check_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidValue("is not a number")
    return float(value)


def _check_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidValue("is not true or false")
    return value


def _check_str(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidValue('is not text (write it in "quotes")')
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidValue("holds characters that cannot be saved") from None
    return value


def _check_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise InvalidValue('is not a list (write it as ["...", "..."])')
    return tuple(_check_str(item) for item in value)


_CHECK_TYPE = {
    int: _check_int,
    float: _check_float,
    bool: _check_bool,
    str: _check_str,
    tuple: _check_texts,
}
