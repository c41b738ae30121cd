"""Render a session into the markdown reflection record (CommonMark with GFM tables)."""

from __future__ import annotations

import re

from .answers import describe, describe_answer
from .library import CONTEXT_LIBRARY, LibrarySet
from .models import Session
from .texts import t
from .walk import Walk, earlier_steps

# '<' is escaped, so no HTML tag or autolink can open and '>' may stay; '&' only where it would
# start an entity such as &amp; or &#35;.
_INLINE = re.compile(r"([\\`*_\[\]<#|~!$]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\s*)([-+=>:]|\d+[.)])")


def escape_line(line: str) -> str:
    """Escape one line of user text so it cannot become markup (heading, list, table, HTML).
    Line breaks inside it become spaces (a case reference with a newline stays in its heading)."""
    line = _INLINE.sub(r"\\\1", " ".join(str(line).splitlines()).strip())
    return _LINE_START.sub(lambda m: m.group(1) + "".join("\\" + c if not c.isdigit() else c for c in m.group(2)), line)


def escape_block(text: str) -> str:
    """Escape multi-line user text as a paragraph; line breaks stay line breaks."""
    lines = [escape_line(x) for x in str(text).splitlines() if x.strip()]
    return "\\\n".join(lines) if lines else ""


def escape_cell(text: str) -> str:
    """Escape user text for a table cell: one line, pipes escaped."""
    return "<br>".join(escape_line(x) for x in str(text).splitlines() if x.strip())


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(escape_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        out.append("| " + " | ".join(escape_cell(c) if c else " " for c in row) + " |")
    return out


def render(session: Session, libraries: LibrarySet) -> str:
    lang = session.lang
    walk = Walk(libraries, session.answers)
    ctx = walk.context()
    context_lib = libraries.get(CONTEXT_LIBRARY)
    steps = walk.steps()

    def context_label(key: str) -> str:
        answer = session.answers.get(f"{CONTEXT_LIBRARY}.{key}")
        if answer is None or answer.status != "answered" or context_lib is None:
            return "-"
        for section in context_lib.sections:
            for prompt in section.prompts:
                if prompt.id == key:
                    return describe(prompt, answer.value, lang)
        return "-"

    out: list[str] = [f"# {t(lang, 'rec_title')}: {escape_line(ctx.get('case', '-'))}", ""]
    privacy = t(lang, "rec_privacy_done", at=session.privacy.at[:16].replace("T", " ")) if session.privacy.done else t(lang, "rec_privacy_not")
    if session.privacy.kept:
        privacy += "; " + t(lang, "rec_privacy_kept", items=", ".join(session.privacy.kept))
    meta = [
        ("rec_case", ctx.get("case", "-")),
        ("rec_date", session.updated[:10]),
        ("rec_started", session.created[:16].replace("T", " ")),
        ("rec_who", context_label("who")),
        ("rec_role", ctx.get("role", "-")),
        ("rec_decision", context_label("decision")),
        ("rec_age", context_label("age")),
        ("rec_region", context_label("region")),
        ("rec_session", session.id),
        ("rec_tool", f"goedgenoeg {session.tool_version}"),
        ("rec_libraries", ", ".join(f"{k} {v.version}" for k, v in session.libraries.items())),
        ("rec_privacy", privacy),
    ]
    out += _table([t(lang, "rec_field"), t(lang, "rec_value")], [[t(lang, k), v] for k, v in meta])
    out += ["", escape_block(t(lang, "rec_notice")), ""]

    current_library = current_section = None
    pending_alternatives: list[list[str]] = []

    def flush_alternatives() -> None:
        if pending_alternatives:
            headers = [t(lang, "rec_alternative"), t(lang, "rec_region"), t(lang, "rec_status"), t(lang, "rec_note")]
            out.extend(_table(headers, pending_alternatives) + [""])
            pending_alternatives.clear()

    # parts of which no question was answered, skipped or marked: one line instead of each question
    section_sizes: dict[tuple[str, str], int] = {}
    touched: set[tuple[str, str]] = set()
    for step in steps:
        where = (step.library.id, step.section.id)
        section_sizes[where] = section_sizes.get(where, 0) + 1
        if step.key in session.answers:
            touched.add(where)
    not_visited: dict[str, set[str]] = {}
    for library_id, section_id in section_sizes.keys() - touched:
        not_visited.setdefault(library_id, set()).add(section_id)

    for step in steps:
        if step.library.id == CONTEXT_LIBRARY:
            continue
        if step.library is not current_library:
            flush_alternatives()
            current_library = step.library
            out += [f"## {escape_line(step.library.title.get(lang))}", ""]
        if step.section is not current_section:
            flush_alternatives()
            current_section = step.section
            out += [f"### {escape_line(step.section.title.get(lang))}", ""]
            if step.section.id in not_visited.get(step.library.id, set()):
                out += [f"*{t(lang, 'rec_not_visited', n=section_sizes[(step.library.id, step.section.id)])}*", ""]
        if step.section.id in not_visited.get(step.library.id, set()):
            continue
        prompt = step.prompt
        answer = session.answers.get(step.key)
        answered = answer is not None and answer.status == "answered"
        voices = _distinct_voices(answer) if answered else None
        state = _state(answer, lang)
        if prompt.kind == "alternative":
            regions = t(lang, "both_regions") if len(prompt.region) > 1 else t(lang, prompt.region[0])
            if not answered:
                status, note = state, ""
            elif voices:
                status = "; ".join(f"{n}: {t(lang, v['status'])}" for n, v in voices.items())
                note = "; ".join(f"{n}: {v['note']}" for n, v in voices.items() if v.get("note"))
            else:
                value = _shared(answer)
                status, note = t(lang, value["status"]), value.get("note", "")
            pending_alternatives.append([prompt.text.get(lang), regions, status, note])
            continue
        out += [f"**{escape_line(prompt.text.get(lang))}**", ""]
        if not answered:
            out += [f"*{state}*", ""]
        elif voices:
            out += [f"*{t(lang, 'rec_voices_differ')}:*", ""]
            for name, value in voices.items():
                out += [f"- **{escape_line(name)}**", ""]
                out += ["  " + line if line else "" for line in _value_lines(prompt, value, lang)]
        else:
            out += _value_lines(prompt, _shared(answer), lang)
    flush_alternatives()

    if session.timings and (ctx.get("who") == "team" or any(s.section.minutes for s in steps)):
        out += [f"## {t(lang, 'rec_time')}", ""]
        rows = []
        for step in steps:
            key = f"{step.library.id}.{step.section.id}"
            if key in session.timings and step.section.title.get(lang) not in [r[0] for r in rows]:
                box = f"{step.section.minutes} min" if step.section.minutes else "-"
                minutes = round(session.timings[key] / 60)
                rows.append([step.section.title.get(lang), f"{minutes} min" if minutes else "< 1 min", box])
        out += _table([t(lang, "rec_part"), t(lang, "rec_spent"), t(lang, "rec_box")], rows) + [""]

    if session.followup_of is not None:
        out += _since(session, libraries, steps, lang)

    out += [f"## {t(lang, 'rec_open')}", ""]
    open_points = [s for _, s in walk.open_points() if s.library.id != CONTEXT_LIBRARY]
    if not open_points:
        out += [t(lang, "rec_open_none"), ""]
    listed_parts: set[str] = set()
    for step in open_points:
        if step.section.id in not_visited.get(step.library.id, set()):
            if f"{step.library.id}.{step.section.id}" not in listed_parts:
                listed_parts.add(f"{step.library.id}.{step.section.id}")
                size = section_sizes[(step.library.id, step.section.id)]
                out.append(f"- {escape_line(step.section.title.get(lang))}: {t(lang, 'rec_not_visited', n=size)}")
            continue
        answer = session.answers.get(step.key)
        state = _state(answer, lang) if answer is None or answer.status != "answered" else describe_answer(step.prompt, answer, lang)[:60]
        out.append(f"- {escape_line(step.section.title.get(lang))}: {escape_line(step.prompt.text.get(lang))} ({escape_line(state)})")
    out.append("")

    if libraries.sources is not None:
        used = {ref.strip().split(" ")[0] for s in steps for ref in s.prompt.source.split(";")}
        out += [f"## {t(lang, 'rec_sources')}", ""]
        for source in libraries.sources.sources:
            if source.id in used:
                out.append(f"- {escape_line(source.id)}: {escape_line(source.title)}, {escape_line(source.organisation)} ({source.year})")
        out.append("")
    return "\n".join(out)


def _shared(answer):
    """The one answer of a prompt: its value, or the voices' common value."""
    if answer.voices:
        return next(iter(answer.voices.values()))
    return answer.value


def _distinct_voices(answer) -> dict | None:
    """The voices of a team answer when they differ; None when there is one shared answer."""
    if not answer.voices:
        return None
    values = list(answer.voices.values())
    return answer.voices if any(v != values[0] for v in values) else None


def _value_lines(prompt, value, lang: str) -> list[str]:
    """The markdown of one answer value."""
    kind = prompt.kind
    if kind == "people":
        headers = [t(lang, "field_who_person"), t(lang, "field_relation"), t(lang, "field_meaning")]
        lines = _table(headers, [[r["who"], r["relation"], r["meaning"]] for r in value]) + [""]
        if getattr(prompt, "diagram", False):
            lines += network_diagram(value, lang) + [""]
        return lines
    if kind == "actions":
        headers = [t(lang, "field_who_action"), t(lang, "field_what"), t(lang, "field_when"), t(lang, "field_result")]
        return _table(headers, [[r["who"], r["what"], r["when"], r["result"]] for r in value]) + [""]
    if kind == "participants":
        headers = [t(lang, "field_name"), t(lang, "field_organisation"), t(lang, "field_role"), t(lang, "field_meeting_role")]
        rows = [[r["name"], r["organisation"], r["role"], t(lang, "role_" + r["meeting_role"])] for r in value]
        return _table(headers, rows) + [""]
    if kind == "guiding":
        headers = [t(lang, "rec_question"), t(lang, "rec_status"), t(lang, "guiding_where")]
        rows = [[r["question"], t(lang, "guiding_" + r["status"]), r["where"]] for r in value]
        return _table(headers, rows) + [""]
    if kind == "list":
        return [f"{n}. {escape_line(item)}" for n, item in enumerate(value, 1)] + [""]
    if kind == "reflection":
        lines = [f"*{escape_line(t(lang, value['response']))}*", ""]
        return lines + ([escape_block(value["note"]), ""] if value.get("note") else [])
    return [escape_block(describe(prompt, value, lang)), ""]


def _mermaid_label(text: str) -> str:
    """Text inside a quoted mermaid label: no quotes, brackets or line breaks can break out."""
    text = " ".join(str(text).split())
    for char, code in (("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(char, code)
    return text or "?"


def network_diagram(rows: list[dict], lang: str) -> list[str]:
    """The network as a mermaid graph: the child in the middle, one node per person."""
    lines = ["```mermaid", "graph LR", f'    child(("{_mermaid_label(t(lang, "rec_child"))}"))']
    for n, row in enumerate(rows, 1):
        label = row["who"] + (f" ({row['relation']})" if row.get("relation") else "")
        lines.append(f'    p{n}["{_mermaid_label(label)}"]')
        lines.append(f"    child --- p{n}")
    return lines + ["```"]


def _since(session: Session, libraries: LibrarySet, steps, lang: str) -> list[str]:
    """What changed since the reflection a follow-up started from."""
    baseline = session.followup_of
    out = [f"## {t(lang, 'rec_since', date=baseline.date)}", ""]
    rows = []
    for step in steps:
        if step.library.id == CONTEXT_LIBRARY:
            continue
        before, now_ = baseline.answers.get(step.key), session.answers.get(step.key)
        then = describe_answer(step.prompt, before, lang) if before is not None and before.status == "answered" else _state(before, lang)
        now_text = describe_answer(step.prompt, now_, lang) if now_ is not None and now_.status == "answered" else _state(now_, lang)
        if then != now_text:
            rows.append([step.prompt.text.get(lang), then, now_text])
    if rows:
        out += _table([t(lang, "rec_question"), t(lang, "rec_before"), t(lang, "rec_now")], rows) + [""]
    else:
        out += [t(lang, "rec_no_changes"), ""]
    earlier = earlier_steps(baseline, libraries)
    if earlier:
        out += [f"### {t(lang, 'rec_steps_then')}", ""]
        done = baseline.steps_done + [""] * len(earlier)
        table = [[r["who"], r["what"], r["when"], t(lang, d) if d else t(lang, "unanswered")] for r, d in zip(earlier, done)]
        headers = [t(lang, "field_who_action"), t(lang, "field_what"), t(lang, "field_when"), t(lang, "rec_status")]
        out += _table(headers, table) + [""]
    return out


def _state(answer, lang: str) -> str:
    if answer is None:
        return t(lang, "unanswered")
    if answer.status == "skipped":
        return t(lang, "skipped")
    if answer.status == "later":
        return t(lang, "marked_later")
    return ""


def suggested_name(session: Session, libraries: LibrarySet) -> str:
    """A record file name from its own answers: reflectie-<case>-<date>.md."""
    case = Walk(libraries, session.answers).context().get("case", "") or session.id
    slug = re.sub(r"[^A-Za-z0-9]+", "-", case).strip("-")[:40] or session.id
    prefix = "reflection" if session.lang == "en" else "reflectie"
    return f"{prefix}-{slug}-{session.updated[:10]}.md"
