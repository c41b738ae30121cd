"""The services' abbreviations written out, per region, for a text read outside the profession
(the page for the parents): the table, and `write_out` that applies it to a text."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .vocab import REGIONS, Region


class Term(NamedTuple):
    """An abbreviation and what it stands for, in Dutch and English, where it is used."""

    short: str  # as it is usually written: "OCJ", "K&G", "RvdK"
    nl: str
    en: str
    regions: tuple[Region, ...]
    exact: bool = False  # only in this very spelling (SAVE is an English word too)


FLANDERS: tuple[Region, ...] = ("flanders",)
NETHERLANDS: tuple[Region, ...] = ("netherlands",)
BOTH: tuple[Region, ...] = REGIONS

# Where one abbreviation means something else in each region (GI), the region of the session
# decides; an abbreviation of the other region is written out too, so none is left.
TERMS: tuple[Term, ...] = (
    # Flanders
    Term("OCJ", "Ondersteuningscentrum Jeugdzorg", "Youth Care Support Centre", FLANDERS),
    Term("VK", "Vertrouwenscentrum Kindermishandeling", "Child Abuse Confidential Centre", FLANDERS),
    Term("CKG", "Centrum voor Kinderzorg en Gezinsondersteuning", "Centre for Childcare and Family Support", FLANDERS),
    Term("CIG", "Centrum voor Integrale Gezinszorg", "Centre for Integrated Family Care", FLANDERS),
    Term("K&G", "Kind en Gezin", "Kind en Gezin", FLANDERS),
    Term("CLB", "Centrum voor Leerlingenbegeleiding", "pupil guidance centre", FLANDERS),
    Term("CAW", "Centrum Algemeen Welzijnswerk", "Centre for General Welfare Work", FLANDERS),
    Term("OCMW", "Openbaar Centrum voor Maatschappelijk Welzijn", "public social welfare centre", FLANDERS),
    Term("SDJ", "Sociale Dienst van de jeugdrechtbank", "social service of the youth court", FLANDERS),
    Term("CGG", "Centrum voor Geestelijke Gezondheidszorg", "mental health centre", FLANDERS),
    Term("MFC", "multifunctioneel centrum", "multifunctional centre", FLANDERS),
    Term("VAPH", "Vlaams Agentschap voor Personen met een Handicap", "Flemish agency for people with a disability", FLANDERS),
    Term("GI", "gemeenschapsinstelling", "closed youth institution", FLANDERS),
    # the Netherlands
    Term("VT", "Veilig Thuis", "Veilig Thuis", NETHERLANDS),
    Term("RvdK", "Raad voor de Kinderbescherming", "Child Protection Board", NETHERLANDS),
    Term("RvK", "Raad voor de Kinderbescherming", "Child Protection Board", NETHERLANDS),
    Term("OTS", "ondertoezichtstelling", "supervision order", NETHERLANDS),
    Term("VOTS", "voorlopige ondertoezichtstelling", "temporary supervision order", NETHERLANDS),
    Term("GI", "gecertificeerde instelling", "youth protection agency", NETHERLANDS),
    Term("JGZ", "jeugdgezondheidszorg", "youth health care", NETHERLANDS),
    Term("CJG", "Centrum voor Jeugd en Gezin", "Centre for Youth and Family", NETHERLANDS),
    Term("GGZ", "geestelijke gezondheidszorg", "mental health care", NETHERLANDS),
    Term("BJZ", "Bureau Jeugdzorg", "youth care agency", NETHERLANDS),
    Term("AMK", "Advies- en Meldpunt Kindermishandeling", "child abuse advice and reporting centre", NETHERLANDS),
    Term("MUHP", "machtiging uithuisplaatsing", "court permission for a placement", NETHERLANDS),
    Term("SAVE", "Samen Veilig", "Samen Veilig", NETHERLANDS, exact=True),
    # both
    Term("UHP", "uithuisplaatsing", "placement away from home", BOTH),
    Term("MDO", "multidisciplinair overleg", "meeting of the professionals", BOTH),
    Term("LVB", "licht verstandelijke beperking", "mild intellectual disability", BOTH),
)


def terms_for(region: str | None) -> tuple[Term, ...]:
    """Every term once per abbreviation: the region's own meaning first, then the other's."""
    own = tuple(term for term in TERMS if region in term.regions)
    taken = {term.short.casefold() for term in own}
    return own + tuple(term for term in TERMS if term.short.casefold() not in taken)


@cache
def _pattern(short: str, exact: bool) -> re.Pattern[str]:
    """The abbreviation as a word of its own (not inside a longer word or another abbreviation)."""
    return re.compile(rf"(?<![\w&]){re.escape(short)}(?![\w&])", 0 if exact else re.IGNORECASE)


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


def write_out(text: str, region: str | None, lang: str) -> str:
    """The text with every abbreviation of the glossary written out (in the region's meaning,
    a capital where a sentence starts with it)."""
    for term in terms_for(region):
        pattern = _pattern(term.short, term.exact)
        if pattern.search(text) is None:
            continue
        meaning = term.en if lang == "en" else term.nl

        def replace(match: re.Match[str], meaning: str = meaning) -> str:
            start = _starts_sentence(match.string, match.start())
            return meaning[:1].upper() + meaning[1:] if start else meaning

        text = pattern.sub(replace, text)
    return text
