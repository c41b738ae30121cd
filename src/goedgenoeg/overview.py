"""Counts across many reflections, for a team that wants to learn across cases: which
alternatives were weighed, which critical notes were left for later, which perspectives stayed
open. Only prompt texts from the libraries, ids and counts come out: never a case reference and
never an answer's free text. `count` and `to_markdown` are pure; `load_dir` reads the files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .answers import is_open
from .library import LibrarySet
from .models import ALTERNATIVE_STATUSES, Session
from .texts import has_text, t
from .walk import Walk

KANTTEKENINGEN = "kanttekeningen"
MENTALISEREN = "mentaliseren"
PERSPECTIVES = ("kind", "ouders")  # section ids in the mentaliseren library
OUTCOMES = ALTERNATIVE_STATUSES + ("not_answered",)
BAR = "█"

def label(lang: str, key: str, **values: object) -> str:
    """The overview's own words live in texts.py with an 'ov_' prefix; other keys are shared."""
    return t(lang, f"ov_{key}", **values) if has_text(f"ov_{key}") else t(lang, key, **values)


@dataclass(frozen=True)
class Overview:
    counted: int = 0
    unreadable: int = 0
    # alternative prompt key -> outcome (feasible, ..., not_answered) -> sessions
    alternatives: dict[str, dict[str, int]] = field(default_factory=dict)
    # kanttekeningen prompt key -> sessions where it was left for later or skipped
    later: dict[str, int] = field(default_factory=dict)
    # perspective section id -> (sessions with at least one open prompt, sessions it applied to)
    perspectives: dict[str, tuple[int, int]] = field(default_factory=dict)
    # perspective section id -> prompt key -> (sessions where open, sessions where it applied)
    perspective_prompts: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)


def _values(answer) -> list:
    """The answer's value, or each voice of a team answer."""
    return list(answer.voices.values()) if answer.voices else [answer.value]


def _left_for_later(prompt, answer) -> bool:
    if answer is None:
        return False
    if answer.status in ("later", "skipped"):
        return True
    return prompt.kind == "reflection" and any(isinstance(v, dict) and v.get("response") == "later" for v in _values(answer))


def _outcomes(answer) -> set[str]:
    """The outcomes of an alternative in one session: every status a voice gave counts once."""
    if answer is None or answer.status != "answered":
        return {"not_answered"}
    return {v.get("status", "not_answered") for v in _values(answer)}


def _unique(sessions: list[Session]) -> list[Session]:
    """One session per id (a copied file counts once): the most recently updated copy."""
    by_id: dict[str, Session] = {}
    for session in sessions:
        kept = by_id.get(session.id)
        if kept is None or session.updated > kept.updated:
            by_id[session.id] = session
    return list(by_id.values())


def count(sessions: list[Session], libraries: LibrarySet, unreadable: int = 0) -> Overview:
    """Count over the sessions, each once, and only the prompts that applied to its case."""
    from .session import fit_answers

    alternatives: dict[str, dict[str, int]] = {}
    later: dict[str, int] = {}
    perspectives: dict[str, list[int]] = {}
    prompts: dict[str, dict[str, list[int]]] = {}
    for loaded in libraries.libraries:  # every row in library order, zero or not
        lib = loaded.library
        for section in lib.sections:
            for prompt in section.prompts:
                key = f"{lib.id}.{prompt.id}"
                if prompt.kind == "alternative":
                    alternatives[key] = dict.fromkeys(OUTCOMES, 0)
                if lib.id == KANTTEKENINGEN:
                    later[key] = 0
                if lib.id == MENTALISEREN and section.id in PERSPECTIVES:
                    perspectives.setdefault(section.id, [0, 0])
                    prompts.setdefault(section.id, {})[key] = [0, 0]

    unique = _unique(sessions)
    for original in unique:
        session = original.model_copy(deep=True)
        fit_answers(session, libraries)  # answers that no longer fit are left out, as elsewhere
        seen: dict[str, bool] = {}  # perspective -> any prompt open
        for step in Walk(libraries, session.answers, path=session.path).steps():
            key, prompt = step.key, step.prompt
            answer = session.answers.get(key)
            if key in alternatives:
                for outcome in _outcomes(answer):
                    alternatives[key][outcome] += 1
            if key in later and _left_for_later(prompt, answer):
                later[key] += 1
            if step.library.id == MENTALISEREN and step.section.id in prompts:
                open_ = is_open(prompt, answer)
                prompts[step.section.id][key][0] += open_
                prompts[step.section.id][key][1] += 1
                seen[step.section.id] = seen.get(step.section.id, False) or open_
        for section_id, any_open in seen.items():
            perspectives[section_id][0] += any_open
            perspectives[section_id][1] += 1
    return Overview(
        counted=len(unique),
        unreadable=unreadable,
        alternatives=alternatives,
        later=later,
        perspectives={k: (v[0], v[1]) for k, v in perspectives.items()},
        perspective_prompts={s: {k: (v[0], v[1]) for k, v in keys.items()} for s, keys in prompts.items()},
    )


def load_dir(directory: Path) -> tuple[list[Session], int]:
    """The sessions in a folder, and how many files could not be read (never what is in them)."""
    from .session import SessionError, load

    sessions, unreadable = [], 0
    for path in sorted(Path(directory).glob("*.json")):
        try:
            sessions.append(load(path))
        except SessionError:
            unreadable += 1
    return sessions, unreadable


# --- presenting -----------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One table: a title, column headers, and rows of text cells and counts (ints). The second
    column is the prompt id (left out in the terminal); `short` are headers for the terminal."""

    title: str
    headers: list[str]
    rows: list[list[str | int]]
    empty: str = ""
    short: list[str] | None = None


def _texts(libraries: LibrarySet, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    prompts, sections = {}, {}
    for loaded in libraries.libraries:
        for section in loaded.library.sections:
            if loaded.library.id == MENTALISEREN:
                sections[section.id] = section.title.get(lang)
            for prompt in section.prompts:
                prompts[f"{loaded.library.id}.{prompt.id}"] = prompt.text.get(lang)
    return prompts, sections


def summary_lines(overview: Overview, lang: str) -> list[str]:
    lines = [label(lang, "counted_one") if overview.counted == 1 else label(lang, "counted", n=overview.counted)]
    if overview.unreadable:
        one = overview.unreadable == 1
        lines.append(label(lang, "unreadable_one") if one else label(lang, "unreadable", n=overview.unreadable))
    return lines


def rows_for_terminal(overview: Overview, libraries: LibrarySet, lang: str) -> list[Block]:
    """The tables of the overview; counts stay ints so each output can draw them its own way."""
    texts, sections = _texts(libraries, lang)
    blocks = []
    alt_rows: list[list[str | int]] = [
        [texts[key], key] + [counts[o] for o in OUTCOMES] for key, counts in overview.alternatives.items() if sum(counts.values())
    ]
    blocks.append(
        Block(
            label(lang, "alternatives"),
            [label(lang, "alternative"), label(lang, "id")] + [label(lang, o) for o in OUTCOMES],
            alt_rows,
            short=[label(lang, "alternative"), label(lang, "id")] + [label(lang, f"short_{o}") for o in OUTCOMES],
        )
    )
    order = list(overview.later)
    ranked = sorted((key for key, n in overview.later.items() if n), key=lambda k: (-overview.later[k], order.index(k)))
    blocks.append(
        Block(
            label(lang, "later_title"),
            [label(lang, "note"), label(lang, "id"), label(lang, "later_count")],
            [[texts[key], key, overview.later[key]] for key in ranked],
            label(lang, "later_none"),
        )
    )
    persp_rows: list[list[str | int]] = [
        [sections.get(sid, sid), f"{MENTALISEREN}.{sid}", n_open, applied] for sid, (n_open, applied) in overview.perspectives.items()
    ]
    blocks.append(
        Block(label(lang, "perspectives"), [label(lang, "perspective"), label(lang, "id"), label(lang, "open"), label(lang, "applied")], persp_rows)
    )
    for sid, keys in overview.perspective_prompts.items():
        rows: list[list[str | int]] = [[texts[key], key, n_open, applied] for key, (n_open, applied) in keys.items() if applied]
        if rows:
            title = f"{label(lang, 'perspectives')}: {sections.get(sid, sid)}"
            headers = [label(lang, "question"), label(lang, "id"), label(lang, "open"), label(lang, "applied")]
            blocks.append(Block(title, headers, rows))
    return blocks


def terminal_tables(overview: Overview, libraries: LibrarySet, lang: str) -> list:
    """rich Tables for the terminal (rich is imported here, only when the command runs)."""
    from rich.table import Table
    from rich.text import Text

    tables = []
    for block in rows_for_terminal(overview, libraries, lang):
        table = Table(title=Text(block.title), title_justify="left")
        headers = block.short or block.headers
        for n, header in enumerate(headers):
            if n == 1:
                continue  # the id: in the markdown only
            numeric = bool(block.rows) and isinstance(block.rows[0][n], int)
            table.add_column(Text(header), justify="right" if numeric else "left", ratio=None if numeric else 1)
        for row in block.rows:
            table.add_row(*(Text(str(cell)) for n, cell in enumerate(row) if n != 1))
        if not block.rows and block.empty:
            table.add_row(Text(block.empty), *([""] * (len(headers) - 2)))
        tables.append(table)
    return tables


def bar(n: int, largest: int, width: int = 20) -> str:
    """`████████ 8`, scaled to the largest count; a count above zero always gets a block."""
    if n <= 0 or largest <= 0:
        return "0"
    return f"{BAR * max(1, round(n / largest * width))} {n}"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(overview: Overview, libraries: LibrarySet, lang: str) -> str:
    lines = [f"# {label(lang, 'title')}", "", *summary_lines(overview, lang), "", label(lang, "notice")]
    for block in rows_for_terminal(overview, libraries, lang):
        lines += ["", f"## {_cell(block.title)}", ""]
        if not block.rows:
            lines.append(block.empty or "-")
            continue
        numbers = [c for row in block.rows for c in row if isinstance(c, int)]
        largest = max(numbers, default=0)
        width = 10 if len(block.headers) > 4 else 20
        lines.append("| " + " | ".join(_cell(h) for h in block.headers) + " |")
        lines.append("|" + "|".join("---:" if isinstance(c, int) else "---" for c in block.rows[0]) + "|")
        for row in block.rows:
            cells = [bar(c, largest, width) if isinstance(c, int) else (f"`{c}`" if i == 1 else _cell(c)) for i, c in enumerate(row)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
