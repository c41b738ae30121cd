"""An operating-system error said in the user's language: the common cases in words of their
own, any other after a sentence in that language (the system's own text is English)."""

from __future__ import annotations

import errno

from .texts import t

_KEYS = {
    errno.ENOSPC: "os_no_space",
    errno.EDQUOT: "os_no_space",
    errno.EROFS: "os_read_only",
    errno.EACCES: "os_no_permission",
    errno.EPERM: "os_no_permission",
    errno.EEXIST: "os_exists",
    errno.ENOENT: "os_not_found",
}


def describe(err: OSError, lang: str) -> str:
    """What went wrong, to put in a sentence ("... kon niet bewaard worden: {describe}.")."""
    own = getattr(err, "text", None)
    if callable(own):  # an OSError of our own (a Word template, an errors.UserError): its own words
        return str(own(lang))
    key = _KEYS.get(err.errno) if err.errno is not None else None
    if key is not None:
        return t(lang, key)
    return t(lang, "os_other", err=err.strerror or err or type(err).__name__)
