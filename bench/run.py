"""Start-up and load benchmark for goedgenoeg. Run it with `make bench`.

This is a measurement, not a test: it prints a markdown report (figures, ratios, targets) to
standard output and exits 0 even when a target is missed. Every figure is compared with a
baseline measured in the same run, interleaved with it:

  (a)  python -c pass
  (b)  python -c "import typer, rich, pydantic, yaml"   (the four dependencies a start imports)
  (t)  python -c "import typer"                 (the --help target refers to it)
  (c)  goedgenoeg --version
  (d)  goedgenoeg --help (typer's, as every command goes through typer)
  (e)  goedgenoeg reflect in a pseudo-terminal: spawn until the first "Je antwoord ...: " prompt
       (with the library cache filled by the warm-up round, as on every start but the first;
       (e1) the same with the cache switched off)
  (p)  the peers' first question in a pseudo-terminal: cookiecutter and copier, installed in a
       virtual environment of their own (bench/.peers, made by `make bench`)
  (i)  per answer: goedgenoeg reflect --path full answering 10 questions, from Enter until the
       next question is on screen, against a bare loop that reads a line with rich and writes a
       3 kB file atomically (fsync) after each
  (f)  goedgenoeg libraries check               (the bundled libraries)
  (g)  goedgenoeg.library.load_library on generated libraries of 1,000 / 10,000 / 50,000 prompts,
       in-process; plus `goedgenoeg libraries check DIR` on the 10,000 as a subprocess, with and
       without the library cache
  (o)  goedgenoeg reflect --library DIR with a large organisation library (the 10,000 prompts):
       the first question, with and without the library cache (what the cache is kept for)
  (h)  goedgenoeg.record.render of a session with 1,000 answers, in-process
  (s)  a caseworker's year (issue 25): `goedgenoeg sessions`, `goedgenoeg overview` and the first
       screen of `goedgenoeg reflect` (the offer of the unfinished ones, in a pty) with 10 and with
       2,000 generated sessions in the folder (tests/many_sessions.py), the index of the folder
       filled by the first round (dropped), as every run but the first finds it.
       `python bench/run.py sessions` runs only these rows.

Knobs (environment): BENCH_ROUNDS (start-up rounds, default 30), BENCH_LOAD_ROUNDS (default 5),
BENCH_SEED (order shuffling, default 1).
"""

from __future__ import annotations

import gc
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable  # the .venv interpreter when run through `make bench`
BIN = Path(PY).parent / "goedgenoeg"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
LOAD_ROUNDS = int(os.environ.get("BENCH_LOAD_ROUNDS", "5"))
SEED = int(os.environ.get("BENCH_SEED", "1"))
SIZES = (1_000, 10_000, 50_000)
PROMPTS_PER_FILE = 5_000  # a library file may be at most 5 MiB; the 50,000 set is 10 files
SECTION_SIZE = 50
# The input line of the first question. (The welcome line already contains "Je antwoorden",
# so a bare "Je antwoord" would match before the first question is on screen.)
FIRST_PROMPT = re.compile(r"Je antwoord[^:\n]*: ")
# a text or a choice question, or the first field of the children list ("Kind 1 · Pseudoniem: ")
ANY_PROMPT = re.compile(r"(?:Je antwoord|Kies|Pseudoniem)[^:\n]*: ")
ANSWERS = 10  # answers timed per round
PEERS = Path(__file__).resolve().parent / ".peers" / "bin"

# The first screen of `reflect` when there are unfinished reflections: the offer's input line.
OFFER = re.compile(r"Enter = verder met 1[^:\n]*: ")
MANY = (10, 2_000)
# issue 25: with 2,000 sessions at most this many times the time with 10
SESSION_TARGETS = {"sessions": 2.5, "overview": 4.0, "reflect": 1.5}

# The targets of issue 24, as ratios to baselines measured in the same run.
TARGETS = {
    "help": 1.5,  # x python -c "import typer"
    "first_prompt": 2.5,  # x (b), the four dependencies
    "first_prompt_peer": 1.5,  # x cookiecutter's first question
    "answer": 1.5,  # x the bare loop (rich prompt + fsync)
    "growth": 60.0,  # 50,000 prompts / 1,000 prompts
    "check_10k": 5.0,  # x (b)
    "check_small_files": 1.0,  # 2,000 small library files with the cache / without it (issue 22: never slower)
}

# The bare loop of (i): read a line with rich, then write a 3 kB file as the session is written.
BARE_LOOP = """
import os, sys, tempfile
from rich.console import Console
console = Console()
path = os.path.join(sys.argv[1], "session.json")
while True:
    line = console.input("Je antwoord: ")
    fd, tmp = tempfile.mkstemp(dir=sys.argv[1])
    with os.fdopen(fd, "wb") as handle:
        handle.write((line * 3000)[:3000].encode() or b"x" * 3000)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
"""


# --- generated libraries -------------------------------------------------------------

KINDS = ("text", "reflection", "choice", "multi", "alternative", "people", "actions", "text")
SOURCES = ("goedgenoeg-2025", "proeftuinen-ls6", "richtlijn-mcp", "gooi-vechtstreek-2024", "richtlijn-uithuisplaatsing")
WHENS = (
    None,
    "decision: [placement, measure]",
    None,
    "age: [under-1, 1-3, 3-6]",
    "region: [flanders, netherlands]\n{i}  who: [alone, duo, team]",
)


def _text(indent: str, key: str, nl: str, en: str) -> str:
    return f"{indent}{key}:\n{indent}  nl: >-\n{indent}    {nl}\n{indent}  en: >-\n{indent}    {en}\n"


def _prompt(n: int, kind: str) -> str:
    i = "      "
    out = f"{i}- id: p{n:05d}\n{i}  kind: {kind}\n"
    when = WHENS[n % len(WHENS)] if kind != "alternative" else None
    if when:
        out += f"{i}  when:\n{i}    " + when.format(i=i + "  ") + "\n"
    out += _text(
        i + "  ",
        "text",
        f"Wat zie je bij vraag {n}, en wat betekent het voor het kind?",
        f"What do you see for question {n}, and what does it mean for the child?",
    )
    out += _text(
        i + "  ",
        "help",
        f"Toelichting {n}: wie dit eerst benoemt, ziet beter waar het besluit op rust.",
        f"Note {n}: naming this first shows more clearly what the decision rests on.",
    )
    if kind == "text" and n % 2:
        out += f"{i}  long: true\n"
    if kind == "reflection" and n % 3:
        out += _text(i + "  ", "counter", f"Een helpende gedachte bij {n}.", f"A helpful thought for {n}.")
    if kind in ("choice", "multi"):
        out += f"{i}  options:\n"
        for o in range(3 if kind == "choice" else 4):
            out += f"{i}    - id: o{o}\n{i}      label: {{nl: Optie {o}, en: Option {o}}}\n"
    if kind == "alternative":
        out += _text(
            i + "  ", "description", f"Alternatief {n}: hulp die dichtbij blijft.", f"Alternative {n}: help that stays close."
        )
        out += _text(i + "  ", "fits", "Als de ouders willen meewerken.", "When the parents are willing to work on it.")
        out += f"{i}  region: [flanders, netherlands]\n"
    src = SOURCES[n % len(SOURCES)]
    extra = f"; {SOURCES[(n + 1) % len(SOURCES)]} §{n % 7}" if n % 4 == 0 else ""
    out += f'{i}  source: "{src} §{n % 9}.{n % 5}{extra}"\n'
    return out


def library_yaml(lib_id: str, first: int, count: int) -> str:
    """One valid library file (docs/content.md) with `count` prompts of every kind."""
    out = [
        f'id: {lib_id}\nversion: "1.0.0"\norder: 40\ntitle: {{nl: Bank {lib_id}, en: Bench {lib_id}}}\n',
        "intro:\n  nl: Een gegenereerde bibliotheek.\n  en: A generated library.\nsections:\n",
    ]
    for s, start in enumerate(range(first, first + count, SECTION_SIZE)):
        out.append(f"  - id: s{s:04d}\n    title: {{nl: Deel {s}, en: Part {s}}}\n")
        if s % 3 == 1:
            out.append("    when:\n      decision: [placement, measure, report]\n")
        out.append("    prompts:\n")
        for n in range(start, min(start + SECTION_SIZE, first + count)):
            out.append(_prompt(n, KINDS[n % len(KINDS)]))
    return "".join(out)


def write_set(root: Path, size: int) -> list[Path]:
    folder = root / f"set-{size}"
    folder.mkdir()
    paths = []
    for f, first in enumerate(range(0, size, PROMPTS_PER_FILE)):
        path = folder / f"bank{f:02d}.yaml"
        path.write_text(library_yaml(f"bank{f:02d}", first, min(PROMPTS_PER_FILE, size - first)), encoding="utf-8")
        paths.append(path)
    return paths


def write_small_files(root: Path, count: int = 2_000, prompts: int = 5) -> Path:
    """A folder of `count` small library files (an organisation that keeps one prompt set per
    file): the library cache once grew with the square of the files (issue 22)."""
    folder = root / f"small-{count}"
    folder.mkdir()
    for f in range(count):
        text = library_yaml(f"lib{f:04d}", f * prompts, prompts)
        (folder / f"lib{f:04d}.yaml").write_text(text, encoding="utf-8")
    return folder


# --- a session with 1,000 answers ------------------------------------------------------


def answer_value(prompt, n: int):
    kind = prompt.kind
    if kind == "text":
        return f"Antwoord {n}: de moeder *belt* elke week,\nhet kind [slaapt] slecht | 3. zie notitie # {n}"
    if kind == "reflection":
        return {"response": ("recognise", "not_recognise", "dont_know", "later")[n % 4], "note": f"notitie {n} <b>"}
    if kind == "alternative":
        status = ("feasible", "not_feasible", "not_considered", "not_applicable")[n % 4]
        return {"status": status, "note": f"reden {n}"}
    if kind == "choice":
        return prompt.options[n % len(prompt.options)].id
    if kind == "multi":
        return [o.id for o in prompt.options[: 1 + n % len(prompt.options)]]
    if kind == "people":
        return [
            {"who": f"tante {n}", "relation": "tante", "meaning": "opvang"},
            {"who": "buur", "relation": "", "meaning": "- steun"},
        ]
    return [
        {"who": "ik", "what": f"stap {n}", "when": "vrijdag", "result": "plan"},
        {"who": "team", "what": "overleg", "when": "", "result": ""},
    ]


def render_fixture(paths: list[Path]):
    """A LibrarySet (bundled context + one generated library of 1,000 prompts) and a session
    that answers all of them (about one in ten skipped or marked later)."""
    from goedgenoeg.answers import normalise
    from goedgenoeg.library import LibrarySet, bundled_dir, load_library, load_sources
    from goedgenoeg.models import Answer, LibraryStamp, Session

    bibliography = load_sources(bundled_dir() / "sources.yaml")
    ids = {s.id for s in bibliography.sources}
    libs = LibrarySet([load_library(bundled_dir() / "context.yaml", ids), load_library(paths[0], ids)], bibliography)
    answers = {
        "context.case": Answer(status="answered", value="GG-1000"),
        "context.decision": Answer(status="answered", value="placement"),
        "context.age": Answer(status="answered", value="1-3"),
        "context.region": Answer(status="answered", value="flanders"),
        "context.who": Answer(status="answered", value="team"),
        "context.role": Answer(status="answered", value="consulent"),
    }
    generated = libs.libraries[1].library
    prompts = [p for s in generated.sections for p in s.prompts]
    for n, prompt in enumerate(prompts):
        key = f"{generated.id}.{prompt.id}"
        if n % 10 == 9:
            answers[key] = Answer(status="skipped" if n % 20 == 9 else "later", at="2026-01-01T10:00:00+01:00")
        else:
            answers[key] = Answer(
                status="answered", value=normalise(prompt, answer_value(prompt, n)), at="2026-01-01T10:00:00+01:00"
            )
    session = Session(
        id="20260101-1000-beef",
        created="2026-01-01T10:00:00+01:00",
        updated="2026-01-01T11:00:00+01:00",
        tool_version="0.1.0",
        lang="nl",
        libraries={k: LibraryStamp(**v) for k, v in libs.stamps().items()},
        answers=answers,
    )
    return libs, session, len(prompts)


# --- timing ---------------------------------------------------------------------------


def run_cmd(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark command failed ({done.returncode}): {argv}\n{done.stderr.decode()}")
    return elapsed


def spawn(argv: list[str], env: dict):
    import pexpect

    child = pexpect.spawn(argv[0], argv[1:], env=dict(env, TERM="dumb"), dimensions=(50, 200), encoding="utf-8", timeout=30)
    child.delaybeforesend = None  # pexpect waits 50 ms before each send by default
    return child


def first_prompt(env: dict, sessions: Path, argv: list[str] | None = None, pattern=FIRST_PROMPT) -> float:
    start = time.perf_counter()
    child = spawn(argv or [str(BIN), "reflect"], dict(env, GOEDGENOEG_SESSIONS_DIR=str(sessions)))
    try:
        child.expect(pattern)
        return time.perf_counter() - start
    finally:
        child.close(force=True)


def fresh(tmp: Path) -> Path:
    """A sessions folder of its own: a new reflection, with nothing to offer or list."""
    return Path(tempfile.mkdtemp(dir=tmp)) / "sessions"


def per_answer(argv: list[str], env: dict, pattern) -> float:
    """The median time from Enter until the next question is on screen, over ANSWERS answers."""
    child = spawn(argv, env)
    try:
        child.expect(pattern)
        times = []
        for i in range(ANSWERS):
            start = time.perf_counter()
            # "1": the first option, or a short text; Enter at the children list: one child
            child.sendline("" if "Pseudoniem" in child.after else "1" if i else "GG-BENCH")
            child.expect(pattern)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        child.close(force=True)


def settled(child, quiet: float = 0.05) -> float:
    """Wait for output, then read what the child writes until it is quiet for `quiet` seconds;
    the time of the last output. A question is drawn at once, then the tool waits."""
    import select

    if not select.select([child.child_fd], [], [], 30)[0]:
        raise SystemExit("benchmark: no output from goedgenoeg reflect")
    last = time.perf_counter()
    while select.select([child.child_fd], [], [], quiet)[0]:
        os.read(child.child_fd, 65536)
        last = time.perf_counter()
    return last


def answers_early_and_late(env: dict, late: int = 110) -> tuple[float, float]:
    """As the walk grows: the median time from Enter until the next question is drawn, over
    answers 2-11 and over answers late+1 to late+10 of the full path ("!later" at each, which
    every kind of question takes, so that each answer is saved and the next drawn)."""
    child = spawn([str(BIN), "reflect", "--path", "full"], env)
    try:
        child.expect(FIRST_PROMPT)
        times = []
        for i in range(late + 10):
            start = time.perf_counter()
            child.send("GG-BENCH\r" if i == 0 else "!later\r")
            times.append(settled(child) - start)
        return statistics.median(times[1:11]), statistics.median(times[late : late + 10])
    finally:
        child.close(force=True)


def peer_templates(root: Path) -> dict[str, list[str]]:
    """The peers' commands (when installed), each with a template of one question."""
    found = {}
    cc = root / "cookiecutter-template"
    (cc / "{{cookiecutter.project_name}}").mkdir(parents=True)
    (cc / "cookiecutter.json").write_text('{"project_name": "demo"}', encoding="utf-8")
    (cc / "{{cookiecutter.project_name}}" / "README").write_text("demo\n", encoding="utf-8")
    if (PEERS / "cookiecutter").exists():
        found["cookiecutter"] = [str(PEERS / "cookiecutter"), str(cc), "-o", str(root / "cc-out"), "-f"]
    cp = root / "copier-template"
    cp.mkdir()
    (cp / "copier.yml").write_text("project_name:\n  type: str\n  default: demo\n", encoding="utf-8")
    (cp / "README").write_text("demo\n", encoding="utf-8")
    if (PEERS / "copier").exists():
        found["copier"] = [str(PEERS / "copier"), "copy", str(cp), str(root / "cp-out"), "--overwrite"]
    return found


PEER_PROMPTS = {
    "cookiecutter": re.compile(r"project_name \(demo\): "),  # cookiecutter 2: "  [1/1] project_name (demo): "
    "copier": re.compile(r"project_name[\s\S]*?demo"),  # copier 9 (questionary): the question with its default
}


def peer_versions() -> str:
    if not PEERS.exists():
        return "not installed (run `make bench`, which makes bench/.peers)"
    done = subprocess.run(
        [str(PEERS / "python"), "-c", "from importlib.metadata import version as v; print(v('cookiecutter'), v('copier'))"],
        capture_output=True,
        text=True,
    )
    parts = done.stdout.split()
    return f"cookiecutter {parts[0]}, copier {parts[1]}" if len(parts) == 2 else "unknown"


def in_process(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def breakdown(files: list[tuple[int, Path]], source_ids: set[str]) -> list[str]:
    """Where the time of one generated file goes, for a 1,000- and a 5,000-prompt file: the
    steps of read_yaml and load_library timed one by one (best of 3). Uses yamlread.py's private
    names, so it says so and carries on if they have changed."""
    from goedgenoeg import library, yamlread as lib
    from goedgenoeg.models import Library

    def best(fn):
        times = []
        for _ in range(3):
            gc.collect()
            start = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - start)
        return min(times), result

    rows: dict[str, list[float]] = {}
    used = []
    try:
        for _, path in files:
            text = path.read_text(encoding="utf-8")
            deep_loader = getattr(lib, "_DeepLoader", lib._Loader)
            deep = lib.could_nest_deeply(text)  # the same choice read_yaml makes
            used.append("Python" if deep and deep_loader is not lib._Loader else "C")
            gc.disable()  # as read_yaml does while it builds
            try:
                # each measured call is made now, in this round (bound by default arguments)
                c_compose, node = best(lambda text=text: lib._Loader(text).get_single_node())
                py_compose, _ = best(lambda text=text, loader=deep_loader: loader(text).get_single_node())
                build, data = best(lambda text=text, node=node: lib._Builder(lib._Loader(text)).build(node))
                events, _ = best(lambda text=text: (lambda ld: lib._EventBuilder(ld).build_document(ld))(lib._Loader(text)))
                plain, _ = best(lambda text=text: (lambda ld: lib._DataBuilder(ld).build_document(ld))(lib._Loader(text)))
                validate, _ = best(lambda data=data: Library.model_validate(data))
            finally:
                gc.enable()
            read, _ = best(lambda path=path: lib.read_yaml(path))
            load, _ = best(lambda path=path: library.load_library(path, source_ids))
            for name, value in (
                ("load_library", load),
                ("read_yaml (reading, composing, building)", read),
                ("composing the node tree, C composer", c_compose),
                ("composing the node tree, Python composer", py_compose),
                ("building data with line numbers from the nodes", build),
                ("or: parsing and building from the event stream (read_yaml's route)", events),
                ("or: the data alone from the event stream, no line map (load_library's first read)", plain),
                ("pydantic validation (Library.model_validate)", validate),
            ):
                rows.setdefault(name, []).append(value)
    except (AttributeError, TypeError) as err:
        return [f"(breakdown unavailable: yamlread.py changed: {err})", ""]
    sizes = [count for count, _ in files]
    out = [
        "Where the time of one file goes (in-process, best of 3; read_yaml uses the composer named in the "
        "header, chosen by yamlread.py):",
        "",
        "| step | " + " | ".join(f"{n:,} prompts ({u} composer) ms" for n, u in zip(sizes, used, strict=False)) + " | ratio |",
        "|---|" + "---:|" * (len(files) + 1),
    ]
    for name, values in rows.items():
        out.append(f"| {name} | " + " | ".join(ms(v) for v in values) + f" | {values[-1] / values[0]:.2f} |")
    return out + [""]


def many_sessions(tmp: Path, env: dict) -> dict:
    """(s): the commands that read the whole sessions folder, with 10 and 2,000 sessions."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from many_sessions import write_sessions

    rows = {}
    for n in MANY:
        folder = tmp / f"many-{n}"
        write_sessions(folder, n, answers=40)
        here = dict(env, GOEDGENOEG_SESSIONS_DIR=str(folder))
        rows[f"sessions_{n}"] = lambda here=here: run_cmd([str(BIN), "sessions"], here)
        rows[f"overview_{n}"] = lambda here=here: run_cmd([str(BIN), "overview"], here)
        rows[f"reflect_{n}"] = lambda here=here, folder=folder: first_prompt(here, folder, None, OFFER)
    return rows


def session_report(samples: dict) -> list[str]:
    """The rows of (s) and the targets of issue 25, as ratios of medians from this run."""
    med = {k: statistics.median(v) for k, v in samples.items()}
    out = [
        "## A caseworker's year (issue 25)",
        "",
        "| command | 10 sessions ms | 2,000 sessions ms | ratio | limit | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, limit in SESSION_TARGETS.items():
        low, high = med[f"{name}_{MANY[0]}"], med[f"{name}_{MANY[1]}"]
        ratio = high / low
        met = "met" if ratio <= limit else "**missed**"
        out.append(f"| {LABELS[f'{name}_{MANY[1]}']} | {ms(low)} | {ms(high)} | {ratio:.2f}x | <= {limit}x | {met} |")
    return out + [""]


def sessions_only() -> None:
    """`python bench/run.py sessions`: only the rows of (s), BENCH_LOAD_ROUNDS rounds (+1 dropped)."""
    tmp = Path(tempfile.mkdtemp(prefix="goedgenoeg-bench-"))
    try:
        env = dict(os.environ, NO_COLOR="1", GOEDGENOEG_CACHE_DIR=str(tmp / "cache"), GOEDGENOEG_AUTHOR="bench")
        for name in ("GOEDGENOEG_FORCE_INTERACTIVE", "GOEDGENOEG_NO_CACHE"):
            env.pop(name, None)
        rows = many_sessions(tmp, env)
        samples: dict[str, list[float]] = {k: [] for k in rows}
        rng = random.Random(SEED)
        for r in range(LOAD_ROUNDS + 1):
            order = list(rows)
            rng.shuffle(order)
            for name in order:
                value = rows[name]()
                if r:
                    samples[name].append(value)
        print("\n".join(session_report(samples) + ["## Machine", ""] + machine()))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def stats(samples: list[float]) -> dict:
    q = statistics.quantiles(samples, n=4) if len(samples) > 1 else [samples[0]] * 3
    return {"median": statistics.median(samples), "p25": q[0], "p75": q[2], "min": min(samples), "n": len(samples)}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def machine() -> list[str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    import pydantic
    import rich  # noqa: F401
    import typer
    import yaml

    return [
        f"- nproc: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}",
        f"- cpu: {model}",
        f"- python: {platform.python_version()} ({platform.python_implementation()}, {sys.executable})",
        f"- os: {platform.system()} {platform.release()}",
        f"- typer {typer.__version__}, rich {version('rich')}, pydantic {pydantic.VERSION}, "
        f"PyYAML {yaml.__version__} (libyaml C loader: {'yes' if yaml.__with_libyaml__ else 'no'})",
    ]


def main() -> None:
    if not BIN.exists():
        raise SystemExit(f"{BIN} not found: run the benchmark with `make bench`, which installs it first")
    started = time.time()
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="goedgenoeg-bench-"))
    rng = random.Random(SEED)
    try:
        env = dict(
            os.environ,
            GOEDGENOEG_SESSIONS_DIR=str(tmp / "sessions"),
            NO_COLOR="1",
            GOEDGENOEG_CACHE_DIR=str(tmp / "cache"),
            GOEDGENOEG_AUTHOR="bench",  # known: a new reflection does not ask who writes it first
        )
        for name in ("GOEDGENOEG_FORCE_INTERACTIVE", "GOEDGENOEG_NO_CACHE"):
            env.pop(name, None)
        cold = dict(env, GOEDGENOEG_NO_CACHE="1")
        sets = {size: write_set(tmp, size) for size in SIZES}
        peers = peer_templates(tmp)
        (tmp / "bare").mkdir()
        commands = {
            "pass": lambda: run_cmd([PY, "-c", "pass"], env),
            "typer": lambda: run_cmd([PY, "-c", "import typer"], env),
            "b": lambda: run_cmd([PY, "-c", "import typer, rich, pydantic, yaml"], env),
            "version": lambda: run_cmd([str(BIN), "--version"], env),
            "help": lambda: run_cmd([str(BIN), "--help"], env),
            # a sessions folder of its own each time: a new reflection, nothing to offer or list
            "first_prompt": lambda: first_prompt(env, fresh(tmp)),
            "first_prompt_cold": lambda: first_prompt(cold, fresh(tmp)),
            "answer": lambda: per_answer(  # a folder of its own each time: no unfinished session to offer
                [str(BIN), "reflect", "--path", "full"],
                dict(env, GOEDGENOEG_SESSIONS_DIR=str(Path(tempfile.mkdtemp(dir=tmp)) / "sessions")),
                ANY_PROMPT,
            ),
            "bare_answer": lambda: per_answer([PY, "-c", BARE_LOOP, str(tmp / "bare")], env, FIRST_PROMPT),
            "check": lambda: run_cmd([str(BIN), "libraries", "check"], env),
        }
        for peer, argv in peers.items():
            commands[peer] = lambda argv=argv, peer=peer: first_prompt(env, tmp / "pty-sessions", argv, PEER_PROMPTS[peer])
        samples: dict[str, list[float]] = {k: [] for k in commands}
        rounds = []  # per round: {name: seconds}, for paired ratios
        for r in range(ROUNDS + 1):
            order = list(commands)
            rng.shuffle(order)
            row = {name: commands[name]() for name in order}
            if r == 0:
                continue  # warm-up: file caches, .pyc
            rounds.append(row)
            for name, value in row.items():
                samples[name].append(value)

        # (g) and (h): in-process, after warming up the imports; interleaved with (a), (b) and
        # the 10,000-prompt check as a subprocess.
        # in-process figures measure reading and validating: no library cache (and never the user's)
        os.environ["GOEDGENOEG_NO_CACHE"] = "1"
        from goedgenoeg.library import bundled_dir, load_library, load_sources
        from goedgenoeg.record import render

        ids = {s.id for s in load_sources(bundled_dir() / "sources.yaml").sources}
        for path in sets[SIZES[0]]:
            load_library(path, ids)  # warm-up, and proof that the generated files are valid
        libs, session, answered_prompts = render_fixture(sets[SIZES[0]])
        text = render(session, libs)
        split = breakdown([(1_000, sets[1_000][0]), (PROMPTS_PER_FILE, sets[10_000][0])], ids)
        per_file: list[float] = []  # the time of each file of the 50,000 set, every round

        def load_set(size: int) -> float:
            gc.collect()
            kept, start = [], time.perf_counter()
            for path in sets[size]:
                began = time.perf_counter()
                kept.append(load_library(path, ids))  # kept, as load_all keeps them
                if size == SIZES[-1]:
                    per_file.append(time.perf_counter() - began)
            return time.perf_counter() - start

        heavy = {f"load_{size}": (lambda size=size: load_set(size)) for size in SIZES}
        heavy["render"] = lambda: in_process(lambda: render(session, libs))
        heavy["check_10k"] = lambda: run_cmd([str(BIN), "libraries", "check", str(sets[10_000][0].parent)], cold)
        heavy["check_10k_cached"] = lambda: run_cmd([str(BIN), "libraries", "check", str(sets[10_000][0].parent)], env)
        small_files = write_small_files(tmp)
        heavy["check_small"] = lambda: run_cmd([str(BIN), "libraries", "check", str(small_files)], cold)
        heavy["check_small_cached"] = lambda: run_cmd([str(BIN), "libraries", "check", str(small_files)], env)
        org = [str(BIN), "reflect", "--library", str(sets[10_000][0].parent)]
        heavy["first_prompt_org"] = lambda: first_prompt(env, fresh(tmp), org)
        heavy["first_prompt_org_cold"] = lambda: first_prompt(cold, fresh(tmp), org)
        growth: list[tuple[float, float]] = []

        def walk_growth() -> float:  # a folder of its own: a new reflection each time
            folder = Path(tempfile.mkdtemp(dir=tmp)) / "sessions"
            growth.append(answers_early_and_late(dict(env, GOEDGENOEG_SESSIONS_DIR=str(folder))))
            return 0.0

        heavy["answer_growth"] = walk_growth
        heavy.update(many_sessions(tmp, env))
        heavy["pass"] = commands["pass"]
        heavy["b"] = commands["b"]
        heavy_samples: dict[str, list[float]] = {k: [] for k in heavy}
        for _ in range(LOAD_ROUNDS):
            order = list(heavy)
            rng.shuffle(order)
            for name in order:
                heavy_samples[name].append(heavy[name]())
        heavy_samples.pop("answer_growth")
        samples["answer_early"] = [early for early, _ in growth]
        samples["answer_late"] = [late for _, late in growth]
        samples["pass"] += heavy_samples.pop("pass")
        samples["b"] += heavy_samples.pop("b")
        samples.update(heavy_samples)
        many = [f"{c}_{n}" for c in SESSION_TARGETS for n in MANY]  # the first round fills the index
        for name in ("check_10k_cached", "check_small_cached", "first_prompt_org", *many):  # the first round may fill the cache
            samples[name] = samples[name][1:] or samples[name]
        files = len(sets[SIZES[-1]])
        first, last = per_file[::files], per_file[files - 1 :: files]  # the first and last file of every round
        split += [
            f"Each of the {files} files of {PROMPTS_PER_FILE:,} prompts in the {SIZES[-1]:,} set, loaded one after "
            f"the other (results kept): median {ms(statistics.median(per_file))} ms, min {ms(min(per_file))} ms, "
            f"max {ms(max(per_file))} ms over {len(per_file)} loads; the first file of a round "
            f"{ms(statistics.median(first))} ms, the last {ms(statistics.median(last))} ms (medians).",
            "",
        ]
        report(samples, rounds, sets, answered_prompts, text, split, started, load_before, list(peers))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


LABELS = {
    "pass": "(a) `python -c pass`",
    "b": '(b) `python -c "import typer, rich, pydantic, yaml"`',
    "typer": '(t) `python -c "import typer"`',
    "version": "(c) `goedgenoeg --version`",
    "help": "(d) `goedgenoeg --help` (typer)",
    "first_prompt": "(e) `goedgenoeg reflect`: first prompt in a pty (library cache filled)",
    "first_prompt_cold": "(e1) the same, library cache switched off (`GOEDGENOEG_NO_CACHE=1`)",
    "cookiecutter": "(p) cookiecutter: first question in a pty",
    "copier": "(p) copier: first question in a pty",
    "answer": "(i) per answer: goedgenoeg reflect, Enter until the next question (median of 10 a round)",
    "bare_answer": "(i) per answer: bare loop (rich input + atomic 3 kB write with fsync)",
    "answer_early": "(i2) per answer ('!later'), answers 2-11 of the full path, Enter until the next question is drawn",
    "answer_late": "(i2) the same, answers 111-120",
    "check": "(f) `goedgenoeg libraries check` (bundled; library cache filled)",
    "load_1000": "(g) load_library, 1,000 prompts (1 file), in-process",
    "load_10000": "(g) load_library, 10,000 prompts (2 files), in-process",
    "load_50000": "(g) load_library, 50,000 prompts (10 files), in-process",
    "check_10k": "(g) `goedgenoeg libraries check DIR`, 10,000 prompts, subprocess, no cache",
    "check_10k_cached": "(g) the same, from the library cache (unchanged files)",
    "check_small": "(g2) `goedgenoeg libraries check DIR`, 2,000 small library files, no cache",
    "check_small_cached": "(g2) the same, library cache on (unchanged files)",
    "first_prompt_org": "(o) `goedgenoeg reflect --library DIR` (10,000 prompts): first prompt, library cache filled",
    "first_prompt_org_cold": "(o) the same, library cache switched off",
    "render": "(h) record.render, session with 1,000 answers, in-process",
    **{
        f"{c}_{n}": f"(s) {what}, {n:,} sessions"
        for c, what in (
            ("sessions", "`goedgenoeg sessions`"),
            ("overview", "`goedgenoeg overview`"),
            ("reflect", "`goedgenoeg reflect`: its first screen (the offer) in a pty"),
        )
        for n in MANY
    },
}


def paired(rounds: list[dict], name: str, base: str) -> dict:
    return stats([row[name] / row[base] for row in rounds])


def report(samples, rounds, sets, answered_prompts, text, split, started, load_before, peers) -> None:
    s = {k: stats(v) for k, v in samples.items() if v}
    med = {k: v["median"] for k, v in s.items()}
    out = [
        "## Figures",
        "",
        f"{ROUNDS} interleaved rounds of the start-up commands (shuffled each round, one warm-up "
        f"round dropped); {LOAD_ROUNDS} interleaved rounds of the load and render figures. Ratios are ratios of "
        "medians from this run.",
        "",
        "| measurement | median ms | p25-p75 ms | min ms | n | x (a) | x (b) | x import typer |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, label in LABELS.items():
        if key not in s:
            out.append(f"| {label} | not measured (not installed) | | | | | | |")
            continue
        x = s[key]
        out.append(
            f"| {label} | {ms(x['median'])} | {ms(x['p25'])}-{ms(x['p75'])} | {ms(x['min'])} | {x['n']} | "
            f"{med[key] / med['pass']:.2f} | {med[key] / med['b']:.2f} | {med[key] / med['typer']:.2f} |"
        )
    sizes = {size: sum(p.stat().st_size for p in paths) for size, paths in sets.items()}
    growth = med["load_50000"] / med["load_1000"]
    out += [
        "",
        f"Generated libraries: {', '.join(f'{k:,} prompts = {v / 1e6:.1f} MB' for k, v in sizes.items())} "
        f"(at most {PROMPTS_PER_FILE:,} prompts a file). The record: {answered_prompts:,} generated prompts answered "
        f"(one in ten skipped or 'later') plus the context, {len(text) / 1000:,.0f} kB of markdown.",
        "",
        f"Per prompt: {med['load_1000'] / 1000 * 1e6:.0f} µs at 1,000, {med['load_10000'] / 10000 * 1e6:.0f} µs at 10,000, "
        f"{med['load_50000'] / 50000 * 1e6:.0f} µs at 50,000. Growth 1,000 -> 10,000: "
        f"{med['load_10000'] / med['load_1000']:.1f}x; 1,000 -> 50,000: {growth:.1f}x (linear would be 10x and 50x).",
        "",
    ]
    out += split

    def row(name, value, target, unit, paired_stats=None) -> str:
        met = "met" if value <= target else "**missed**"
        extra = (
            f" (per-round ratio median {paired_stats['median']:.2f}, p25-p75 {paired_stats['p25']:.2f}-{paired_stats['p75']:.2f})"
            if paired_stats
            else ""
        )
        return f"| {name} | {value:.2f}{unit}{extra} | <= {target}{unit} | {met} |"

    def peer_row(target: str, name: str, base: str, limit: float) -> str:
        if base not in peers:
            return f"| {target} | not measured: {base} not installed | <= {limit}x | **missed** |"
        return row(target, med[name] / med[base], limit, "x", paired(rounds, name, base))

    out += [
        "## Targets (issue 24)",
        "",
        "Each a ratio of medians measured in this run (with the per-round ratio where both ran in the same rounds).",
        "",
        "| target | measured | limit | |",
        "|---|---|---|---|",
        row(
            "answer to the next question / bare rich prompt + fsync loop",
            med["answer"] / med["bare_answer"],
            TARGETS["answer"],
            "x",
            paired(rounds, "answer", "bare_answer"),
        ),
        row("`--help` / `import typer`", med["help"] / med["typer"], TARGETS["help"], "x", paired(rounds, "help", "typer")),
        row(
            "first question / the four dependencies' import (b)",
            med["first_prompt"] / med["b"],
            TARGETS["first_prompt"],
            "x",
            paired(rounds, "first_prompt", "b"),
        ),
        peer_row("first question / cookiecutter's first question", "first_prompt", "cookiecutter", TARGETS["first_prompt_peer"]),
        row("`libraries check` of 10,000 prompts, no cache / (b)", med["check_10k"] / med["b"], TARGETS["check_10k"], "x"),
        row("load 50,000 / load 1,000", growth, TARGETS["growth"], "x"),
        row(
            "`libraries check` of 2,000 small files, cache on / cache off",
            med["check_small_cached"] / med["check_small"],
            TARGETS["check_small_files"],
            "x",
        ),
        "",
        "Not targets: `--version` / `import typer` "
        f"{med['version'] / med['typer']:.2f}x; the first question with the library cache off (e1) "
        f"{med['first_prompt_cold'] / med['b']:.2f}x (b) ({ms(med['first_prompt_cold'])} against {ms(med['first_prompt'])} ms "
        "with it); `libraries check` of 10,000 prompts from the cache "
        f"{med['check_10k_cached'] / med['b']:.2f}x (b).",
        "",
        "What the library cache is kept for (o): with a large organisation library (10,000 prompts) the first question "
        f"comes after {ms(med['first_prompt_org'])} ms with the cache and {ms(med['first_prompt_org_cold'])} ms without it "
        f"({med['first_prompt_org_cold'] / med['first_prompt_org']:.1f}x).",
        "",
        f"As the walk grows (i2): {ms(med['answer_early'])} ms an answer early in the full path, "
        f"{ms(med['answer_late'])} ms after 110 answers ({med['answer_late'] / med['answer_early']:.2f}x).",
        "",
    ]
    out += session_report({k: samples[k] for k in samples if k.split("_")[0] in SESSION_TARGETS})
    out += (
        ["## Machine", ""]
        + machine()
        + [f"- peers (bench/.peers): {peer_versions()}"]
        + [
            f"- load average before / after: {' '.join(f'{x:.2f}' for x in load_before)}"
            f" / {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
            f"- benchmark took {time.time() - started:.0f} s "
            f"(BENCH_ROUNDS={ROUNDS}, BENCH_LOAD_ROUNDS={LOAD_ROUNDS}, BENCH_SEED={SEED})",
            "",
        ]
    )
    print("\n".join(out))


if __name__ == "__main__":
    if sys.argv[1:] == ["sessions"]:
        sessions_only()
    else:
        main()
