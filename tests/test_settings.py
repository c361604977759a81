"""Settings: declared once, read forgivingly with a message per problem, written atomically."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from kiosk import settings as kiosk_settings
from kiosk.paths import HOME_ENV, KioskPaths
from kiosk.settings import SETTINGS, Settings, SettingsError, describe, load, save


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "settings.toml"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_declaration_defaults_are_valid_and_typed() -> None:
    for setting in SETTINGS:
        assert setting.check(setting.default) == setting.default
        assert type(setting.default) is setting.type
        assert setting.help.endswith(".")
        assert setting.title and setting.title[0].isupper()
        assert setting.applies in ("now", "restart")


def test_the_settings_class_matches_the_declarations() -> None:
    fields = dataclasses.fields(Settings)
    assert [f.name for f in fields] == [s.key for s in SETTINGS]
    for field, setting in zip(fields, SETTINGS, strict=True):
        assert field.default == setting.default, field.name
        assert field.type.split("[")[0] == setting.type.__name__, field.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().idle_timeout = 5  # type: ignore[misc]


def test_a_problem_in_the_file_is_not_logged_by_the_reader(path: Path, caplog) -> None:
    # Each caller (start-up, the file watcher, doctor, the panel) says it once, its own way.
    messages = load(write(path, 'idle_timeout = "soon"\n')).messages
    assert len(messages) == 1
    assert caplog.text == ""


def test_missing_file_means_every_default(path: Path) -> None:
    settings, messages = load(path)
    assert settings == Settings()
    assert messages == []
    assert (settings.idle_timeout, settings.volume_cap, settings.start_muted) == (90, 1.0, True)
    assert (settings.gesture_corner, settings.screen_orientation) == ("top-left", "auto")


def test_valid_file(path: Path) -> None:
    write(
        path,
        """
        idle_timeout = 120
        default_language = "es"
        volume_cap = 0.5
        start_muted = false
        gesture_corner = "bottom-right"
        inbox_folder = "/media/usb/inbox"
        hide_cursor = false
        screen_orientation = "portrait"
        """,
    )
    settings, messages = load(path)
    assert messages == []
    assert settings == Settings(
        idle_timeout=120,
        default_language="es",
        volume_cap=0.5,
        start_muted=False,
        gesture_corner="bottom-right",
        inbox_folder="/media/usb/inbox",
        hide_cursor=False,
        screen_orientation="portrait",
    )


def test_whole_number_is_accepted_for_a_fraction(path: Path) -> None:
    settings, messages = load(write(path, "volume_cap = 0"))
    assert (settings.volume_cap, messages) == (0.0, [])


# (a line of settings.toml, the message it must give after "settings.toml: ")
INVALID = [
    ('idle_timeout = "soon"', 'idle_timeout: "soon" is not a number; using the default 90'),
    ("idle_timeout = 5", "idle_timeout: 5 is not between 10 and 3600; using the default 90"),
    ("idle_timeout = 90.5", "idle_timeout: 90.5 is not a whole number; using the default 90"),
    ("idle_timeout = true", "idle_timeout: true is not a number; using the default 90"),
    (
        'default_language = "English"',
        'default_language: "English" is not a language code like en or es; using the default ""',
    ),
    ("volume_cap = 1.5", "volume_cap: 1.5 is not between 0.0 and 1.0; using the default 1.0"),
    ("volume_cap = nan", "volume_cap: nan is not a number; using the default 1.0"),
    (
        'start_muted = "yes"',
        'start_muted: "yes" is not true or false; using the default true',
    ),
    (
        'gesture_corner = "middle"',
        'gesture_corner: "middle" is not one of top-left, top-right, bottom-left, '
        'bottom-right; using the default "top-left"',
    ),
    (
        "inbox_folder = 3",
        'inbox_folder: 3 is not text (write it in "quotes"); using the default ""',
    ),
    ("hide_cursor = 1", "hide_cursor: 1 is not true or false; using the default true"),
    (
        'screen_orientation = "sideways"',
        'screen_orientation: "sideways" is not one of auto, landscape, portrait, '
        'inverted-landscape, inverted-portrait; using the default "auto"',
    ),
    ("[idle_timeout]", "idle_timeout: a table is not a number; using the default 90"),
]


@pytest.mark.parametrize(("line", "message"), INVALID, ids=[line for line, _ in INVALID])
def test_invalid_value_names_key_value_and_default(path: Path, line: str, message: str) -> None:
    settings, messages = load(write(path, line + "\n"))
    assert messages == [f"settings.toml: {message}"]
    assert settings == Settings()


def test_one_bad_value_keeps_the_good_ones(path: Path) -> None:
    settings, messages = load(write(path, 'idle_timeout = "soon"\nhide_cursor = false\n'))
    assert (settings.idle_timeout, settings.hide_cursor, len(messages)) == (90, False, 1)


def test_unknown_key_is_named_with_a_suggestion(path: Path) -> None:
    settings, messages = load(write(path, "idle_timout = 30\ncolour = 'blue'\n"))
    assert settings == Settings()
    assert messages == [
        "settings.toml: idle_timout: is not a setting the kiosk knows "
        "(did you mean idle_timeout?); ignored",
        "settings.toml: colour: is not a setting the kiosk knows; ignored",
    ]


def test_broken_toml_means_defaults_and_one_message_with_the_line(path: Path) -> None:
    settings, messages = load(write(path, "idle_timeout = 30\nvolume_cap = = 2\n"))
    assert settings == Settings()
    (message,) = messages
    assert message.startswith("settings.toml: cannot be read (")
    assert "line 2" in message
    assert message.endswith("; using the defaults for every setting")


def test_file_that_is_not_text_means_defaults(path: Path) -> None:
    path.write_bytes(b"idle_timeout = \xff\xfe\n")
    settings, messages = load(path)
    assert settings == Settings() and len(messages) == 1


def test_save_then_load_round_trip(path: Path) -> None:
    tricky = 'C:\\Kiosk "inbox"\n\ttab\x01\x7f é ☃'
    saved = save({"idle_timeout": 300, "inbox_folder": tricky, "start_muted": False}, path)
    assert load(path) == (saved, [])
    assert (saved.idle_timeout, saved.inbox_folder, saved.start_muted) == (300, tricky, False)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["inbox_folder"] == tricky
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temp file left


def test_save_keeps_earlier_changes_and_comments_defaults(path: Path) -> None:
    save({"volume_cap": 0.25}, path)
    saved = save({"gesture_corner": "top-right"}, path)
    assert (saved.volume_cap, saved.gesture_corner) == (0.25, "top-right")
    text = path.read_text(encoding="utf-8")
    assert "\nvolume_cap = 0.25\n" in text
    assert "\n# idle_timeout = 90\n" in text  # at its default: follows future defaults


def test_save_refuses_bad_values_and_unknown_keys(path: Path) -> None:
    with pytest.raises(SettingsError, match='idle_timeout: "soon" is not a number'):
        save({"idle_timeout": "soon"}, path)
    with pytest.raises(SettingsError, match=r"volum_cap: is not a setting.*volume_cap"):
        save({"volum_cap": 0.5}, path)
    assert not path.exists()


def test_describe_lists_every_key_with_value_default_and_help(path: Path) -> None:
    save({"idle_timeout": 45}, path)
    text = describe(path)
    assert text.startswith(f"Settings file: {path}\n")
    for setting in SETTINGS:
        assert f"\n{setting.key} = " in text
        assert setting.help.split()[0] in text
    assert "idle_timeout = 45  (default 90; from 10 to 3600 seconds)" in text


def test_describe_reports_a_missing_file_and_problems(path: Path) -> None:
    assert "(not created yet: every setting has its default)" in describe(path)
    write(path, "hide_cursor = 2\n")
    assert "hide_cursor: 2 is not true or false" in describe(path)


def test_default_path_follows_kiosk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    assert kiosk_settings.settings_path() == tmp_path / "config" / "settings.toml"
    save({"hide_cursor": False})
    assert load().settings.hide_cursor is False


def test_inbox_folder_defaults_to_the_data_inbox(tmp_path: Path) -> None:
    paths = KioskPaths.under(tmp_path)
    assert kiosk_settings.inbox_folder(Settings(), paths) == paths.default_inbox
    chosen = Settings(inbox_folder="/srv/share/kiosk")
    assert kiosk_settings.inbox_folder(chosen, paths) == Path("/srv/share/kiosk")


def test_kiosk_home_puts_every_folder_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    paths = KioskPaths.from_environment().ensure()
    for folder in (paths.bundles_dir, paths.staging_dir, paths.default_inbox, paths.log_dir):
        assert folder.is_dir() and folder.is_relative_to(tmp_path)
    assert paths.pin_file.parent == paths.settings_file.parent == tmp_path / "config"
    assert paths.usage_db == tmp_path / "data" / "usage.sqlite"


def test_without_kiosk_home_the_platform_folders_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    paths = KioskPaths.from_environment()
    assert all("knee-kiosk" in str(p) for p in (paths.config_dir, paths.data_dir, paths.log_dir))


NESTED_TABLES = "idle_timeout = " + "{a = " * 600 + "1" + "}" * 600 + "\n"
NESTED_ARRAYS = "feed_keys = " + "[" * 500 + "]" * 500 + "\n"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (NESTED_TABLES, "nested too deeply"),
        (NESTED_ARRAYS, "nested too deeply"),
        ("# " + "x" * (1024 * 1024) + "\n", "larger than 1,048,576 bytes"),
    ],
    ids=["600 nested inline tables", "500 nested arrays", "over 1 MiB"],
)
def test_a_hostile_file_means_defaults_and_one_message(path: Path, content: str, why: str) -> None:
    settings, messages = load(write(path, content))
    assert settings == Settings()
    (message,) = messages
    assert why in message and message.endswith("using the defaults for every setting")


def test_a_file_linked_to_an_endless_one_is_not_read(path: Path) -> None:
    path.symlink_to("/dev/zero")
    settings, messages = load(path)
    assert settings == Settings()
    assert "not a regular file" in messages[0]


def test_commands_live_through_a_hostile_settings_file(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    settings_file = KioskPaths.under(home).ensure().settings_file
    settings_file.write_text(NESTED_TABLES, encoding="utf-8")
    env = {**os.environ, HOME_ENV: str(home), "QT_QPA_PLATFORM": "offscreen"}
    for command in (["settings"], ["status"], ["run", "--windowed", "--exit-after-paint"]):
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, (command, done.stderr[-2000:])
        assert "Traceback" not in done.stderr
    log_text = "".join(p.read_text() for p in KioskPaths.under(home).log_dir.glob("*.log"))
    assert "settings.toml: cannot be read (it is nested too deeply)" in log_text
