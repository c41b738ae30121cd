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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Literal, TypeVar

from .errors import UserError
from .vocab import FORMATS as FORMATS, LANGS as LANGS, Format as Format, Lang as Lang

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
    # who writes the records: asked once, kept in the user's file (issue 20)
    "author": "GOEDGENOEG_AUTHOR",
    "function": "GOEDGENOEG_FUNCTION",
    "service": "GOEDGENOEG_SERVICE",
    "docx_template": "GOEDGENOEG_DOCX_TEMPLATE",
    # an organisation's exports: the team they are of, and readable by the group for a shared folder
    "team": "GOEDGENOEG_TEAM",
    "group_readable": "GOEDGENOEG_GROUP_READABLE",
}
AUTHOR_KEYS = ("author", "function", "service")
MAX_TEXT = 200  # a name, a function or a service is a line, not a page
KEYS = tuple(ENV)
SMALL_COUNT = 3  # counts of 1 and 2 could point at one known case: shown as "<3"
TRUE = ("1", "true", "yes", "ja", "on")
FALSE = ("0", "false", "no", "nee", "off", "")

T = TypeVar("T")
C = TypeVar("C", bound=str)


class ConfigError(UserError):
    """A setting that cannot be used (exit code 2). `key` names a text in texts.py, `values`
    fill it in, each cut to a length that fits a message (a 20 MB value is not echoed whole)."""

    exit_code = 2

    def say(self, value: object, lang: str) -> object:
        said = super().say(value, lang)
        return said if isinstance(value, OSError) else _cut(str(said))


MAX_SHOWN = 200  # characters of a value shown in a message


def _cut(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else f"{text[:MAX_SHOWN]}… (+{len(text) - MAX_SHOWN})"


@dataclass(frozen=True)
class Origin:
    """Where a value came from: kind is default, org, user, env or option; detail is the file,
    the variable or the option."""

    kind: Literal["default", "org", "user", "env", "option"]
    detail: str = ""


DEFAULT = Origin("default")


@dataclass(frozen=True)
class Value(Generic[T]):
    value: T
    origin: Origin


@dataclass(frozen=True)
class Config:
    lang: Value[Lang]
    region: Value[str | None]
    libraries: tuple[Value[Path], ...]
    sessions_dir: Value[Path]
    record_format: Value[Format]
    plain: Value[bool]
    small_count: Value[int]  # the overview shows counts from 1 up to this one (exclusive) as "<N"
    author: Value[str | None]  # None: never given (then asked once); "" given empty
    function: Value[str | None]
    service: Value[str | None]
    docx_template: Value[Path | None]  # an organisation's .docx a Word record is built on (house style, logo)
    team: Value[str | None]  # the label an overview export carries (None: no label)
    group_readable: Value[bool]  # an overview export is written 0640, for a shared drop folder
    files: tuple[tuple[Origin, Path, bool], ...]  # (org|user, path, whether it exists)

    def people(self) -> tuple[tuple[str, Value[str | None]], ...]:
        """The author, function and service, by their setting names."""
        return (("author", self.author), ("function", self.function), ("service", self.service))

    @property
    def author_unknown(self) -> bool:
        """No author given anywhere, not even empty: a new reflection asks once."""
        return self.author.value is None

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


def _read(path: Path) -> dict[str, object]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}  # the usual case: no file, and no TOML parser to import (`--help` stays quick)
    except OSError as err:
        raise ConfigError("cfg_unreadable", path=path, err=err) from None
    import tomllib

    try:
        with handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError("cfg_bad_toml", path=path, err=err) from None
    except UnicodeDecodeError as err:  # saved as ANSI (Windows-1252) or Latin-1, say by Notepad
        raise ConfigError("cfg_not_utf8", path=path, offset=err.start, byte=f"0x{err.object[err.start]:02X}") from None
    except OSError as err:
        raise ConfigError("cfg_unreadable", path=path, err=err) from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError("cfg_unknown_key", path=path, name=unknown[0], keys=", ".join(KEYS))
    return data


def _bad(key: str, value: object, where: str, allowed: str) -> ConfigError:
    return ConfigError("cfg_bad_value", where=where, name=key, value=value, allowed=allowed)


def _choice(key: str, value: object, where: str, allowed: tuple[C, ...]) -> C:
    """One of the allowed words, or ConfigError."""
    for option in allowed:
        if value == option:
            return option
    raise _bad(key, value, where, " | ".join(allowed))


def _plain(value: object, where: str, key: str = "plain") -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in TRUE + FALSE:
        return value.lower() in TRUE
    raise _bad(key, value, where, "true | false")


def _small_count(value: object, where: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _bad("small_count", value, where, "1, 2, 3, ...")
    return value


def _text(key: str, value: object, where: str) -> str:
    """A line of plain text (a name, a function, a service): control characters removed."""
    from .sanitize import strip_control

    if not isinstance(value, str):
        raise _bad(key, value, where, '"..."')
    return " ".join(strip_control(value).split())[:MAX_TEXT]


def _sessions_dir(value: object, where: str, base: Path | None) -> Path:
    if not isinstance(value, str) or not value:
        raise _bad("sessions_dir", value, where, '"..."')
    return _path(value, base)


def _docx_template(value: object, where: str, base: Path | None) -> Path:
    """The path of a .docx; whether it is a usable one is found out when a Word record is
    written (reading it here would slow every start)."""
    if not isinstance(value, str) or not value:
        raise _bad("docx_template", value, where, '"....docx"')
    return _path(value, base)


def _libraries(value: object, where: str, base: Path | None) -> list[Path]:
    items = value if isinstance(value, list) else None
    if items is None or not all(isinstance(x, str) and x for x in items):
        raise _bad("libraries", value, where, '["...", ...]')
    return [_path(x, base) for x in items]


@dataclass
class _Found:
    """The values found so far, each with where it came from. A later source replaces an
    earlier one, except `libraries`, which add up."""

    lang: Value[Lang] | None = None
    region: Value[str | None] | None = None
    sessions_dir: Value[Path] | None = None
    record_format: Value[Format] | None = None
    plain: Value[bool] | None = None
    group_readable: Value[bool] | None = None
    small_count: Value[int] | None = None
    texts: dict[str, Value[str | None]] = field(default_factory=dict)  # author, function, service, team
    docx_template: Value[Path | None] | None = None
    libraries: list[Value[Path]] = field(default_factory=list)

    def check(self, key: str, value: object, where: str, base: Path | None, origin: Origin) -> None:
        """Keep a value from a file, the environment or the command line in its proper type,
        or raise ConfigError."""
        if key == "lang":
            self.lang = Value(_choice(key, value, where, LANGS), origin)
        elif key == "region":
            from .models import REGIONS  # pydantic comes with it: only when a region is set

            self.region = Value(_choice(key, value, where, REGIONS), origin)
        elif key == "record_format":
            self.record_format = Value(_choice(key, value, where, FORMATS), origin)
        elif key == "plain":
            self.plain = Value(_plain(value, where), origin)
        elif key == "group_readable":
            self.group_readable = Value(_plain(value, where, key), origin)
        elif key == "small_count":
            self.small_count = Value(_small_count(value, where), origin)
        elif key == "sessions_dir":
            self.sessions_dir = Value(_sessions_dir(value, where, base), origin)
        elif key == "docx_template":
            self.docx_template = Value(_docx_template(value, where, base), origin)
        elif key == "libraries":
            self.libraries += [Value(p, origin) for p in _libraries(value, where, base)]
        elif key in AUTHOR_KEYS + ("team",):
            self.texts[key] = Value(_text(key, value, where), origin)
        else:  # pragma: no cover - KEYS and this method name the same keys
            raise _bad(key, value, where, "")


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
    found = _Found()
    files: list[tuple[Origin, Path, bool]] = []
    for origin, path in config_files(environ):
        if origin.detail == ENV_CONFIG and not path.is_file():
            raise ConfigError("cfg_missing_file", path=path, var=ENV_CONFIG)
        data = _read(path)
        files.append((origin, path, path.is_file()))
        where_origin = Origin(origin.kind, str(path))
        for key, raw in data.items():
            found.check(key, raw, str(path), path.parent, where_origin)  # the user file comes later and wins
    for key, var in ENV.items():
        raw = environ.get(var)
        if raw is None or (raw == "" and key != "plain"):
            continue
        origin = Origin("env", var)
        if key == "libraries":
            found.libraries += [Value(Path(p).expanduser(), origin) for p in raw.split(os.pathsep) if p]
        else:
            found.check(key, raw, var, None, origin)
    given: dict[str, tuple[object, str]] = {
        "lang": (options.lang, "--lang"),
        "region": (options.region, "--region"),
        "record_format": (options.record_format, "--format"),
        "plain": (options.plain, "--plain"),
    }
    for key, (value, flag) in given.items():
        if value is not None:
            found.check(key, value, flag, None, Origin("option", flag))
    if options.sessions_dir is not None:
        found.sessions_dir = Value(Path(options.sessions_dir), Origin("option", "--sessions-dir"))
    found.libraries += [Value(Path(p), Origin("option", "--library")) for p in options.libraries]
    return Config(
        lang=found.lang or Value("nl", DEFAULT),
        region=found.region or Value(None, DEFAULT),
        libraries=tuple(found.libraries),
        sessions_dir=found.sessions_dir or Value(default_sessions_dir(), DEFAULT),
        record_format=found.record_format or Value("md", DEFAULT),
        plain=found.plain or Value(False, DEFAULT),
        small_count=found.small_count or Value(SMALL_COUNT, DEFAULT),
        author=found.texts.get("author", Value(None, DEFAULT)),
        function=found.texts.get("function", Value(None, DEFAULT)),
        service=found.texts.get("service", Value(None, DEFAULT)),
        docx_template=found.docx_template or Value(None, DEFAULT),
        team=found.texts.get("team", Value(None, DEFAULT)),
        group_readable=found.group_readable or Value(False, DEFAULT),
        files=tuple(files),
    )


def remember(values: Mapping[str, str], environ: Mapping[str, str] | None = None) -> Path:
    """Keep settings in the user's config file (GOEDGENOEG_CONFIG's file when that is set):
    added at its end, the file owner-only. Returns the file; raises OSError."""
    import json

    from .files import private_dir

    environ = os.environ if environ is None else environ
    path = config_files(environ)[-1][1]
    private_dir(path.parent)
    before = path.read_bytes() if path.is_file() else b""
    lines = "".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items() if key in KEYS)
    gap = "\n" if before and not before.endswith(b"\n") else ""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(gap + lines)
        handle.flush()
        os.fsync(handle.fileno())
    return path


def _as_lang(text: str) -> Lang | None:
    return next((lang for lang in LANGS if lang == text), None)


def lang_hint(args: list[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language for help and errors before the command line is parsed: --lang in the
    arguments, else the settings, else Dutch. Never fails."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args) and (lang := _as_lang(args[index + 1])):
            return lang
        if arg.startswith("--lang=") and (lang := _as_lang(arg[7:])):
            return lang
    try:
        return load(environ=environ).lang.value
    except ConfigError:
        environ = os.environ if environ is None else environ
        return "en" if environ.get(ENV["lang"]) == "en" else "nl"
