"""The tool's own words (not the prompts), in Dutch and English."""

from __future__ import annotations

_TEXTS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "hint": (
        "? uitleg · < terug · > overslaan · !later · !overzicht · !stop",
        "? explanation · < back · > skip · !later · !overview · !stop",
    ),
    "hint_long": (
        "Meerdere regels: typ !multi, dan je tekst, en !end op een eigen regel · !edit opent je editor",
        "Several lines: type !multi, then your text, and !end on a line of its own · !edit opens your editor",
    ),
    "hint_enter_keep": ("Enter = houden", "Enter = keep"),
    "hint_enter_skip": ("Enter zonder antwoord = overslaan", "Enter without an answer = skip"),
    "part": ("Deel {n} van {m}: {title}", "Part {n} of {m}: {title}"),
    "part_context": ("De situatie", "The situation"),
    "part_people": ("De mensen", "The people"),
    "part_facts": ("De feiten en de zorgen", "The facts and the worries"),
    "part_weighing": ("De afweging", "The weighing"),
    "part_decision": ("Het besluit", "The decision"),
    "part_steps": ("De volgende stappen", "The next steps"),
    "part_close": ("Goed genoeg?", "Good enough?"),
    "question": ("vraag {i} van {k}", "question {i} of {k}"),
    "minutes_left": ("nog ± {m} min", "about {m} min to go"),
    "preview_short": ("Kort pad: {n} vragen, ± {m} min", "Short path: {n} questions, about {m} min"),
    "preview_meeting": (
        "Pad voor het overleg: {n} vragen, waarvan {k} voor ieder apart ({v} stemmen), ± {m} min (tijdsboxen samen {b} min)",
        "Meeting path: {n} questions, {k} of them for each person ({v} voices), about {m} min (time boxes together {b} min)",
    ),
    "preview_full": ("Volledig pad: {n} vragen, ± {m} min", "Full path: {n} questions, about {m} min"),
    "preview_prompts": ("{n} vragen", "{n} questions"),
    "preview_prompt": ("{n} vraag", "{n} question"),
    "preview_box": ("tijdsbox {m} min", "time box {m} min"),
    "preview_no_box": ("geen tijdsbox", "no time box"),
    "short_done_title": ("Het korte pad is rond", "The short path is done"),
    "short_done": (
        "Het volledige pad vraagt nog {n} vragen (± {m} min): meer kanttekeningen, perspectieven en alternatieven. Al je "
        "antwoorden blijven staan.",
        "The full path asks {n} more questions (about {m} min): more critical notes, perspectives and alternatives. All your "
        "answers stay.",
    ),
    "short_done_pick": ("Verder met het volledige pad? [j/N]", "Go on with the full path? [y/N]"),
    "why": ("Waarom deze vraag", "Why this question"),
    "source": ("Bron", "Source"),
    "counter": ("Helpende overtuiging", "Helpful belief"),
    "previous": ("Vorig antwoord", "Previous answer"),
    "your_answer": ("Je antwoord", "Your answer"),
    "choose": ("Kies een nummer", "Choose a number"),
    "choose_multi": (
        "Kies nummers, gescheiden door komma's (bv. 1,3), of 0 voor geen",
        "Choose numbers separated by commas (e.g. 1,3), or 0 for none",
    ),
    "invalid_choice": (
        "Dat is geen geldige keuze. Typ een nummer uit de lijst.",
        "That is not a valid choice. Type a number from the list.",
    ),
    "invalid_range": (
        "Dat is geen geldige keuze. Typ een nummer van 1 tot {n}.",
        "That is not a valid choice. Type a number from 1 to {n}.",
    ),
    "name_taken": (
        "Die naam staat al in de lijst; kies een andere naam of een pseudoniem.",
        "That name is already in the list; choose another name or a pseudonym.",
    ),
    "note_clear": ("- = wissen", "- = clear"),
    "note": ("Notitie (optioneel, Enter = geen)", "Note (optional, Enter = none)"),
    "optional": ("optioneel, Enter = geen", "optional, Enter = none"),
    "reason": ("Waarom niet haalbaar? (nodig)", "Why not feasible? (needed)"),
    "reason_needed": ("Schrijf kort waarom het niet haalbaar is.", "Write briefly why it is not feasible."),
    "what_is_it": ("Wat het is", "What it is"),
    "when_fits": ("Wanneer het kan passen", "When it may fit"),
    "region": ("Regio", "Region"),
    "multi_start": (
        "Typ je tekst; sluit af met !end op een eigen regel.",
        "Type your text; finish with !end on a line of its own.",
    ),
    "editor_failed": (
        "De editor kon niet openen ({err}). Typ je antwoord hier, of gebruik !multi.",
        "The editor could not open ({err}). Type your answer here, or use !multi.",
    ),
    "list_keep": (
        "Enter = houden · + = toevoegen · {n} = nr. {n} wijzigen · -{n} = nr. {n} weg · !opnieuw = leeg",
        "Enter = keep · + = add · {n} = change no. {n} · -{n} = remove no. {n} · !again = clear",
    ),
    "list_removed": ("weggehaald: {item}", "removed: {item}"),
    "voice_removed": ("stem van {name} weggehaald", "{name}'s voice removed"),
    "step_done_why": ("Waarom deels of niet? (Enter = geen reden)", "Why partly or not? (Enter = no reason)"),
    "followup_check_fact": (
        "Klopt dit nog? Zo niet, typ wat nu vaststaat.",
        "Does this still hold? If not, type what is established now.",
    ),
    "rec_followup_of": (
        "Vervolg op de reflectie van {date} (sessie {id}).",
        "Follow-up to the reflection of {date} (session {id}).",
    ),
    "rec_sum_changed": ("Wat veranderde sinds {date}", "What changed since {date}"),
    "rec_why": ("Waarom", "Why"),
    "list_next": ("Enter zonder tekst = klaar", "Enter without text = done"),
    "person": ("Persoon {n}", "Person {n}"),
    "step": ("Stap {n}", "Step {n}"),
    "field_who_person": ("Wie (pseudoniem of rol)", "Who (pseudonym or role)"),
    "field_relation": ("Relatie tot het kind of gezin", "Relation to the child or family"),
    "field_meaning": ("Betekenis (nu, of wat zou kunnen)", "Meaning (now, or what could be)"),
    "field_risk": (
        "Een zorg of risico voor het kind? (j = ja, Enter = nee)",
        "A worry or a risk for the child? (y = yes, Enter = no)",
    ),
    "field_risk_again": (
        "Typ j voor ja, of druk Enter voor nee.",
        "Type y for yes, or press Enter for no.",
    ),
    "field_worry": (
        "Welke zorg, en wie ziet die? (kort; n = toch geen zorg)",
        "What is the worry, and who sees it? (briefly; n = no worry after all)",
    ),
    "field_worry_again": (
        "Schrijf kort wat de zorg is en wie ze ziet, of typ n als er toch geen zorg is.",
        "Write briefly what the worry is and who sees it, or type n if there is no worry after all.",
    ),
    "field_who_action": ("Wie doet het", "Who does it"),
    "field_what": ("Wat moet er gebeuren", "What needs to happen"),
    "field_when": ("Tegen wanneer", "By when"),
    "field_result": ("Resultaat (waaraan zie je het)", "Result (how you will see it)"),
    "privacy_found": (
        "Dit lijkt op persoonsgegevens: {items}. Gebruik liever een pseudoniem.",
        "This looks like personal data: {items}. A pseudonym is safer.",
    ),
    "privacy_edit": ("Antwoord aanpassen? [j/n]", "Edit the answer? [y/n]"),
    "overview_title": ("Overzicht", "Overview"),
    "overview_time_title": ("Tijd per deel", "Time per part"),
    "overview_part": ("Deel", "Part"),
    "overview_used": ("Gebruikt van de tijdsbox", "Used of the time box"),
    "overview_section": ("Onderdeel", "Section"),
    "overview_pick": (
        "Typ het nummer van een onderdeel om erheen te gaan, of Enter om terug te keren",
        "Type a section's number to go there, or Enter to return",
    ),
    "review_title": ("Nog open voor je het verslag schrijft", "Still open before the record is written"),
    "review_none": ("Alles is beantwoord.", "Everything is answered."),
    "review_pick": (
        "Typ een nummer om erheen te gaan, of Enter om het verslag te schrijven",
        "Type a number to go there, or Enter to write the record",
    ),
    "privacy_review": ("Mogelijke persoonsgegevens in je antwoorden", "Possible personal data in your answers"),
    "privacy_review_pick": (
        "Typ een nummer om dat antwoord aan te passen, of Enter om ze bewust te laten staan",
        "Type a number to edit that answer, or Enter to leave them in on purpose",
    ),
    "stopped": ("Gestopt. Je antwoorden zijn bewaard.", "Stopped. Your answers are saved."),
    "line_cut": (
        "Let op: deze regel is {n} tekens lang, de grens van je terminal; wat daarna kwam is mogelijk "
        "afgeknipt. Voor lange tekst: typ !multi (meerdere regels, !end om te eindigen) of !edit (je editor).",
        "Note: this line is {n} characters long, your terminal's limit; what came after may have been "
        "cut off. For long text: type !multi (several lines, !end to finish) or !edit (your editor).",
    ),
    "stopped_unsaved": (
        "Gestopt. Je laatste antwoord kon niet bewaard worden; de antwoorden daarvoor zijn bewaard.",
        "Stopped. Your last answer could not be saved; the answers before it are saved.",
    ),
    "save_failed": (
        "Je antwoord kon niet bewaard worden: {err}. Het staat nog in het geheugen. "
        "Maak ruimte vrij (of los het op) en druk Enter om opnieuw te proberen, of typ !stop om te stoppen "
        "(je eerdere antwoorden zijn veilig bewaard).",
        "Your answer could not be saved: {err}. It is still in memory. "
        "Free some space (or fix the problem) and press Enter to try again, or type !stop to stop "
        "(your earlier answers are safely saved).",
    ),
    "save_retry": ("Enter = opnieuw proberen · !stop = stoppen", "Enter = try again · !stop = stop"),
    "session_busy": (
        "Deze sessie is al open in een ander venster of programma ({path}). Ga daar verder, of sluit "
        "dat eerst; hier wordt niets bewaard, zodat geen antwoord verloren gaat.",
        "This session is already open in another window or program ({path}). Go on there, or close "
        "it first; nothing is saved here, so no answer is lost.",
    ),
    "dir_unusable": (
        "De map voor sessies kan niet gebruikt worden: {dir} ({err}). Kies een andere map met "
        "--sessions-dir of maak deze map beschrijfbaar; er is niets bewaard.",
        "The sessions folder cannot be used: {dir} ({err}). Choose another with --sessions-dir "
        "or make this one writable; nothing was saved.",
    ),
    "resume_with": ("Verder gaan: {cmd}", "To continue: {cmd}"),
    "end_summary_own": (
        "{done} vragen beantwoord, {open} open in het verslag (onder 'Open punten') en {own} open in je eigen "
        "reflectie (die staat niet in het dossierverslag).",
        "{done} questions answered, {open} open in the record (under 'Open points') and {own} open in your own "
        "reflection (which is not in the dossier record).",
    ),
    "record_written": ("Het verslag staat in {path}", "The record is in {path}"),
    "end_summary": (
        "{done} vragen beantwoord, {open} open (die staan onder 'Open punten').",
        "{done} questions answered, {open} open (listed under 'Open points').",
    ),
    "end_summary_all": ("Alle {done} vragen beantwoord.", "All {done} questions answered."),
    "end_full": (
        "Je volgde het korte pad. Het volledige pad heeft nog {n} vragen; later verder: {cmd} resume {id} --path full",
        "You followed the short path. The full path has {n} more questions; to go on later: {cmd} resume {id} --path full",
    ),
    "end_again": (
        "Het verslag later opnieuw schrijven: {cmd} record {id} -o BESTAND · een vervolg: {cmd} followup {id}",
        "Write the record again later: {cmd} record {id} -o FILE · a follow-up: {cmd} followup {id}",
    ),
    "welcome": (
        "goedgenoeg - een reflectie voor een zware beslissing. Het korte pad duurt ongeveer een half uur; na de "
        "vragen over de situatie zie je hoeveel er voor deze casus volgen. Je antwoorden worden na elke vraag bewaard.",
        "goedgenoeg - a reflection before a heavy decision. The short path takes about half an hour; after the "
        "questions about the situation you see how many follow for this case. Your answers are saved after every question.",
    ),
    "ahead": (
        "Voor deze casus: nog {n} vragen, ± {m} minuten. Stoppen kan altijd (!stop); je gaat later verder waar je was.",
        "For this case: {n} more questions, about {m} minutes. You can stop at any time (!stop) and go on later where you were.",
    ),
    "resuming": ("Verder met sessie {id} ({case}).", "Continuing session {id} ({case})."),
    "reopened": (
        "Deze reflectie was al afgerond. Wat je nu aanpast, komt in een nieuw verslag. Voor een nieuwe reflectie over "
        "dezelfde casus: {cmd} followup {id}",
        "This reflection was already finished. What you change now goes into a new record. For a new reflection on the same "
        "case: {cmd} followup {id}",
    ),
    # the command line: messages, listings and errors
    "cli_unknown_value": (
        "Onbekende waarde '{value}' voor {option}: kies uit {allowed}.",
        "Unknown value '{value}' for {option}: use one of {allowed}.",
    ),
    "cli_fix_library": (
        "Verbeter de bibliotheek (of laat ze weg) en probeer opnieuw.",
        "Fix the library (or leave it out) and try again.",
    ),
    "cli_note": ("let op: {text}", "note: {text}"),
    "af_not_mapping": (
        "een antwoordenbestand is een lijst van vraag-id's (bibliotheek.vraag) met hun antwoord",
        "the answers file must be a mapping of prompt ids (library.prompt) to answers",
    ),
    "af_unknown_prompt": (
        "onbekende vraag-id '{prompt}' ('goedgenoeg libraries list --prompts' toont ze)",
        "unknown prompt id '{prompt}' ('goedgenoeg libraries list --prompts' shows them)",
    ),
    "af_steps_done_not_followup": (
        "'steps_done' hoort alleen in de antwoorden van een vervolg",
        "'steps_done' belongs in the answers of a follow-up only",
    ),
    "af_steps_done_values": (
        "steps_done is een lijst met per eerdere stap een van {values}",
        "steps_done is a list with, per earlier step, one of {values}",
    ),
    "cli_needs_terminal": (
        "goedgenoeg {command} stelt vragen en heeft een terminal nodig, maar de invoer is er geen.\nStart het in een "
        "terminal, of vul het in vanuit een bestand: --answers BESTAND.yaml",
        "goedgenoeg {command} asks questions and needs a terminal, but standard input is not one.\nRun it in a terminal, or "
        "fill it from a file: --answers FILE.yaml",
    ),
    "cli_record_failed": (
        "Het verslag kon niet geschreven worden ({err}). Je antwoorden zijn bewaard: {cmd} record {id} -o BESTAND",
        "The record could not be written ({err}). Your answers are saved: {cmd} record {id} -o FILE",
    ),
    "cli_answers_problems": (
        "Er is niets bewaard. Verbeter het antwoordenbestand en probeer opnieuw.",
        "Nothing was saved. Fix the answers file and try again.",
    ),
    "cli_privacy_warning": ("waarschuwing: mogelijk persoonsgegevens in {item}", "warning: possible personal data in {item}"),
    "cli_exists_choose": ("{path} bestaat al; kies een andere --output.", "{path} already exists; choose another --output."),
    "cli_exists_force": (
        "{path} bestaat al. Gebruik --force om het te overschrijven, of kies een ander bestand.",
        "{path} already exists. Use --force to overwrite it, or choose another file.",
    ),
    "cli_cannot_write": ("Kan {path} niet schrijven: {err}.", "Cannot write {path}: {err}."),
    "cli_saved_written": ("Sessie {id} bewaard; verslag geschreven naar {path}", "Session {id} saved; record written to {path}"),
    "cli_record_to": ("Verslag geschreven naar {path}", "Record written to {path}"),
    "docx_page_of": ("pagina {page} van {pages}", "page {page} of {pages}"),
    "docx_template_missing": (
        "het Word-sjabloon {path} (instelling docx_template) bestaat niet",
        "the Word template {path} (setting docx_template) does not exist",
    ),
    "docx_template_broken": (
        "het Word-sjabloon {path} (instelling docx_template) is geen bruikbaar .docx-bestand: {err}",
        "the Word template {path} (setting docx_template) is not a usable .docx file: {err}",
    ),
    "cli_overview_to": ("Overzicht geschreven naar {path}", "Overview written to {path}"),
    "cli_no_sessions": (
        "Geen sessies in {dir}. Begin er een met: {cmd} reflect",
        "No sessions in {dir}. Start one with: {cmd} reflect",
    ),
    "cli_damaged": ("beschadigd", "damaged"),
    "cli_finished": ("afgerond", "finished"),
    "cli_in_progress": ("bezig", "in progress"),
    "cli_not_sessions": ("{path} is geen map met sessies.", "{path} is not a folder of sessions."),
    "cli_preview_needs": (
        "preview heeft {missing} nodig: wat er gevraagd wordt, hangt ervan af. Voorbeeld: goedgenoeg preview --decision "
        "placement --age under-1 --region flanders",
        "preview needs {missing}: what is asked depends on them. Example: goedgenoeg preview --decision placement --age "
        "under-1 --region flanders",
    ),
    "cli_prompts": ("vragen", "prompts"),
    "cli_check_problems": (
        "Problemen gevonden: {n}. Bibliotheken in orde: {passed}.",
        "Problems found: {n}. Libraries passed: {passed}.",
    ),
    "cli_check_ok": ("Bibliotheken nagekeken: {passed}, geen problemen.", "Libraries checked: {passed}, no problems."),
    "cli_prepared_form": (
        "--prepared verwacht NAAM=ID, bijvoorbeeld --prepared An=20261129-1900-3f99 (niet '{value}').",
        "--prepared takes NAME=ID, for example --prepared An=20261129-1900-3f99 (not '{value}').",
    ),
    "cli_prepared_team": (
        "--prepared hoort bij een overleg: gebruik het met --team.",
        "--prepared belongs to a meeting: use it with --team.",
    ),
    "cli_prepared_cases": (
        "De voorbereide reflecties gaan over verschillende casussen ({detail}); een overleg gaat over één casus.",
        "The prepared reflections are about different cases ({detail}); a meeting is about one case.",
    ),
    "cli_prepared_names": (
        "Elke voorbereiding heeft een eigen naam nodig ({detail}).",
        "Each preparation needs a name of its own ({detail}).",
    ),
    "cli_prepared_twice": (
        "Dezelfde voorbereiding is voor meer dan één persoon opgegeven ({detail}); elk brengt zijn eigen voorbereiding mee.",
        "The same preparation is given for more than one person ({detail}); each brings their own preparation.",
    ),
    "cli_prepared_other_case": (
        "Het antwoordbestand gaat over casus '{given}', de voorbereidingen over '{prepared}'; een overleg gaat over één casus.",
        "The answers file is about case '{given}', the preparations about '{prepared}'; a meeting is about one case.",
    ),
    "cli_source_busy": (
        "Deze sessie is nog open in een ander venster ({path}). Sluit ze daar eerst af, zodat alle antwoorden meekomen.",
        "This session is still open in another window ({path}). Close it there first, so that every answer comes along.",
    ),
    "cli_prepared_in": (
        "Voorbereid en meegenomen: {names}. Wat elk voorbereidde, staat bij elke vraag klaar.",
        "Prepared and brought in: {names}. What each prepared is ready at every question.",
    ),
    "cli_nothing_kept": ("Er was nog niets beantwoord; er is niets bewaard.", "Nothing was answered yet; nothing was kept."),
    "cli_moved": (
        "Bewaarde reflecties verplaatst: {n}, van {old} naar {new} (een lokale map die niet meereist met een zwervend profiel).",
        "Saved reflections moved: {n}, from {old} to {new} (a local folder that does not travel with a roaming profile).",
    ),
    "cli_move_failed": (
        "Kon {path} niet verplaatsen ({err}); het blijft waar het is.",
        "Could not move {path} ({err}); it stays where it is.",
    ),
    "cli_libraries_missing": (
        "Deze reflectie gebruikte bibliotheken die nu niet geladen zijn: {ids}. Hun antwoorden ontbreken tot je ze meegeeft "
        "met --library PAD (of ze in het configuratiebestand zet).",
        "This reflection used libraries that are not loaded now: {ids}. Their answers are missing until you give them with "
        "--library PATH (or put them in the config file).",
    ),
    "cli_unfinished_title": ("Niet afgemaakte reflecties:", "Unfinished reflections:"),
    "cli_unfinished_row": (
        "{n}. {case}  ({answered} van {total} vragen, laatst {updated})",
        "{n}. {case}  ({answered} of {total} questions, last {updated})",
    ),
    "cli_unfinished_pick": (
        "Enter = verder met 1 · een nummer = verder met dat · n = nieuw",
        "Enter = continue 1 · a number = continue that one · n = new",
    ),
    # sessions (session.py raises these by key)
    "ses_no_such": (
        "Geen sessie '{id}' in {dir}: er past geen id en geen casus. '{cmd} sessions' toont ze.",
        "No session '{id}' in {dir}: no id or case reference fits. '{cmd} sessions' lists them.",
    ),
    "ses_several": (
        "'{id}' past bij meerdere sessies; geef meer van de id: {ids}",
        "'{id}' fits several sessions; give more of the id: {ids}",
    ),
    "ses_no_unfinished": (
        "Er is geen niet afgemaakte sessie in {dir}. Begin er een met '{cmd} reflect'.",
        "There is no unfinished session in {dir}. Start one with '{cmd} reflect'.",
    ),
    "ses_no_file": (
        "{path}: dat sessiebestand bestaat niet. '{cmd} sessions' toont de sessies.",
        "{path}: no such session file. '{cmd} sessions' lists the sessions.",
    ),
    # the config file
    "cfg_bad_toml": ("{path}: geen geldige TOML ({err}).", "{path}: not valid TOML ({err})."),
    "cfg_unreadable": ("{path}: kan het niet lezen ({err}).", "{path}: cannot read it ({err})."),
    "cfg_not_utf8": (
        "{path}: geen UTF-8 (byte {byte} op positie {offset}). Sla het bestand op als UTF-8, bijvoorbeeld in "
        "Kladblok met 'Opslaan als' en codering UTF-8.",
        "{path}: not UTF-8 (byte {byte} at offset {offset}). Save the file as UTF-8, for example in Notepad with "
        "'Save as' and encoding UTF-8.",
    ),
    "cfg_unknown_key": (
        "{path}: onbekende sleutel '{name}'; bekende sleutels: {keys}.",
        "{path}: unknown key '{name}'; known keys: {keys}.",
    ),
    "cfg_bad_value": (
        "{where}: '{value}' kan niet voor {name}; gebruik {allowed}.",
        "{where}: '{value}' does not work for {name}; use {allowed}.",
    ),
    "cfg_missing_file": (
        "{var} wijst naar {path}, maar dat bestand bestaat niet.",
        "{var} points to {path}, but there is no such file.",
    ),
    "cfg_title": (
        "Instellingen (opdrachtregel > omgeving > gebruikersbestand > organisatiebestand > standaard)",
        "Settings (command line > environment > user file > organisation file > default)",
    ),
    "cfg_files": ("Configuratiebestanden:", "Config files:"),
    "cfg_file_org": ("organisatie", "organisation"),
    "cfg_file_user": ("gebruiker", "user"),
    "cfg_exists": ("bestaat", "exists"),
    "cfg_absent": ("bestaat niet", "does not exist"),
    "cfg_from_default": ("standaard", "default"),
    "cfg_from_org": ("organisatiebestand {detail}", "organisation file {detail}"),
    "cfg_from_user": ("gebruikersbestand {detail}", "user file {detail}"),
    "cfg_from_env": ("omgevingsvariabele {detail}", "environment variable {detail}"),
    "cfg_from_option": ("optie {detail}", "option {detail}"),
    "cfg_none": ("(geen)", "(none)"),
    "author_ask": (
        "Wie maakt deze reflecties? Het verslag zegt wie het schreef. Dit wordt één keer gevraagd; Enter laat een regel leeg.",
        "Who makes these reflections? The record says who wrote it. This is asked once; Enter leaves a line empty.",
    ),
    "author_author": ("Je naam", "Your name"),
    "author_function": ("Je functie (bijvoorbeeld consulent, jeugdbeschermer)", "Your function (for instance caseworker)"),
    "author_service": ("Je dienst of organisatie", "Your service or organisation"),
    "author_kept": ("Bewaard in {path}; aanpassen kan daar.", "Kept in {path}; change it there."),
    "author_not_kept": (
        "Kon dit niet bewaren ({err}); het staat wel in dit verslag.",
        "Could not keep this ({err}); it is in this record all the same.",
    ),
    "cfg_region_none": ("(niet gezet: de vraag wordt gesteld)", "(not set: the question is asked)"),
    # the record
    "rec_title": ("Reflectie", "Reflection"),
    "rec_notice": (
        "Gemaakt met goedgenoeg, een hulpmiddel voor reflectie dat zelf geen risicotaxatie, score of advies geeft; "
        "het besluit of advies in dit verslag is dat van de professional(s) die het opstelden.",
        "Made with goedgenoeg, a reflection aid that gives no risk assessment, score or advice of its own; the "
        "decision or advice in this record is that of the professional(s) who wrote it.",
    ),
    "rec_footer": ("(Sessie {id}, versie {version}.)", "(Session {id}, version {version}.)"),
    "rec_not_filled": ("niet ingevuld", "not filled in"),
    "rec_case": ("Casus (pseudoniem)", "Case (pseudonym)"),
    "rec_date": ("Datum", "Date"),
    "rec_started": ("Begonnen", "Started"),
    "rec_who": ("Wie reflecteerde", "Who reflected"),
    "rec_role": ("Rol", "Role"),
    "rec_decision": ("Beslissing in overweging", "Decision under consideration"),
    "rec_age": ("Leeftijd kind", "Child's age"),
    "rec_region": ("Regio", "Region"),
    "rec_session": ("Sessie", "Session"),
    "rec_tool": ("Hulpmiddel", "Tool"),
    "rec_libraries": ("Vragenbibliotheken", "Prompt libraries"),
    "rec_privacy": ("Controle op persoonsgegevens", "Personal-data check"),
    "rec_privacy_done": (
        "op {at} gezocht naar BSN-, rijksregister- en BIS-nummers, IBAN's, telefoonnummers, e-mailadressen "
        "en de namen uit het netwerk en de deelnemerslijst; andere namen herkent het hulpmiddel niet, "
        "lees de tekst daarop zelf na",
        "on {at} searched for BSN, national register and BIS numbers, IBANs, phone numbers, e-mail addresses "
        "and the names from the network and the participants list; other names are not recognised, "
        "read the text for them yourself",
    ),
    "rec_privacy_done_nl": (
        "op {at} gezocht naar BSN-nummers, IBAN's, telefoonnummers, e-mailadressen en de namen uit het "
        "netwerk en de deelnemerslijst; andere namen herkent het hulpmiddel niet, lees de tekst daarop zelf na",
        "on {at} searched for BSN numbers, IBANs, phone numbers, e-mail addresses and the names from the "
        "network and the participants list; other names are not recognised, read the text for them yourself",
    ),
    "rec_privacy_meeting": (
        "de namen van de deelnemers en van genoemde professionals horen in een overlegverslag en zijn niet "
        "aangewezen; die van de familie wel",
        "the names of the participants and of named professionals belong in a meeting record and were not "
        "pointed out; the family's names were",
    ),
    "rec_privacy_not": ("niet gedaan", "not done"),
    "rec_privacy_kept": ("bewust laten staan: {items}", "left in on purpose: {items}"),
    "rec_field": ("Gegeven", "Field"),
    "rec_value": ("Waarde", "Value"),
    "rec_alternative": ("Alternatief", "Alternative"),
    "rec_status": ("Stand", "Status"),
    "rec_note": ("Toelichting", "Note"),
    "rec_open": ("Open punten", "Open points"),
    "rec_open_none": ("Geen open punten.", "No open points."),
    "rec_sources": ("Bronnen", "Sources"),
    "rec_not_visited": ("dit deel is niet doorlopen ({n} vragen)", "this part was not gone through ({n} questions)"),
    "rec_not_visited_one": ("dit deel is niet doorlopen (1 vraag)", "this part was not gone through (1 question)"),
    "both_regions": ("beide", "both"),
    # team reflection
    "role_presenter": ("casusinbrenger", "case presenter"),
    "role_chair": ("voorzitter", "chair"),
    "role_guard": ("procesbewaker", "process guard"),
    "role_timekeeper": ("tijdbewaker", "time keeper"),
    "role_advocate": ("brengt bewust de andere kant in", "argues the other side on purpose"),
    "role_member": ("deelnemer", "participant"),
    "guiding_answered": ("beantwoord", "answered"),
    "guiding_partly": ("deels beantwoord", "partly answered"),
    "guiding_not_answered": ("niet beantwoord", "not answered"),
    "done": ("gedaan", "done"),
    "partly": ("deels gedaan", "partly done"),
    "not_done": ("niet gedaan", "not done"),
    "field_name": ("Naam of pseudoniem", "Name or pseudonym"),
    "field_organisation": ("Organisatie", "Organisation"),
    "field_role": ("Rol in de casus", "Role in the case"),
    "field_meeting_role": ("Rol in dit overleg", "Role in this meeting"),
    "chair_voice_no": (
        "Wil de voorzitter ook een stem bij de vragen voor ieder apart? [j/N]",
        "Does the chair also want a voice in the questions for each person? [y/N]",
    ),
    "chair_voice_yes": (
        "Wil de voorzitter ook een stem bij de vragen voor ieder apart? [J/n]",
        "Does the chair also want a voice in the questions for each person? [Y/n]",
    ),
    "chair_has_voice": ("met een eigen stem", "with a voice of her own"),
    "participant": ("Deelnemer {n}", "Participant {n}"),
    "item": ("Punt {n}", "Item {n}"),
    "review_many": ("{n} vragen staan nog open, in {m} delen:", "{n} questions are still open, in {m} parts:"),
    "open_count": ("{n} open", "{n} open"),
    "answered_col": ("Beantwoord", "Answered"),
    "guiding_where": ("Waar beantwoord, of wat blijft open", "Where answered, or what stays open"),
    "hint_voices": ("!stemmen = elke deelnemer apart", "!voices = each participant separately"),
    "hint_pass_all": (">> = vraag overslaan voor iedereen", ">> = pass the question for everyone"),
    "passed_all": (
        "vraag overgeslagen voor iedereen; wat er stond, blijft staan",
        "question passed for everyone; what was there is kept",
    ),
    "voice_of": ("Stem van {name}", "Voice of {name}"),
    "time_spent": ("{spent} min", "{spent} min"),
    "time_box": ("{spent} van {box} min", "{spent} of {box} min"),
    "time_over": ("de tijd voor dit deel is om", "the time for this part is up"),
    "time_up_now": (
        "De tijdsbox van '{part}' is om. Afronden, of bewust meer tijd nemen?",
        "The time box of '{part}' is up. Round off, or take more time on purpose?",
    ),
    "step_done_title": (
        "Wat is er gebeurd met de volgende stappen van de vorige reflectie?",
        "What became of the next steps of the previous reflection?",
    ),
    "step_done_pick": ("1 gedaan   2 deels   3 niet gedaan", "1 done   2 partly   3 not done"),
    "followup_from": (
        "Vervolg op de reflectie van {date} ({id}). Je vorige antwoorden staan klaar: Enter houdt ze.",
        "Follow-up of the reflection of {date} ({id}). Your earlier answers are ready: Enter keeps them.",
    ),
    "rec_voices_differ": ("de stemmen verschillen", "the voices differ"),
    "voice_skipped": ("geen stem van {name}", "no voice from {name}"),
    "voice_kept": ("wat {name} al zei, blijft staan", "what {name} said before is kept"),
    "rec_one_voice": ("één stem, niet het hele team", "one voice, not the whole team"),
    "rec_time": ("Tijd per deel", "Time per part"),
    "rec_part": ("Deel", "Part"),
    "rec_spent": ("Besteed", "Spent"),
    "rec_box": ("Tijdsbox", "Time box"),
    "rec_before": ("Toen", "Then"),
    "rec_now": ("Nu", "Now"),
    "rec_question": ("Vraag", "Question"),
    "rec_no_changes": ("Geen antwoorden gewijzigd.", "No answers changed."),
    "rec_steps_then": ("Volgende stappen van toen", "Next steps from then"),
    "rec_child": ("Kind", "Child"),
    "rec_worry": ("Zorg", "Worry"),
    "rec_risk_col": ("Zorg: wat, en wie ziet ze", "Worry: what, and who sees it"),
    "rec_worry_no_reason": ("zorg aangegeven, zonder reden", "worry marked, no reason given"),
    "rec_legend": ("Legende", "Legend"),
    "rec_legend_person": ("betekenisvolle persoon", "meaningful person"),
    "rec_legend_risk": (
        "gestippelde rand en 'Zorg:': iemand over wie een zorg genoemd is, met wat de zorg is en wie ze ziet",
        "dotted border and 'Worry:': someone about whom a worry was named, with what it is and who sees it",
    ),
    "rec_household": ("Ouders en wie bij het kind woont", "Parents and whoever lives with the child"),
    "rec_household_none": (
        "Geen ouder of huisgenoot in de lijst genoemd.",
        "No parent or housemate named in the list.",
    ),
    "rec_network_others": ("Het netwerk", "The network"),
    "rec_network_caption": (
        "Het netwerk van betekenisvolle mensen rond het kind",
        "The network of meaningful people around the child",
    ),
    "rec_summary": ("Samenvatting", "Summary"),
    "rec_summary_empty": (
        "De vragenbibliotheken duiden (nog) geen antwoorden aan voor de samenvatting: zie de afweging hieronder.",
        "The prompt libraries mark no answers for the summary (yet): see the weighing below.",
    ),
    "rec_made_by": ("Opgesteld door: {who}", "Written by: {who}"),
    "rec_participants_line": ("Deelnemers: {who}", "Participants: {who}"),
    "rec_with": ("Samen met: {who}", "Together with: {who}"),
    "rec_sum_question": ("De vraag op tafel", "The question on the table"),
    "rec_sum_decision": ("Besluit of advies", "Decision or advice"),
    "rec_sum_grounds": ("Waarop het steunt", "What it rests on"),
    "rec_sum_facts": ("Feiten", "Facts"),
    "rec_sum_interpretations": ("Duidingen (en van wie)", "Interpretations (and whose)"),
    "rec_sum_safety": ("Veiligheid de komende dagen", "Safety in the coming days"),
    "rec_sum_alternatives": ("Alternatieven", "Alternatives"),
    "rec_sum_risks_intervening": ("Risico's van ingrijpen", "Risks of intervening"),
    "rec_sum_risks_not_intervening": ("Risico's van niet ingrijpen", "Risks of not intervening"),
    "rec_sum_change_mind": ("Wat het besluit zou doen veranderen", "What would change the decision"),
    "rec_sum_dissent": ("Tegenstem", "Dissent"),
    "rec_sum_plan_b": ("Plan B", "Plan B"),
    "rec_sum_next_steps": ("Volgende stappen", "Next steps"),
    "rec_sum_parents_know": ("Weten de ouders het?", "Do the parents know?"),
    # the page for the parents (parents.py): plain words, short sentences, no abbreviations
    "par_title": ("Het besluit over uw kind, in gewone woorden", "The decision about your child, in plain words"),
    "par_date": ("Datum: {date}", "Date: {date}"),
    "par_intro": (
        "Hier leest u wat er besloten of voorgesteld is. U leest ook waarom, en wat er nu gebeurt.",
        "Here you can read what was decided or proposed. You can also read why, and what happens next.",
    ),
    "par_what": ("Wat is er besloten of voorgesteld?", "What was decided or proposed?"),
    "par_what_why": ("Wat is er besloten, en waarom?", "What was decided, and why?"),
    "par_stand_taken": ("Dit besluit is genomen.", "This decision has been taken."),
    "par_stand_proposed": (
        "Dit is een voorstel. Er is nog niet over beslist.",
        "This is a proposal. It has not been decided yet.",
    ),
    "par_stand_postponed": (
        "Er is nog niets beslist. Dat gebeurt later.",
        "Nothing has been decided yet. That will happen later.",
    ),
    "par_stand_open": ("Er is nog niets beslist.", "Nothing has been decided yet."),
    "par_why": ("Waarom?", "Why?"),
    "par_next": ("Wat gebeurt er nu?", "What happens next?"),
    "par_col_who": ("Wie", "Who"),
    "par_col_what": ("Wat", "What"),
    "par_col_when": ("Wanneer", "When"),
    "par_no_steps": (
        "De volgende stappen zijn nog niet afgesproken. We laten het u weten.",
        "The next steps have not been agreed yet. We will let you know.",
    ),
    "par_review": ("We bekijken dit besluit opnieuw:", "We will look at this decision again:"),
    "par_call_title": ("Wie kunt u bellen?", "Whom can you call?"),
    "par_call": ("Hebt u een vraag? Bel dan {who}.", "Do you have a question? Then call {who}."),
    "par_call_steps": ("Hebt u een vraag? Bel dan: {who}.", "Do you have a question? Then call: {who}."),
    "par_call_none": (
        "Hebt u een vraag? Bel dan de hulpverlener die u deze pagina gaf.",
        "Do you have a question? Then call the care worker who gave you this page.",
    ),
    "par_disagree": (
        "Bent u het er niet mee eens? Zeg het ons. U mag altijd om uitleg vragen.",
        "Do you not agree? Tell us. You can always ask us to explain.",
    ),
    "par_or": ("of", "or"),
    "par_no_decision": (
        "Sessie {id} heeft nog geen besluit of advies, dus er is nog niets om de ouders te vertellen. "
        "Vul eerst het besluit in: goedgenoeg resume {id}",
        "Session {id} has no decision or advice yet, so there is nothing to tell the parents. "
        "Fill in the decision first: goedgenoeg resume {id}",
    ),
    "par_not_full": (
        "--for parents en --full gaan niet samen: de pagina voor de ouders laat de eigen reflectie altijd weg.",
        "--for parents and --full do not go together: the parents' page always leaves out the own reflection.",
    ),
    "rec_sum_review": ("Evaluatie", "Review"),
    "rec_sum_consulted": ("Geraadpleegd", "Consulted"),
    "rec_sum_informing": ("Hoe ouders en kind het horen", "How parents and child are told"),
    "rec_whose": ("Lezing van: {who}", "Reading of: {who}"),
    "rec_none_considered": ("Geen alternatief overwogen.", "No alternative considered."),
    "rec_not_considered_list": ("Niet overwogen: {items}.", "Not considered: {items}."),
    "rec_unanswered_list": ("Nog niet beantwoord: {items}.", "Not answered yet: {items}."),
    "rec_metadata": ("Gegevens", "Details"),
    "rec_path": ("Pad", "Path"),
    "rec_path_short": ("kort pad", "short path"),
    "rec_path_full": ("volledig pad", "full path"),
    "rec_not_repeated": (
        "Hieronder de rest van de reflectie; wat in de samenvatting staat, wordt niet herhaald.",
        "Below, the rest of the reflection; what is in the summary is not repeated.",
    ),
    "rec_guiding_open": ("Richtvraag zonder antwoord: {question}", "Guiding question without an answer: {question}"),
    "age_unborn": ("nog niet geboren", "not yet born"),
    "age_under-1": ("jonger dan 1 jaar", "under 1 year"),
    "age_1-3": ("1 tot 3 jaar", "1 to 3 years"),
    "age_3-6": ("3 tot 6 jaar", "3 to 6 years"),
    "age_6-12": ("6 tot 12 jaar", "6 to 12 years"),
    "age_12-18": ("12 tot 18 jaar", "12 to 18 years"),
    "child_of": ("Over {name}", "About {name}"),
    "field_child_name": ("Pseudoniem", "Pseudonym"),
    "field_child_age": ("Leeftijd", "Age"),
    "child_n": ("Kind {n}", "Child {n}"),
    "rec_per_child": ("per kind", "for each child"),
    "rec_children": ("Kinderen", "Children"),
    "rec_named_by": ("(genoemd door {names})", "(named by {names})"),
    "rec_path_meeting": ("pad voor het overleg", "meeting path"),
    "rec_kind": ("Soort verslag", "Kind of record"),
    "rec_kind_dossier": ("dossierverslag", "case-file record"),
    "rec_kind_full": ("volledige interne reflectie, niet voor het dossier", "full internal reflection, not for the case file"),
    "rec_internal_title": ("Interne reflectie - niet voor het dossier", "Internal reflection - not for the case file"),
    "rec_internal_notice": (
        "Dit verslag bevat ook de eigen gevoelens, overtuigingen en ervaringen van de professional(s). Het is bedoeld voor "
        "intern gebruik (supervisie, intervisie) en hoort niet in het dossier van het kind. Voor het dossier: goedgenoeg "
        "record zonder --full.",
        "This record also holds the professionals' own feelings, beliefs and experiences. It is meant for internal use "
        "(supervision, peer consultation) and does not belong in the child's case file. For the case file: goedgenoeg record "
        "without --full.",
    ),
    "rec_reflection_done": (
        "Er vond ook een reflectie plaats op valkuilen, overtuigingen en de eigen rol ({parts}). Die antwoorden zijn van de "
        "professional(s) en staan niet in dit dossierverslag.",
        "A reflection on pitfalls, beliefs and one's own part also took place ({parts}). Those answers belong to the "
        "professional(s) and are not in this case-file record.",
    ),
    # goedgenoeg overview
    "ov_title": ("Overzicht over reflecties heen", "Overview across reflections"),
    "ov_counted": ("{n} sessies geteld.", "{n} sessions counted."),
    "ov_counted_cases": ("{sessions} over {cases} geteld.", "{sessions} over {cases} counted."),
    "ov_sessions": ("{n} sessies", "{n} sessions"),
    "ov_sessions_one": ("1 sessie", "1 session"),
    "ov_cases": ("{n} casussen", "{n} cases"),
    "ov_cases_one": ("1 casus", "1 case"),
    "ov_followed_up": ("Casussen met een vervolg: {n}.", "Cases with a follow-up: {n}."),
    "ov_dissent_line": (
        "Tegenstem vastgelegd: {n} casussen; niet vastgelegd: {m}.",
        "Dissent recorded: {n} cases; not recorded: {m}.",
    ),
    "ov_exports": ("{n} exportbestanden opgeteld.", "{n} export files added in."),
    "ov_exports_one": ("1 exportbestand opgeteld.", "1 export file added in."),
    "ov_period": ("Periode: {first} tot en met {last}.", "Period: {first} to {last}."),
    "ov_export_refused": (
        "{path} is niet opgeteld: gemaakt met {theirs}, hier {here}. Een vraag kan intussen anders luiden; "
        "maak de export opnieuw met dezelfde versies.",
        "{path} was not added in: made with {theirs}, here {here}. A question may read differently by now; "
        "make the export again with the same versions.",
    ),
    "ov_export_group": (
        "Het exportbestand is leesbaar voor de groep (0640), voor een gedeelde map.",
        "The export file is readable by the group (0640), for a shared folder.",
    ),
    "ov_unreadable": ("{n} sessies konden niet gelezen worden.", "{n} sessions could not be read."),
    "ov_unreadable_one": ("1 sessie kon niet gelezen worden.", "1 session could not be read."),
    "ov_notice": (
        "Alleen tellingen per casus en vragen uit de bibliotheken: geen casussen, geen antwoorden. "
        "Een vervolg telt bij zijn casus, een casus telt met zijn laatste sessie, en een vraag alleen "
        "waar ze bij de casus hoorde. Een telling onder {small} (behalve 0) staat als <{small}, zodat "
        "ze niet naar een gekende casus wijst.",
        "Only counts per case and questions from the libraries: no cases, no answers. "
        "A follow-up counts with its case, a case counts with its latest session, and a question only "
        "where it applied to the case. A count below {small} (except 0) shows as <{small}, so that it "
        "does not point at a known case.",
    ),
    "ov_decisions": ("Besluiten per soort beslissing", "Decisions per type of decision"),
    "ov_per_case": ("Per casus", "Per case"),
    "ov_decision_placement": ("Uithuisplaatsing", "Placement"),
    "ov_decision_measure": ("Maatregel", "Measure"),
    "ov_decision_report": ("Melding", "Report"),
    "ov_decision_other": ("Anders", "Other"),
    "ov_decision_not_answered": ("Onbekend", "Unknown"),
    "ov_col_cases": ("Casussen", "Cases"),
    "ov_col_taken": ("Genomen", "Taken"),
    "ov_col_proposed": ("Voorgesteld", "Proposed"),
    "ov_col_postponed": ("Uitgesteld", "Postponed"),
    "ov_col_open": ("Nog open", "Still open"),
    "ov_col_not_answered": ("Niet ingevuld", "Not answered"),
    "ov_col_dissent": ("Met tegenstem", "With dissent"),
    "ov_col_no_dissent": ("Geen tegenstem", "No dissent"),
    "ov_col_steps": ("Stappen", "Steps"),
    "ov_steps": ("Eerdere stappen, nagegaan bij een vervolg", "Earlier steps, checked at a follow-up"),
    "ov_steps_none": ("Nog geen vervolg waarin eerdere stappen werden nagegaan.", "No follow-up checked earlier steps yet."),
    "ov_step": ("De stap was", "The step was"),
    "ov_step_done": ("Gedaan", "Done"),
    "ov_step_partly": ("Deels gedaan", "Partly done"),
    "ov_step_not_done": ("Niet gedaan", "Not done"),
    "ov_alt_weighed": ("Alternatieven: afgewogen en gekozen", "Alternatives: weighed and chosen"),
    "ov_alt_applied": ("Casussen", "Cases"),
    "ov_alt_considered": ("Overwogen", "Considered"),
    "ov_alt_chosen": ("Gekozen", "Chosen"),
    "ov_alt_not_considered": ("Niet overwogen", "Not considered"),
    "ov_alt_in_place": ("Alternatieven: ingezet (laatste sessie)", "Alternatives: put in place (latest session)"),
    "ov_alt_in_place_none": ("Nog geen alternatief ingezet.", "No alternative put in place yet."),
    "ov_alt_latest": ("Alternatieven: stand in de laatste sessie", "Alternatives: status in the latest session"),
    "ov_alternative": ("Alternatief", "Alternative"),
    "ov_not_answered": ("Niet beantwoord", "Not answered"),
    "ov_later_title": ("Kanttekeningen die voor later bleven", "Critical notes left for later"),
    "ov_later_none": ("Geen kanttekening bleef voor later.", "No critical note was left for later."),
    "ov_note": ("Kanttekening", "Critical note"),
    "ov_later_count": ("Voor later / overgeslagen", "Later / skipped"),
    "ov_perspectives": ("Perspectieven die open bleven", "Perspectives left open"),
    "ov_perspectives_prompts": ("Perspectieven die open bleven", "Perspectives left open"),
    "ov_perspective": ("Perspectief", "Perspective"),
    "ov_persp_open": ("Open", "Open"),
    "ov_persp_partly": ("Deels open", "Partly open"),
    "ov_persp_applied": ("Van toepassing", "Applied"),
    "ov_question": ("Vraag", "Question"),
    "ov_open": ("Open", "Open"),
    "ov_applied": ("Van toepassing", "Applied"),
    "ov_id": ("id", "id"),
    "ov_export_to": ("Tellingen geëxporteerd naar {path}", "Counts exported to {path}"),
    "ov_export_inside": (
        "{path} ligt in de map die geteld wordt: de volgende keer zou het dubbel tellen. Kies een andere map.",
        "{path} is in the folder being counted: next time it would count twice. Choose another folder.",
    ),
    # short column headers for the terminal
    "ov_short_feasible": ("Haalbaar", "Feasible"),
    "ov_short_not_feasible": ("Niet haalbaar", "Not feasible"),
    "ov_short_not_considered": ("Niet overwogen", "Not considered"),
    "ov_short_not_applicable": ("N.v.t.", "N/a"),
    "ov_short_not_answered": ("Geen antwoord", "No answer"),
    "ov_short_started": ("Ingezet", "Started"),
    "ov_short_running": ("Loopt", "Running"),
    "ov_short_completed": ("Afgerond", "Completed"),
    # answer labels
    "recognise": ("Herken ik", "I recognise this"),
    "not_recognise": ("Herken ik niet", "I don't recognise this"),
    "dont_know": ("Weet ik niet", "I don't know"),
    "later": ("Later bespreken", "Discuss later"),
    "feasible": ("Overwogen en haalbaar", "Considered and feasible"),
    "table_pick": (
        "Typ de nummers van wat op tafel ligt (Enter = {keep}; 0 = geen)",
        "Type the numbers of what is on the table (Enter = {keep}; 0 = none)",
    ),
    "table_chosen": ("{n} op tafel", "{n} on the table"),
    "rec_not_on_table": ("Niet gewogen (niet op tafel): {items}.", "Not weighed (not on the table): {items}."),
    "feasible_not_needed": ("Overwogen, haalbaar, nu niet nodig", "Considered, feasible, not needed now"),
    "not_feasible": ("Overwogen, niet haalbaar", "Considered, not feasible"),
    "not_considered": ("Niet overwogen", "Not considered"),
    "not_applicable": ("Niet van toepassing", "Not applicable"),
    "note_earlier": (
        "Eerdere notitie, bij een ander antwoord: {note} (typ ze opnieuw als ze nog geldt)",
        "Earlier note, with another answer: {note} (type it again if it still holds)",
    ),
    "started": ("Ingezet", "Started"),
    "running": ("Loopt", "Running"),
    "completed": ("Afgerond", "Completed"),
    "skipped": ("overgeslagen", "skipped"),
    "kept_previous": ("vorig antwoord blijft staan", "previous answer kept"),
    "carried_from": (
        "overgenomen van {date}, niet opnieuw nagegaan",
        "carried over from {date}, not checked again",
    ),
    "hint_confirm": ("= klopt nog", "= still holds"),
    "confirmed": ("klopt nog: bevestigd", "still holds: confirmed"),
    "followup_gone": (
        "Niet meer bij het overleg: {names}. Hun stemmen van de vorige keer zijn weggelaten.",
        "No longer in the meeting: {names}. Their voices from last time are left out.",
    ),
    "step_done_result": ("Wat leverde het op? (Enter = niets te melden)", "What did it produce? (Enter = nothing to report)"),
    "rec_result": ("Resultaat", "Result"),
    "rec_carried": (
        "Overgenomen van {date}, niet opnieuw nagegaan: {items}.",
        "Carried over from {date}, not checked again: {items}.",
    ),
    "af_steps_result": (
        "steps_result is een lijst met per eerdere stap wat ze opleverde (tekst)",
        "steps_result is a list with, per earlier step, what it produced (text)",
    ),
    "later_kept": ("later bespreken; het antwoord blijft staan", "discuss later; the answer is kept"),
    "marked_later": ("later bespreken", "discuss later"),
    "unanswered": ("nog niet beantwoord", "not answered yet"),
    "flanders": ("Vlaanderen", "Flanders"),
    "netherlands": ("Nederland", "The Netherlands"),
    # an answer that does not fit its prompt (an answers file, an older session): AnswerError
    "ans_answer_text": ("het antwoord moet tekst zijn", "the answer must be text"),
    "ans_note_text": ("de notitie moet tekst zijn", "note must be text"),
    "ans_item_text": ("elk item moet tekst zijn", "an item must be text"),
    "ans_entry_text": ("regel {n} '{field}' moet tekst zijn", "entry {n} '{field}' must be text"),
    "ans_entry_flag": (
        "regel {n} '{field}' moet waar of onwaar zijn (ja/nee, yes/no)",
        "entry {n} '{field}' must be true or false (ja/nee, yes/no)",
    ),
    "ans_rows_list": ("verwacht een lijst van regels met {fields}", "expected a list of entries with {fields}"),
    "ans_row_mapping": ("regel {n} moet een mapping zijn met {fields}", "entry {n} must be a mapping with {fields}"),
    "ans_row_unknown": (
        "regel {n} heeft onbekende velden {unknown}; gebruik {fields}",
        "entry {n} has unknown field(s) {unknown}; use {fields}",
    ),
    "ans_row_needs": ("regel {n} heeft '{field}' nodig", "entry {n} needs '{field}'"),
    "ans_child_age": ("regel {n}: age moet een van deze zijn: {allowed}", "entry {n}: age must be one of {allowed}"),
    "ans_children_unique": ("elk kind heeft een eigen pseudoniem nodig", "every child needs a different pseudonym"),
    "ans_meeting_role": (
        "regel {n}: meeting_role moet een van deze zijn: {allowed}",
        "entry {n}: meeting_role must be one of {allowed}",
    ),
    "ans_participants_unique": (
        "elke deelnemer heeft een eigen naam (of pseudoniem) nodig",
        "every participant needs a different name (or pseudonym)",
    ),
    "ans_empty": ("het antwoord is leeg", "the answer is empty"),
    "ans_reflection_shape": ("verwacht 'response' (en eventueel 'note')", "expected 'response' (and optionally 'note')"),
    "ans_reflection_response": ("response moet een van deze zijn: {allowed}", "response must be one of {allowed}"),
    "ans_alternative_shape": ("verwacht 'status' (en eventueel 'note')", "expected 'status' (and optionally 'note')"),
    "ans_alternative_status": ("status moet een van deze zijn: {allowed}", "status must be one of {allowed}"),
    "ans_not_feasible_note": (
        "'not_feasible' heeft een notitie nodig die zegt waarom",
        "'not_feasible' needs a note saying why",
    ),
    "ans_choice": ("kies een van {allowed}", "choose one of {allowed}"),
    "ans_multi": ("kies uit {allowed}", "choose from {allowed}"),
    "ans_list": ("verwacht een lijst van korte teksten", "expected a list of short texts"),
    "ans_guiding_status": ("regel {n}: status moet een van deze zijn: {allowed}", "entry {n}: status must be one of {allowed}"),
    "ans_voices": (
        "voices moet namen van deelnemers koppelen aan antwoorden",
        "voices must map participant names to answers",
    ),
    # answers of an older session that no longer fit (session.fit_answers)
    "fit_gone": ("de bibliotheek of de vraag bestaat niet meer", "its library or prompt no longer exists"),
    "fit_misfit": ("het antwoord past niet meer bij de vraag ({reason})", "the answer no longer fits the question ({reason})"),
    "fit_set_aside": (
        "{prompt}: {reason}; het antwoord blijft in het bestand maar wordt niet gebruikt",
        "{prompt}: {reason}; the answer is kept in the file but not used",
    ),
    "fit_library_changed": (
        "bibliotheek '{library}' is sinds het begin van deze sessie veranderd van versie {old} naar {new}",
        "library '{library}' changed from version {old} to {new} since this session began",
    ),
    "privacy_times": ("{n} keer", "{n} times"),
    "cache_untrusted": (
        "De cachemap {dir} is niet van jou alleen of anderen kunnen erin schrijven; goedgenoeg werkt nu zonder cache. "
        "Kies een eigen map met GOEDGENOEG_CACHE_DIR, of zet de rechten op 700.",
        "The cache folder {dir} is not yours alone or others can write to it; goedgenoeg runs without the cache now. "
        "Choose a folder of your own with GOEDGENOEG_CACHE_DIR, or set its permissions to 700.",
    ),
    # what the operating system reported (oserrors.describe), to stand inside a sentence
    "os_no_space": ("de schijf is vol", "the disk is full"),
    "os_read_only": ("de schijf of map is alleen-lezen", "the disk or folder is read-only"),
    "os_no_permission": (
        "je hebt geen toestemming voor dit bestand of deze map",
        "you have no permission for this file or folder",
    ),
    "os_exists": ("het bestand bestaat al", "the file already exists"),
    "os_not_found": ("het bestand of de map bestaat niet", "the file or folder does not exist"),
    "os_other": ("het systeem meldt een fout: {err}", "the system reports an error: {err}"),
    # a file in a shared folder that is not what it should be (reading.OddFile)
    "odd_not_regular": (
        "geen gewoon bestand (een link naar een apparaat, een pijp of een map)",
        "not a regular file (a link to a device, a pipe or a folder)",
    ),
    "odd_too_large": ("groter dan {mb} MB", "larger than {mb} MB"),
    "odd_too_deep": ("te diep genest om te lezen", "nested too deeply to read"),
    "odd_skipped": ("{path}: overgeslagen, {reason}.", "{path}: skipped, {reason}."),
    # a session file that cannot be used (session.load)
    "ses_unreadable": ("{path}: kan het niet lezen ({err}).", "{path}: cannot read it ({err})."),
    "ses_damaged": (
        "{path}: het sessiebestand is beschadigd ({what}). Het bestand blijft zoals het is; begin een nieuwe "
        "reflectie met '{cmd} reflect', of zet het terug uit een reservekopie.",
        "{path}: the session file is damaged ({what}). The file is left as it is; start a new reflection with "
        "'{cmd} reflect', or restore the file from a backup.",
    ),
    "ses_what_empty": ("het is leeg", "it is empty"),
    "ses_what_json": ("geen geldige JSON, misschien afgebroken", "not valid JSON, perhaps cut off"),
    "ses_what_json_line": (
        "geen geldige JSON op regel {line}, misschien afgebroken",
        "not valid JSON at line {line}, perhaps cut off",
    ),
    "ses_what_not_session": ("geen sessie", "not a session"),
    "ses_what_field": ("{field}: {msg}", "{field}: {msg}"),
    "ses_newer": (
        "{path}: deze sessie is geschreven door een nieuwere goedgenoeg (formaat {fmt}). Werk goedgenoeg bij om ze "
        "te openen; het bestand blijft zoals het is.",
        "{path}: this session was written by a newer goedgenoeg (format {fmt}). Update goedgenoeg to open it; the "
        "file is left as it is.",
    ),
    # the index of a sessions folder (index.py): why it was made again
    "idx_damaged": (
        "De index van de sessies was beschadigd; opnieuw opgebouwd uit de bestanden.",
        "The index of the sessions was damaged; rebuilt from the files.",
    ),
    "idx_foreign": (
        "De index van de sessies was niet van jou alleen; opnieuw opgebouwd uit de bestanden.",
        "The index of the sessions was not yours alone; rebuilt from the files.",
    ),
    "idx_version": (
        "De index van de sessies kwam van een andere versie van goedgenoeg; opnieuw opgebouwd uit de bestanden.",
        "The index of the sessions came from another version of goedgenoeg; rebuilt from the files.",
    ),
    "idx_missing": (
        "De index van de sessies noemde bestanden die er niet meer zijn; bijgewerkt uit de map.",
        "The index of the sessions named files that are no longer there; updated from the folder.",
    ),
    # the sessions table (listing.py)
    "ls_case": ("casus", "case"),
    "ls_session": ("sessie", "session"),
    "ls_last": ("laatst", "last"),
    "ls_answered": ("beantwoord", "answered"),
    "ls_state": ("stand", "status"),
    "ls_answered_cell": ("{answered} van {total} beantwoord", "{answered} of {total} answered"),
    "ls_open": ("({n} open)", "({n} open)"),
    "ls_short_done": ("kort pad rond, volledig pad open", "short path done, full path open"),
    "ls_kind_first": ("reflectie", "reflection"),
    "ls_kind_followup": ("vervolg", "follow-up"),
    "ls_kind_meeting": ("overleg", "meeting"),
    "ls_no_case": ("(geen casus)", "(no case)"),
    # a session found by its case reference (lookup.py)
    "ses_case_several": (
        "Casus '{case}' past bij {n} sessies; er is er geen geopend. Geef de id van de sessie die je bedoelt:",
        "Case '{case}' fits {n} sessions; none was opened. Give the id of the one you mean:",
    ),
    "ses_offer_full": (
        "De laatste reflectie, {case} ({id}), is rond op het korte pad; het volledige pad heeft nog {n} open "
        "vragen. Verder op het volledige pad: {cmd} resume {id} --path full",
        "The latest reflection, {case} ({id}), is done on the short path; the full path has {n} more open "
        "questions. To go on along the full path: {cmd} resume {id} --path full",
    ),
    "end_case": ("Casus {case} · sessie {id}", "Case {case} · session {id}"),
    # housekeeping (housekeeping.py)
    "hk_bad_period": (
        "--older-than verwacht een getal met y, m of d, bijvoorbeeld 2y, 6m of 30d (niet '{value}').",
        "--older-than takes a number with y, m or d, for example 2y, 6m or 30d (not '{value}').",
    ),
    "hk_older": (
        "{n} sessies zijn voor het laatst bijgewerkt voor {date} (ouder dan {period}); een bewaarregel zou ze "
        "opruimen. Er is niets verplaatst of verwijderd. Naar het archief: {cmd} archive ID...",
        "{n} sessions were last updated before {date} (older than {period}); a retention rule would remove them. "
        "Nothing was moved or deleted. To the archive: {cmd} archive ID...",
    ),
    "hk_older_none": (
        "Geen sessies ouder dan {period} (laatst bijgewerkt voor {date}).",
        "No sessions older than {period} (last updated before {date}).",
    ),
    "hk_years": ("{n} jaar", "{n} years"),
    "hk_months": ("{n} maanden", "{n} months"),
    "hk_days": ("{n} dagen", "{n} days"),
    "hk_archived": ("{n} sessies verplaatst naar {dir}", "{n} sessions moved to {dir}"),
    "hk_deleted": ("{n} sessies definitief verwijderd uit {dir}", "{n} sessions deleted for good from {dir}"),
    "hk_not_finished": (
        "{id}: nog niet afgerond, er is nog geen verslag van; blijft staan.",
        "{id}: not finished, there is no record of it yet; left where it is.",
    ),
    "hk_exists": ("{id}: staat al in {dir}; blijft staan.", "{id}: already in {dir}; left where it is."),
    "hk_busy": ("{id}: is open in een ander venster; blijft staan.", "{id}: is open in another window; left where it is."),
    "hk_failed": (
        "{id}: kon niet verplaatst worden ({err}); blijft staan.",
        "{id}: could not be moved ({err}); left where it is.",
    ),
    "hk_confirm": (
        "{n} sessies definitief verwijderen ({ids})? Dat kan niet ongedaan gemaakt worden. Typ j voor ja",
        "Delete {n} sessions for good ({ids})? This cannot be undone. Type y for yes",
    ),
    "hk_needs_yes": (
        "--delete vraagt eerst een bevestiging in een terminal; zonder terminal alleen met --yes. Er is niets verwijderd.",
        "--delete asks for a confirmation in a terminal first; without one only with --yes. Nothing was deleted.",
    ),
    "hk_nothing_deleted": ("Er is niets verwijderd.", "Nothing was deleted."),
}


def has_text(key: str) -> bool:
    return key in _TEXTS


def t(lang: str, key: str, **values: object) -> str:
    nl, en = _TEXTS[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text
