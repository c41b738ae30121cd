"""The page for the parents (`goedgenoeg record ID --for parents`): one page in plain words with
what was decided or advised, why, what happens next and when, and whom to call. It takes only
the decision, its grounds (or the worker's own plain words), the next steps and the review:
never the own reflection, a risk label or a critical note. Every service abbreviation is
written out (glossary.py)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .document import Block, Document, Heading, Paragraph, Table, clean
from .glossary import write_out
from .library import LibrarySet
from .models import ActionsPrompt, Answer, ChoicePrompt, Session, TextPrompt
from .session_view import SessionView, Step
from .texts import t
from .values import ActionRow

# the worker's own plain words for the parents (besluit.gewone-woorden): the page's 'why'
PLAIN_WORDS = "gewone-woorden"
# where the decision stands (the options of besluit.stand), each said in plain words
STANDS = ("taken", "proposed", "postponed", "open")
# a next step's 'who' that means the person who wrote it ("ik"): the author, when known
SELF = frozenset({"ik", "mij", "ikzelf", "zelf", "i", "me", "myself"})
MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


class NoDecision(Exception):
    """The session holds no decision or advice: there is nothing to tell the parents yet."""


def _value(answer: Answer | None) -> Any:
    """The one value of an answer: its own, or its voices' (each different one, in order)."""
    if answer is None or answer.status != "answered":
        return None
    if not answer.voices:
        return answer.value
    values = list(answer.voices.values())
    if all(v == values[0] for v in values):
        return values[0]
    if all(isinstance(v, str) for v in values):
        return "\n".join(dict.fromkeys(values))
    return values[0]


class _Page:
    """What the page is built from: the session's answers for the dossier, in walk order."""

    def __init__(self, session: Session, libraries: LibrarySet):
        from .record import record_steps  # the steps a record covers, on its path

        self.session = session
        self.lang = session.lang
        view = SessionView.of(session, libraries)
        self.steps = [s for s in record_steps(session, libraries, view) if s.prompt.dossier]
        self.region = view.context().get("region")
        self.author = author_of(session)

    def texts(self, slot: str) -> list[str]:
        """The text answers of the prompts in a summary slot."""
        found = []
        for step in self._slot(slot):
            value = _value(self.session.answers.get(step.key))
            if isinstance(step.prompt, TextPrompt) and value:
                found.append(step.prompt.parse(value).strip())
        return [text for text in found if text]

    def _slot(self, slot: str) -> list[Step]:
        return [s for s in self.steps if s.prompt.summary == slot]

    def stand(self) -> str | None:
        """Where the decision stands (taken, proposed, ...), when it was said."""
        for step in self._slot("decision"):
            value = _value(self.session.answers.get(step.key))
            if isinstance(step.prompt, ChoicePrompt) and value in STANDS:
                return str(value)
        return None

    def plain_words(self) -> str:
        for step in self.steps:
            value = _value(self.session.answers.get(step.key))
            if step.prompt.id == PLAIN_WORDS and isinstance(step.prompt, TextPrompt) and value:
                return step.prompt.parse(value).strip()
        return ""

    def next_steps(self) -> list[ActionRow]:
        rows: list[ActionRow] = []
        for step in self._slot("next_steps"):
            value = _value(self.session.answers.get(step.key))
            if isinstance(step.prompt, ActionsPrompt) and value:
                rows += [r for r in step.prompt.parse(value) if r.what or r.who]
        return rows

    def who(self, who: str) -> str:
        """A next step's 'who', with 'ik' as the author when the session has one."""
        return self.author if who.strip().casefold() in SELF and self.author else who.strip()


def author_of(session: Session) -> str:
    """Who made the record, as one line ("An Peeters (consulent, OCJ Hasselt)"); else ""."""
    author = session.author
    if author is None:
        return ""
    parts = [p for p in (author.function, author.service) if p]
    if not author.name:
        return ", ".join(parts)
    return f"{author.name} ({', '.join(parts)})" if parts else author.name


def _date(iso: str, lang: str) -> str:
    """2026-12-07 as '7 december 2026' (English: '7 December 2026')."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match:
        return iso[:10]
    year, month, day = (int(g) for g in match.groups())
    return f"{day} {MONTHS['en' if lang == 'en' else 'nl'][month - 1]} {year}" if 1 <= month <= 12 else iso[:10]


def _joined(names: list[str], lang: str) -> str:
    """'An', 'An of Bo', 'An, Bo of Cas' (English: or)."""
    word = t(lang, "par_or")
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"


def build(session: Session, libraries: LibrarySet) -> Document:
    """The parents' page as a document; NoDecision when the session holds no decision."""
    page = _Page(session, libraries)
    lang = page.lang
    decision = page.texts("decision")
    if not decision:
        raise NoDecision(session.id)
    blocks: list[Block] = [
        Heading(1, t(lang, "par_title")),
        Paragraph(t(lang, "par_date", date=_date(session.updated, lang)), "em"),
        Paragraph(t(lang, "par_intro")),
    ]
    plain = page.plain_words()
    blocks.append(Heading(2, t(lang, "par_what_why" if plain else "par_what")))
    stand = page.stand()
    if stand is not None:
        blocks.append(Paragraph(t(lang, f"par_stand_{stand}"), "strong"))
    if plain:  # the worker's own everyday words say what and why; the file's wording stays in the file
        blocks.append(Paragraph(plain))
    else:
        blocks += [Paragraph(text) for text in decision]
        why = page.texts("grounds")
        if why:
            blocks += [Heading(2, t(lang, "par_why")), *(Paragraph(text) for text in why)]
    blocks += _next(page)
    blocks += _call(page)
    written = tuple(_written_out(block, page.region, lang) for block in blocks)
    return clean(Document(lang, t(lang, "par_title"), written))


def _written_out(block: Block, region: str | None, lang: str) -> Block:
    """The block with every abbreviation in any of its texts written out."""

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            return write_out(value, region, lang)
        if isinstance(value, tuple):
            return tuple(fix(v) for v in value)
        return value

    changed: Block = dataclasses.replace(block, **{f.name: fix(getattr(block, f.name)) for f in dataclasses.fields(block)})
    return changed


def _next(page: _Page) -> list[Block]:
    """What happens next and when: the next steps as who / what / when, and the review."""
    lang = page.lang
    blocks: list[Block] = [Heading(2, t(lang, "par_next"))]
    rows = page.next_steps()
    if rows:
        headers = (t(lang, "par_col_who"), t(lang, "par_col_what"), t(lang, "par_col_when"))
        cells = tuple((page.who(r.who) or "-", r.what.strip() or "-", r.when.strip() or "-") for r in rows)
        blocks.append(Table(headers, cells, (25, 50, 25)))
    else:
        blocks.append(Paragraph(t(lang, "par_no_steps")))
    for text in page.texts("review"):
        blocks += [Paragraph(t(lang, "par_review"), "strong"), Paragraph(text)]
    return blocks


def _call(page: _Page) -> list[Block]:
    """Whom to call: the author, else whoever does the next steps, else the worker who gave it."""
    lang = page.lang
    if page.author:
        line = t(lang, "par_call", who=page.author)
    else:
        names = [r.who.strip() for r in page.next_steps() if r.who.strip() and r.who.strip().casefold() not in SELF]
        names = list(dict.fromkeys(names))
        line = t(lang, "par_call_steps", who=_joined(names, lang)) if names else t(lang, "par_call_none")
    return [Heading(2, t(lang, "par_call_title")), Paragraph(line), Paragraph(t(lang, "par_disagree"))]


def render(session: Session, libraries: LibrarySet, fmt: str = "md") -> bytes | str:
    """The parents' page in a format (md as text; docx and html as bytes); NoDecision when the
    session holds no decision."""
    from .record import write_document

    return write_document(build(session, libraries), fmt)


def suggested_name(session: Session, libraries: LibrarySet, fmt: str = "md") -> str:
    """A file name for the page: ouders-<case>-<date>.<ext> (English: parents-...)."""
    from .record import suggested_name as record_name

    name = record_name(session, libraries, fmt)
    prefix = "reflection-" if session.lang == "en" else "reflectie-"
    return ("parents-" if session.lang == "en" else "ouders-") + name.removeprefix(prefix)
