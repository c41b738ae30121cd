"""Where an answer's time goes, in-process and without a terminal: the full path walked by a
scripted asker (a text answer, the first option, Enter at a list), the time from one input to
the next, with the real save and with saving switched off. Not part of `make bench`; run it
with `.venv/bin/python bench/answer_parts.py [ANSWERS]` (docs/performance.md cites it)."""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["GOEDGENOEG_NO_CACHE"] = "1"  # never the user's cache

from rich.console import Console  # noqa: E402

from goedgenoeg import files, session  # noqa: E402
from goedgenoeg.ask import TerminalAsker  # noqa: E402
from goedgenoeg.library import load_all  # noqa: E402
from goedgenoeg.reflection import walk_session  # noqa: E402

LIST_FIELDS = ("Pseudoniem", "Wie", "Wat moet")  # the first field of a list: Enter ends it


def walk(answers: int, save: bool) -> list[float]:
    """The seconds between one input and the next, over `answers` inputs."""
    libraries = load_all()
    folder = Path(tempfile.mkdtemp(prefix="goedgenoeg-parts-"))
    reflection = session.new_session(libraries, "nl")
    reflection.path = "full"
    asker = TerminalAsker(Console(file=io.StringIO(), width=100, force_terminal=True, color_system=None), "nl")
    times: list[float] = []
    last: list[float] = []  # when the previous input was given

    def typed(label: str) -> str:
        if last:
            times.append(time.perf_counter() - last[0])
        if len(times) >= answers:
            raise KeyboardInterrupt
        first = not last
        last[:] = [time.perf_counter()]
        if first:
            return "GG-PARTS"
        return "" if any(field in label for field in LIST_FIELDS) else "1"

    asker._input = typed  # type: ignore[method-assign]
    real = session.write_private
    if not save:
        session.write_private = lambda path, data, overwrite=True: None  # type: ignore[assignment]
    try:
        walk_session(reflection, libraries, asker, folder, session.path_of(folder, reflection.id))
    except KeyboardInterrupt:
        pass
    finally:
        session.write_private = real
    assert files.write_private is real
    return times


def main() -> None:
    answers = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    for save in (True, False):
        times = walk(answers, save)
        label = "with the save" if save else "saving switched off"
        print(f"{label}: {len(times)} answers, median {statistics.median(times) * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
