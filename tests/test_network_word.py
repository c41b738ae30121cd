"""Issue 20, points 7 and 8: a worry about a person says what it is and who sees it (no red
warning without grounds), the network picture draws the household and stays readable at 14
people, and the Word file is marked in the record's language, dated with the record's time,
numbers its pages "N van M" and can be built on an organisation's template."""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape
from itertools import combinations

import pytest

from goedgenoeg.cli import app
from goedgenoeg.document import Document, Heading, Network, Person
from goedgenoeg.household import in_household
from goedgenoeg.models import Answer
from goedgenoeg.record import render
from goedgenoeg.session import fit_answers
from goedgenoeg.writers import html as html_writer
from helpers import latest_session_id
from test_cli import answers_for
from test_record import ANSWERS, CONTEXT, docx_text, session_with, small  # noqa: F401 - small is a fixture

WORRY = "slaat als hij drinkt; de buurvrouw en de huisarts zien het"

# 14 people, with long texts, an unbroken word and capitals (the widest letters)
FOURTEEN = [
    Person("Mama Sofie", "moeder", "zorgt dag en nacht voor de baby en is moe", household=True),
    Person("Papa Karim", "vader", "wil meer betrokken zijn, werkt in ploegen", WORRY, household=True),
    Person("Oma Mie", "grootmoeder, woont in", "vangt de baby elke dag op", household=True),
    Person("Tante Els", "tante langs moederskant", "haalt op van de crèche"),
    Person("Opa Jef", "grootvader", "komt op zondag"),
    Person("Buurvrouw Rita", "buurvrouw", "springt bij als het nodig is"),
    Person("Juf Ann", "kinderverzorgster crèche", "merkt veranderingen op bij de baby"),
    Person("Huisarts dr. Peeters", "huisarts", "kent het gezin al jaren"),
    Person("Nieuwe partner", "partner van moeder", "geweld in het verleden", "eerdere melding bij Veilig Thuis"),
    Person("Vriendin Lotte", "vriendin van mama", "luistert"),
    Person("Oom Youssef", "broer van vader", "biedt aan om mee op te vangen in het weekend"),
    Person("Kinesitherapeutenpraktijkmedewerker", "kinesitherapeut", "ziet de baby wekelijks"),
    Person("MAATSCHAPPELIJK WERKER OCMW WWWW", "OCMW", "BUDGETBEGELEIDING LOOPT SINDS MAART MMMM"),
    Person("Peter Wim", "peter van het kind", "een vaste waarde sinds de geboorte, ook voor de moeder een steun"),
]


def _attrs(tag: str) -> dict[str, str]:
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def _rect(tag: str) -> tuple[float, float, float, float]:
    a = _attrs(tag)
    return float(a["x"]), float(a["y"]), float(a["width"]), float(a["height"])


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return (
        outer[0] <= inner[0]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and outer[1] <= inner[1]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def picture(people=FOURTEEN, children=("Noor",)) -> str:
    network = Network(tuple(children), tuple(people), ("Wie", "Relatie", "Betekenis", "Zorg"), "Zorg")
    page = html_writer.write(Document("nl", "Reflectie: proef", (Heading(1, "Reflectie: proef"), network)))
    [svg] = re.findall(r"<svg viewBox.*?</svg>", page.decode("utf-8"), re.S)
    return svg


# --- the picture at 14 people ---------------------------------------------------------------


def test_fourteen_people_get_boxes_that_do_not_overlap_and_labels_that_are_not_cut():
    svg = picture()
    width, height = (float(x) for x in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    people = re.findall(r'<g class="person(?: worry)?">(<rect [^>]*/>)(.*?)</g>', svg, re.S)
    frames = [_rect(tag) for tag in re.findall(r'<g class="group">(<rect [^>]*/>)', svg)]
    children = [_attrs(tag) for tag in re.findall(r"<ellipse [^>]*/>", svg)]
    assert len(people) == 14 and len(frames) == 2 and len(children) == 1
    boxes = [_rect(rect) for rect, _ in people]
    # no two boxes overlap; every box lies inside the picture and inside its group's frame
    assert not [(a, b) for a, b in combinations(boxes, 2) if _overlap(a, b)]
    for box in boxes:
        assert _inside(box, (0, 0, width, height)) and any(_inside(box, f) for f in frames), box
    # the child's ellipse lies between the groups, touching neither
    child = children[0]
    ellipse = (
        float(child["cx"]) - float(child["rx"]),
        float(child["cy"]) - float(child["ry"]),
        2 * float(child["rx"]),
        2 * float(child["ry"]),
    )
    assert not any(_overlap(ellipse, f) for f in frames)
    for (_tag, body), box, person in zip(people, boxes, FOURTEEN, strict=True):
        lines = [unescape(re.sub(r"<[^>]+>", "", x)) for x in re.findall(r"<text [^>]*>(.*?)</text>", body)]
        sizes = [float(x) for x in re.findall(r'<text [^>]*font-size="([\d.]+)"', body)]
        # each line fits its box (Arial Bold widths, the widest of the styles used) ...
        for line, size in zip(lines, sizes, strict=True):
            assert html_writer.text_width(line, size) <= box[2] - 2 * html_writer.BOX_PAD_X, (line, box)
        # ... the lines stay inside the box's height, and nothing is cut: every word is there
        ys = [float(y) for y in re.findall(r'<text [^>]*y="([\d.]+)"', body)]
        assert box[1] < min(ys) - 12 and max(ys) + 3 < box[1] + box[3], (person.who, ys, box)
        shown = "".join(lines).replace(" ", "")
        whole = "".join([person.who, person.relation, person.meaning] + (["Zorg:", person.worry] if person.worry else []))
        assert shown == whole.replace(" ", ""), person.who
    assert "\u2026" not in svg


def test_the_parents_and_whoever_lives_with_the_child_are_drawn_as_a_group_beside_the_child(small):  # noqa: F811
    people = [
        {"who": "mama Sofie", "relation": "moeder", "meaning": "zorgt voor de baby"},
        {"who": "Karim", "relation": "vader van Noor", "meaning": ""},
        {"who": "oma Mie", "relation": "grootmoeder, woont bij het kind", "meaning": "vangt op"},
        {"who": "nieuwe partner", "relation": "partner van moeder", "meaning": ""},
        {"who": "opa Jef", "relation": "grootvader", "meaning": ""},
    ]
    session = session_with(small, dict(ANSWERS, **{"proef.netwerk": people}))
    svg = re.findall(r"<svg viewBox.*?</svg>", render(session, small, fmt="html").decode(), re.S)[0]
    groups = re.findall(r'<g class="group">.*?<text [^>]*>(.*?)</text>', svg, re.S)
    assert groups == ["Ouders en wie bij het kind woont", "Het netwerk"]
    frames = [_rect(tag) for tag in re.findall(r'<g class="group">(<rect [^>]*/>)', svg)]
    placed = {}
    for rect, name in re.findall(r'<g class="person(?: worry)?">(<rect [^>]*/>)<text [^>]*>([^<]*)</text>', svg):
        placed[unescape(name)] = next(n for n, f in enumerate(frames) if _inside(_rect(rect), f))
    assert placed == {"mama Sofie": 0, "Karim": 0, "oma Mie": 0, "nieuwe partner": 1, "opa Jef": 1}


def test_a_network_without_a_parent_says_so_in_the_picture():
    svg = picture([Person("Tante Els", "tante", "haalt op")])
    assert "Geen ouder of huisgenoot in de lijst genoemd." in svg


@pytest.mark.parametrize(
    ("relation", "home"),
    [
        ("moeder", True),
        ("Vader van Noor", True),
        ("pleegmoeder", True),
        ("stiefvader", True),
        ("mama", True),
        ("biological father", True),
        ("grootmoeder, woont in", True),
        ("oom, woont bij het gezin", True),
        ("lives with the child", True),
        ("grootmoeder", False),
        ("partner van moeder", False),
        ("mother's friend", False),
        ("vriendin van mama", False),
        ("broer, woont niet meer thuis", False),
        ("", False),
    ],
)
def test_the_household_is_read_from_the_relation_words(relation, home):
    assert in_household(relation) is home


# --- the worry in words, in every format --------------------------------------------------


def test_the_worry_and_who_sees_it_are_in_the_markdown_word_and_html_record_without_alarm(small):  # noqa: F811
    session = session_with(small)
    markdown = render(session, small)
    assert f"| nieuwe partner | partner van moeder | geweld in het verleden | {WORRY} |" in markdown
    data = render(session, small, fmt="docx")
    assert WORRY in docx_text(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode()
    assert "\u26a0" not in body and "B00020" not in body.upper() and "<w:color" not in body  # no red, no warning sign
    html = render(session, small, fmt="html").decode()
    assert html.count(WORRY.split(";")[0]) == 2  # in the picture and in the table
    assert "\u26a0" not in html and "#b00020" not in html


def test_an_old_session_without_the_reason_still_writes_its_record_in_every_format(small):  # noqa: F811
    session = session_with(small)
    # stored by an earlier version: a yes without the field for its reason
    session.answers["proef.netwerk"] = Answer(status="answered", value=[{"who": "papa", "relation": "vader", "risk": True}])
    assert fit_answers(session, small) == []
    assert session.answers["proef.netwerk"].value == [
        {"who": "papa", "relation": "vader", "meaning": "", "risk": True, "worry": ""}
    ]
    assert "| papa | vader |   | zorg aangegeven, zonder reden |" in render(session, small)
    assert "zorg aangegeven, zonder reden" in docx_text(render(session, small, fmt="docx"))
    html = render(session, small, fmt="html").decode()
    [box] = re.findall(r'<g class="person worry">(.*?)</g>', html, re.S)
    assert ">papa<" in box and '<tspan style="font-weight:bold">Zorg:</tspan> zorg aangegeven,' in box


# --- the Word file --------------------------------------------------------------------------


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml")}


@pytest.mark.parametrize(
    ("lang", "region", "tag"),
    [("nl", "flanders", "nl-BE"), ("nl", "netherlands", "nl-NL"), ("en", "flanders", "en-GB"), ("en", "netherlands", "en-GB")],
)
def test_the_word_file_is_marked_in_the_records_language(small, lang, region, tag):  # noqa: F811
    session = session_with(small, lang=lang, context=dict(CONTEXT, region=region))
    xml = parts(render(session, small, fmt="docx"))
    styles = xml["word/styles.xml"]
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    assert re.search(rf'<w:lang w:val="{tag}"', defaults)
    assert set(re.findall(r'<w:lang w:val="([^"]+)"', styles)) == {tag}
    assert "en-US" not in styles and "en-US" not in xml["word/stylesWithEffects.xml"]
    assert re.search(rf'<w:themeFontLang w:val="{tag}"', xml["word/settings.xml"])
    assert f"<dc:language>{tag}</dc:language>" in xml["docProps/core.xml"]


def test_the_word_file_is_dated_with_the_record_and_made_by_no_library_or_mac(small):  # noqa: F811
    session = session_with(small)
    session.updated = "2026-03-14T09:30:00+01:00"
    xml = parts(render(session, small, fmt="docx"))
    core, app_xml = xml["docProps/core.xml"], xml["docProps/app.xml"]
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-14T08:30:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-14T08:30:00Z</dcterms:modified>' in core
    assert "<dc:title>Reflectie: GG-T-1</dc:title>" in core
    for text in ("python-docx", "2013"):
        assert text not in core, text
    assert "Macintosh" not in app_xml and "<Application>goedgenoeg</Application>" in app_xml


@pytest.mark.parametrize(("lang", "words"), [("nl", ("pagina ", " van ")), ("en", ("page ", " of "))])
def test_the_footer_says_page_n_of_m(small, lang, words):  # noqa: F811
    xml = parts(render(session_with(small, lang=lang), small, fmt="docx"))
    [footer] = [v for k, v in xml.items() if k.startswith("word/footer")]
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:fldSimple w:instr=\"(\w+)\"", footer)
    assert [a or b for a, b in texts] == [words[0], "PAGE", "1", words[1], "NUMPAGES", "1"]


# --- the organisation's template ------------------------------------------------------------

PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc00000030101001853d7e10000000049454e44ae426082"
)


def house_style(path):
    """An organisation's .docx as Word leaves it: its own Normal font, a logo and an address in
    the header, sample text in the body, and none of the styles the record uses."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    document.styles["Normal"].font.name = "Georgia"
    header = document.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(PIXEL), width=Cm(1))
    header.add_run("Stad Gent · Jeugdhulp")
    document.add_paragraph("VOORBEELDTEKST van het sjabloon")
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) in {"Heading1", "Heading2", "Heading3", "TableGrid", "ListBullet"}:
            styles.remove(style)
    document.save(path)


def test_a_word_record_is_built_on_the_organisations_template(tmp_path, monkeypatch, libraries, runner):
    import docx

    house_style(tmp_path / "huisstijl.docx")
    config = tmp_path / "config.toml"
    config.write_text('docx_template = "huisstijl.docx"\n', encoding="utf-8")  # read from the file's folder
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    assert (
        f"  docx_template  {tmp_path / 'huisstijl.docx'}  [gebruikersbestand {config}]" in runner.invoke(app, ["config"]).output
    )
    answers = tmp_path / "a.yaml"
    import yaml

    context = {"case": "GG-HUIS", "decision": "placement", "age": "under-1", "region": "flanders", "who": "alone"}
    answers.write_text(yaml.safe_dump(answers_for(libraries, context), allow_unicode=True), encoding="utf-8")
    out = tmp_path / "r.docx"
    result = runner.invoke(app, ["reflect", "--answers", str(answers), "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    record = docx.Document(str(out))
    header = record.sections[0].header
    assert "Stad Gent · Jeugdhulp" in header.paragraphs[0].text and header._element.xpath(".//w:drawing")
    assert record.sections[0].header.paragraphs[-1].text == "Reflectie: GG-HUIS"
    assert record.styles["Normal"].font.name == "Georgia"
    text = docx_text(out.read_bytes())
    assert "VOORBEELDTEKST" not in text and "Reflectie: GG-HUIS" in text
    assert {"Heading 1", "Heading 2"} <= {p.style.name for p in record.paragraphs}
    assert all(table.style.name == "Table Grid" for table in record.tables)
    assert 'w:val="nl-BE"' in parts(out.read_bytes())["word/styles.xml"]


@pytest.mark.parametrize(
    ("content", "says"),
    [(None, "het Word-sjabloon {path} (instelling docx_template) bestaat niet"), (b"geen zip", "geen bruikbaar .docx-bestand")],
)
def test_a_missing_or_broken_template_gives_a_clear_message_and_no_traceback(
    tmp_path, monkeypatch, libraries, runner, content, says
):
    template = tmp_path / "huisstijl.docx"
    if content is not None:
        template.write_bytes(content)
    config = tmp_path / "config.toml"
    config.write_text(f'docx_template = "{template}"\n', encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    import yaml

    context = {"case": "GG-HUIS", "decision": "placement", "age": "under-1", "region": "flanders", "who": "alone"}
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump(answers_for(libraries, context), allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["reflect", "--answers", str(answers), "--format", "docx", "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 1 and not isinstance(result.exception, (ValueError, KeyError, zipfile.BadZipFile))
    assert says.format(path=template) in result.stderr and "Traceback" not in result.output + result.stderr
    assert "Je antwoorden zijn bewaard" in result.stderr
    session_id = latest_session_id(runner)
    again = runner.invoke(app, ["record", session_id, "--format", "docx", "-o", str(tmp_path / "r2.docx")])
    assert again.exit_code == 1 and says.format(path=template) in again.stderr and "Traceback" not in again.stderr
    # the markdown record does not need the template
    assert runner.invoke(app, ["record", session_id]).exit_code == 0
