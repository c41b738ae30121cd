"""Issue 24 point 4: one source for each list: the prompt kinds, and the yes/no words that an
answers file and the terminal both take ("neen" included)."""

from goedgenoeg import models
from goedgenoeg.values import flag
from goedgenoeg.vocab import NO_WORDS, YES_WORDS


def _every_kind(base: type) -> set[type]:
    found: set[type] = set()
    for sub in base.__subclasses__():
        if "kind" in sub.model_fields and sub.model_fields["kind"].annotation is not str:
            found.add(sub)
        found |= _every_kind(sub)
    return found


def test_every_prompt_kind_defined_is_in_the_one_list_the_library_reads():
    assert set(models.PROMPT_KINDS) == _every_kind(models.PromptBase)
    assert len(models.KINDS) == len(set(models.KINDS)) == len(models.PROMPT_KINDS)


def test_an_answers_file_takes_neen_as_the_terminal_does():
    assert "neen" in NO_WORDS
    assert [flag(word, 1, "risk") for word in ("neen", "Neen", "nee", "n", "no")] == [False] * 5
    assert [flag(word, 1, "risk") for word in YES_WORDS] == [True] * len(YES_WORDS)
