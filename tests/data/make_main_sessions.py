"""Write the session files and records that test_kinds.py compares against: run ONCE with the
code of an earlier main (here 4eed638), so the files are exactly what that version wrote.

    git archive 4eed638 src | tar -x -C /tmp/main && ln -s "$PWD/prompts" /tmp/main/src/goedgenoeg/prompts
    GOEDGENOEG_CACHE_DIR=$(mktemp -d) PYTHONPATH=/tmp/main/src .venv/bin/python tests/data/make_main_sessions.py

Every prompt kind is answered: a team reflection (participants, a list and its guiding
questions, voices that differ and agree, a network named by several), two children (the
child's prompts per child), skipped, later and 'not considered' answers, and a follow-up that
changes answers and says what became of the next steps.

When a record changes on purpose later (a text, a library), write the records again from the
stored sessions, leaving the session files as main wrote them:

    .venv/bin/python tests/data/make_main_sessions.py --records-only
"""

from __future__ import annotations

from pathlib import Path

from goedgenoeg.library import load_all
from goedgenoeg.models import Answer
from goedgenoeg.record import render
from goedgenoeg.session import new_session
from goedgenoeg.walk import Walk

try:  # the code of today (followup.py) and that of the main the sessions were written with (reflect.py)
    from goedgenoeg.followup import start_followup
except ImportError:  # pragma: no cover - 4eed638
    from goedgenoeg.reflect import start_followup  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
AT = "2026-11-29T20:00:00+01:00"


def sample(prompt, n: int):
    kind = prompt.kind
    if kind == "text":
        return f"antwoord {n} op {prompt.id}"
    if kind == "reflection":
        return {"response": ["recognise", "not_recognise", "dont_know", "later"][n % 4], "note": f"notitie {n}" if n % 2 else ""}
    if kind == "alternative":
        status = ["feasible", "not_feasible", "not_applicable", "not_considered"][n % 4]
        return {"status": status, "note": f"reden {n}" if status == "not_feasible" or n % 3 == 0 else ""}
    if kind == "choice":
        return prompt.options[n % len(prompt.options)].id
    if kind == "multi":
        return [o.id for o in prompt.options[: 1 + n % 2]]
    if kind == "people":
        return [
            {"who": f"oma-{n}", "relation": "grootmoeder", "meaning": "vangt op", "risk": False},
            {"who": "vader", "relation": "vader", "meaning": "", "risk": n % 2 == 0},
        ]
    if kind == "actions":
        return [
            {"who": "consulent", "what": f"stap {n}", "when": "vrijdag", "result": "plan op papier"},
            {"who": "", "what": f"bellen {n}", "when": "", "result": ""},
        ]
    if kind == "participants":
        return [
            {"name": "An", "organisation": "OCJ", "role": "consulent", "meeting_role": "chair"},
            {"name": "Bo", "organisation": "", "role": "", "meeting_role": "member"},
        ]
    if kind == "list":
        return [f"richtvraag {n}", f"richtvraag {n + 1}"]
    if kind == "guiding":
        return None  # filled in from the list below
    if kind == "children":
        return [{"name": "Noor", "age": "under-1"}, {"name": "Lars", "age": "6-12"}]
    raise AssertionError(kind)


def answered(value=None, voices=None) -> Answer:
    return Answer(status="answered", value=value, voices=voices, at=AT)


def team_session(libraries):
    session = new_session(libraries, "nl")
    session.id, session.created, session.updated, session.tool_version = "20261129-2000-main", AT, AT, "0.9.0"
    context = {"case": "GG-MAIN-1", "decision": ["placement", "measure"], "age": "under-1", "region": "flanders"}
    context |= {"who": "team", "role": "team OCJ"}
    session.answers = {f"context.{k}": answered(v) for k, v in context.items()}
    session.path = "full"
    walk = Walk(libraries, session.answers, path="full")
    lists: dict[str, list[str]] = {}
    for n, step in enumerate(walk.steps()):
        if step.key in session.answers:
            continue
        prompt = step.prompt
        if n % 17 == 5:
            session.answers[step.key] = Answer(status="skipped" if n % 2 else "later", at=AT)
            continue
        value = sample(prompt, n)
        if prompt.kind == "list":
            lists[prompt.id] = value
        if prompt.kind == "guiding":
            items = lists.get(prompt.of.split(".")[-1], ["richtvraag x"])
            value = [
                {"question": q, "status": s, "where": "besluit"} for q, s in zip(items, ["partly", "not_answered"], strict=False)
            ]
        if step.section.per_child:
            session.answers[step.key] = answered(voices={"Noor": value, "Lars": sample(prompt, n + 1)})
        elif prompt.kind not in ("participants", "list", "guiding", "children") and (
            getattr(prompt, "per_person", False) or prompt.kind == "people" or n % 5 == 1
        ):  # a team's voices: never for what is asked once for the whole team
            other = sample(prompt, n + 1) if n % 3 or prompt.kind == "people" else value  # differ, or agree
            session.answers[step.key] = answered(voices={"An": value, "Bo": other})
        else:
            session.answers[step.key] = answered(value)
    session.privacy.done, session.privacy.at = True, AT
    session.privacy.kept = [f"{next(iter(k for k in session.answers if not k.startswith('context.')))}: name"]
    session.timings = {"context.situatie": 61.0, "besluit.besluit": 930.5}
    session.finished = True
    return session


def followup(previous, libraries):
    session = start_followup(previous, libraries)
    session.id, session.created, session.updated = "20261206-1000-main", "2026-12-06T10:00:00+01:00", "2026-12-06T11:00:00+01:00"
    changed = 0
    for key, answer in list(session.answers.items()):
        if answer.status == "answered" and isinstance(answer.value, str) and not key.startswith("context.") and changed < 3:
            session.answers[key] = answered(answer.value + " (nu anders)")
            changed += 1
    baseline = session.followup_of
    steps = sum(len(a.value) for k, a in baseline.answers.items() if a.status == "answered" and k.endswith("stappen") and a.value)
    baseline.steps_done = ["done", "partly", "not_done", ""][: max(steps, 1)]
    baseline.steps_why = ["", "te weinig tijd", "", ""][: max(steps, 1)]
    session.finished = True
    return session


def main(records_only: bool = False) -> None:
    libraries = load_all()
    if records_only:
        from goedgenoeg.session import load

        sessions = [load(HERE / f"{name}.json") for name in ("20261129-2000-main", "20261206-1000-main")]
    else:
        first = team_session(libraries)
        sessions = [first, followup(first, libraries)]
    for session in sessions:
        if not records_only:
            (HERE / f"{session.id}.json").write_text(session.model_dump_json(indent=2), encoding="utf-8")
        (HERE / f"{session.id}.md").write_text(render(session, libraries, "md"), encoding="utf-8")
        (HERE / f"{session.id}-full.md").write_text(render(session, libraries, "md", full=True), encoding="utf-8")
        (HERE / f"{session.id}.html").write_bytes(render(session, libraries, "html"))
        en = session.model_copy(update={"lang": "en"})
        (HERE / f"{session.id}-en.md").write_text(render(en, libraries, "md"), encoding="utf-8")


if __name__ == "__main__":
    import sys

    main(records_only="--records-only" in sys.argv)
