"""The bundled content: complete in both languages, sourced, and covering the sources."""

import re

import pytest

from goedgenoeg.coverage import coverage


def all_prompts(libraries):
    for loaded in libraries.libraries:
        for section in loaded.library.sections:
            for prompt in section.prompts:
                yield loaded.library, section, prompt


def test_every_text_has_dutch_and_english_and_help(libraries):
    for library, section, prompt in all_prompts(libraries):
        where = f"{library.id}.{prompt.id}"
        for text in [prompt.text, prompt.help] + [getattr(prompt, k) for k in ("counter", "description", "fits") if getattr(prompt, k, None)]:
            assert text.nl.strip() and text.en and text.en.strip(), where
        for option in getattr(prompt, "options", None) or []:
            assert option.label.nl and option.label.en, where
        assert section.title.en and library.title.en, where


def test_every_source_resolves_to_the_bibliography(libraries):
    ids = {s.id for s in libraries.sources.sources}
    for library, _, prompt in all_prompts(libraries):
        for ref in prompt.source.split(";"):
            source_id, _, where = ref.strip().partition(" ")
            assert source_id in ids, f"{library.id}.{prompt.id}: {ref}"
            assert where.strip(), f"{library.id}.{prompt.id}: '{ref}' names no section"


@pytest.mark.parametrize("section", ["§3.1", "§3.2", "§3.3", "§3.4", "§3.5", "§3.6"] + [f"§4.{n}" for n in range(1, 8)])
def test_every_critical_note_and_recommendation_has_a_prompt(libraries, section):
    assert coverage(libraries)["goedgenoeg-2025"].get(section), section


def test_at_least_fifteen_alternatives_with_region(libraries):
    alternatives = [p for _, _, p in all_prompts(libraries) if p.kind == "alternative"]
    assert len(alternatives) >= 15
    names = " ".join(p.text.nl.lower() for p in alternatives)
    for must in ("amber", "cig", "familie", "kinderopvang", "buurt", "ouderschap", "veiligheidsplan", "contactpersoon", "kernteam"):
        assert must in names, must


def test_every_limiting_belief_of_004_appears(libraries):
    """The dogma's of 004 §3.4, each answered by a helpful belief (counter)."""
    beliefs = [p for lib, _, p in all_prompts(libraries) if "gooi-vechtstreek-2024 §3.4" in p.source and p.kind == "reflection"]
    assert len(beliefs) >= 17
    assert all(p.counter is not None for p in beliefs)


def test_no_sentence_copied_from_the_sources(libraries):
    """No run of nine words in a row of the Dutch texts appears in a source text (shorter runs
    are common phrases such as 'wat er aan de hand is')."""
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    files = sorted(seed.glob("00*.txt")) if seed.is_dir() else []
    if not files:
        pytest.skip("the source texts are not beside this checkout")
    words = lambda s: re.findall(r"[a-zà-ÿ]+", s.lower())  # noqa: E731
    source = "\n".join(" ".join(words(f.read_text(encoding="utf-8"))) for f in files)
    for library, _, prompt in all_prompts(libraries):
        fields = [prompt.text, prompt.help] + [getattr(prompt, k) for k in ("description", "fits", "counter") if getattr(prompt, k, None)]
        text = words(" ".join(f.nl for f in fields))
        for i in range(len(text) - 8):
            run = " ".join(text[i : i + 9])
            assert run not in source, f"{library.id}.{prompt.id}: '{run}'"


def test_intro_says_it_is_not_an_interview_script(libraries):
    intro = libraries.get("context").intro.nl
    assert "geen vragenlijst" in intro and "gezin" in intro
