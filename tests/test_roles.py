"""Issue 24 point 5: what the tool does with a prompt, section or library is found by its
`role:` in the YAML, not by its id: an organisation that replaces a bundled library (with other
ids) keeps meetings, dissent counts, the decision's status and the name exemptions, and
`libraries check` says when a replacing library drops a role the tool needs."""

from pathlib import Path

from goedgenoeg.cli import app
from goedgenoeg.facts import facts_of
from goedgenoeg.library import bundled_dir, load_all
from goedgenoeg.meeting import bring_in_prepared
from goedgenoeg.models import Answer
from goedgenoeg.privacy_review import privacy_findings
from goedgenoeg.session import new_session
from helpers import team_session as _team  # a Dutch team weighing a measure, with these answers


def _replacing(tmp_path: Path, name: str, renames: dict[str, str], drop: str | None = None) -> Path:
    """A copy of a bundled library with its prompt and section ids renamed (and one role line left out)."""
    text = (bundled_dir() / f"{name}.yaml").read_text(encoding="utf-8")
    for old, new in renames.items():
        text = text.replace(f"- id: {old}\n", f"- id: {new}\n")
    if drop is not None:
        text = "\n".join(line for line in text.split("\n") if line.strip() != f"role: {drop}")
    folder = tmp_path / "org"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_replaced_closing_library_with_other_ids_still_counts_dissent_and_the_decision_status(tmp_path):
    afsluiting = _replacing(tmp_path, "afsluiting", {"tegenstem": "oneens", "achter-besluit": "erachter"})
    besluit = _replacing(tmp_path, "besluit", {"stand": "waar-staan-we"})
    libraries = load_all([afsluiting, besluit])
    session = _team(libraries, **{"besluit.waar-staan-we": "proposed"})
    session.answers["afsluiting.erachter"] = Answer(status="answered", voices={"An": "yes", "Bo": "no"})
    facts = facts_of(session, libraries)
    assert facts.dissent is True and facts.stand == "proposed"
    before = _team(libraries, **{"afsluiting.oneens": "Cy was het oneens"})  # a session from before the yes/no question
    assert facts_of(before, libraries).dissent is True


def test_a_replaced_meeting_library_with_other_ids_still_takes_the_prepared_names(tmp_path, libraries):
    overleg = _replacing(tmp_path, "overleg", {"deelnemers": "aanwezigen"})
    replaced = load_all([overleg])
    earlier = [(name, _team(libraries, **{"besluit.feiten": f"{name} zag het"})) for name in ("An", "Bo")]
    meeting = new_session(replaced, "nl")
    bring_in_prepared(meeting, earlier, replaced)
    assert [p["name"] for p in meeting.prepared["overleg.aanwezigen"].value] == ["An", "Bo"]
    assert "overleg.deelnemers" not in meeting.prepared


def test_the_perspectives_are_found_by_their_role_not_their_section_ids(tmp_path):
    mentaliseren = _replacing(tmp_path, "mentaliseren", {"kind": "het-kind", "ouders": "de-ouders"})
    libraries = load_all([mentaliseren])
    facts = facts_of(_team(libraries), libraries)
    assert {section for section, _, _ in facts.perspectives} == {"het-kind", "de-ouders"}


def test_professionals_named_in_an_organisations_own_names_exempt_library_are_not_pointed_out(tmp_path, libraries):
    text = (bundled_dir() / "afsluiting.yaml").read_text(encoding="utf-8").replace("\nid: afsluiting\n", "\nid: ons-slot\n")
    (tmp_path / "ons-slot.yaml").write_text(text, encoding="utf-8")
    added = load_all([tmp_path / "ons-slot.yaml"])
    rows = [{"name": "Annelies Verbeke", "meeting_role": "chair"}, {"name": "Bo", "meeting_role": "member"}]
    network = [{"who": "Marieke Jansen", "relation": "moeder", "meaning": "zorgt"}]
    said = "Annelies Verbeke was het oneens; Marieke Jansen weet het nog niet"
    answers = {"overleg.deelnemers": rows, "netwerk.wie-belangrijk": network, "ons-slot.tegenstem": said}
    session = _team(added, **answers, **{"besluit.feiten": said})
    found = {step.key: {f.text for f in hits} for _, step, hits in privacy_findings(session, added)}
    # the participant's name is meant to be there (issue 21, point 9); the family's name is not
    assert all("Annelies" not in "".join(texts) for texts in found.values())
    assert any("Jansen" in "".join(texts) for texts in found.values())


def test_libraries_check_says_when_a_replacing_library_drops_a_role(tmp_path, runner):
    path = _replacing(tmp_path, "afsluiting", {}, drop="dissent")
    result = runner.invoke(app, ["libraries", "check", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert f"{path}:1: this library replaces the bundled 'afsluiting', but nothing in it has the role dissent" in result.stderr


def test_libraries_check_passes_a_replacing_library_that_keeps_its_roles_under_other_ids(tmp_path, runner):
    path = _replacing(tmp_path, "afsluiting", {"tegenstem": "oneens"})
    result = runner.invoke(app, ["libraries", "check", str(path)])
    assert result.exit_code == 0, result.stderr
