"""The errors a user reads: one base, `UserError(key, **values)`, that names a text of texts.py
and the values that fill it in, and says it in the user's language (`text(lang)`). A command
lets it rise; cli.py says it once, in the language of the settings, and exits with its
`exit_code`. str() is the English text, for a traceback or a log."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable


@runtime_checkable
class _Said(Protocol):
    """A value that can say itself in a language (an OddFile, another UserError)."""

    def text(self, lang: str) -> str: ...


class UserError(Exception):
    """Something the user can put right, said in their language: `key` names a text of
    texts.py, `values` fill it in. A subclass names the kind where a caller tells them apart."""

    exit_code: ClassVar[int] = 1  # 1: the command could not do what was asked; 2: what was given is wrong

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self, lang: str) -> str:
        """The message in `lang`."""
        from .texts import t

        return t(lang, self.key, **{name: self.say(value, lang) for name, value in self.values.items()})

    def say(self, value: object, lang: str) -> object:
        """One value as the message shows it: a system error said in `lang`, and so is a value
        that can say itself (a file left alone, another error); anything else as it is."""
        from .oserrors import describe

        if isinstance(value, OSError):
            return describe(value, lang)
        if isinstance(value, _Said) and callable(value.text):
            return value.text(lang)
        return value

    def __str__(self) -> str:
        return self.text("en")
