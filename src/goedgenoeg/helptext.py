"""The command help in Dutch and English, and the small typer classes that put it in place.

The commands in cli.py carry no help text of their own: when the command line is run, the
language is worked out first (`--lang` anywhere in the arguments, else GOEDGENOEG_LANG, else the
config files, else Dutch) and every command, option and argument gets its text from the tables
below. typer's own fixed words (Usage, Options, default, required, Error, Try ... for help)
are put in the same language by a help formatter and a usage error of our own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

import typer
import typer.core
from typer._click.core import Command, Context  # typer (0.29 and later) carries its own click
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup, TyperOption

if TYPE_CHECKING:
    from .config import Lang

# --- the texts -------------------------------------------------------------------------------

APP = (
    "goedgenoeg: een reflectie voor een zware beslissing over een kind (een uithuisplaatsing, "
    "een jeugdbeschermingsmaatregel, een melding). Het stelt kritische vragen, vragen om je in "
    "anderen te verplaatsen en de alternatieven, bewaart elk antwoord meteen, en schrijft een "
    "verslag voor het dossier. Het geeft nooit een score of een oordeel.\n\n"
    "Voorbeelden:\n\n"
    "  goedgenoeg reflect                 een reflectie beginnen (in het Nederlands)\n\n"
    "  goedgenoeg reflect --lang en       een reflectie in het Engels\n\n"
    "  goedgenoeg resume                  verder met de laatste niet afgemaakte reflectie\n\n"
    "  goedgenoeg sessions                de bewaarde reflecties tonen\n\n"
    "  goedgenoeg record ID -o r.md       het verslag van een reflectie schrijven\n\n"
    "  goedgenoeg config                  de instellingen tonen en waar ze vandaan komen",
    "goedgenoeg: a reflection before a heavy decision about a child (an out-of-home placement, "
    "a child-protection measure, a report). It asks critical questions, perspective-taking "
    "questions and the alternatives, saves every answer at once, and writes a record "
    "for the case file. It never gives a score or a verdict.\n\n"
    "Examples:\n\n"
    "  goedgenoeg reflect                 start a reflection (in Dutch)\n\n"
    "  goedgenoeg reflect --lang en       start one in English\n\n"
    "  goedgenoeg resume                  continue the last unfinished reflection\n\n"
    "  goedgenoeg sessions                list saved reflections\n\n"
    "  goedgenoeg record ID -o r.md       write the record of a reflection\n\n"
    "  goedgenoeg config                  show the settings and where they come from",
)

COMMANDS: dict[str, tuple[str, str]] = {
    "reflect": (
        "Een nieuwe reflectie beginnen. Elk antwoord wordt meteen bewaard; stoppen kan altijd met "
        "Ctrl-C of !stop. Een niet afgemaakte reflectie wordt eerst aangeboden. Alleen of met twee volg "
        "je het korte pad (ongeveer 30 minuten); daarna wordt het volledige aangeboden.\n\n"
        "Voorbeelden:\n\n  goedgenoeg reflect\n\n  goedgenoeg reflect --path full --format docx\n\n"
        "  goedgenoeg reflect --team\n\n  goedgenoeg reflect --team --prepared An=20261129-1900-3f99\n\n"
        "  goedgenoeg reflect --lang en --library ./onze-vragen/\n\n"
        "  goedgenoeg reflect --answers voorbereid.yaml -o verslag.md",
        "Start a new reflection. Every answer is saved at once; stop any time with Ctrl-C or !stop. "
        "An unfinished reflection is offered first. Alone or as a duo it follows the short path "
        "(about 30 minutes) and then offers the full one.\n\n"
        "Examples:\n\n  goedgenoeg reflect\n\n  goedgenoeg reflect --path full --format docx\n\n"
        "  goedgenoeg reflect --team\n\n  goedgenoeg reflect --team --prepared An=20261129-1900-3f99\n\n"
        "  goedgenoeg reflect --lang en --library ./our-prompts/\n\n"
        "  goedgenoeg reflect --answers prepared.yaml -o record.md",
    ),
    "followup": (
        "Een nieuwe reflectie over dezelfde casus, vertrekkend van een eerdere: de vorige antwoorden "
        "worden getoond en met Enter gehouden, en het verslag zegt wat er sindsdien veranderde.\n\n"
        "Voorbeelden:\n\n  goedgenoeg followup 20261122-0915\n\n"
        "  goedgenoeg followup 20261122-0915 --answers wijzigingen.yaml -o vervolg.md",
        "A new reflection for the same case, starting from an earlier one: earlier answers are "
        "shown and kept with Enter, and the record lists what changed since then.\n\n"
        "Examples:\n\n  goedgenoeg followup 20261122-0915\n\n"
        "  goedgenoeg followup 20261122-0915 --answers changes.yaml -o vervolg.md",
    ),
    "resume": (
        "Een reflectie verderzetten bij de eerste onbeantwoorde vraag.\n\n"
        "Voorbeelden:\n\n  goedgenoeg resume\n\n  goedgenoeg resume 20261122-0915 --path full",
        "Continue a reflection at its first unanswered question.\n\n"
        "Examples:\n\n  goedgenoeg resume\n\n  goedgenoeg resume 20261122-0915 --path full",
    ),
    "sessions": (
        "De bewaarde reflecties tonen als tabel: casus, sessie, laatste wijziging, hoeveel beantwoord en de stand.\n\n"
        "Voorbeelden:\n\n  goedgenoeg sessions\n\n  goedgenoeg sessions --json\n\n  goedgenoeg sessions --older-than 2y",
        "List saved reflections as a table: case, session, last change, how many answered and the status.\n\n"
        "Examples:\n\n  goedgenoeg sessions\n\n  goedgenoeg sessions --json\n\n  goedgenoeg sessions --older-than 2y",
    ),
    "archive": (
        "Afgeronde reflecties (waarvan het verslag geschreven is) naar de map archief/ naast de sessies verplaatsen. "
        "Met --delete worden ze definitief verwijderd, na een bevestiging. Het bewaren van het dossier hoort bij "
        "het dossiersysteem; dit houdt alleen de eigen map op orde.\n\n"
        "Voorbeelden:\n\n  goedgenoeg archive 20250106-0900-0000\n\n  goedgenoeg archive OCJ-LIM-0412 --delete",
        "Move finished reflections (whose record was written) into the folder archief/ beside the sessions. With "
        "--delete they are deleted for good, after a confirmation. Keeping the case file belongs to the case "
        "system; this only keeps the tool's own folder tidy.\n\n"
        "Examples:\n\n  goedgenoeg archive 20250106-0900-0000\n\n  goedgenoeg archive OCJ-LIM-0412 --delete",
    ),
    "record": (
        "Het verslag van een bewaarde reflectie schrijven (opnieuw, later, zo vaak als nodig). "
        "Standaard het dossierverslag: de casus, zonder de eigen gevoelens, twijfels en overtuigingen "
        "van de professionals.\n\n"
        "Voorbeelden:\n\n  goedgenoeg record 20261122-0915 -o reflectie.md\n\n"
        "  goedgenoeg record 20261122-0915 --format docx\n\n"
        "  goedgenoeg record 20261122-0915 --format html -o reflectie.html\n\n"
        "  goedgenoeg record 20261122-0915 --full -o intern.md\n\n"
        "  goedgenoeg record 20261122-0915 --for parents --format docx",
        "Write the record of a saved reflection (again, later, as often as needed). By default the "
        "dossier record: the case, without the professionals' own feelings, doubts and beliefs.\n\n"
        "Examples:\n\n  goedgenoeg record 20261122-0915 -o reflectie.md\n\n"
        "  goedgenoeg record 20261122-0915 --format docx\n\n"
        "  goedgenoeg record 20261122-0915 --format html -o reflectie.html\n\n"
        "  goedgenoeg record 20261122-0915 --full -o intern.md\n\n"
        "  goedgenoeg record 20261122-0915 --for parents --format docx",
    ),
    "preview": (
        "Vooraf zien wat een reflectie zal vragen: de delen, hun aantal vragen en de geschatte "
        "minuten (en voor een team de tijdsbox van elk deel). Er wordt niets bewaard.\n\n"
        "Voorbeelden:\n\n  goedgenoeg preview --decision placement --age under-1 --region flanders\n\n"
        "  goedgenoeg preview --decision measure --age 6-12 --region netherlands --who team --people 5\n\n"
        "  goedgenoeg preview --decision report --age 3-6 --region netherlands --who duo --path full --json",
        "What a reflection will ask, before you start: its parts, their number of questions and "
        "the estimated minutes (and each part's time box for a team). Nothing is saved.\n\n"
        "Examples:\n\n  goedgenoeg preview --decision placement --age under-1 --region flanders\n\n"
        "  goedgenoeg preview --decision measure --age 6-12 --region netherlands --who team --people 5\n\n"
        "  goedgenoeg preview --decision report --age 3-6 --region netherlands --who duo --path full --json",
    ),
    "overview": (
        "Tellingen per casus over alle sessies in een map, om over casussen heen te leren: besluiten per "
        "soort beslissing en of er een tegenstem werd vastgelegd, eerdere stappen bij een vervolg, welke "
        "alternatieven werden afgewogen, gekozen en ingezet, welke kanttekeningen voor later bleven, hoe vaak "
        "het perspectief van het kind en van de ouders open bleef. Een vervolg telt bij zijn casus. Tellingen "
        "van 1 of 2 staan als <3 (instelling small_count). Er worden geen casussen en geen antwoorden getoond.\n\n"
        "Voorbeelden:\n\n  goedgenoeg overview\n\n  goedgenoeg overview team-sessies/ -o overzicht.md\n\n"
        "  goedgenoeg overview --export //server/gedeeld/team-a.json\n\n  goedgenoeg overview //server/gedeeld/ --json",
        "Counts per case across all sessions in a folder, to learn across cases: decisions per type of "
        "decision and whether a dissent was recorded, earlier steps at a follow-up, which alternatives were "
        "weighed, chosen and put in place, which critical notes were left for later, how often the child's "
        "and the parents' perspectives stayed open. A follow-up counts with its case. Counts of 1 or 2 show "
        "as <3 (setting small_count). No case references and no answers are shown.\n\n"
        "Examples:\n\n  goedgenoeg overview\n\n  goedgenoeg overview team-sessions/ -o overzicht.md\n\n"
        "  goedgenoeg overview --export //server/shared/team-a.json\n\n  goedgenoeg overview //server/shared/ --json",
    ),
    "config": (
        "De geldende instellingen tonen, elk met waar ze vandaan komen (opdrachtregel, omgeving, "
        "gebruikersbestand, organisatiebestand of standaard), en welke configuratiebestanden gelezen worden.",
        "Show every effective setting and where it came from (command line, environment, user file, "
        "organisation file or default), and which config files are read.",
    ),
    "libraries": (
        "De vragenbibliotheken tonen, nakijken en documenteren.",
        "List, check and document the prompt libraries.",
    ),
    "libraries list": (
        "De bibliotheken die een reflectie gebruikt, in de volgorde van de reflectie.",
        "List the libraries a reflection uses, in walk order.",
    ),
    "libraries check": (
        "Bibliotheekbestanden nakijken; elk probleem staat er als bestand:regel: melding.\n\n"
        "Voorbeelden:\n\n  goedgenoeg libraries check\n\n  goedgenoeg libraries check onze-vragen/",
        "Check library files; every problem is shown as file:line: message.\n\n"
        "Examples:\n\n  goedgenoeg libraries check\n\n  goedgenoeg libraries check our-prompts/",
    ),
    "libraries schema": (
        "Het JSON-schema van een bibliotheekbestand, voor aanvulling en controle in je editor.",
        "Print the JSON Schema of a library file, for completion and checks in your editor.",
    ),
    "libraries sources": (
        "Per bron en onderdeel de vragen die erop steunen (een tabel in markdown).",
        "Show, per source and section, the prompts that draw on it (a coverage table in markdown).",
    ),
}

# options and arguments by their parameter name; "command param" entries win over the plain name
PARAMS: dict[str, tuple[str, str]] = {
    "version": ("De versie tonen en stoppen.", "Show the version and stop."),
    "help": ("Deze hulp tonen en stoppen.", "Show this message and exit."),
    "install_completion": ("Aanvulling met Tab installeren voor je shell.", "Install completion for the current shell."),
    "show_completion": (
        "Het aanvulscript voor je shell tonen, om zelf te installeren.",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "lang": (
        "Taal van de vragen, het verslag en de meldingen: nl of en.",
        "Language of the questions, the record and the messages: nl or en.",
    ),
    "library": (
        "Een extra bibliotheekbestand of -map (herhaalbaar); een bibliotheek met dezelfde id vervangt de meegeleverde.",
        "An extra library file or folder (repeatable); a library with the same id replaces the bundled one.",
    ),
    "sessions_dir": (
        "Waar sessies bewaard worden (standaard: je lokale toepassingsmap).",
        "Where sessions are saved (default: your local application folder).",
    ),
    "plain": (
        "Eenvoudige uitvoer zonder lijnen en kaders, voor schermlezers.",
        "Plain output without rules and box-drawing tables, for screen readers.",
    ),
    "path": (
        "short: de kern van de reflectie, ongeveer 30 minuten (voor een team: het pad voor het overleg); full: elke vraag. "
        "Standaard: short.",
        "short: the heart of the reflection, about 30 minutes (for a team: the meeting path); full: every question. Default: "
        "short.",
    ),
    "fmt": (
        "Vorm van het verslag: md (markdown), docx (Word) of html (af te drukken als PDF).",
        "Format of the record: md (markdown), docx (Word) or html (print to PDF).",
    ),
    "answers": (
        "De reflectie invullen vanuit een YAML-bestand met vraag-id's en antwoorden, zonder te vragen.",
        "Fill the reflection from a YAML file of prompt ids to answers, without asking.",
    ),
    "output": ("Waar het verslag komt.", "Where to write the record."),
    "force": ("Het uitvoerbestand overschrijven als het al bestaat.", "Overwrite the output file if it exists."),
    "session_id": ("Id van de sessie (of het begin ervan).", "Session id (or its start)."),
    "team": (
        "Een teamreflectie in een casusoverleg: deelnemers en rollen, afzonderlijke stemmen, in- en uitchecken.",
        "A team reflection in a case meeting: participants and roles, separate voices, check-in and check-out.",
    ),
    "prepared": (
        "Voor een overleg (met --team): wat een deelnemer vooraf alleen voorbereidde, als NAAM=ID (herhaalbaar). "
        "Elk antwoord komt binnen als de stem van die persoon; Enter houdt het. Bereidde een collega voor op een "
        "eigen computer, dan kopieert die het sessiebestand (ID.json, zie `goedgenoeg sessions`) naar jouw sessiemap.",
        "For a meeting (with --team): what a participant prepared alone beforehand, as NAME=ID (repeatable). "
        "Each answer comes in as that person's voice; Enter keeps it. A colleague who prepared on a computer of "
        "their own copies the session file (ID.json, see `goedgenoeg sessions`) into your sessions folder.",
    ),
    "full": (
        "Alles, ook de eigen reflectie van de professionals, gemarkeerd als intern: niet voor het dossier.",
        "Everything, the professionals' own reflection included, marked as internal: not for the case file.",
    ),
    "decision": (
        "De beslissing die op tafel ligt; meer dan één met komma's: placement,measure.",
        "The decision on the table; more than one with commas: placement,measure.",
    ),
    "age": ("De leeftijdsgroep van het kind.", "The child's age band."),
    "region": ("Waar je werkt.", "Where you work."),
    "who": ("Wie reflecteert.", "Who reflects."),
    "people": (
        "Voor een team: hoeveel mensen meedoen (vragen die iedereen beantwoordt, tellen per persoon).",
        "For a team: how many take part (questions everyone answers count once each).",
    ),
    "as_json": ("JSON tonen: pad, vragen, minuten en de delen.", "Print JSON: path, prompts, minutes and the parts."),
    "prompts": ("Ook elke vraag-id tonen (voor --answers-bestanden).", "Also list every prompt id (for --answers files)."),
    "paths": (
        "Bibliotheekbestanden of -mappen (standaard: de meegeleverde).",
        "Library files or folders (default: the bundled libraries).",
    ),
    "directory": ("Een map met sessies (standaard: de sessiemap).", "A folder of sessions (default: the sessions folder)."),
    "reflect output": (
        "Waar het verslag komt (standaard: reflectie-CASUS-DATUM.md hier).",
        "Where to write the record (default: reflectie-CASE-DATE.md here).",
    ),
    "record output": (
        "Naar dit bestand schrijven in plaats van naar de standaarduitvoer.",
        "Write to this file instead of standard output.",
    ),
    "overview as_json": (
        "De tellingen als JSON tonen (met de regel voor kleine aantallen al toegepast), voor andere programma's.",
        "Print the counts as JSON (with the small-count rule already applied), for other tools.",
    ),
    "overview export": (
        "Alleen de tellingen naar dit bestand schrijven (geen casussen, geen vrije tekst, geen id's), om in een "
        "gedeelde map te zetten; 'goedgenoeg overview MAP' telt zulke bestanden op. Het bestand noemt de "
        "periode (eerste en laatste datum), het team (instelling team) en de versies van de vragenbibliotheken; "
        "exports met andere versies worden niet opgeteld.",
        "Write only the counts to this file (no cases, no free text, no ids), to put in a shared folder; "
        "'goedgenoeg overview DIR' adds such files up. The file names the period (first and last date), the "
        "team (setting team) and the versions of the prompt libraries; exports with other versions are not added.",
    ),
    "overview group_readable": (
        "Het exportbestand leesbaar maken voor de groep (0640), voor een gedeelde map (instelling "
        "group_readable); --owner-only: alleen voor jezelf (0600, de standaard).",
        "Make the export file readable by the group (0640), for a shared folder (setting group_readable); "
        "--owner-only: for yourself only (0600, the default).",
    ),
    "overview directory": (
        "Een map met sessies, met exportbestanden van --export, of beide (standaard: de sessiemap).",
        "A folder of sessions, of export files from --export, or both (default: the sessions folder).",
    ),
    "overview output": (
        "Het overzicht ook als markdown met staafdiagrammen naar dit bestand schrijven.",
        "Also write the overview as markdown with bar charts to this file.",
    ),
    "followup answers": (
        "Eerdere antwoorden wijzigen vanuit een YAML-bestand, zonder te vragen.",
        "Change earlier answers from a YAML file, without asking.",
    ),
    "followup session_id": (
        "De eerdere reflectie over deze casus (id, het begin ervan, of de casus).",
        "The earlier reflection of this case (id, its start, or the case reference).",
    ),
    "resume session_id": (
        "Id van de sessie (of het begin ervan), of de casus; standaard de laatste niet afgemaakte.",
        "Session id (or its start), or the case reference; default: the last unfinished one.",
    ),
    "record audience": (
        "Voor wie: parents geeft één pagina voor de ouders in gewone woorden (wat er besloten of voorgesteld is, "
        "waarom, wat er nu gebeurt en wanneer, wie ze kunnen bellen), zonder afkortingen en zonder de eigen reflectie.",
        "Whom it is for: parents gives one page for the parents in plain words (what was decided or proposed, why, "
        "what happens next and when, whom to call), without abbreviations and without the own reflection.",
    ),
    "record session_id": (
        "Id van de sessie (of het begin ervan), de casus, of een sessiebestand.",
        "Session id (or its start), the case reference, or a session file.",
    ),
    "sessions as_json": ("De sessies als JSON tonen, voor scripts.", "Print the sessions as JSON, for scripts."),
    "older_than": (
        "Alleen de sessies die langer niet bijgewerkt zijn dan dit (2y, 6m, 30d): wat een bewaarregel zou opruimen. "
        "Er wordt niets verplaatst of verwijderd.",
        "Only the sessions not updated for longer than this (2y, 6m, 30d): what a retention rule would remove. "
        "Nothing is moved or deleted.",
    ),
    "ids": ("Id's van sessies (of hun begin), of casussen.", "Session ids (or their start), or case references."),
    "delete": (
        "Definitief verwijderen in plaats van verplaatsen (uit de sessiemap of uit archief/), na een bevestiging.",
        "Delete for good instead of moving (from the sessions folder or from archief/), after a confirmation.",
    ),
    "yes": (
        "Met --delete: niet om bevestiging vragen (voor scripts zonder terminal).",
        "With --delete: do not ask for a confirmation (for scripts without a terminal).",
    ),
    "resume path": ("Van pad wisselen: full gaat verder met elke vraag.", "Switch path: full goes on with every question."),
}

METAVARS_NL = {"FILE": "BESTAND", "PATH": "PAD", "DIR": "MAP", "ID": "ID", "NAME=ID": "NAAM=ID"}

# typer's fixed words (the ones it passes through gettext) and our formatter's
WORDS_NL = {
    "Usage: ": "Gebruik: ",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Opdrachten",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "Aborted!": "Afgebroken.",
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "OPDRACHT [ARGUMENTEN]...",
}

# click's usage errors, by the start of their English message
ERRORS_NL = [
    (re.compile(r"^No such option: (.*)$", re.S), "Onbekende optie: {0}", ""),
    (re.compile(r"^No such command '(.*?)'\.(.*)$", re.S), "Onbekende opdracht '{0}'.{1}", ""),
    (re.compile(r"^Missing argument '(.*?)'\.$"), "Het argument '{0}' ontbreekt.", ""),
    (re.compile(r"^Missing option '(.*?)'\.$"), "De optie '{0}' ontbreekt.", ""),
    (re.compile(r"^Option '(.*?)' requires an argument\.$"), "De optie '{0}' heeft een waarde nodig.", ""),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), "Onverwacht extra argument ({0})", ""),
    (re.compile(r"^Missing command\.$"), "De opdracht ontbreekt.", ""),
    (re.compile(r"^Invalid value for (.*?): (.*)$", re.S), "Ongeldige waarde voor {0}: {1}", ""),
]


def text(table: dict[str, tuple[str, str]], key: str, lang: str) -> str | None:
    pair = table.get(key)
    if pair is None:
        return None
    return pair[1] if lang == "en" else pair[0]


def word(english: str, lang: str) -> str:
    return english if lang == "en" else WORDS_NL.get(english, english)


FRAGMENTS_NL = {
    "(Possible options: ": "(Mogelijke opties: ",
    "(Possible option: ": "(Mogelijke optie: ",
    " Did you mean ": " Bedoelde je ",
}


def error_message(message: str, lang: str) -> str:
    if lang == "en":
        return message
    for english, dutch in FRAGMENTS_NL.items():
        message = message.replace(english, dutch)
    for pattern, main, extra in ERRORS_NL:
        match = pattern.match(message)
        if match:
            groups = match.groups()
            out = main.format(*groups)
            if extra and len(groups) > 1 and groups[1]:
                out += extra.format(*groups)
            return out
    return message


# --- putting them in place -------------------------------------------------------------------


class LocalFormatter(HelpFormatter):
    lang: Lang = "nl"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else word("Usage: ", self.lang))

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(word(name, self.lang)):
            yield


class LocalContext(typer.Context):
    def make_formatter(self) -> HelpFormatter:
        formatter = LocalFormatter(width=self.terminal_width, max_width=self.max_content_width)
        formatter.lang = getattr(self.command, "lang", "nl")
        return formatter


class LocalUsageError(UsageError):
    """A usage error said in the user's language."""

    def __init__(self, original: UsageError, lang: Lang) -> None:
        super().__init__(original.format_message(), original.ctx)
        self.exit_code = original.exit_code
        self.lang = lang

    def show(self, file: IO[Any] | None = None) -> None:
        if self.lang == "en":
            return super().show(file)
        echo = typer.echo
        hint = ""
        if self.ctx is not None:
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = f"Probeer '{self.ctx.command_path} {self.ctx.help_option_names[0]}' voor hulp.\n"
            echo(f"{self.ctx.get_usage()}\n{hint}", file=file, err=file is None, color=self.ctx.color)
        echo(f"Fout: {error_message(self.format_message(), self.lang)}", file=file, err=file is None)


# _Local is mixed into typer's command classes; mypy reads it as one, so it can check the calls
# to super() (at run time it stands before TyperCommand or TyperGroup in the MRO).
if TYPE_CHECKING:
    _CommandBase = Command
else:
    _CommandBase = object


class _Local(_CommandBase):
    """What the command and the group share: the language, and usage errors in it."""

    lang: Lang = "nl"
    context_class: type[Context] = LocalContext

    def make_context(self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any) -> Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except (LocalUsageError, NoArgsIsHelpError):  # the help itself, shown without "Error"
            raise
        except UsageError as err:
            raise LocalUsageError(err, self.lang) from None

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = text(PARAMS, "help", self.lang)
        return option


class LocalCommand(_Local, TyperCommand):
    pass


class LocalGroup(_Local, TyperGroup):
    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except (LocalUsageError, NoArgsIsHelpError):  # the help itself, shown without "Error"
            raise
        except UsageError as err:
            raise LocalUsageError(err, self.lang) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:  # typer's own: what the command returns
        import sys

        from .config import lang_hint

        given = list(sys.argv[1:] if args is None else args)
        localise(self, lang_hint(given))
        return super().main(
            args=given,
            prog_name=prog_name,
            complete_var=complete_var,
            standalone_mode=standalone_mode,
            windows_expand_args=windows_expand_args,
            **extra,
        )


def localise(group: LocalGroup, lang: Lang) -> None:
    """Put the texts of `lang` on the whole command tree (typer builds it anew on every run)."""
    _set_typer_words(lang)

    def visit(command: _Local, path: str) -> None:  # every command of the tree is a Local one
        command.lang = lang
        own = APP if not path else COMMANDS.get(path)
        if own is not None:
            command.help = own[1] if lang == "en" else own[0]
            command.short_help = None
        if getattr(command, "options_metavar", None):
            command.options_metavar = word("[OPTIONS]", lang)
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = word("COMMAND [ARGS]...", lang)
        for param in command.params:
            found = text(PARAMS, f"{path} {param.name}".strip(), lang) or text(PARAMS, param.name or "", lang)
            if found is not None and hasattr(param, "help"):
                param.help = found
            if lang != "en" and param.metavar in METAVARS_NL:
                param.metavar = METAVARS_NL[param.metavar]
        for name, sub in getattr(command, "commands", {}).items():
            visit(sub, f"{path} {name}".strip())

    visit(group, "")


def _set_typer_words(lang: str) -> None:
    """typer passes a few fixed words (default, required, Options, Arguments) through
    gettext's `_`; give it ours for Dutch."""
    typer.core._ = (  # type: ignore[attr-defined]  # typer's private gettext hook: no public way to set it
        (lambda message: message) if lang == "en" else (lambda message: WORDS_NL.get(message, message))
    )
