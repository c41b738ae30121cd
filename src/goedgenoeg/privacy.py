"""Spot likely personal data in free text.

Youth-care professionals are expected to write with pseudonyms. This module
finds things that should not be in such a text - Dutch BSN numbers, Belgian
national register numbers (rijksregisternummers), e-mail addresses, phone
numbers and IBANs - so the tool can offer to edit them out.

Pure functions, standard library only. Numbers that carry a check digit
(BSN, rijksregisternummer, IBAN) are only reported when the check passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    kind: str  # one of: "bsn", "rrn", "email", "phone", "iban"
    text: str  # the matched text as it appears
    start: int
    end: int


KIND_LABELS: dict[str, dict[str, str]] = {
    "bsn": {"nl": "BSN-nummer", "en": "Dutch citizen service number (BSN)"},
    "rrn": {"nl": "rijksregisternummer", "en": "Belgian national register number"},
    "email": {"nl": "e-mailadres", "en": "e-mail address"},
    "phone": {"nl": "telefoonnummer", "en": "phone number"},
    "iban": {"nl": "IBAN-rekeningnummer", "en": "bank account number (IBAN)"},
}

# A number must not be glued to letters, digits, '@' or '+', nor continue a
# longer number such as "GG-2024-017" or "1.250,00".
_LEFT = r"(?<![\w@+])(?<!\d[.,/:-])"
_RIGHT = r"(?![\w@])(?![.,/:-]\d)"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_IBAN = re.compile(
    r"(?<![\w@])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?!\w)"
)
_RRN = re.compile(_LEFT + r"\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}[-. ]?\d{2}" + _RIGHT)
_BSN = re.compile(_LEFT + r"(?:\d{9}|\d{4}\.\d{2}\.\d{3})" + _RIGHT)
# International (+31 / 0031 / +32 / 0032, optional "(0)") or national (0...)
# prefix, then 8 or 9 more digits with single separators in between.
_PHONE = re.compile(
    _LEFT
    + r"(?:(?:\+|00)(?P<cc>3[12])[ -]?(?:\(0\)[ -]?)?|0)"
    + r"(?P<num>[1-9](?:[ ./-]?\d){7,8})"
    + _RIGHT
)
_DATE_START = re.compile(r"\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d")

_IBAN_LENGTHS = {"NL": 18, "BE": 16}


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _bsn_ok(text: str) -> bool:
    d = [int(ch) for ch in _digits(text)]
    if len(d) != 9 or not any(d):
        return False
    total = sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]
    return total % 11 == 0


def _rrn_ok(text: str) -> bool:
    d = _digits(text)
    if len(d) != 11:
        return False
    check = int(d[9:])
    return 97 - int(d[:9]) % 97 == check or 97 - int("2" + d[:9]) % 97 == check


def _iban_ok(text: str) -> bool:
    iban = text.replace(" ", "").upper()
    if not iban.isalnum() or not iban[:2].isalpha() or not iban[2:4].isdigit():
        return False
    if len(iban) != _IBAN_LENGTHS.get(iban[:2], len(iban)) or not 15 <= len(iban) <= 34:
        return False
    number = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(number) % 97 == 1


def _phone_ok(match: re.Match[str]) -> bool:
    num = _digits(match["num"])
    be_mobile = re.match(r"4[5-9]", num) is not None  # 0470, 0490, ...
    if match["cc"] == "31":
        return len(num) == 9
    if match["cc"] == "32":
        return len(num) == (9 if be_mobile else 8)
    # National form: 0 + 9 digits (NL, BE mobile) or 0 + 8 digits (BE landline),
    # but not a date that happens to be followed by more digits.
    if len(num) == 8 and be_mobile:
        return False
    return not _DATE_START.match(match.group())


def _iban_candidates(text: str):
    """Yield (start, end, valid) for every IBAN-shaped stretch of text.

    A greedy match may swallow a following word ("... 7034 voor"), so
    trailing space-separated groups are dropped until the check passes.
    """
    for m in _IBAN.finditer(text):
        candidate = m.group()
        while candidate:
            if _iban_ok(candidate):
                yield m.start(), m.start() + len(candidate), True
                break
            cut = candidate.rfind(" ")
            candidate = candidate[:cut] if cut > 4 else ""
        else:
            # Looks like an IBAN but fails the check: not reported, yet its
            # digits must not be reported as a phone number or BSN either.
            yield m.start(), m.end(), False


def find_personal_data(text: str) -> list[Finding]:
    """Return likely personal data in ``text``, sorted by start, never overlapping."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(kind: str, start: int, end: int) -> None:
        if free(start, end):
            found.append(Finding(kind, text[start:end], start, end))
            taken.append((start, end))

    # Most specific kinds first; later kinds cannot overlap earlier findings.
    for m in _EMAIL.finditer(text):
        add("email", m.start(), m.end())
    for start, end, valid in _iban_candidates(text):
        if valid:
            add("iban", start, end)
        elif free(start, end):
            taken.append((start, end))
    for pattern, kind, ok in ((_RRN, "rrn", _rrn_ok), (_BSN, "bsn", _bsn_ok)):
        for m in pattern.finditer(text):
            if ok(m.group()):
                add(kind, m.start(), m.end())
    for m in _PHONE.finditer(text):
        if _phone_ok(m):
            add("phone", m.start(), m.end())
    return sorted(found, key=lambda f: f.start)


def mask(text: str) -> str:
    """Show a finding without repeating it: keep the first 2 characters."""
    if len(text) <= 2:
        return "*" * len(text)
    return text[:2] + "*" * (len(text) - 2)
