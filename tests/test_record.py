"""The record: the dossier record (summary first, the professional's own reflection left out),
the full internal record, and the three formats (markdown, Word, html). A small library of
our own keeps these tests apart from the bundled content."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from markdown_it import MarkdownIt

from goedgenoeg.answers import AnswerError, describe, normalise
from goedgenoeg.library import bundled_dir, load_all
from goedgenoeg.models import Answer
from goedgenoeg.record import build, escape_block, escape_cell, escape_line, render, suggested_name
from goedgenoeg.record_file import write_record
from goedgenoeg.sanitize import strip_control
from goedgenoeg.session import fit_answers, new_session

LIBRARY = """\
id: proef
version: "1.0.0"
order: 10
title: {nl: Proef, en: Trial}
sections:
  - id: mensen
    phase: people
    title: {nl: Het kind en zijn mensen, en: The child and their people}
    prompts:
      - id: netwerk
        kind: people
        diagram: true
        short: true
        text: {nl: Wie zijn belangrijk voor het kind?, en: Who matters to the child?}
        help: {nl: Het netwerk., en: The network.}
        source: "goedgenoeg-2025 §4.1"
  - id: valkuilen
    phase: weighing
    title: {nl: Eigen valkuilen, en: Own pitfalls}
    prompts:
      - id: gevoel
        kind: text
        short: true
        dossier: false
        text: {nl: Wat voel je zelf bij deze casus?, en: What do you feel about this case?}
        help: {nl: Je eigen gevoel., en: Your own feeling.}
        source: "goedgenoeg-2025 §3.6"
      - id: overtuiging
        kind: reflection
        short: true
        dossier: false
        text:
          nl: "Ouders die hun afspraken niet nakomen, werken niet mee."
          en: "Parents who miss appointments do not cooperate."
        help: {nl: Een beperkende overtuiging., en: A limiting belief.}
        source: "goedgenoeg-2025 §3.6"
      - id: wat-helpt
        kind: text
        short: true
        text: {nl: Wat helpt om hier rustig naar te kijken?, en: What helps to look at this calmly?}
        help: {nl: Rust., en: Calm.}
        source: "goedgenoeg-2025 §3.6"
  - id: feiten
    phase: facts
    title: {nl: De feiten, en: The facts}
    prompts:
      - id: feiten
        kind: text
        short: true
        summary: facts
        text: {nl: Welke feiten staan vast?, en: Which facts are established?}
        help: {nl: Feiten., en: Facts.}
        source: "goedgenoeg-2025 §3.2"
      - id: lezing
        kind: text
        short: true
        summary: interpretations
        text: {nl: Hoe lees je die feiten?, en: How do you read those facts?}
        help: {nl: Duiding., en: Reading.}
        source: "goedgenoeg-2025 §3.2"
  - id: opties
    phase: weighing
    title: {nl: Alternatieven, en: Alternatives}
    prompts:
      - id: thuis
        kind: alternative
        short: true
        region: [flanders, netherlands]
        text: {nl: Thuis blijven met steun, en: Staying at home with support}
        help: {nl: Thuis., en: Home.}
        description: {nl: Thuis., en: Home.}
        fits: {nl: Vaak., en: Often.}
        source: "goedgenoeg-2025 §5"
      - id: cig
        kind: alternative
        short: true
        region: [flanders]
        text: {nl: Gezinsverblijf in een CIG, en: A family stay in a CIG}
        help: {nl: CIG., en: CIG.}
        description: {nl: CIG., en: CIG.}
        fits: {nl: Soms., en: Sometimes.}
        source: "goedgenoeg-2025 §5"
      - id: familie
        kind: alternative
        short: true
        region: [flanders, netherlands]
        text: {nl: Opvang bij familie, en: Care by family}
        help: {nl: Familie., en: Family.}
        description: {nl: Familie., en: Family.}
        fits: {nl: Soms., en: Sometimes.}
        source: "goedgenoeg-2025 §5"
  - id: besluit
    phase: decision
    title: {nl: Het besluit, en: The decision}
    prompts:
      - id: besluit
        kind: text
        short: true
        summary: decision
        text: {nl: Wat wordt er besloten of geadviseerd?, en: What is decided or advised?}
        help: {nl: Het besluit., en: The decision.}
        source: "goedgenoeg-2025 §4.6"
      - id: grond
        kind: text
        summary: grounds
        text: {nl: Waarop steunt het?, en: What does it rest on?}
        help: {nl: De grond., en: The grounds.}
        source: "goedgenoeg-2025 §4.6"
      - id: tegenstem
        kind: text
        short: true
        summary: dissent
        text: {nl: "Wie was het oneens, en waarom?", en: "Who disagreed, and why?"}
        help: {nl: Tegenstem., en: Dissent.}
        source: "goedgenoeg-2025 §4.3"
  - id: stappen
    phase: steps
    title: {nl: Volgende stappen, en: Next steps}
    prompts:
      - id: stappen
        kind: actions
        short: true
        summary: next_steps
        text: {nl: "Wie doet wat, wanneer?", en: "Who does what, by when?"}
        help: {nl: Stappen., en: Steps.}
        source: "goedgenoeg-2025 §4.4"
"""

CONTEXT = {
    "case": "GG-T-1",
    "decision": "placement",
    "age": "under-1",
    "region": "flanders",
    "who": "alone",
    "role": "consulent OCJ",
}
FEELING = "Ik slaap er slecht van en ben boos op de moeder"
DECISION = "Advies aan de procureur: geen plaatsing, wel een veiligheidsplan met oma"
PEOPLE = [
    {"who": "oma Mie", "relation": "grootmoeder", "meaning": "vangt de baby elke dag op"},
    {"who": "papa", "relation": "vader", "meaning": "wil meer betrokken zijn"},
    {
        "who": "nieuwe partner",
        "relation": "partner van moeder",
        "meaning": "geweld in het verleden",
        "risk": "ja",
        "worry": "slaat als hij drinkt; de buurvrouw en de huisarts zien het",
    },
]
ANSWERS = {
    "proef.netwerk": PEOPLE,
    "proef.gevoel": FEELING,
    "proef.overtuiging": {"response": "recognise", "note": "dat denk ik soms echt"},
    "proef.feiten": "Drie gemiste consultaties bij Kind en Gezin\nGewicht op de 3de percentiel",
    "proef.lezing": "Machteloosheid eerder dan verwaarlozing",
    "proef.thuis": {"status": "feasible", "note": "met dagelijkse steun van oma"},
    "proef.cig": {"status": "not_feasible", "note": "wachtlijst van vier maanden"},
    "proef.familie": "not_considered",
    "proef.besluit": DECISION,
    "proef.tegenstem": "Niemand",
    "proef.stappen": [{"who": "consulent", "what": "netwerkberaad plannen", "when": "vrijdag", "result": "datum staat"}],
}


@pytest.fixture
def small(tmp_path):
    """Our small library with the bundled context library (and its sources)."""
    path = tmp_path / "proef.yaml"
    path.write_text(LIBRARY, encoding="utf-8")
    return load_all([path, bundled_dir() / "context.yaml", bundled_dir() / "sources.yaml"], with_bundled=False)


def session_with(libraries, answers=ANSWERS, lang="nl", context=CONTEXT, path=None):
    prompts = {f"{x.library.id}.{p.id}": p for x in libraries.libraries for s in x.library.sections for p in s.prompts}
    session = new_session(libraries, lang)
    session.path = path
    for key, value in {**{f"context.{k}": v for k, v in context.items()}, **answers}.items():
        if isinstance(value, Answer):
            session.answers[key] = value
        else:
            session.answers[key] = Answer(status="answered", value=normalise(prompts[key], value))
    return session


def h2s(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open" and tok.tag == "h2"]


def part(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


# --- the dossier record --------------------------------------------------------------


def test_the_dossier_record_starts_with_the_summary_which_holds_the_decision(small):
    record = render(session_with(small), small)
    lines = record.splitlines()
    assert lines[0] == "# Reflectie: GG-T-1"
    assert h2s(record)[0] == "Samenvatting"
    summary = part(record, "Samenvatting")
    assert "### Besluit of advies\n\n" + DECISION in summary
    # the facts apart from the interpretations, and whose reading it is
    assert summary.index("### Feiten") < summary.index("### Duidingen (en van wie)")
    assert "Drie gemiste consultaties bij Kind en Gezin  \nGewicht op de 3de percentiel" in summary
    assert "*Lezing van: consulent OCJ*" in summary
    # alternatives: the considered ones in a table with status and reason, a line for the others
    assert "| Gezinsverblijf in een CIG | Vlaanderen | Overwogen, niet haalbaar | wachtlijst van vier maanden |" in summary
    assert "Niet overwogen: Opvang bij familie." in summary
    assert "| consulent | netwerkberaad plannen | vrijdag | datum staat |" in summary
    # the details come after the summary
    assert h2s(record).index("Gegevens") > 0 and record.index("## Gegevens") > record.index(DECISION)


def test_a_prompt_left_out_of_the_dossier_is_absent_and_only_its_part_is_named(small):
    session = session_with(small)
    record = render(session, small)
    assert FEELING not in record
    assert "Ouders die hun afspraken niet nakomen" not in record and "dat denk ik soms echt" not in record
    assert "Interne reflectie" not in record
    line = "*Er vond ook een reflectie plaats op valkuilen, overtuigingen en de eigen rol (Eigen valkuilen)."
    assert line in record
    # the part was gone through (its own reflection was answered): its other question is open, not 'not gone through'
    assert "### Eigen valkuilen\n\n**Wat helpt om hier rustig naar te kijken?**\n\n*niet ingevuld*" in record
    for fmt in ("html", "docx"):
        data = render(session, small, fmt=fmt)
        text = data.decode() if fmt == "html" else docx_text(data)
        assert FEELING not in text and "Eigen valkuilen" in text and DECISION in text


def test_the_full_record_has_everything_under_an_internal_notice(small):
    session = session_with(small)
    record = render(session, small, full=True)
    assert FEELING in record and "dat denk ik soms echt" in record
    blocks = record.split("\n\n")
    assert blocks[0] == "# Reflectie: GG-T-1"
    assert blocks[1].startswith("> **Interne reflectie - niet voor het dossier**")
    assert "| Soort verslag | volledige interne reflectie, niet voor het dossier |" in record
    assert "Er vond ook een reflectie plaats" not in record
    html = render(session, small, fmt="html", full=True).decode()
    assert html.index('class="notice"') < html.index("<h2>Samenvatting</h2>") and FEELING in html
    # every printed page says it, so a page that comes loose does too
    assert '@bottom-center { content: "Interne reflectie - niet voor het dossier"' in html
    assert "@bottom-center" not in render(session, small, fmt="html").decode()
    import docx

    data = render(session, small, fmt="docx", full=True)
    assert FEELING in docx_text(data)
    header = docx.Document(io.BytesIO(data)).sections[0].header.paragraphs[0].text
    assert header == "Reflectie: GG-T-1 · Interne reflectie - niet voor het dossier"
    header = docx.Document(io.BytesIO(render(session, small, fmt="docx"))).sections[0].header.paragraphs[0].text
    assert header == "Reflectie: GG-T-1"


def test_only_what_was_on_the_path_or_answered_is_on_the_record(small):
    answers = dict(ANSWERS)
    record = render(session_with(small, answers), small)  # alone: the short path
    assert "Waarop steunt het?" not in record  # not on the short path, not answered
    answers["proef.grond"] = "de zorg om het gewicht"
    record = render(session_with(small, answers), small)
    assert "### Waarop het steunt\n\nde zorg om het gewicht" in part(record, "Samenvatting")
    record = render(session_with(small, ANSWERS, path="full"), small)
    assert "**Waarop steunt het?**\n\n*niet ingevuld*" in record  # "not filled in", never "skipped" in a file
    assert "### Waarop het steunt\n\n*niet ingevuld*" in part(record, "Samenvatting")


def test_in_a_team_differing_voices_on_the_dissent_name_their_person(small):
    answers = dict(ANSWERS)
    answers["proef.tegenstem"] = Answer(status="answered", voices={"An": "akkoord", "Cy": "eerst een netwerkberaad"})
    summary = part(render(session_with(small, answers, context=dict(CONTEXT, who="team")), small), "Samenvatting")
    dissent = summary.split("### Tegenstem", 1)[1].split("###", 1)[0]
    assert "**An**\n\nakkoord" in dissent and "**Cy**\n\neerst een netwerkberaad" in dissent


def test_the_details_name_a_role_only_when_one_was_given(small):
    """The short path does not ask the role: the details then leave it out instead of showing '-'."""
    given = part(render(session_with(small), small), "Gegevens")
    assert "| Rol | consulent OCJ |" in given
    without = {k: v for k, v in CONTEXT.items() if k != "role"}
    details = part(render(session_with(small, context=without), small), "Gegevens")
    assert "| Rol |" not in details
    assert "| Casus (pseudoniem) | GG-T-1 |" in details


def test_the_english_record_says_summary(small):
    record = render(session_with(small, lang="en"), small)
    assert record.startswith("# Reflection: GG-T-1\n\n## Summary\n")
    assert "### Decision or advice" in record


def test_the_record_keeps_its_other_parts(small):
    record = render(session_with(small), small)
    # the parts whose answers all stand in the summary are not repeated below it
    assert h2s(record) == ["Samenvatting", "Gegevens", "De mensen", "De afweging", "Open punten", "Bronnen"]
    assert "wat in de samenvatting staat, wordt niet herhaald" in record
    assert "Opvang bij familie (Niet overwogen)" in part(record, "Open punten")
    sources = part(record, "Bronnen")  # each source by its title, not its id
    assert "Hulpverlening, een zaak van goed genoeg?" in sources and "goedgenoeg-2025" not in sources


# --- markdown -----------------------------------------------------------------------

HOSTILE = "a | b *x* **y** <script>alert(1)</script>\x1b[31mrood\x1b[0m\n- lijst\n# kop\n|---|---|\n1. een"


def shape(markdown: str):
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [(t.type, t.tag) for t in tokens if t.type != "inline"], tokens


def test_a_hostile_answer_cannot_break_out_of_the_markdown(small):
    plain = dict(ANSWERS, **{"proef.besluit": "gewoon", "proef.netwerk": [{"who": "x", "relation": "y", "meaning": "z"}] * 3})
    hostile = dict(
        ANSWERS, **{"proef.besluit": HOSTILE, "proef.netwerk": [{"who": HOSTILE, "relation": HOSTILE, "meaning": HOSTILE}] * 3}
    )
    plain_blocks, plain_tokens = shape(render(session_with(small, plain, context=dict(CONTEXT, case="GG-1")), small))
    record = render(session_with(small, hostile, context=dict(CONTEXT, case="GG | <b>1</b> *")), small)
    blocks, tokens = shape(record)
    assert blocks == plain_blocks  # same headings, paragraphs, tables, rows and cells
    assert "\x1b" not in record and not re.search(r"(?<!\\)<(?!br>)", record)  # every "<" but our own <br> is escaped
    inline = [c for t in tokens if t.type == "inline" for c in t.children]
    assert not [c for c in inline if c.type == "html_inline" and c.content != "<br>"]
    emphasis = [c.type for c in inline if c.type in ("em_open", "strong_open", "link_open", "code_inline")]
    assert emphasis == [
        c.type
        for t in plain_tokens
        if t.type == "inline"
        for c in t.children
        if c.type in ("em_open", "strong_open", "link_open", "code_inline")
    ]
    texts = " ".join(c.content for c in inline if c.type == "text")
    assert "a | b *x* **y** <script>alert(1)</script>rood" in texts and "- lijst" in texts and "1. een" in texts
    assert "".join(c.content for c in tokens[1].children) == "Reflectie: GG | <b>1</b> *"


def test_markdown_escapes_only_where_text_would_become_markup():
    assert (
        escape_line("moeder - vader | oma & opa, 3 * 4 = 12, kind_van_de_buren")
        == "moeder - vader | oma & opa, 3 * 4 = 12, kind_van_de_buren"
    )
    assert escape_block("- eerste\n1. tweede\n# derde\n> vierde") == "\\- eerste  \n1\\. tweede  \n\\# derde  \n\\> vierde"
    assert escape_cell("a | b\nc") == "a \\| b <br> c"
    assert escape_line("*nadruk* en <b> en [link](x) en `code`") == "\\*nadruk\\* en \\<b> en \\[link](x) en \\`code\\`"


def test_the_network_in_markdown_is_a_table_with_the_worry_and_who_sees_it(small):
    # drawn where the people were asked, under the people
    network = part(render(session_with(small), small), "De mensen")
    assert "```" not in network and "mermaid" not in network
    assert (
        "| Wie (pseudoniem of rol) | Relatie tot het kind of gezin | Betekenis (nu, of wat zou kunnen) "
        "| Zorg: wat, en wie ziet ze |" in network
    )
    assert (
        "| nieuwe partner | partner van moeder | geweld in het verleden | "
        "slaat als hij drinkt; de buurvrouw en de huisarts zien het |" in network
    )
    assert "\u26a0" not in network
    assert "| oma Mie | grootmoeder | vangt de baby elke dag op |   |" in network


# --- Word ---------------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_docx_is_a4_with_word_headings_bordered_tables_and_no_markdown_escapes(small):
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm

    answers = dict(ANSWERS, **{"proef.besluit": "Eerste regel - met een streep\nTweede regel | met een pijp *en* sterren"})
    data = render(session_with(small, answers), small, fmt="docx")
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
        assert Cm(1.5) <= section.left_margin <= Cm(3) and Cm(1.5) <= section.right_margin <= Cm(3)
    headings = {p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= headings
    title = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    assert title.text == "Reflectie: GG-T-1"
    assert len(document.tables) >= 4
    for table in document.tables:
        assert table.style.name == "Table Grid"
        # every table's first row repeats on each page, in the order Word's schema requires
        first = [el.tag.split("}")[1] for el in table.rows[0]._tr.trPr]
        assert "tblHeader" in first and first.index("cantSplit") < first.index("tblHeader"), first
        borders = table.style.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
        assert borders is not None and borders.find(qn("w:insideH")) is not None
        widths = [cell.width for cell in table.rows[0].cells]
        assert all(w is not None and w > Cm(1.5) for w in widths), widths
        assert abs(sum(widths) - Cm(17.0)) < Cm(0.1)
    text = docx_text(data)
    for escape in ("\\-", "\\|", "\\*", "**", "<br>"):
        assert escape not in text, escape
    # the user's line break is a line break inside one paragraph
    [paragraph] = [p for p in document.paragraphs if "Eerste regel" in p.text and p.style.name != "Heading 3"][:1]
    assert paragraph.text == "Eerste regel - met een streep\nTweede regel | met een pijp *en* sterren"
    assert paragraph._p.xpath(".//w:br")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/document.xml" in package.namelist()


# --- html ---------------------------------------------------------------------------


def test_the_html_is_self_contained_with_the_network_as_a_picture(small):
    answers = dict(ANSWERS, **{"proef.besluit": "<script>alert('x')</script> & <img src=x onerror=alert(1)>"})
    html = render(session_with(small, answers), small, fmt="html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "@page { size: A4" in html
    assert "<script" not in html.lower() and "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert not re.search(r"https?://", html)
    assert not re.search(r"\b(src|href)\s*=|@import|url\(", html.replace("&lt;img src=x", ""))
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in html
    [svg] = re.findall(r"<svg viewBox.*?</svg>", html, re.S)
    people = re.findall(r'<g class="person( worry)?">(.*?)</g>', svg, re.S)
    assert len(people) == 3 and len(re.findall(r'<g class="child">', svg)) == 1
    assert ">Kind<" in svg and ">oma Mie<" in svg and ">grootmoeder<" in svg
    worried = [body for worry, body in people if worry]
    calm = [body for worry, body in people if not worry]
    assert len(worried) == 1 and ">nieuwe partner<" in worried[0]
    # the worry in words, with a dotted border in the same ink as the others: no alarm
    assert '<tspan style="font-weight:bold">Zorg:</tspan> slaat als hij' in worried[0] and "stroke-dasharray" in worried[0]
    assert all("stroke-dasharray" not in body for body in calm)
    assert "\u26a0" not in html and "#b00020" not in html and "red" not in svg
    assert "Legende" in html and "gestippelde rand" in html


def test_the_html_keeps_line_breaks_and_escapes_the_case_reference(small):
    session = session_with(small, context=dict(CONTEXT, case='GG <1> & "2"'))
    html = render(session, small, fmt="html").decode()
    assert "<title>Reflectie: GG &lt;1&gt; &amp; &quot;2&quot;</title>" in html
    assert "Drie gemiste consultaties bij Kind en Gezin<br>Gewicht op de 3de percentiel" in html


# --- writing and naming -------------------------------------------------------------


def test_write_record_names_the_file_by_format_and_kind(small, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = session_with(small)
    day = session.updated[:10]
    assert suggested_name(session, small) == f"reflectie-GG-T-1-{day}.md"
    assert suggested_name(session, small, fmt="docx", full=True) == f"reflectie-GG-T-1-{day}-intern.docx"
    written = write_record(session, small, None, fmt="html")
    assert written.name == f"reflectie-GG-T-1-{day}.html" and written.read_bytes().startswith(b"<!DOCTYPE html>")
    written = write_record(session, small, None, fmt="docx", full=True)
    assert written.name.endswith("-intern.docx") and zipfile.is_zipfile(written)
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    out = write_record(session, small, tmp_path / "r.md")
    assert out.read_text(encoding="utf-8") == render(session, small)
    with pytest.raises(FileExistsError):
        write_record(session, small, tmp_path / "r.md")


def test_an_unknown_format_is_refused(small):
    with pytest.raises(ValueError, match="md, docx, html"):
        render(session_with(small), small, fmt="pdf")


# --- people rows: the risk flag -----------------------------------------------------


def test_a_person_may_be_marked_as_a_risk_and_old_rows_without_it_still_load(small):
    prompt = small.get("proef").sections[0].prompts[0]
    rows = normalise(prompt, [{"who": "a", "risk": "ja"}, {"who": "b", "risk": "nee"}, {"who": "c", "risk": True}, {"who": "d"}])
    assert [r["risk"] for r in rows] == [True, False, True, False]
    assert normalise(prompt, [{"who": "e", "risk": "yes"}, {"who": "f", "risk": "false"}])[0]["risk"] is True
    with pytest.raises(AnswerError, match="true or false"):
        normalise(prompt, [{"who": "x", "risk": "misschien"}])
    assert describe(prompt, rows[:2], "nl") == "a - zorg: zorg aangegeven, zonder reden; b"
    session = session_with(small)
    session.answers["proef.netwerk"] = Answer(status="answered", value=[{"who": "oma", "relation": "", "meaning": ""}])
    assert fit_answers(session, small) == [] and session.answers["proef.netwerk"].value[0]["risk"] is False
    document = build(session, small)
    [network] = [b for b in document.blocks if type(b).__name__ == "Network"]
    assert network.people[0].worry == ""


def test_the_summary_says_so_when_no_prompt_feeds_it(tmp_path):
    path = tmp_path / "kaal.yaml"
    path.write_text(
        'id: kaal\nversion: "1"\ntitle: {nl: Kaal}\nsections:\n  - id: s\n    title: {nl: S}\n    prompts:\n'
        '      - {id: p, kind: text, short: true, text: {nl: Vraag?}, help: {nl: h}, source: "goedgenoeg-2025"}\n',
        encoding="utf-8",
    )
    libraries = load_all([path, bundled_dir() / "sources.yaml"], with_bundled=False)  # not even the question on the table
    record = render(session_with(libraries, {"kaal.p": "antwoord"}, context={}), libraries)
    assert "## Samenvatting\n\n*De vragenbibliotheken duiden (nog) geen antwoorden aan" in record


def test_python_docx_is_imported_only_for_a_word_record(small):
    import subprocess
    import sys

    modules = "goedgenoeg.cli, goedgenoeg.record, goedgenoeg.record_file, goedgenoeg.commands.record"
    code = f"import sys, {modules}\nprint('docx' in sys.modules, 'lxml' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "False"], done.stderr
    render(session_with(small), small, fmt="docx")
    assert "docx" in sys.modules


def test_the_commands_write_each_format_and_the_full_record(tmp_path, runner):
    import yaml

    from goedgenoeg.cli import app

    library = tmp_path / "proef.yaml"
    library.write_text(LIBRARY, encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text(
        yaml.safe_dump({**{f"context.{k}": v for k, v in CONTEXT.items()}, **ANSWERS}, allow_unicode=True), encoding="utf-8"
    )
    result = runner.invoke(
        app, ["reflect", "--library", str(library), "--answers", str(answers), "--format", "docx", "-o", "r.docx"]
    )
    assert result.exit_code == 0, result.output
    text = docx_text((tmp_path / "r.docx").read_bytes())
    assert DECISION in text and FEELING not in text
    session_id = result.output.split("Sessie ", 1)[1].split()[0]
    result = runner.invoke(app, ["record", session_id, "--library", str(library), "--full"])
    assert result.exit_code == 0 and FEELING in result.output
    assert result.output.startswith(
        "# Reflectie: GG-T-1\n\nOpgesteld door: T. Tester\n\n> **Interne reflectie - niet voor het dossier**"
    )
    result = runner.invoke(app, ["record", session_id, "--library", str(library), "--format", "html"])
    assert result.exit_code == 0, result.output
    [written] = tmp_path.glob("reflectie-GG-T-1-*.html")
    assert "<svg viewBox" in written.read_text(encoding="utf-8")


def _parse(html: str) -> tuple[list[str], list[str], str]:
    """(start tags with their attribute names, comments, all text) as a browser's parser sees them."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.comments, self.text = [], [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag + "".join(f" {k}" for k, _ in attrs))

        def handle_comment(self, data):
            self.comments.append(data)

        def handle_data(self, data):
            self.text.append(data)

    reader = Reader()
    reader.feed(html)
    return reader.tags, reader.comments, " ".join("".join(reader.text).split())


def test_no_answer_text_becomes_a_tag_an_attribute_or_a_comment_in_the_html(tmp_path):
    from hypothesis import HealthCheck, given, settings, strategies as st

    path = tmp_path / "proef.yaml"
    path.write_text(LIBRARY, encoding="utf-8")
    libraries = load_all([path, bundled_dir() / "context.yaml"], with_bundled=False)

    def html_with(value: str) -> str:
        answers = dict(ANSWERS, **{"proef.besluit": value, "proef.netwerk": [{"who": value, "relation": "r", "meaning": "m"}]})
        return render(session_with(libraries, answers, context=dict(CONTEXT, case=value)), libraries, fmt="html").decode()

    ours = set(_parse(html_with("gewoon"))[0]) | {"br"}
    pieces = st.one_of(
        st.text(max_size=6),
        st.sampled_from(["<script>", "</svg>", "<!--", "-->", "]]>", "<", ">", "&amp;", '"', "'", "\n", "<a href=x>"]),
    )

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(pieces, min_size=1, max_size=8).map("".join))
    def check(value):
        clean = " ".join(strip_control(value).split())
        if not clean:
            return
        tags, comments, text = _parse(html_with(value))
        assert set(tags) <= ours and comments == []
        assert tags.count("script") == 0 and tags.count("style") == 1
        assert clean in text  # the answer as typed, nothing lost

    check()
