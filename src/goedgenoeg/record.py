"""Render a session into the markdown reflection record (CommonMark with GFM tables)."""

from __future__ import annotations

import re

from .answers import describe, is_open
from .library import CONTEXT_LIBRARY, LibrarySet
from .models import Session
from .texts import t
from .walk import Walk

_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!$])")
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
        prompt = step.prompt
        answer = session.answers.get(step.key)
        value = answer.value if answer is not None and answer.status == "answered" else None
        state = _state(answer, lang)
        if prompt.kind == "alternative":
            regions = ", ".join(t(lang, r) for r in prompt.region)
            status = t(lang, value["status"]) if value else f"*{state}*"
            note = value.get("note", "") if value else ""
            pending_alternatives.append([prompt.text.get(lang), regions, status, note])
            continue
        out += [f"**{escape_line(prompt.text.get(lang))}**", ""]
        if value is None:
            out += [f"*{state}*", ""]
        elif prompt.kind == "people":
            headers = [t(lang, "field_who_person"), t(lang, "field_relation"), t(lang, "field_meaning")]
            out += _table(headers, [[r["who"], r["relation"], r["meaning"]] for r in value]) + [""]
        elif prompt.kind == "actions":
            headers = [t(lang, "field_who_action"), t(lang, "field_what"), t(lang, "field_when"), t(lang, "field_result")]
            out += _table(headers, [[r["who"], r["what"], r["when"], r["result"]] for r in value]) + [""]
        elif prompt.kind == "reflection":
            out += [f"*{escape_line(t(lang, value['response']))}*", ""]
            if value.get("note"):
                out += [escape_block(value["note"]), ""]
        else:
            out += [escape_block(describe(prompt, value, lang)), ""]
    flush_alternatives()

    out += [f"## {t(lang, 'rec_open')}", ""]
    open_points = [s for _, s in walk.open_points() if s.library.id != CONTEXT_LIBRARY]
    if not open_points:
        out += [t(lang, "rec_open_none"), ""]
    for step in open_points:
        answer = session.answers.get(step.key)
        state = _state(answer, lang) if answer is None or answer.status != "answered" else describe(step.prompt, answer.value, lang).split(":")[0]
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
