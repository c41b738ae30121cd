"""Spot likely personal data in free text.

Youth-care professionals are expected to write with pseudonyms. This module finds things that
should not be in such a text - Dutch BSN numbers, Belgian national register and BIS numbers,
e-mail addresses, phone numbers and IBANs, in the forms people write them (with spaces, dots,
dashes) - and the names the tool already knows (the network, the participants), so the tool can
offer to edit them out. Other names are not recognised: the record says so.

Finding candidates in the text is ours; whether a number is one is decided by python-stdnum
(check digits, birth dates) and phonenumbers (numbering plans of every country). Every pattern is
anchored so that each position of the text is tried a bounded number of times: the check is
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

FindingKind = Literal["bsn", "rrn", "email", "phone", "iban", "name"]


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    text: str  # the matched text as it appears
    start: int
    end: int


KIND_LABELS: dict[str, dict[str, str]] = {
    "bsn": {"nl": "BSN-nummer", "en": "Dutch citizen service number (BSN)"},
    "rrn": {"nl": "rijksregisternummer", "en": "Belgian national register number"},
    "email": {"nl": "e-mailadres", "en": "e-mail address"},
    "phone": {"nl": "telefoonnummer", "en": "phone number"},
    "iban": {"nl": "IBAN-rekeningnummer", "en": "bank account number (IBAN)"},
    "name": {
        "nl": "naam uit het netwerk of de deelnemers (een pseudoniem?)",
        "en": "name from the network or the participants (a pseudonym?)",
    },
}

# The local part starts where a run of its characters starts, so a long run without '@' is
# scanned once, not once per position.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# Two letters, two check digits, then 10-30 letters or digits with single spaces or dashes.
_IBAN = re.compile(r"(?<![\w@])[A-Za-z]{2}[ -]?\d{2}(?:[ -]?[A-Za-z0-9]){10,30}")
_IBAN_LIKE = re.compile(r"[A-Z]{2}\d{2}")  # looks like one even when the check fails

# A run of number chunks: "123 456 782", "85.07.30-033.28", "(020) 123 4567", "06 - 12345678",
# "+32 470 12 34 56". Not glued to a word, nor continuing a longer number such as GG-2024-017.
_CHUNK = r"[(+]?\d[\d().\-\u2013/]*"
_RUN = re.compile(r"(?<![\w@+])(?<!\d[.,/:\-\u2013])(?<![^\W\d][\-\u2013/])" + _CHUNK + r"(?:(?: [-\u2013] | )" + _CHUNK + r")*")
_CHUNKS = re.compile(_CHUNK)
_TRAILING = ".-\u2013/("
_GLUED = re.compile(r"[\w@]|[.,]\d")
_DATE_START = re.compile(r"\(?\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d")
# A number right after one of these words is a case, order or invoice number, not a person's.
_LABEL = re.compile(
    r"(?i)\b(?:zaak|dossier|order|bestel|factuur|klant|polis|rol|artikel|referentie|kenmerk|ticket|case|invoice|reference)"
    r"(?:nummer|nr)?\.?\s*(?:nr\.?|nummer|no\.?)?\s*[:#]?\s*$"
)
_MAX_WINDOW = 7  # chunks in one number: "+32 470 12 34 56" has five


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _number_kind(candidate: str) -> FindingKind | None:
    """The kind of personal number `candidate` is (it has been cut to a run of chunks), or None."""
    digits = _digits(candidate)
    international = candidate.startswith("+") or (candidate.startswith("00") and candidate[2:3] not in ("0", "."))
    if not candidate.startswith("+"):  # 00... may be a BSN or a number of someone born in 2000
        if len(digits) == 9:
            from stdnum.nl import bsn

            if bsn.is_valid(digits):
                return "bsn"
        if len(digits) == 11:
            from stdnum.be import bis, nn

            if nn.is_valid(digits) or bis.is_valid(digits):
                return "rrn"
    if not 8 <= len(digits) <= 15 or _DATE_START.match(candidate):
        return None
    if international or candidate.lstrip("(").startswith("0"):
        return "phone" if _phone_ok(candidate, digits, international) else None
    return None


def _phone_ok(candidate: str, digits: str, international: bool) -> bool:
    import phonenumbers

    try:
        if international:
            number = candidate if candidate.startswith("+") else "+" + digits[2:]
            return phonenumbers.is_valid_number(phonenumbers.parse(number, None))
        return any(phonenumbers.is_valid_number(phonenumbers.parse(digits, region)) for region in ("NL", "BE"))
    except phonenumbers.NumberParseException:
        return False


def _numbers(text: str) -> Iterable[tuple[FindingKind, int, int]]:
    """(kind, start, end) of every personal number among the runs of number chunks."""
    for run in _RUN.finditer(text):
        end = run.end()
        while end > run.start() and text[end - 1] in _TRAILING + " ":
            end -= 1
        if _GLUED.match(text, end):
            continue  # "123456782abc", "1.250,00": part of something longer
        chunks = [(m.start() + run.start(), m.end() + run.start()) for m in _CHUNKS.finditer(text[run.start() : end])]
        i = 0
        while i < len(chunks):
            found = None
            for j in range(min(len(chunks), i + _MAX_WINDOW), i, -1):
                start, stop = _trim(text, chunks[i][0], chunks[j - 1][1])
                if stop - start > 40 or stop <= start:
                    continue
                kind = _number_kind(text[start:stop])
                if kind is not None:
                    found = (kind, start, stop, j)
                    break
            if found is None:
                i += 1
                continue
            kind, start, stop, j = found
            if not _LABEL.search(text, max(0, start - 40), start) and not _company_or_amount(text, start, stop):
                yield kind, start, stop
            i = j


def _company_or_amount(text: str, start: int, stop: int) -> bool:
    """A number that is a Belgian company number (KBO, valid by python-stdnum's be.vat) with
    its label near ('KBO', 'ondernemingsnummer', 'btw', 'BE' just before), or an amount
    ('123456782 euro', '€ 123456782'): not a person's."""
    if _MONEY_AFTER.match(text, stop) or _MONEY_BEFORE.search(text, max(0, start - 8), start):
        return True
    digits = _digits(text[start:stop])
    if len(digits) in (9, 10) and _COMPANY_LABEL.search(text, max(0, start - 40), start):
        from stdnum.be import vat

        return bool(vat.is_valid(digits))
    return False


# Near a Belgian company number: its names in Dutch, French and English, or the country code of
# a VAT number right before it ("BE 0403.170.701", "BE0403170701").
_COMPANY_LABEL = re.compile(r"(?i)\b(?:kbo|ondernemings|btw|b\.t\.w|vat|tva|bce|rpr|rpm)|\bBE[ .:-]?$")
_MONEY_AFTER = re.compile(r"(?i)\s?(?:€|euro?\b)")
_MONEY_BEFORE = re.compile(r"(?i)(?:€|\beuro?)\s?$")


def _trim(text: str, start: int, stop: int) -> tuple[int, int]:
    """Without trailing punctuation and without brackets that belong to the sentence."""
    while stop > start and text[stop - 1] in _TRAILING:
        stop -= 1
    opened, closed = text.count("(", start, stop), text.count(")", start, stop)
    if stop > start and text[stop - 1] == ")" and closed > opened:
        stop -= 1
    elif text[start] == "(" and opened > closed:
        start += 1
    elif opened == closed == 1 and text[start] == "(" and text[stop - 1] == ")":
        start, stop = start + 1, stop - 1
    return start, stop


def _ibans(text: str) -> Iterable[tuple[int, int, bool]]:
    """(start, end, valid) of every IBAN-shaped stretch: the longest prefix that ends at a group
    boundary and passes the check (a greedy match may swallow a following word)."""
    from stdnum import iban

    for m in _IBAN.finditer(text):
        positions = [m.start() + i for i, ch in enumerate(m.group()) if ch.isalnum()]
        compact = "".join(ch for ch in m.group() if ch.isalnum()).upper()
        for length in range(len(compact), 14, -1):
            stop = positions[length - 1] + 1
            if stop < len(text) and text[stop].isalnum():
                continue
            if iban.is_valid(compact[:length], check_country=False):  # a bank code not (yet) listed is still an account
                yield m.start(), stop, True
                break
        else:
            # Looks like an IBAN but fails the check: not reported, yet its digits must not be
            # reported as a phone number or BSN either.
            if _IBAN_LIKE.match(text, m.start()):
                yield m.start(), m.end(), False


def name_words(names: Iterable[str]) -> list[str]:
    """The words of typed names worth looking for, not a role such as 'Tante': the capitalised
    words of a name (any script: Şeyma, Łukasz, İbrahim), or every word of a name typed all in
    lower case ('lotte de vries')."""
    found = []
    for name in names:
        words = _NAME_WORD.findall(name or "")
        capitalised = [w for w in words if w[0].isupper()]
        for word in capitalised or words:
            if fold(word) not in _ROLE_FOLDED and word not in found:
                found.append(word)
    return found


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]+")
# Letters that no decomposition takes to a Latin base letter, as people type them without the mark.
_BASE = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe"}


def _fold_char(ch: str) -> str:
    import unicodedata

    folded = ch.casefold()
    if folded in _BASE:
        return _BASE[folded]
    if folded.isascii():
        return folded
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """`text` case-folded and without accents: 'Şeyma' and 'seyma', 'İbrahim' and 'ibrahim',
    'Łukasz' and 'lukasz' are the same."""
    return text.lower() if text.isascii() else "".join(_fold_char(ch) for ch in text)


def _folded_with_places(text: str) -> tuple[str, list[int]]:
    """`text` folded, and for each folded character the index of the character it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    places: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        chars.append(folded)
        places += [i] * len(folded)
    return "".join(chars), places


def _names(text: str, words: list[str]) -> Iterable[tuple[int, int]]:
    """(start, end) in `text` of each name word, compared folded, with a possessive 's
    ('Lottes', 'Lotte's', 'Anna’s') taken along."""
    folded, places = _folded_with_places(text)
    wanted = sorted({fold(w) for w in words if fold(w)}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in wanted) + r")(?:['’]?s)?(?!\w)")
    for m in pattern.finditer(folded):
        yield places[m.start()], places[m.end() - 1] + 1


_ROLE_WORDS = {
    "moeder",
    "vader",
    "mama",
    "papa",
    "mam",
    "pap",
    "oma",
    "opa",
    "tante",
    "oom",
    "nonkel",
    "meter",
    "peter",
    "broer",
    "zus",
    "zuster",
    "neef",
    "nicht",
    "buurvrouw",
    "buurman",
    "buren",
    "vriend",
    "vriendin",
    "juf",
    "meester",
    "school",
    "huisarts",
    "leerkracht",
    "pleegmoeder",
    "pleegvader",
    "pleeggezin",
    "stiefmoeder",
    "stiefvader",
    "grootmoeder",
    "grootvader",
    "mother",
    "father",
    "aunt",
    "uncle",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "brother",
    "sister",
    "neighbour",
    "friend",
    "teacher",
    "de",
    "het",
    "een",
    # words every Dutch or English sentence may start with: a name like 'De Bij' must not turn
    # 'Bij een nieuw letsel' into a finding
    "bij",
    "van",
    "voor",
    "met",
    "op",
    "in",
    "aan",
    "en",
    "of",
    "om",
    "na",
    "uit",
    "als",
    "the",
    "and",
    # places and services, not people
    "kinderopvang",
    "opvang",
    "kinderdagverblijf",
    "creche",
    "crèche",
    "consultatiebureau",
    "wijkteam",
    # services named in a network by what they are ('Kind en Gezin-verpleegkundige', 'Veilig
    # Thuis'), and a profession typed as the name: every 'kind' or 'gezin' in the answers was
    # pointed out as a name (seen walking a Flemish baby case)
    "kind",
    "gezin",
    "gezin-verpleegkundige",
    "verpleegkundige",
    "vroedvrouw",
    "verloskundige",
    "ocj",
    "vk",
    "clb",
    "cig",
    "ckg",
    "veilig",
    "thuis",
    "raad",
    "kinderbescherming",
    "jeugdbescherming",
    "parket",
}


_ROLE_FOLDED = {fold(w) for w in _ROLE_WORDS}


def find_personal_data(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """Return likely personal data in ``text``, sorted by start, never overlapping. ``names``
    are words of names the tool knows (see name_words); where they appear is reported too."""
    found: list[Finding] = []
    starts: list[int] = []  # the stretches taken, sorted and never overlapping
    ends: list[int] = []

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start)
        return (i == 0 or ends[i - 1] <= start) and (i == len(starts) or end <= starts[i])

    def take(start: int, end: int) -> None:
        i = bisect.bisect_right(starts, start)
        starts.insert(i, start)
        ends.insert(i, end)

    def add(kind: FindingKind, start: int, end: int) -> None:
        if free(start, end):
            found.append(Finding(kind, text[start:end], start, end))
            take(start, end)

    # Most specific kinds first; later kinds cannot overlap earlier findings.
    for m in _EMAIL.finditer(text):
        add("email", m.start(), m.end())
    for start, end, valid in _ibans(text):
        if valid:
            add("iban", start, end)
        elif free(start, end):
            take(start, end)
    for kind, start, end in _numbers(text):
        add(kind, start, end)
    words = [w for w in names if w]
    if words:
        for start, end in _names(text, words):
            add("name", start, end)
    return sorted(found, key=lambda f: f.start)


def mask(text: str) -> str:
    """Show a finding without repeating it: keep the first 2 characters."""
    if len(text) <= 2:
        return "*" * len(text)
    return text[:2] + "*" * (len(text) - 2)
