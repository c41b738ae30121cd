"""Find, load and cross-check the YAML prompt libraries of a reflection.

Reading YAML with its lines is yamlread.py; the words of every problem are problems.py. Here a
library is validated against the models, checked against the bibliography and the other
libraries, and gathered into a LibrarySet. Every problem is a `Problem` (file, line, message)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import cache
from .cache import gc_paused
from .models import AGE_BANDS, DECISIONS, REGIONS, WHO, Bibliography, Library
from .problems import KeyPath, LibraryError, Problem, message, refuse, shown, validation_problems
from .vocab import LibraryRole, PromptRole, SectionRole
from .yamlread import MAX_BYTES, parse_data, parse_yaml, read_bytes, read_yaml

__all__ = ["MAX_BYTES", "LibraryError", "Problem", "bundled_dir", "read_yaml"]  # used from here by the tests

SOURCES_FILE = "sources.yaml"
CONTEXT_LIBRARY = "context"

# The context library must offer exactly the values conditions can name.
CONTEXT_OPTIONS = {"decision": DECISIONS, "age": AGE_BANDS, "region": REGIONS, "who": WHO}


@dataclass(frozen=True)
class Loaded:
    """A validated library, the file it came from and the hash of that file's bytes."""

    library: Library
    path: str
    sha256: str


@dataclass
class LibrarySet:
    """The libraries of one reflection, in walk order, with the bibliography."""

    libraries: list[Loaded]
    sources: Bibliography | None = None

    def get(self, library_id: str) -> Library | None:
        for loaded in self.libraries:
            if loaded.library.id == library_id:
                return loaded.library
        return None

    def prompt_keys(self, role: PromptRole) -> list[str]:
        """The keys (library.prompt) of the prompts that have this role, in library order."""
        return [
            f"{x.library.id}.{prompt.id}"
            for x in self.libraries
            for section in x.library.sections
            for prompt in section.prompts
            if prompt.role == role
        ]

    def section_keys(self, role: SectionRole) -> dict[str, str]:
        """The sections that have this role: section id -> its key (library.section), in order."""
        return {s.id: f"{x.library.id}.{s.id}" for x in self.libraries for s in x.library.sections if s.role == role}

    def library_ids(self, role: LibraryRole) -> set[str]:
        """The ids of the libraries that have this role."""
        return {x.library.id for x in self.libraries if x.library.role == role}

    def stamps(self) -> dict[str, dict[str, str]]:
        """Version and hash of each library; for one not bundled also its file, so that a
        record made later can load it again."""
        bundled = str(bundled_dir())
        return {
            x.library.id: {"version": x.library.version, "sha256": x.sha256}
            | ({} if x.path.startswith(bundled) else {"path": str(Path(x.path).resolve())})
            for x in self.libraries
        }


Lines = Mapping[KeyPath, int]


def bundled_dir() -> Path:
    """The folder of the libraries shipped inside the package; in a checkout run from `src/`
    (the tests), the checkout's own `prompts/`, so a test sees the libraries as they are now."""
    shipped = Path(__file__).parent / "prompts"
    checkout = Path(__file__).parent.parent.parent / "prompts"
    return shipped if shipped.is_dir() or not checkout.is_dir() else checkout


def yaml_files(path: Path) -> list[Path]:
    """The library files of a folder (its .yaml and .yml files, sorted), or the file itself."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


# --- cross-checks ----------------------------------------------------------------------


def _as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _with_id(items: object) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) of the items of a raw list that are mappings with a text id."""
    for i, item in enumerate(_as_list(items)):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            yield i, item


def _duplicate(name: str, item_id: str, line: int, key: str, seen: dict[str, int]) -> list[Problem]:
    """A problem when the id is in `seen` already (which holds the line of each first one)."""
    if item_id in seen:
        return [Problem(name, line, message(key, id=item_id, first=seen[item_id]))]
    seen[item_id] = line
    return []


def _duplicates(name: str, items: object, path: KeyPath, lines: Lines, key: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, item in _with_id(items):
        problems += _duplicate(name, item["id"], lines.get(path + (i, "id"), 1), key, seen)
    return problems


def _id_problems(name: str, data: dict[str, Any], lines: Lines) -> list[Problem]:
    """Duplicate section, prompt and option ids, found on the raw data so they are reported
    together with any other problem in the file."""
    sections = data.get("sections")
    problems = _duplicates(name, sections, ("sections",), lines, "duplicate_section")
    prompts_seen: dict[str, int] = {}  # prompt ids are unique in the whole library
    for s, section in enumerate(_as_list(sections)):
        for p, prompt in _with_id(section.get("prompts") if isinstance(section, dict) else None):
            path = ("sections", s, "prompts", p)
            problems += _duplicate(name, prompt["id"], lines.get(path + ("id",), 1), "duplicate_prompt", prompts_seen)
            problems += _duplicates(name, prompt.get("options"), path + ("options",), lines, "duplicate_option")
    return problems


def _prompts(library: Library) -> Iterator[tuple[KeyPath, Any]]:
    """(the path of a prompt in the file, the prompt), in file order."""
    for s, section in enumerate(library.sections):
        for p, prompt in enumerate(section.prompts):
            yield ("sections", s, "prompts", p), prompt


def _source_problems(name: str, path: KeyPath, prompt: Any, lines: Lines, source_ids: set[str]) -> list[Problem]:
    """Each source a prompt names must be in the bibliography."""
    problems = []
    for ref in prompt.source.split(";"):
        source_id = ref.strip().split(" ")[0]
        if source_id not in source_ids:
            known = ", ".join(sorted(source_ids))
            found = message("unknown_source", source=source_id, known=known, file=SOURCES_FILE)
            problems.append(Problem(name, lines.get(path + ("source",), 1), found))
    return problems


def _context_problems(name: str, library: Library, lines: Lines) -> list[Problem]:
    """The context library must ask the case reference and the values conditions use."""
    problems = []
    prompts = {prompt.id: (path, prompt) for path, prompt in _prompts(library)}
    for key, values in CONTEXT_OPTIONS.items():
        if key not in prompts:
            problems.append(Problem(name, 1, message("context_needs_choice", key=key)))
            continue
        path, prompt = prompts[key]
        offered = tuple(o.id for o in getattr(prompt, "options", []) or [])
        if sorted(offered) != sorted(values):
            problems.append(Problem(name, lines.get(path, 1), message("context_options", key=key, values=", ".join(values))))
    if "case" not in prompts:
        problems.append(Problem(name, 1, message("context_needs_case")))
    return problems


def _cross_problems(name: str, library: Library, lines: Lines, source_ids: set[str] | None) -> list[Problem]:
    """What the models cannot check on their own, in one pass over the prompts: sources in the
    bibliography, the context library, a guiding prompt's `of` naming a list prompt before it,
    and a summary slot on a prompt kept out of the dossier record."""
    sources: list[Problem] = []
    references: list[Problem] = []
    dossier: list[Problem] = []
    seen_lists: set[str] = set()
    for path, prompt in _prompts(library):
        if source_ids is not None:
            sources += _source_problems(name, path, prompt, lines, source_ids)
        if prompt.kind == "list":
            seen_lists.add(prompt.id)
        elif prompt.kind == "guiding" and "." not in prompt.of and prompt.of not in seen_lists:
            references.append(Problem(name, lines.get(path + ("of",), 1), message("of_not_a_list", of=prompt.of)))
        if prompt.summary and not prompt.dossier:
            found = message("summary_not_in_dossier", summary=prompt.summary)
            dossier.append(Problem(name, lines.get(path + ("summary",), 1), found))
    context = _context_problems(name, library, lines) if library.id == CONTEXT_LIBRARY else []
    return sources + context + references + dossier


# --- loading ---------------------------------------------------------------------------


def _validated(name: str, data: object, lines: Lines, source_ids: set[str] | None) -> tuple[Library | None, list[Problem]]:
    """The library in the data, and every problem in it (the library is None when the models refuse it)."""
    if not isinstance(data, dict):
        return None, [Problem(name, 1, message("not_a_mapping", shown=shown(data)))]
    problems = _id_problems(name, data, lines)
    try:
        with gc_paused():
            library = Library.model_validate(data)
    except ValidationError as exc:
        found = validation_problems(name, exc.errors(), lines) + problems
        return None, sorted(found, key=lambda problem: problem.line)
    return library, problems + _cross_problems(name, library, lines, source_ids)


def load_library(path: Path, source_ids: set[str] | None = None) -> Loaded:
    """Load and validate one library file. Raises LibraryError with every problem found.

    A library without problems is read once, without a line map (most are). Only when there is
    a problem is the file read again with the line of every value, so that each problem names
    its line."""
    name = str(path)
    raw = read_bytes(path)
    digest = hashlib.sha256(raw).hexdigest() if len(raw) <= MAX_BYTES else ""
    cached = cache.get(digest, source_ids) if digest else None
    if cached is not None:
        return Loaded(library=cached[0], path=name, sha256=digest)
    with gc_paused():  # once for the whole file: the collector would walk the new data after each step
        library = _library(name, raw, source_ids)
    cache.put(digest, source_ids, library, {})  # no line map: a cached library has no problem to point at
    return Loaded(library=library, path=name, sha256=digest)


def _library(name: str, raw: bytes, source_ids: set[str] | None) -> Library:
    """The validated library in a file's bytes, or a LibraryError with every problem on its line."""
    library, problems = _validated(name, parse_data(name, raw), {}, source_ids)
    if problems or library is None:
        data, lines, _ = parse_yaml(name, raw)
        library, problems = _validated(name, data, lines, source_ids)
        if problems or library is None:
            raise LibraryError(problems)
    return library


def load_sources(path: Path) -> Bibliography:
    name = str(path)
    data, lines, _ = read_yaml(path)
    if not isinstance(data, dict):
        raise refuse(name, 1, "sources_not_a_mapping")
    try:
        return Bibliography.model_validate(data)
    except ValidationError as exc:
        raise LibraryError(validation_problems(name, exc.errors(), lines)) from None


# --- finding libraries -----------------------------------------------------------------


def _files(paths: list[Path], problems: list[Problem]) -> list[Path]:
    """The library files of the given files and folders; a problem for each that does not exist."""
    files: list[Path] = []
    for item in paths:
        if not item.exists():
            problems.append(Problem(str(item), 0, message("no_such_path")))
        else:
            files += yaml_files(item)
    return files


def _bibliography(paths: list[Path], problems: list[Problem]) -> Bibliography | None:
    """The bibliographies among the paths in one (a given one is added to the bundled one)."""
    sources = None
    for path in paths:
        if path.name != SOURCES_FILE:
            continue
        try:
            found = load_sources(path)
        except LibraryError as err:
            problems += err.problems
            continue
        sources = found if sources is None else Bibliography(sources=sources.sources + found.sources)
    return sources


def _libraries(paths: list[Path], source_ids: set[str] | None, problems: list[Problem]) -> Iterator[tuple[Path, Loaded]]:
    """Each library among the paths that loads; the problems of the others are gathered."""
    for path in paths:
        if path.name == SOURCES_FILE:
            continue
        try:
            yield path, load_library(path, source_ids)
        except LibraryError as err:
            problems += err.problems


def _id_taken(path: Path, lib_id: str, seen: dict[str, str]) -> Problem | None:
    """A problem when another given file has this library's id already; else the id is noted."""
    if lib_id in seen:
        return Problem(str(path), 1, message("library_id_taken", id=lib_id, other=seen[lib_id]))
    seen[lib_id] = str(path)
    return None


def load_all(extra: list[Path] | None = None, with_bundled: bool = True) -> LibrarySet:
    """Bundled libraries plus the given files or folders; a given library replaces a bundled
    one with the same id. Raises LibraryError listing every problem in every file."""
    problems: list[Problem] = []
    bundled_files = yaml_files(bundled_dir()) if with_bundled else []
    given_files = _files(extra or [], problems)
    sources = _bibliography(bundled_files + given_files, problems)
    source_ids = {s.id for s in sources.sources} if sources else None
    by_id: dict[str, Loaded] = {}
    given_ids: dict[str, str] = {}
    for path, loaded in _libraries(bundled_files + given_files, source_ids, problems):
        taken = _id_taken(path, loaded.library.id, given_ids) if path in given_files else None
        if taken is not None:
            problems.append(taken)
            continue
        by_id[loaded.library.id] = loaded
    if problems:
        raise LibraryError(problems)
    ordered = sorted(by_id.values(), key=lambda x: (x.library.order, x.library.id))
    return LibrarySet(libraries=ordered, sources=sources)


# --- checking ---------------------------------------------------------------------------

PARALLEL_BYTES = 1024 * 1024  # below this in all, starting worker processes costs more than it saves


def _check_one(path: Path, source_ids: set[str]) -> tuple[str | None, list[Problem]]:
    """The id of the library in one file, or None and its problems."""
    try:
        return load_library(path, source_ids).library.id, []
    except LibraryError as err:
        return None, err.problems


def _workers(paths: list[Path]) -> int:
    """How many files to check side by side: one per core for large sets of files, where a
    forked worker starts with everything imported (Linux); else one at a time."""
    if sys.platform != "linux" or len(paths) < 2:
        return 1
    cores = len(os.sched_getaffinity(0))
    size = sum(path.stat().st_size for path in paths if path.is_file())
    return min(cores, len(paths)) if size >= PARALLEL_BYTES else 1


def _side_by_side(paths: list[Path], source_ids: set[str], workers: int) -> list[tuple[str | None, list[Problem]]] | None:
    """Each file's result from forked workers, in order; None when workers cannot be had or one
    fails (then the files are checked one at a time, as everywhere else). Plain fork and a pipe
    each, not a process pool: a worker sends its results and ends at once, without tearing down
    what it built (on 10,000 prompts the pool's machinery and that tear-down cost more than a
    tenth of the check; issue 15)."""
    import pickle

    shares: list[list[int]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for index in sorted(range(len(paths)), key=lambda i: -_size(paths[i])):  # the largest first, to the least loaded
        least = loads.index(min(loads))
        shares[least].append(index)
        loads[least] += _size(paths[index])
    children: list[tuple[int, int]] = []
    parent = os.getpid()
    folder = cache.cache_dir()
    if folder is not None:  # pruned here, once: the workers inherit that it was
        cache.prune_once(folder)
    try:
        for share in shares:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the worker (measured by the tests through its results)
                code = 1
                try:
                    os.close(read)
                    _end_with_parent(parent)
                    found = []
                    for index in share:
                        _exit_if_orphaned(parent)
                        found.append((index, _check_one(paths[index], source_ids)))
                    with os.fdopen(write, "wb") as out:
                        pickle.dump(found, out)
                    code = 0
                finally:
                    os._exit(code)
            os.close(write)
            children.append((pid, read))
    except OSError:
        _collect(children)
        return None
    results = _collect(children)
    if results is None or sorted(results) != list(range(len(paths))):
        return None
    return [results[index] for index in range(len(paths))]


def _end_with_parent(parent: int) -> None:
    """Make this worker end when its parent does (killed, say): on Linux the kernel sends it
    SIGKILL then (PR_SET_PDEATHSIG); it would otherwise go on writing the cache for a minute."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # 1: PR_SET_PDEATHSIG
    _exit_if_orphaned(parent)  # it may have died before the line above


def _exit_if_orphaned(parent: int) -> None:
    """End this worker at once when the process that forked it is gone (it was adopted);
    checked before each file as well, where the kernel's signal is not to be had."""
    if os.getppid() != parent:
        os._exit(1)


def _collect(children: list[tuple[int, int]]) -> dict[int, tuple[str | None, list[Problem]]] | None:
    """The results the workers sent, by file index; None if any worker failed."""
    import pickle

    results: dict[int, tuple[str | None, list[Problem]]] = {}
    failed = False
    for pid, read in children:
        with os.fdopen(read, "rb") as handle:
            data = handle.read()
        _, status = os.waitpid(pid, 0)
        if status != 0:
            failed = True
            continue
        try:
            results.update(pickle.loads(data))
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
            failed = True
    return None if failed else results


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _checked(paths: list[Path], source_ids: set[str]) -> Iterator[tuple[Path, str | None, list[Problem]]]:
    """(file, library id or None, problems) for each library file, in the order given."""
    paths = [path for path in paths if path.name != SOURCES_FILE]
    workers = _workers(paths)
    results = _side_by_side(paths, source_ids, workers) if workers > 1 else None
    for path, (lib_id, problems) in zip(paths, results or (_check_one(path, source_ids) for path in paths), strict=True):
        yield path, lib_id, problems


def check_paths(paths: list[Path]) -> tuple[int, list[Problem]]:
    """Check files or folders on their own (plus the bundled bibliography for `source`).
    Returns (number of libraries that passed, problems); large sets of files are checked side
    by side (_workers), with the same result."""
    problems: list[Problem] = []
    files = _files(paths, problems)
    sources_paths = [p for p in files if p.name == SOURCES_FILE] or [bundled_dir() / SOURCES_FILE]
    ids: set[str] = set()
    for path in sources_paths:
        try:
            ids |= {s.id for s in load_sources(path).sources}
        except LibraryError as err:
            problems += err.problems
    passed = 0
    seen: dict[str, str] = {}
    with gc_paused():  # what a check loads is dropped at once, without cycles: nothing for the collector
        for path, lib_id, found in _checked(files, ids):
            taken = _id_taken(path, lib_id, seen) if lib_id is not None else None
            dropped = _dropped_roles(path, lib_id, ids) if lib_id is not None and taken is None else None
            problems += found + ([taken] if taken else []) + ([dropped] if dropped else [])
            passed += lib_id is not None and taken is None and dropped is None
    return passed, problems


def roles(library: Library) -> set[str]:
    """The roles (role:) its library, sections and prompts have."""
    held = {library.role} | {s.role for s in library.sections} | {p.role for s in library.sections for p in s.prompts}
    return {role for role in held if role is not None}


def _dropped_roles(path: Path, lib_id: str, source_ids: set[str]) -> Problem | None:
    """A problem when the file replaces a bundled library (the same id) without a role the
    bundled one has: the tool finds meetings, dissent, the decision's status and the like by
    role, and would silently lose them."""
    bundled = bundled_dir() / f"{lib_id}.yaml"
    if not bundled.is_file() or path.resolve() == bundled.resolve():
        return None
    try:
        needed = roles(load_library(bundled).library)
        missing = needed - roles(load_library(path, source_ids).library)
    except LibraryError:
        return None
    if not missing:
        return None
    return Problem(str(path), 1, message("library_drops_role", id=lib_id, roles=", ".join(sorted(missing))))
