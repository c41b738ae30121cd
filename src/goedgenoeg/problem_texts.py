"""The words of every problem in a library (or answers) file, in Dutch and English.

Kept apart from texts.py: these are read by library authors, and only when something is wrong,
so they are loaded only then. A key names one kind of problem; its values are filled in with
`str.format` (problems.Message)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    # --- reading the file ----------------------------------------------------------------
    "cannot_read": ("kan het bestand niet lezen ({reason})", "cannot read the file ({reason})"),
    "no_such_path": ("bestand of map bestaat niet", "no such file or folder"),
    "too_big_library": (
        "het bestand is groter dan {limit}; een bibliotheek mag hoogstens {limit} zijn, splits ze in kleinere bibliotheken",
        "the file is over {limit}; a library may be at most {limit}, split it into smaller libraries",
    ),
    "too_big_answers": (
        "het bestand is groter dan {limit}, meer dan iemand voor één reflectie typt; een antwoordenbestand mag "
        "hoogstens {limit} zijn. Kijk of dit het juiste bestand is",
        "the file is over {limit}, more than anyone types for one reflection; an answers file may be at most "
        "{limit}. Check that this is the right file",
    ),
    "not_regular_file": (
        "geen gewoon bestand (een pijp, een apparaat of een map); alleen een gewoon bestand wordt gelezen",
        "not a regular file (a pipe, a device or a folder); only a regular file is read",
    ),
    "not_utf8": (
        "het bestand is geen UTF-8-tekst; bewaar het als UTF-8",
        "the file is not UTF-8 text; save it as UTF-8",
    ),
    "empty": (
        "het bestand is leeg; een bibliotheek heeft minstens id, version, title en sections nodig",
        "the file is empty; a library needs at least id, version, title and sections",
    ),
    "only_comments": (
        "het bestand bevat alleen commentaar; een bibliotheek heeft minstens id, version, title en sections nodig",
        "the file holds only comments; a library needs at least id, version, title and sections",
    ),
    "control_character": (
        "het bestand bevat een stuurteken (#x{code:04x}) dat YAML niet toelaat; haal het weg",
        "the file holds a control character (#x{code:04x}) that YAML does not allow; remove it",
    ),
    "tab_indent": (
        "er staat een tab in de inspringing; YAML wil spaties",
        "a tab is used for indentation; YAML needs spaces",
    ),
    "alias_bomb": (
        "de ankers (&) en aliassen (*) worden veel te veel waarden (een aliasbom?); "
        "schrijf de waarden uit of gebruik minder aliassen",
        "the anchors (&) and aliases (*) expand to far too many values (an alias bomb?); "
        "write the values out or use fewer aliases",
    ),
    "too_deep": (
        "meer dan {depth} niveaus diep genest; een bibliotheek heeft er veel minder nodig, kijk de haakjes en inspringing na",
        "nested more than {depth} levels deep; a library needs far fewer, check the brackets and indentation",
    ),
    "key_not_text": (
        "een sleutel moet gewone tekst zijn, zoals 'id' of 'text'",
        "a key must be plain text, such as 'id' or 'text'",
    ),
    "duplicate_key": (
        "sleutel '{key}' staat er twee keer (de eerste op regel {first})",
        "duplicate key '{key}' (the first is on line {first})",
    ),
    "not_readable": (
        "'{value}' kan niet gelezen worden als {kind}; zet het tussen aanhalingstekens als het tekst is",
        "'{value}' cannot be read as {kind}; put it in quotes if it is text",
    ),
    "more_documents": (
        "het bestand bevat meer dan één YAML-document (een tweede '---'); zet elke bibliotheek in een eigen bestand",
        "the file holds more than one YAML document (a second '---'); put each library in its own file",
    ),
    "undefined_alias": (
        "een alias (*naam) heeft geen anker (&naam) erboven; voeg het anker toe of schrijf de waarde uit",
        "an alias (*name) has no anchor (&name) above it; add the anchor or write the value out",
    ),
    "merge_key": (
        "merge-sleutels ('<<') worden niet ondersteund; schrijf de sleutels uit",
        "merge keys ('<<') are not supported; write the keys out",
    ),
    "unknown_tag": (
        "de YAML-tag '{tag}' wordt niet ondersteund; haal hem weg",
        "the YAML tag '{tag}' is not supported; remove it",
    ),
    "cannot_construct": (
        "deze waarde kan niet gelezen worden: {problem}",
        "this value cannot be read: {problem}",
    ),
    # PyYAML's own description of a syntax error, in Dutch where YAML_WORDS_NL has it
    "syntax": ("YAML-syntaxfout: {problem}", "YAML syntax error: {problem}"),
    "syntax_in": (
        "YAML-syntaxfout: {problem} ({context}, begonnen op regel {line})",
        "YAML syntax error: {problem} ({context} that starts on line {line})",
    ),
    "yaml_error": ("YAML-fout: {detail}", "YAML error: {detail}"),
    # --- what the author wrote, in words ---------------------------------------------------
    "shown_empty": ("een lege waarde", "an empty value"),
    "shown_list": ("een lijst", "a list"),
    "shown_mapping": ("een mapping", "a mapping"),
    "shown_number": ("het getal {number}", "the number {number}"),
    # --- the shape of a library ------------------------------------------------------------
    "not_a_mapping": (
        "het bestand bevat {shown}, maar een bibliotheek moet een mapping zijn (regels sleutel: waarde) "
        "met id, version, title en sections",
        "the file holds {shown}, but a library must be a mapping (key: value lines) with id, version, title and sections",
    ),
    "sources_not_a_mapping": (
        "de bibliografie moet een mapping zijn met 'sources'",
        "the bibliography must be a mapping with 'sources'",
    ),
    "unknown_key": (
        "onbekende sleutel '{key}'; haal hem weg",
        "unknown key '{key}'; remove it",
    ),
    "unknown_key_hint": (
        "onbekende sleutel '{key}' (bedoel je '{hint}'?)",
        "unknown key '{key}' (did you mean '{hint}'?)",
    ),
    "missing_nl": (
        "de Nederlandse tekst ('nl') ontbreekt; elke tekst heeft 'nl' nodig",
        "the Dutch text ('nl') is missing; every text needs 'nl'",
    ),
    "missing": ("'{key}' ontbreekt; voeg het toe", "'{key}' is missing; add it"),
    "unknown_kind": (
        "onbekende vraagsoort '{kind}'; gebruik een van: {expected}",
        "unknown prompt kind '{kind}'; use one of: {expected}",
    ),
    "needs_kind": ("een vraag heeft 'kind' nodig ({kinds})", "a prompt needs 'kind' ({kinds})"),
    "not_allowed": (
        "'{value}' is hier niet toegelaten; gebruik een van {expected}",
        "'{value}' is not allowed here; use one of {expected}",
    ),
    "bad_id": (
        "'{value}' is geen geldige id: gebruik kleine letters, cijfers, '-' en '_'",
        "'{value}' is not a valid id: use lowercase letters, digits, '-' and '_'",
    ),
    "empty_nl": (
        "de Nederlandse tekst ('nl') is leeg; schrijf hem",
        "the Dutch text ('nl') is empty; write it",
    ),
    "empty_value": ("is leeg; schrijf hier iets", "is empty; write something here"),
    "too_long": (
        "is langer dan {limit} tekens; maak het korter",
        "is longer than {limit} characters; make it shorter",
    ),
    "too_few_one": (
        "geef hier minstens {n} item (nu {actual})",
        "give at least {n} item here (now {actual})",
    ),
    "too_few": (
        "geef hier minstens {n} items (nu {actual})",
        "give at least {n} items here (now {actual})",
    ),
    "must_be_text_quoted": (
        'moet tekst zijn, niet {shown}; zet het tussen aanhalingstekens: "{value}"',
        'must be text, not {shown}; put it in quotes: "{value}"',
    ),
    "must_be_text": ("moet tekst zijn, niet {shown}", "must be text, not {shown}"),
    "must_be_int": ("moet een geheel getal zijn, niet {shown}", "must be a whole number, not {shown}"),
    "must_be_bool": ("moet true of false zijn, niet {shown}", "must be true or false, not {shown}"),
    "must_be_list": (
        "moet een lijst zijn (een regel '- ' per item, of [a, b]), niet {shown}",
        "must be a list (one '- ' line per item, or [a, b]), not {shown}",
    ),
    "must_be_texts": (
        "moet een tekst per taal zijn, zoals {{nl: ..., en: ...}}, niet {shown}",
        "must be a text per language, like {{nl: ..., en: ...}}, not {shown}",
    ),
    "must_be_mapping": (
        "moet een mapping zijn (regels sleutel: waarde), niet {shown}",
        "must be a mapping (key: value lines), not {shown}",
    ),
    "invalid_key": (
        "'{key}' is geen geldige sleutel; sleutels zijn woorden zoals 'id' of 'text'",
        "'{key}' is not a valid key; keys are words such as 'id' or 'text'",
    ),
    "greater_than": ("moet groter zijn dan {limit}", "input should be greater than {limit}"),
    "at_most": ("mag hoogstens {limit} zijn", "input should be less than or equal to {limit}"),
    "at_least": ("moet minstens {limit} zijn", "input should be greater than or equal to {limit}"),
    # pydantic's own words, for an error this tool has no words of its own for
    "other": ("{detail}", "{detail}"),
    # --- cross-checks ------------------------------------------------------------------------
    "duplicate_section": (
        "sectie-id '{id}' staat er twee keer (de eerste op regel {first})",
        "duplicate section id '{id}' (first on line {first})",
    ),
    "duplicate_prompt": (
        "vraag-id '{id}' staat er twee keer (de eerste op regel {first})",
        "duplicate prompt id '{id}' (first on line {first})",
    ),
    "duplicate_option": (
        "optie-id '{id}' staat er twee keer (de eerste op regel {first})",
        "duplicate option id '{id}' (first on line {first})",
    ),
    "unknown_source": (
        "bron '{source}' staat niet in de bibliografie; gebruik een van {known}, of voeg ze toe aan {file}",
        "source '{source}' is not in the bibliography; use one of {known}, or add it to {file}",
    ),
    "of_not_a_list": (
        "'of: {of}' moet een lijstvraag noemen die eerder in deze bibliotheek staat",
        "'of: {of}' must name a list prompt earlier in this library",
    ),
    "summary_not_in_dossier": (
        "'summary: {summary}' zet het antwoord bovenaan het dossierverslag, maar 'dossier: false' houdt het eruit; "
        "laat een van de twee weg",
        "'summary: {summary}' puts the answer at the top of the dossier record, "
        "but 'dossier: false' keeps it out; drop one of the two",
    ),
    "context_needs_choice": (
        "de contextbibliotheek heeft een keuzevraag '{key}' nodig",
        "the context library needs a choice prompt '{key}'",
    ),
    "context_options": (
        "contextvraag '{key}' moet precies deze opties bieden: {values}",
        "context prompt '{key}' must offer exactly: {values}",
    ),
    "context_needs_case": (
        "de contextbibliotheek heeft een tekstvraag 'case' nodig (de dossierreferentie)",
        "the context library needs a text prompt 'case' (the case reference)",
    ),
    "library_id_taken": (
        "bibliotheek-id '{id}' wordt ook gebruikt door {other}",
        "library id '{id}' is also used by {other}",
    ),
    "library_drops_role": (
        "deze bibliotheek vervangt de meegeleverde '{id}', maar niets in haar heeft de rol {roles} "
        "(role:), die het programma nodig heeft; zet de rol bij de vraag of het deel dat ze overneemt",
        "this library replaces the bundled '{id}', but nothing in it has the role {roles} (role:), "
        "which the tool needs; put the role on the prompt or section that takes it over",
    ),
}

# PyYAML's (libyaml's) own words for a syntax error, and where it was, in Dutch; words not listed
# here are shown as PyYAML wrote them.
YAML_WORDS_NL: dict[str, str] = {
    "did not find expected ',' or ']'": "verwachtte ',' of ']' maar vond die niet",
    "did not find expected ',' or '}'": "verwachtte ',' of '}' maar vond die niet",
    "did not find expected key": "verwachtte een sleutel maar vond die niet; kijk de inspringing na",
    "did not find expected '-' indicator": "verwachtte een '-' maar vond die niet; kijk de inspringing na",
    "did not find expected node content": "verwachtte een waarde maar vond die niet",
    "did not find expected <document start>": "verwachtte het begin van een document maar vond dat niet",
    "did not find expected alphabetic or numeric character": "verwachtte een letter of cijfer maar vond die niet",
    "did not find expected comment or line break": "verwachtte commentaar of een nieuwe regel maar vond die niet",
    "mapping values are not allowed in this context": (
        "hier mag geen 'sleutel: waarde' staan (zet tekst met ': ' tussen aanhalingstekens)"
    ),
    "mapping keys are not allowed in this context": "hier mag geen sleutel staan",
    "block sequence entries are not allowed in this context": "hier mag geen lijstitem ('- ') staan",
    "could not find expected ':'": "verwachtte ':' maar vond die niet",
    "found character that cannot start any token": "een teken dat hier niet mag staan (zet de tekst tussen aanhalingstekens)",
    "found unexpected end of stream": "het bestand houdt onverwacht op",
    "found unknown escape character": "een onbekende escape met '\\' (gebruik enkele aanhalingstekens of '\\\\')",
    "found unexpected document indicator": "een onverwacht '---' of '...'",
    "found a tab character that violates indentation": "een tab in de inspringing; YAML wil spaties",
    "found a tab character where an indentation space is expected": "een tab waar een spatie voor de inspringing hoort",
    "found undefined tag handle": "een onbekende tag",
    "while parsing a flow sequence": "in een lijst tussen [ ]",
    "while parsing a flow mapping": "in een mapping tussen { }",
    "while parsing a block mapping": "in een mapping",
    "while parsing a block collection": "in een lijst",
    "while parsing a block node": "in een waarde",
    "while parsing a flow node": "in een waarde",
    "while parsing a node": "in een waarde",
    "while scanning a simple key": "bij het lezen van een sleutel",
    "while scanning a quoted scalar": "in tekst tussen aanhalingstekens",
    "while scanning a block scalar": "in een tekstblok",
    "while scanning a plain scalar": "in een tekst",
    "while scanning an anchor": "in een anker (&)",
    "while scanning an alias": "in een alias (*)",
    "while scanning a tag": "in een tag",
    "while scanning for the next token": "bij het lezen",
}
