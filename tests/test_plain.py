"""--plain (or plain = true) for screen readers: no rules and no box-drawing around tables."""

import re

from goedgenoeg.cli import app

BOX = re.compile("[\u2500-\u257f]")  # the box-drawing block


def test_plain_output_has_no_box_drawing(tmp_path, monkeypatch, runner):
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "context.case: GG-PLAIN\ncontext.region: flanders\ncontext.decision: placement\ncontext.age: under-1\n"
        "alternatieven.cig-gezinsverblijf: {status: not_feasible, note: wachtlijst}\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["reflect", "--answers", str(answers), "-o", "r.md"]).exit_code == 0
    boxed = runner.invoke(app, ["overview"], env={"COLUMNS": "200"})
    assert boxed.exit_code == 0 and BOX.search(boxed.output)  # the normal tables are drawn
    plain = runner.invoke(app, ["overview", "--plain"], env={"COLUMNS": "200"})
    assert plain.exit_code == 0 and not BOX.search(plain.output)
    assert "Alternatief" in plain.output and "Het kind" in plain.output  # the same content, as text

    monkeypatch.setenv("GOEDGENOEG_PLAIN", "1")
    assert not BOX.search(runner.invoke(app, ["overview"], env={"COLUMNS": "200"}).output)
    assert runner.invoke(app, ["overview", "--no-plain"], env={"COLUMNS": "200"}).output == boxed.output
