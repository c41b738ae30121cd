"""Entry point. `--version` is answered before anything heavy is imported, and the usual
`goedgenoeg reflect`, `goedgenoeg resume` and `goedgenoeg libraries check` run without typer
(start.py): the first question and the check come sooner."""

import sys


def _utf8_when_redirected() -> None:
    """A record or list sent to a file or a pipe is UTF-8, whatever the console's code page
    (a cp1252 console on Windows crashed on the first letter outside it and left an empty file).
    A terminal keeps its own encoding, with unknown characters replaced rather than crashing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError):
            pass


def main() -> None:
    _utf8_when_redirected()
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"goedgenoeg {__version__}")
        return
    if sys.argv[1:2] in (["reflect"], ["resume"]) or sys.argv[1:3] == ["libraries", "check"]:
        from .start import run_command

        checking = sys.argv[1] == "libraries"
        if run_command("libraries check" if checking else sys.argv[1], sys.argv[3 if checking else 2 :]):
            return
    if sys.argv[1:] == ["--help"]:  # as typer printed it before, if nothing it depends on changed
        from . import quickhelp

        text = quickhelp.cached()
        if text is not None:
            sys.stdout.write(text)
            return
        from .cli import app

        with quickhelp.keeping():
            app(prog_name="goedgenoeg")
        return
    from .cli import app

    app(prog_name="goedgenoeg")


if __name__ == "__main__":
    main()
