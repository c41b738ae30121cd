"""Settings: the command line, then the environment, then the user's config file, then the
organisation's (TOML). Every value remembers where it came from, for `goedgenoeg config`.

The files live where platformdirs says each operating system keeps them:
- user: the user's config folder (on Windows the local, not roaming, AppData), config.toml;
- organisation: the site config folder (e.g. /etc/xdg/goedgenoeg, C:\\ProgramData\\goedgenoeg);
- GOEDGENOEG_CONFIG names one file explicitly; it takes the place of the user file.

`libraries` add up (organisation, user, environment, command line, in that order, so a later
library with the same id replaces an earlier one); every other key takes the first source that
sets it. A relative path in a file is read from that file's folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

APP = "goedgenoeg"
FILE_NAME = "config.toml"
ENV_CONFIG = "GOEDGENOEG_CONFIG"
ENV = {
    "lang": "GOEDGENOEG_LANG",
    "region": "GOEDGENOEG_REGION",
    "libraries": "GOEDGENOEG_LIBRARIES",
    "sessions_dir": "GOEDGENOEG_SESSIONS_DIR",
    "record_format": "GOEDGENOEG_RECORD_FORMAT",
    "plain": "GOEDGENOEG_PLAIN",
    "small_count": "GOEDGENOEG_SMALL_COUNT",
}
KEYS = tuple(ENV)
LANGS = ("nl", "en")
FORMATS = ("md", "docx", "html")
SMALL_COUNT = 3  # counts of 1 and 2 could point at one known case: shown as "<3"
TRUE = ("1", "true", "yes", "ja", "on")
FALSE = ("0", "false", "no", "nee", "off", "")

T = TypeVar("T")


class ConfigError(Exception):
    """A setting that cannot be used. `key` names a text in texts.py, `values` fill it in."""

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(f"{key}: {values}")
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Origin:
    """Where a value came from: kind is default, org, user, env or option; detail is the file,
    the variable or the option."""

    kind: str
    detail: str = ""


DEFAULT = Origin("default")


@dataclass(frozen=True)
class Value(Generic[T]):
    value: T
    origin: Origin


@dataclass(frozen=True)
class Config:
    lang: Value[str]
    region: Value[str | None]
    libraries: tuple[Value[Path], ...]
    sessions_dir: Value[Path]
    record_format: Value[str]
    plain: Value[bool]
    small_count: Value[int]  # the overview shows counts from 1 up to this one (exclusive) as "<N"
    files: tuple[tuple[Origin, Path, bool], ...]  # (org|user, path, whether it exists)

    @property
    def sessions_dir_is_default(self) -> bool:
        return self.sessions_dir.origin == DEFAULT

    def library_paths(self) -> list[Path]:
        return [v.value for v in self.libraries]


@dataclass(frozen=True)
class Options:
    """What was given on the command line (None: not given)."""

    lang: str | None = None
    region: str | None = None
    libraries: tuple[Path, ...] = ()
    sessions_dir: Path | None = None
    record_format: str | None = None
    plain: bool | None = None


def user_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False, roaming=False) / FILE_NAME


def org_file() -> Path:
    from platformdirs import site_config_path

    return site_config_path(APP, appauthor=False) / FILE_NAME


def default_sessions_dir() -> Path:
    """Local, never roaming, application data: sessions must not travel to a profile server."""
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False, roaming=False) / "sessions"


def _read(path: Path) -> dict:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}  # the usual case: no file, and no TOML parser to import (`--help` stays quick)
    except OSError as err:
        raise ConfigError("cfg_unreadable", path=path, err=err.strerror or err) from None
    import tomllib

    try:
        with handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError("cfg_bad_toml", path=path, err=err) from None
    except OSError as err:
        raise ConfigError("cfg_unreadable", path=path, err=err.strerror or err) from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError("cfg_unknown_key", path=path, name=unknown[0], keys=", ".join(KEYS))
    return data


def _check(key: str, value: object, where: str, base: Path | None) -> object:
    """A value from a file or the environment in its proper type, or ConfigError."""

    def bad(allowed: str):
        return ConfigError("cfg_bad_value", where=where, name=key, value=value, allowed=allowed)

    if key == "lang":
        if value not in LANGS:
            raise bad(" | ".join(LANGS))
        return value
    if key == "region":
        from .models import REGIONS  # pydantic comes with it: only when a region is set

        if value not in REGIONS:
            raise bad(" | ".join(REGIONS))
        return value
    if key == "record_format":
        if value not in FORMATS:
            raise bad(" | ".join(FORMATS))
        return value
    if key == "plain":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in TRUE + FALSE:
            return value.lower() in TRUE
        raise bad("true | false")
    if key == "small_count":
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise bad("1, 2, 3, ...")
        return value
    if key == "sessions_dir":
        if not isinstance(value, str) or not value:
            raise bad('"..."')
        return _path(value, base)
    if key == "libraries":
        items = value if isinstance(value, list) else None
        if items is None or not all(isinstance(x, str) and x for x in items):
            raise bad('["...", ...]')
        return [_path(x, base) for x in items]
    raise bad("")  # pragma: no cover - KEYS and this function name the same keys


def _path(text: str, base: Path | None) -> Path:
    path = Path(os.path.expandvars(text)).expanduser()
    return path if path.is_absolute() or base is None else base / path


def config_files(environ: Mapping[str, str]) -> list[tuple[Origin, Path]]:
    """The files read, lowest precedence first."""
    explicit = environ.get(ENV_CONFIG)
    user = (Origin("user", ENV_CONFIG), Path(explicit)) if explicit else (Origin("user"), user_file())
    return [(Origin("org"), org_file()), user]


def load(options: Options | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """The effective settings. Raises ConfigError for a broken file or value."""
    options = options or Options()
    environ = os.environ if environ is None else environ
    found: dict[str, Value] = {}
    libraries: list[Value[Path]] = []
    files = []
    for origin, path in config_files(environ):
        if origin.detail == ENV_CONFIG and not path.is_file():
            raise ConfigError("cfg_missing_file", path=path, var=ENV_CONFIG)
        data = _read(path)
        files.append((origin, path, path.is_file()))
        where_origin = Origin(origin.kind, str(path))
        for key, raw in data.items():
            value = _check(key, raw, str(path), path.parent)
            if key == "libraries":
                libraries += [Value(p, where_origin) for p in value]
            else:
                found[key] = Value(value, where_origin)  # the user file comes later and wins
    for key, var in ENV.items():
        raw = environ.get(var)
        if raw is None or (raw == "" and key != "plain"):
            continue
        origin = Origin("env", var)
        if key == "libraries":
            libraries += [Value(Path(p).expanduser(), origin) for p in raw.split(os.pathsep) if p]
        else:
            found[key] = Value(_check(key, raw, var, None), origin)
    given = {
        "lang": (options.lang, "--lang"),
        "region": (options.region, "--region"),
        "sessions_dir": (options.sessions_dir, "--sessions-dir"),
        "record_format": (options.record_format, "--format"),
        "plain": (options.plain, "--plain"),
    }
    for key, (value, flag) in given.items():
        if value is not None:
            checked = _check(key, value, flag, None) if key != "sessions_dir" else Path(value)
            found[key] = Value(checked, Origin("option", flag))
    libraries += [Value(Path(p), Origin("option", "--library")) for p in options.libraries]
    return Config(
        lang=found.get("lang", Value("nl", DEFAULT)),
        region=found.get("region", Value(None, DEFAULT)),
        libraries=tuple(libraries),
        sessions_dir=found.get("sessions_dir", Value(default_sessions_dir(), DEFAULT)),
        record_format=found.get("record_format", Value("md", DEFAULT)),
        plain=found.get("plain", Value(False, DEFAULT)),
        small_count=found.get("small_count", Value(SMALL_COUNT, DEFAULT)),
        files=tuple(files),
    )


def lang_hint(args: list[str], environ: Mapping[str, str] | None = None) -> str:
    """The language for help and errors before the command line is parsed: --lang in the
    arguments, else the settings, else Dutch. Never fails."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGS:
            return args[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    try:
        return load(environ=environ).lang.value
    except ConfigError:
        environ = os.environ if environ is None else environ
        return "en" if environ.get(ENV["lang"]) == "en" else "nl"
