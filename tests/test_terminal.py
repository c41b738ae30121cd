"""The installed command in a pseudo-terminal, as a caseworker would use it."""

import json
import os
import re
import signal

import pexpect

CONTEXT = {"decision": "placement", "age": "3-6", "region": "netherlands", "who": "alone"}
CHOICES = {"decision": "1", "age": "4", "region": "2", "who": "1"}


def answer_step(child, step, n, skip=False):
    """Answer one prompt the way a person would; returns the text typed as the answer."""
    kind = step.prompt.kind
    if skip:
        child.expect(r"(Je antwoord|Kies een nummer|Kies nummers|Persoon 1 · Wie|Stap 1 · Wat moet er gebeuren)[^:\n]*: ")
        child.sendline(">")
        return None
    if kind == "text":
        child.expect(r"Je antwoord[^:\n]*: ")
        value = CONTEXT_TEXT.get(step.key, f"antwoord-{n:03d}")
        child.sendline(value)
        return value
    if kind == "choice":
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        child.sendline(CHOICES.get(step.prompt.id, "1") if step.library.id == "context" else "1")
        return None
    if kind == "multi":
        child.expect(r"Kies nummers[^:\n]*: ")
        child.sendline("1")
        return None
    if kind == "choicenote":  # a choice, then its optional note
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        child.sendline("1")
        child.expect(r"optioneel, Enter = geen\)[^:\n]*: ")
        child.sendline(f"notitie-{n:03d}")
        return f"notitie-{n:03d}"
    if kind == "table":  # the alternatives on the table: Enter takes the usual ones
        child.expect(r"Typ de nummers van wat op tafel ligt[^:\n]*: ")
        child.sendline("")
        return None
    if kind in ("reflection", "alternative"):
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        child.sendline("1")
        child.expect(r"Notitie[^:\n]*: ")
        child.sendline(f"notitie-{n:03d}")
        return f"notitie-{n:03d}"
    if kind == "people":
        child.expect(r"Persoon 1 · Wie[^:\n]*: ")
        child.sendline(f"tante-{n}")
        child.expect(r"Relatie[^:\n]*: ")
        child.sendline("tante")
        child.expect(r"Betekenis[^:\n]*: ")
        child.sendline("haalt de kinderen op")
        child.expect(r"Een zorg of risico voor het kind\?[^:\n]*: ")
        child.sendline("")
        child.expect(r"Persoon 2 · Wie[^:\n]*: ")
        child.sendline("")
        return f"tante-{n}"
    if kind == "actions":
        child.expect(r"Stap 1 · Wat moet er gebeuren[^:\n]*: ")
        child.sendline(f"belt-{n}")
        for label in ("Wie doet het", "Tegen wanneer", "Resultaat"):
            child.expect(label + r"[^:\n]*: ")
            child.sendline("x")
        child.expect(r"Stap 2 · Wat moet er gebeuren[^:\n]*: ")
        child.sendline("")
        return f"belt-{n}"
    if kind == "children":  # one child: Enter
        child.expect(r"Kind 1 · Pseudoniem[^:\n]*: ")
        child.sendline("")
        return None
    raise AssertionError(kind)


CONTEXT_TEXT = {"context.case": "GG-PTY-1", "context.role": "gezinscoach"}

# The full path of a Dutch placement of a child of 3-6, alone, written out: the order a caseworker
# meets, each prompt's kind, and "own" where the answer is the worker's own reflection (it stays
# out of the dossier record). When the libraries change this order, this list changes with them.
FULL_PRESCHOOL_NL = """
context.case                                 text
context.decision                             multi
context.age                                  choice
context.region                               choice
context.who                                  choice
context.role                                 text
context.vraag-van-nl                         choice
context.vraag-wat                            text
context.vraag-tegen                          text
context.children                             children
mentaliseren.door-de-ogen-van-het-kind       text
mentaliseren.wat-nodig                       text
mentaliseren.veilig-bij                      text
mentaliseren.wat-gaat-goed                   text
mentaliseren.gewone-dingen                   text
mentaliseren.stem-van-het-kind               text
mentaliseren.symptoomdrager                  reflection own
mentaliseren.stem-ouders                     text
mentaliseren.ouders-gevoel                   multi
mentaliseren.zelfpresentatie                 reflection own
mentaliseren.moeder-gevoel                   text
mentaliseren.vader-gevoel                    text
mentaliseren.wat-willen-ouders               text
mentaliseren.vertrouwen-ouders               text
mentaliseren.moeder-kracht-grens             text
mentaliseren.zelf-beschermen                 text
mentaliseren.verhaal-en-droom                text
mentaliseren.blij-van                        text
netwerk.wie-belangrijk                       people
netwerk.vader-en-zijn-familie                text
netwerk.uit-beeld                            text
netwerk.kan-betekenisvol-worden              text
netwerk.zelf-gevraagd                        text
netwerk.stap-naar-netwerk                    text
netwerk.oordeel-netwerk                      reflection own
netwerk.terugvalnetwerk                      reflection
mentaliseren.betekenisvol                    text
mentaliseren.eigen-oplossingen               text
besluit.feiten                               text
besluit.interpretaties                       text
besluit.veilig                               choicenote
besluit.veilig-wie                           text
besluit.voorgeschiedenis                     text
besluit.onbetwist                            text
plaatsing.arts                               text
plaatsing.ouders-begrijpen                   text
plaatsing.risico-ouder                       text
plaatsing.juridisch                          text
plaatsing.opdracht                           text
kanttekeningen.ontwikkeling                  reflection own
kanttekeningen.leefomstandigheden            reflection own
kanttekeningen.zorg-of-verontrusting         reflection own
kanttekeningen.labels                        reflection own
kanttekeningen.cultuur                       reflection own
kanttekeningen.machteloosheid                reflection own
kanttekeningen.haperende-hulp                text
kanttekeningen.zelf-om-hulp                  text
kanttekeningen.wantrouwen                    reflection own
kanttekeningen.crisis-wordt-jaren            reflection own
kanttekeningen.goed-genoeg-thuis             reflection own
kanttekeningen.geen-zekerheid                reflection own
kanttekeningen.volle-afweging                text
kanttekeningen.haast                         reflection own
kanttekeningen.angst-procedure               reflection own
kanttekeningen.kind-tegenover-ouders         reflection own
kanttekeningen.gemandateerd                  reflection own
kanttekeningen.spanning-diensten             reflection own
kanttekeningen.parallel-proces               reflection own
kanttekeningen.eigen-ongemak                 reflection own
kanttekeningen.stress-verhogend              reflection own
kanttekeningen.druk-van-melder               reflection own
kanttekeningen.hete-aardappel                reflection own
kanttekeningen.onderschatten                 reflection own
kanttekeningen.te-licht                      reflection own
kanttekeningen.niet-durven                   reflection own
kanttekeningen.vrijblijvend                  reflection own
kanttekeningen.sturen-en-volgen              text
kanttekeningen.te-vroeg-loslaten             reflection own
kanttekeningen.niet-pluis                    text own
kanttekeningen.privacy-schild                reflection own
alternatieven.op-tafel                       table
alternatieven.thuis-met-steun                alternative
alternatieven.intensieve-contextbegeleiding  alternative
alternatieven.hulp-voor-ouder                alternative
alternatieven.bestaanszekerheid              alternative
alternatieven.families-first                 alternative
alternatieven.maatregel-thuis                alternative
alternatieven.wijkteam                       alternative
alternatieven.buurtgezinnen                  alternative
alternatieven.kinderopvang                   alternative
alternatieven.buurtinitiatieven              alternative
alternatieven.dagbehandeling                 alternative
alternatieven.steun-uit-netwerk              alternative
alternatieven.familiegroepsplan              alternative
alternatieven.veiligheidsplan                alternative
alternatieven.tijdelijk-bij-familie          alternative
alternatieven.gedeeld-ouderschap             alternative
alternatieven.adempauze                      alternative
alternatieven.crisispleegzorg                alternative
alternatieven.ouder-kind-verblijf            alternative
alternatieven.systeemgericht-casemanagement  alternative
alternatieven.jeugdbeschermingstafel         alternative
alternatieven.netwerkberaad                  alternative
plaatsing.voor-wie-nodig                     text
plaatsing.opbrengst                          text
plaatsing.terug-naar-huis                    text
plaatsing.soort-plek                         text
plaatsing.hoe-lang-tijdelijk                 text
plaatsing.contact-ouders                     text
besluit.nadelen-ingrijpen                    text
besluit.nadelen-thuis                        text
besluit.onveilig-onwenselijk                 text
besluit.kantelpunt                           text
besluit.niet-definitief                      reflection own
mentaliseren.vertrouwen-collegas             reflection own
mentaliseren.meerzijdig                      reflection own
mentaliseren.humor-en-spel                   text
mentaliseren.elke-stem                       text
mentaliseren.dynamiek-voor-inhoud            reflection own
mentaliseren.vergadercultuur                 reflection own
mentaliseren.overleg-doel                    text
mentaliseren.overleg-afspraken               reflection own
mentaliseren.samen-veranderen                text
kanttekeningen.alles-oplossen                reflection own
kanttekeningen.afspraken-nakomen             reflection own
kanttekeningen.kind-pijn                     reflection own
kanttekeningen.belang-kind                   reflection own
kanttekeningen.kleine-stappen                reflection own
kanttekeningen.emoties-ouders                reflection own
kanttekeningen.emoties-kinderen              reflection own
kanttekeningen.ik-weet-het                   reflection own
kanttekeningen.moet-lukken                   reflection own
kanttekeningen.geen-tijd                     reflection own
kanttekeningen.geen-crisis                   reflection own
kanttekeningen.zelf-doen                     reflection own
kanttekeningen.professionele-afstand         reflection own
kanttekeningen.collegas-moeten               reflection own
kanttekeningen.regels-zijn-regels            reflection own
mentaliseren.wat-voel-ik                     multi own
mentaliseren.wat-doet-het-mij                text own
mentaliseren.voet-in-de-sloot                reflection own
mentaliseren.eigen-ervaringen                text own
mentaliseren.intervisie                      text own
mentaliseren.niet-alles-dragen               reflection own
besluit.stand                                choice
besluit.besluit                              text
besluit.grond                                text
besluit.plan-b                               text
besluit.niet-gekozen                         text
besluit.evaluatie                            text
besluit.tegenspraak                          text
besluit.andere-kant-verdedigd                text
besluit.stappen                              actions
besluit.goed-nieuws                          text
plaatsing.overbruggen                        text
besluit.ouders-weten                         choicenote
besluit.gewone-woorden                       text
besluit.vertellen-ouders                     text
besluit.vertellen-kind                       text
besluit.proces-uitleggen                     text
alternatieven.vaste-contactpersoon           alternative
alternatieven.kalm-brein                     alternative
alternatieven.kernteam                       alternative
besluit.onzeker                              text
besluit.goed-genoeg                          text
besluit.nooit-stabiel                        reflection own
besluit.meenemen                             text own
"""


class _Step:
    """Just enough of a walk step for answer_step."""

    def __init__(self, key, kind, own=False):
        self.key = key
        library, prompt = key.split(".")
        self.library = type("L", (), {"id": library})()
        self.prompt = type("P", (), {"id": prompt, "kind": kind})()
        self.own = own


def full_path_steps():
    return [_Step(key, kind, own == ["own"]) for key, kind, *own in map(str.split, FULL_PRESCHOOL_NL.strip().splitlines())]


def saved_answers(sessions):
    (path,) = sessions.glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))["answers"]


def assert_each_answer_landed_on_its_prompt(sessions, typed):
    """What was typed at the n-th prompt is saved under the n-th key of the written-out path: the
    tool asked the prompts in that order."""
    answers = saved_answers(sessions)
    for key, value in typed.items():
        assert answers[key]["status"] == "answered", key
        assert json.dumps(value) in json.dumps(answers[key]["value"], ensure_ascii=False), key  # the whole value


# skipped with '>' in the whole reflection: where, and how the record's open points name them
SKIPPED_KEYS = {
    "mentaliseren.wat-nodig": "Wat heeft dit kind nu het meest nodig, en van wie?",
    "mentaliseren.verhaal-en-droom": "Hoe vertelt het gezin zelf zijn verhaal, en wat is hun droom voor later?",
    "besluit.onzeker": "Wat blijft er onzeker, ook na al dit afwegen?",
}


def test_a_whole_reflection_with_help_back_and_skip(tmp_path, spawn):
    steps = full_path_steps()
    assert len(steps) == 167 and steps[163].key == "besluit.onzeker"  # the table above is read whole
    SKIPPED = {n: SKIPPED_KEYS[s.key] for n, s in enumerate(steps) if s.key in SKIPPED_KEYS}
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    typed, skipped = {}, []
    for n, step in enumerate(steps):
        if n == 7:  # ask for the explanation first
            child.expect(r"(Kies een nummer|Je antwoord)[^:\n]*: ")
            child.sendline("?")
            child.expect("Waarom deze vraag: ")
            child.expect("Bron: ")
        if n == 15:  # go back one, keep the previous answer with Enter, then go on
            child.expect(r"(Kies een nummer|Je antwoord|Kies nummers|Persoon 1|Stap 1|Kind 1)[^:\n]*: ")
            child.sendline("<")
            child.expect("Vorig antwoord: ")
            prev = steps[n - 1].prompt.kind
            if prev in ("reflection", "alternative"):
                child.expect(r"Kies een nummer \[\d\]: ")
                child.sendline("")
                child.expect(r"Notitie[^:\n]*: ")
                child.sendline("")
            else:
                child.expect(r": ")
                child.sendline("")
        if n in SKIPPED:
            answer_step(child, step, n, skip=True)
            skipped.append(n)
            continue
        value = answer_step(child, step, n)
        if value:
            typed[step.key] = value
    child.expect("Enter om het verslag te schrijven: ")
    child.sendline("")
    child.expect(r"Het verslag staat in (\S+\.md)")
    record_path = tmp_path / child.match.group(1)  # written in the current folder
    child.expect(pexpect.EOF)
    assert skipped == sorted(SKIPPED)
    assert_each_answer_landed_on_its_prompt(sessions, typed)
    record = record_path.read_text(encoding="utf-8")
    own = {s.key for s in steps if s.own}
    assert len(own) == 59
    for key, value in typed.items():
        assert (value in record) == (key not in own), key  # the own reflection stays out of the dossier record
    open_part = record.split("## Open punten", 1)[1].replace("\\", "")
    for n in skipped:
        assert SKIPPED[n] in open_part, steps[n].key
    assert oct(os.stat(record_path).st_mode & 0o777) == "0o600"


def add_participants(child, people, chair_voice: str = "j") -> None:
    """Type each (name, meeting-role number) as a participant of OCJ, then end the list. The
    chair (2) is asked once whether she wants a voice: `chair_voice` answers."""
    for name, role in people:
        child.expect(r"Naam of pseudoniem: ")
        child.sendline(name)
        child.expect(r"Organisatie: ")
        child.sendline("OCJ")
        child.expect(r"Rol in de casus: ")
        child.sendline("consulent")
        child.expect(r"Kies een nummer \[6\]: ")
        child.sendline(role)
        if role == "2":
            child.expect(r"Wil de voorzitter ook een stem[^:]*\[j/N\]: ")
            child.sendline(chair_voice)
    child.expect(r"Naam of pseudoniem: ")
    child.sendline("")


def test_ctrl_c_in_the_middle_of_a_list_keeps_the_rows_given_whole(tmp_path, spawn):
    """A caseworker names one person of the network, starts a second and is called away: the
    first person is saved, the half-typed second is not, and resuming shows the first."""
    sessions = tmp_path / "s"
    child = spawn(["reflect"], sessions)
    for answer in ("GG-LIST", "1", "5", "2", "1", "1", "advies", "vrijdag"):  # case, a placement, 6-12, NL, alone; the question
        child.expect(r"(Je antwoord|Kies een nummer|Kies nummers)[^:\n]*: ")
        child.sendline(answer)
    for _ in range(2):  # the child's voice and the parents': skipped
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline(">")
    for answer in ("oma Mie", "grootmoeder", "vangt Sem op na school", ""):
        child.expect(r"Persoon 1 · [^:\n]*: ")
        child.sendline(answer)
    child.expect(r"Persoon 2 · Wie[^:\n]*: ")
    child.sendline("buurman")
    child.expect(r"Persoon 2 · Relatie[^:\n]*: ")
    child.sendintr()
    child.expect("Je antwoorden zijn bewaard")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    files = list(sessions.glob("*.json"))
    saved = json.loads(files[0].read_text(encoding="utf-8"))["answers"]["netwerk.wie-belangrijk"]
    assert saved["status"] == "answered"
    assert saved["value"] == [
        {"who": "oma Mie", "relation": "grootmoeder", "meaning": "vangt Sem op na school", "risk": False, "worry": ""}
    ]

    child = spawn(["resume"], sessions)
    child.expect("Verder met sessie")
    child.expect(r"Welke feiten staan vast.*Je antwoord[^:\n]*: ")  # the network counts as answered
    child.sendline("<")  # back to it: the person named is there
    child.expect(r"1\. oma Mie - grootmoeder - vangt Sem op na school")
    child.sendline("!stop")
    child.expect(pexpect.EOF)


def test_ctrl_c_and_resume_keep_answers_from_before_and_after(tmp_path, spawn):
    steps = full_path_steps()
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--path", "full"], sessions)
    typed = {}
    for n, step in enumerate(steps[:9]):
        value = answer_step(child, step, n)
        if value:
            typed[step.key] = value
    child.expect(r"(Kies een nummer|Je antwoord|Kind 1)[^:\n]*: ")
    child.sendintr()
    child.expect(r"goedgenoeg resume (\S+)")
    session_id = child.match.group(1)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(["resume"], sessions)
    child.expect("Verder met sessie")
    for n, step in enumerate(steps[9:14], start=9):
        value = answer_step(child, step, n)
        if value:
            typed[step.key] = value
    child.expect(r"(Kies een nummer|Je antwoord|Kies nummers|Persoon 1|Stap 1|Kind 1)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    assert_each_answer_landed_on_its_prompt(sessions, typed)

    out = tmp_path / "r.md"
    child = spawn(["record", session_id, "--full", "-o", str(out)], sessions)
    child.expect(pexpect.EOF)
    record = out.read_text(encoding="utf-8")
    assert len(typed) == 8  # 14 prompts, less the decision, age, region, who, who asks and the number of children
    for key, value in typed.items():
        assert value in record, key


def _answered(sessions):
    return {k: v for k, v in saved_answers(sessions).items() if v["status"] == "answered"}


def answered_then_waiting(spawn, sessions, count):
    """Start a reflection, answer `count` prompts, and wait until the next one is on screen."""
    steps = full_path_steps()
    child = spawn(["reflect", "--path", "full"], sessions)
    for n, step in enumerate(steps[:count]):
        answer_step(child, step, n)
    child.expect(r"(Kies een nummer|Je antwoord)[^:\n]*: ")
    return child, steps


def test_sigkill_loses_no_confirmed_answer(tmp_path, spawn):
    sessions = tmp_path / "s"
    child, steps = answered_then_waiting(spawn, sessions, 14)  # the 15th prompt is on screen
    child.kill(signal.SIGKILL)
    child.close()
    assert list(_answered(sessions)) == [s.key for s in steps[:14]]
    child = spawn(["resume"], sessions)
    child.expect("Verder met sessie")
    child.expect("Welke gewone dingen geven dit kind houvast")  # continues at the first unanswered (the 15th)
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    assert len(_answered(sessions)) == 14


def test_sighup_saves_and_says_how_to_resume(tmp_path, spawn):
    sessions = tmp_path / "s"
    child, _ = answered_then_waiting(spawn, sessions, 4)
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    assert "goedgenoeg resume" in child.before
    assert len(_answered(sessions)) == 4
    session_file = next(sessions.glob("*.json"))
    assert oct(session_file.stat().st_mode & 0o777) == "0o600"
    assert oct(sessions.stat().st_mode & 0o777) == "0o700"


def test_a_team_reflection_in_the_terminal_keeps_separate_voices(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = spawn(["reflect", "--team"], sessions)
    child.expect(r"Deel 1 van 7: De situatie · tijdsbox \d+ min")  # the meeting path: every part has a box
    for label, text in [
        ("Je antwoord", "GG-TEAM-PTY"),
        ("Kies nummers", "1"),
        ("Kies een nummer", "3"),
        ("Kies een nummer", "1"),
        ("Kies een nummer", "3"),  # who puts the question on the table: the OCJ
        ("Je antwoord", "plaatsing of niet"),
        ("Je antwoord", "vrijdag"),
    ]:
        child.expect(label + r"[^:\n]*: ")
        child.sendline(text)
    add_participants(child, (("An", "1"), ("Bo", "2"), ("Cy", "4")))
    for text in ("OCJ",):  # whose decision it is (the task itself is the question on the table, asked above)
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline(text)
    child.expect(r"Je antwoord[^:\n]*: ")  # case update
    child.sendline("korte update")
    child.expect(r"Punt 1: ")
    child.sendline("Is thuis veilig genoeg?")
    child.expect(r"Punt 2: ")
    child.sendline("")
    for name, text in (("An", "gespannen"), ("Bo", "rustig"), ("Cy", "moe")):  # check-in, per person
        child.expect(f"Stem van {name}")
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline(text)
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    data = json.loads(next(sessions.glob("*.json")).read_text())
    assert data["answers"]["context.who"]["value"] == "team"
    assert [p["meeting_role"] for p in data["answers"]["overleg.deelnemers"]["value"]] == ["presenter", "chair", "advocate"]
    assert data["answers"]["overleg.hoe-zit-je-erin"]["voices"] == {"An": "gespannen", "Bo": "rustig", "Cy": "moe"}
    assert data["answers"]["overleg.richtvragen"]["value"] == ["Is thuis veilig genoeg?"]


# The short path of a Flemish placement of a 7-month-old, written out: the order a caseworker meets.
SHORT_BABY = [
    ("context.case", "text"),
    ("context.decision", "multi"),
    ("context.age", "choice"),
    ("context.region", "choice"),
    ("context.who", "choice"),
    ("context.vraag-van-vl", "choice"),
    ("context.vraag-wat", "text"),
    ("context.vraag-tegen", "text"),
    ("mentaliseren.door-de-ogen-van-het-kind", "text"),
    ("mentaliseren.ouders-gevoel", "multi"),
    ("netwerk.wie-belangrijk", "people"),
    ("besluit.feiten", "text"),
    ("besluit.interpretaties", "text"),
    ("besluit.veilig", "choicenote"),
    ("kanttekeningen.tijd-dringt", "reflection"),
    ("kanttekeningen.onderschatten", "reflection"),
    ("alternatieven.op-tafel", "table"),
    ("alternatieven.thuis-met-steun", "alternative"),
    ("alternatieven.amber-ckg", "alternative"),
    ("alternatieven.tijdelijk-bij-familie", "alternative"),
    ("besluit.nadelen-ingrijpen", "text"),
    ("besluit.nadelen-thuis", "text"),
    ("mentaliseren.wat-voel-ik", "multi"),
    ("besluit.stand", "choice"),
    ("besluit.besluit", "text"),
    ("besluit.grond", "text"),
    ("besluit.tegenspraak", "text"),
    ("besluit.stappen", "actions"),
    ("besluit.ouders-weten", "choicenote"),
    ("besluit.gewone-woorden", "text"),
]
BABY_CHOICES = {"context.decision": "1", "context.age": "2", "context.region": "1", "context.who": "1"}


def test_the_short_path_of_a_baby_placement_to_the_record_then_on_into_the_full_path(tmp_path, spawn):
    sessions = tmp_path / "s"
    child = spawn(["reflect"], sessions)  # alone: the short path is the default
    child.expect("Deel 1 van 7")
    typed = {}
    for n, (key, kind) in enumerate(SHORT_BABY):
        if key in BABY_CHOICES:
            child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
            child.sendline(BABY_CHOICES[key])
            continue
        if key == "mentaliseren.door-de-ogen-van-het-kind":  # the context is known: time left, not counts
            child.expect(r"nog ± \d+ min")
        value = answer_step(child, _Step(key, kind), n)
        if key == "context.case":
            value = "GG-PTY-1"
        if value is not None:  # a multiple choice (what each parent may feel) types no text of its own
            typed[key] = value
    child.expect(r"Verder met het volledige pad\? \[j/N\]: ")
    child.sendline("n")
    child.expect("Alles is beantwoord")
    child.expect(r"Het verslag staat in (\S+\.md)")
    record = (tmp_path / child.match.group(1)).read_text(encoding="utf-8")
    child.expect(r"goedgenoeg resume (\S+)\s+--path\s+full")
    assert re.search(r"Alle \d+ vragen beantwoord\.", child.before), child.before  # not "0 open (listed under ...)"
    session_id = child.match.group(1)
    child.expect(pexpect.EOF)

    # the dossier record: the summary first, holding the decision; the own reflection left out
    assert record.split("\n")[2:5] == ["Opgesteld door: T. Tester", "", "## Samenvatting"]  # who wrote it, then the case
    summary = record.split("## Samenvatting", 1)[1].split("\n## ", 1)[0]
    assert typed["besluit.besluit"] in summary and typed["besluit.feiten"] in summary
    assert f"### Weten de ouders het?\n\nJa, ze weten het: {typed['besluit.ouders-weten']}" in summary
    assert typed["kanttekeningen.tijd-dringt"] not in record  # a note on a pitfall is the worker's own

    # later, the full path: it starts at the first question the short path left out
    child = spawn(["resume", session_id, "--path", "full"], sessions)
    child.expect("Verder met sessie")
    child.expect("Jouw rol in deze casus")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("consulent OCJ")
    child.expect(r"Kind 1 · Pseudoniem[^:\n]*: ")  # one child: Enter
    child.sendline("")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("rust en dezelfde gezichten")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)

    saved = json.loads((sessions / f"{session_id}.json").read_text(encoding="utf-8"))
    assert saved["path"] == "full"
    values = json.dumps(saved["answers"], ensure_ascii=False)
    for key, value in typed.items():  # not one answer of the short path is lost
        assert saved["answers"][key]["status"] == "answered", key
        assert value in values, key
    assert saved["answers"]["context.role"]["value"] == "consulent OCJ"
    assert saved["answers"]["mentaliseren.wat-nodig"]["value"] == "rust en dezelfde gezichten"


def _prepare(tmp_path, spawn, sessions, name: str, lines: str) -> str:
    """One participant's preparation alone, from an answers file: its session id."""
    prepared = tmp_path / f"{name}.yaml"
    prepared.write_text(
        "context.case: GG-OVERLEG-1\ncontext.decision: placement\ncontext.age: under-1\ncontext.region: flanders\n"
        "context.who: alone\n" + lines,
        encoding="utf-8",
    )
    done = spawn(["reflect", "--answers", str(prepared), "-o", str(tmp_path / f"{name}.md")], sessions)
    done.expect(r"Sessie (\S+) bewaard")
    session_id = done.match.group(1)
    done.expect(pexpect.EOF)
    return session_id


def _go_to_section(child, title: str, at: str = r"(Je antwoord|Kies (een nummer|nummers))[^:\n]*: ") -> None:
    """At the prompt `at`: !overzicht, then the number of the section with this title."""
    child.expect(at)
    child.sendline("!overzicht")
    child.expect("Tijd per deel")  # the time keeper's view: minutes used against each part's box
    child.expect(r"\d+ van \d+ min")
    child.expect("Onderdeel")
    child.expect(rf"(\d+)\D{{0,8}}{title}")
    number = child.match.group(1)
    child.expect(r"Typ het nummer van een onderdeel[^:\n]*: ")
    child.sendline(number)


def test_a_meeting_with_two_prepared_voices_keeps_every_name_on_enter_and_on_a_pass(tmp_path, spawn):
    """Issue 21: Enter at a shared question and at a follow-up fact keeps every prepared name;
    '>' at one person's voice keeps that person's and the others'; '>>' passes a question for
    everyone and keeps what was there; the chair without a voice of her own is not asked."""
    sessions = tmp_path / "s"
    an = _prepare(
        tmp_path,
        spawn,
        sessions,
        "an",
        "mentaliseren.door-de-ogen-van-het-kind: huilt veel, zoekt troost bij mama\n"
        "besluit.feiten: twee meldingen van de opvang\nbesluit.interpretaties: moeder is uitgeput\n",
    )
    bo = _prepare(
        tmp_path,
        spawn,
        sessions,
        "bo",
        "mentaliseren.door-de-ogen-van-het-kind: schrikt van harde geluiden\n"
        "besluit.feiten: blauwe plek op de arm\nbesluit.interpretaties: vader drinkt weer\n",
    )
    child = spawn(["reflect", "--team", "--prepared", f"An={an}", "--prepared", f"Bo={bo}"], sessions)
    child.expect("Voorbereid en meegenomen: An, Bo")
    # who asks what (the question for the meeting), the participants, the task, whose decision,
    # the update: one answer each
    while (
        found := child.expect([r"Kies een nummer: ", r"Je antwoord[^:\n]*: ", r"Enter = houden · \+[^:]*: ", r"Punt 1: "])
    ) != 3:
        if found == 2:  # An and Bo are already participants
            child.sendline("+")
            add_participants(child, (("Cy", "2"), ("Dee", "")), chair_voice="")  # the chair: no voice of her own
        else:
            child.sendline("1" if found == 0 else "advies aan het parket")
    child.sendline("Is thuis veilig genoeg?")
    child.expect(r"Punt 2: ")
    child.sendline("")
    for name in ("An", "Bo", "Dee"):  # check-in, per person: not the chair
        child.expect(f"Stem van {name}")
        child.expect(r"Je antwoord[^:\n]*: ")
        child.sendline("rustig")
    # the child's voice: both prepared answers are offered; '>' at An keeps An's, Enter at Bo keeps Bo's
    child.expect("Vorig antwoord: An: huilt veel")
    child.expect(r">> = vraag\s+overslaan\s+voor\s+iedereen")
    child.expect("Stem van An")
    child.expect(r"Je antwoord \(Enter = houden\): ")
    child.sendline(">")
    child.expect("wat An al zei, blijft staan")
    child.expect("Stem van Bo")
    child.expect(r"Je antwoord \(Enter = houden\): ")
    child.sendline("")
    child.expect("Stem van Dee")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("slaapt slecht sinds de opname")
    # the facts: one question for the team, the prepared facts shown: Enter keeps both names
    _go_to_section(child, "De feiten en de zorgen")
    child.expect("Vorig antwoord: An: twee meldingen")
    child.expect(r"Je antwoord \(Enter = houden\): ")
    child.sendline("")
    child.expect(r"vorig\s+antwoord\s+blijft\s+staan")
    # the readings: each person's own; '>>' passes the question for everyone and keeps both
    child.expect("Stem van An")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline(">>")
    child.expect(r"vraag\s+overgeslagen\s+voor\s+iedereen")
    child.expect(r"(Je antwoord|Kies een nummer)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)

    meeting = next(p for p in sessions.glob("*.json") if p.stem not in (an, bo))
    data = json.loads(meeting.read_text(encoding="utf-8"))
    answers = data["answers"]
    assert answers["mentaliseren.door-de-ogen-van-het-kind"]["voices"] == {
        "An": "huilt veel, zoekt troost bij mama",
        "Bo": "schrikt van harde geluiden",
        "Dee": "slaapt slecht sinds de opname",
    }
    assert answers["besluit.feiten"]["voices"] == {"An": "twee meldingen van de opvang", "Bo": "blauwe plek op de arm"}
    assert answers["besluit.interpretaties"]["voices"] == {"An": "moeder is uitgeput", "Bo": "vader drinkt weer"}
    assert set(answers["overleg.hoe-zit-je-erin"]["voices"]) == {"An", "Bo", "Dee"}  # the chair had no voice
    people = answers["overleg.deelnemers"]["value"]
    assert [(p["name"], p["meeting_role"], p.get("voice")) for p in people][2] == ("Cy", "chair", False), people

    # six weeks later: at a fact, Enter keeps every name
    child = spawn(["followup", meeting.stem], sessions)
    _go_to_section(child, "De feiten en de zorgen", at=r"= leeg: ")  # from the list of participants
    child.expect("Vorig antwoord: An: twee meldingen")
    child.expect("Klopt dit nog\\? Zo niet, typ wat nu vaststaat.")
    child.expect(r"Je antwoord \(Enter = houden\): ")
    child.sendline("")
    child.expect(r"(Je antwoord|Stem van)[^:\n]*")
    child.sendline("!stop")
    child.expect(pexpect.EOF)
    later = next(p for p in sessions.glob("*.json") if p.stem not in (an, bo, meeting.stem))
    kept = json.loads(later.read_text(encoding="utf-8"))["answers"]["besluit.feiten"]
    assert kept["voices"] == {"An": "twee meldingen van de opvang", "Bo": "blauwe plek op de arm"}


def test_a_skip_with_enter_leaves_the_next_question_on_a_line_of_its_own(tmp_path, spawn):
    child = spawn(["reflect", "--path", "full"], tmp_path / "s")
    child.expect(r"Je antwoord[^:\n]*: ")
    child.sendline("GG-SKIP")
    for choice in ("1", "2", "1", "1"):
        child.expect(r"Kies (een nummer|nummers)[^:\n]*: ")
        child.sendline(choice)
    child.expect(r"Je antwoord \(Enter zonder antwoord = overslaan\): ")  # the role
    child.sendline("")
    child.expect(r"\S")  # whatever comes next ...
    assert "\n" in child.before, repr(child.before)  # ... starts on a line of its own
    child.expect(r"(Je antwoord|Kind 1|Kies een nummer)[^:\n]*: ")
    child.sendline("!stop")
    child.expect(pexpect.EOF)
