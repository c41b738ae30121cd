"""Settings: a config file (user, organisation, or named by GOEDGENOEG_CONFIG), the environment
and the command line, in that order of precedence, and 'goedgenoeg config' showing the origin."""

import json

from goedgenoeg.cli import app
from samples import OWN_LIBRARY


def own_library(folder):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "eigen.yaml"
    path.write_text(OWN_LIBRARY, encoding="utf-8")
    return path


def config_line(output, key):
    return next(line for line in output.splitlines() if line.strip().startswith(key + " "))


def test_a_config_file_named_by_the_environment_sets_language_sessions_folder_and_a_library(tmp_path, monkeypatch, runner):
    own_library(tmp_path / "org-prompts")
    config = tmp_path / "goedgenoeg.toml"
    config.write_text(
        'lang = "en"\nsessions_dir = "my-sessions"\nlibraries = ["org-prompts/eigen.yaml"]\nrecord_format = "md"\n',
        encoding="utf-8",
    )
    monkeypatch.delenv("GOEDGENOEG_SESSIONS_DIR")
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))

    shown = runner.invoke(app, ["config"])
    assert shown.exit_code == 0, shown.stderr
    assert shown.output.startswith("Settings (command line > environment")  # English, from the file
    assert config_line(shown.output, "lang") == f"  lang           en  [user file {config}]"
    assert f"{tmp_path / 'my-sessions'}  [user file {config}]" in config_line(shown.output, "sessions_dir")
    assert f"{tmp_path / 'org-prompts' / 'eigen.yaml'}  [user file {config}]" in config_line(shown.output, "libraries")
    assert "[default]" in config_line(shown.output, "plain")

    listed = runner.invoke(app, ["libraries", "list"])
    assert "eigen" in listed.output and "Own questions" in listed.output

    answers = tmp_path / "a.yaml"
    answers.write_text("context.case: GG-CFG\ncontext.region: flanders\neigen.vraag: Ons eigen antwoord\n", encoding="utf-8")
    made = runner.invoke(app, ["reflect", "--answers", str(answers), "-o", "r.md"])
    assert made.exit_code == 0, made.stderr
    assert made.output.startswith("Session ")  # English messages
    saved = list((tmp_path / "my-sessions").glob("*.json"))
    assert len(saved) == 1
    assert json.loads(saved[0].read_text())["lang"] == "en"
    record = runner.invoke(app, ["record", saved[0].stem, "--full"])
    assert "Ons eigen antwoord" in record.output and record.output.startswith("# Reflection: GG-CFG")


def test_option_beats_environment_beats_user_file_beats_organisation_file(tmp_path, monkeypatch, runner):
    org = tmp_path / "site-config" / "goedgenoeg" / "config.toml"
    org.parent.mkdir(parents=True)
    org.write_text('lang = "en"\nregion = "flanders"\nrecord_format = "html"\nplain = true\n', encoding="utf-8")
    user = tmp_path / "home-config" / "goedgenoeg" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text('region = "netherlands"\nrecord_format = "docx"\nlang = "nl"\n', encoding="utf-8")
    monkeypatch.setenv("GOEDGENOEG_RECORD_FORMAT", "md")
    monkeypatch.setenv("GOEDGENOEG_LANG", "en")

    out = runner.invoke(app, ["config", "--lang", "nl"]).output
    assert config_line(out, "lang").endswith("[optie --lang]")  # option over environment
    assert config_line(out, "record_format").endswith("md  [omgevingsvariabele GOEDGENOEG_RECORD_FORMAT]")
    assert config_line(out, "region").endswith(f"netherlands  [gebruikersbestand {user}]")  # user over organisation
    assert config_line(out, "plain").endswith(f"true  [organisatiebestand {org}]")  # only the organisation sets it
    assert f"organisatie    {org}  (bestaat)" in out and f"gebruiker      {user}  (bestaat)" in out

    out = runner.invoke(app, ["config"]).output
    assert config_line(out, "lang").endswith("en  [environment variable GOEDGENOEG_LANG]")


def test_the_configured_region_is_the_default_of_the_context_question(tmp_path, monkeypatch, runner):
    monkeypatch.setenv("GOEDGENOEG_REGION", "netherlands")
    answers = tmp_path / "a.yaml"
    answers.write_text("context.case: GG-REG\n", encoding="utf-8")
    assert runner.invoke(app, ["reflect", "--answers", str(answers), "-o", "r.md"]).exit_code == 0
    assert "Nederland" in (tmp_path / "r.md").read_text()


def test_a_broken_config_file_says_where_and_what_to_fix(tmp_path, monkeypatch, runner):
    config = tmp_path / "c.toml"
    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(config))
    config.write_text('lang = "nl"\nregio = "flanders"\n', encoding="utf-8")
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert f"{config}: onbekende sleutel 'regio'" in result.stderr and "region" in result.stderr

    config.write_text('lang = "nl\n', encoding="utf-8")
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 2 and f"{config}: geen geldige TOML" in result.stderr and "line 1" in result.stderr

    config.write_text('lang = "fr"\n', encoding="utf-8")
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 2 and "'fr'" in result.stderr and "nl | en" in result.stderr

    monkeypatch.setenv("GOEDGENOEG_CONFIG", str(tmp_path / "absent.toml"))
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 2 and "GOEDGENOEG_CONFIG" in result.stderr and "absent.toml" in result.stderr


def test_a_record_loads_the_libraries_its_session_was_made_with_or_says_which_are_missing(tmp_path, runner):
    library = own_library(tmp_path / "prompts")
    answers = tmp_path / "a.yaml"
    answers.write_text("context.case: GG-LIB\ncontext.region: flanders\neigen.vraag: Ons eigen antwoord\n", encoding="utf-8")
    made = runner.invoke(app, ["reflect", "--library", str(library), "--answers", str(answers), "-o", "r.md"])
    assert made.exit_code == 0, made.stderr
    session_id = made.output.split("Sessie ", 1)[1].split()[0]

    again = runner.invoke(app, ["record", session_id, "--full"])  # no --library: found from the session
    assert again.exit_code == 0 and "Ons eigen antwoord" in again.output

    library.rename(tmp_path / "elsewhere.yaml")
    gone = runner.invoke(app, ["record", session_id, "--full"])
    assert "niet geladen" in gone.stderr and "eigen" in gone.stderr and "--library" in gone.stderr
    assert "Ons eigen antwoord" not in gone.output


def test_the_configured_region_is_offered_and_kept_with_enter_when_asked(tmp_path, monkeypatch, isolated, runner):
    monkeypatch.setenv("GOEDGENOEG_FORCE_INTERACTIVE", "1")
    monkeypatch.setenv("GOEDGENOEG_REGION", "netherlands")
    result = runner.invoke(app, ["reflect", "--path", "full"], input="GG-R\n1\n1\n\n!stop\n")
    assert result.exit_code == 130, result.output
    assert "Kies een nummer [2]" in result.output  # Nederland is the default
    session = json.loads(next(isolated.glob("*.json")).read_text())
    assert session["answers"]["context.region"]["value"] == "netherlands"


def test_the_old_sessions_folder_is_where_typer_put_it(tmp_path, monkeypatch):
    """The one-time move looks where the first versions kept sessions (typer's app folder),
    worked out without importing typer: both must name the same folder."""
    import typer

    from goedgenoeg.migrate import old_sessions_dir

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for xdg in (None, str(tmp_path / "xdg")):
        if xdg is None:
            monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        assert old_sessions_dir() == tmp_path.joinpath(typer.get_app_dir("goedgenoeg"), "sessions")
