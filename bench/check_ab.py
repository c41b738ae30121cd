"""`libraries check` of bench/run.py's 10,000-prompt set without the cache, interleaved with the
dependency imports (b) and with other versions of the source: an A/B measurement of the check alone.

    .venv/bin/python bench/check_ab.py [ROUNDS] [NAME=SRC_DIR ...]

Each NAME=SRC_DIR runs `python -m goedgenoeg` with that src folder on PYTHONPATH (for instance
`git archive <commit> src | tar -x -C /tmp/before`, with a `prompts` link to the checkout's
prompts inside its goedgenoeg folder); "now" is the installed package. Prints medians and the
fastest round of the wall time, and the CPU time (user + sys, workers included), as ratios to (b).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import write_set  # noqa: E402

PY = sys.executable


def measure(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{argv} failed: {done.stderr}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    root = Path(tempfile.mkdtemp(prefix="check-ab-"))
    folder = str(write_set(root, 10_000)[0].parent)
    env = dict(os.environ, GOEDGENOEG_NO_CACHE="1")
    commands = {"b": ([PY, "-c", "import typer, rich, pydantic, yaml"], env)}
    for item in sys.argv[2:]:
        name, src = item.split("=", 1)
        commands[name] = ([PY, "-m", "goedgenoeg", "libraries", "check", folder], dict(env, PYTHONPATH=src))
    commands["now"] = ([PY, "-m", "goedgenoeg", "libraries", "check", folder], env)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    shuffle = random.Random(1)
    try:
        for n in range(rounds + 1):  # the first round warms the file cache and the .pyc files
            order = list(commands)
            shuffle.shuffle(order)
            for name in order:
                wall, cpu = measure(*commands[name], cwd=str(root))
                if n:
                    walls[name].append(wall)
                    cpus[name].append(cpu)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    base = statistics.median(walls["b"]), min(walls["b"]), statistics.median(cpus["b"])
    for name in commands:
        figures = statistics.median(walls[name]), min(walls[name]), statistics.median(cpus[name])
        wall, fastest, cpu = (f"{x * 1000:6.0f} ms {x / b:5.2f}x" for x, b in zip(figures, base, strict=True))
        print(f"{name:8} wall median {wall}   fastest {fastest}   CPU median {cpu}")


if __name__ == "__main__":
    main()
